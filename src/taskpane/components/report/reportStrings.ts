// The 报告 tab's own strings. The draft itself is always Chinese (a 通报 is a Chinese document);
// only the pane around it follows the pane's language.
import type { Locale } from '../../../ledger/errors';

export type ReportStrings = {
  summaryHeading: string;
  settingsHeading: string;
  issuer: string;
  issuerHint: string;
  date: string;
  contact: string;
  contactHint: string;
  organisation: string;
  nextSteps: string;
  resetTemplates: string;
  copy: string;
  writeSheet: string;
  writeSheetMissing: string;
  download: string;
  copyForWord: string;
  copyForWordHint: string;
  previewHeading: string;
  previewLabel: string;
  copied: string;
  copyFailed: string;
  written: string;
  /** After the sheet went into a file the page holds: it reaches the file with 保存. */
  untilSaved: string;
  downloaded: string;
  macDocx: string;
  docxFailed: string;
  sheetName: string;
  fileName: string;
  /** The file name when the 通报 has no title. */
  untitled: string;
  /** Between the download's message and the notes on paragraphs that lost characters. */
  noteSeparator: string;
  asOfNote: string;
};

const zhCN: ReportStrings = {
  summaryHeading: '整改概况',
  settingsHeading: '通报设置',
  issuer: '发文机关（署名）',
  issuerHint: '用于标题和署名，如“中共××局党组”',
  date: '成文日期',
  contact: '联系方式（可选）',
  contactHint: '填写后在文末加监督联系段落',
  organisation: '一、整改工作组织情况（可编辑）',
  nextSteps: '三、下一步工作打算（可编辑）',
  resetTemplates: '恢复默认文字',
  copy: '复制文本',
  writeSheet: '写入新工作表',
  writeSheetMissing: '当前环境不支持写入工作表',
  download: '下载 Word（.docx）',
  copyForWord: '复制通报文本（粘贴到 Word）',
  copyForWordHint: 'Mac 版 Excel 中的加载项不能下载文件，所以这里不生成 .docx：点击后通报全文复制到剪贴板，在 Word 中新建文档后粘贴；也可以“写入新工作表”。',
  previewHeading: '通报预览',
  previewLabel: '整改情况通报预览',
  copied: '通报全文已复制，可粘贴到 Word 或 WPS。',
  copyFailed: '复制失败：浏览器不允许访问剪贴板。请在预览中全选文字后按 Ctrl+C（Mac 上按 ⌘C）复制。',
  written: '已写入新工作表“{0}”。',
  untilSaved: '点“保存”后写入文件。',
  downloaded: '已生成 Word 文件“{0}”。',
  macDocx: '通报全文已复制到剪贴板，请在 Word 中新建文档后粘贴（Mac 版 Excel 中的加载项不能下载 .docx 文件）。',
  docxFailed: '生成 Word 文件失败：{0}',
  sheetName: '整改通报{0}',
  fileName: '{0}.docx',
  untitled: '整改情况通报',
  noteSeparator: '；',
  asOfNote: '数据统计截至{0}',
};

const en: ReportStrings = {
  summaryHeading: 'Summary',
  settingsHeading: 'Report settings',
  issuer: 'Issuing body (signature)',
  issuerHint: 'Used in the title and the signature',
  date: 'Date of issue',
  contact: 'Contact (optional)',
  contactHint: 'Adds a closing paragraph inviting feedback',
  organisation: 'Part 1, organisation of the work (editable)',
  nextSteps: 'Part 3, next steps (editable)',
  resetTemplates: 'Restore default text',
  copy: 'Copy text',
  writeSheet: 'Write to new sheet',
  writeSheetMissing: 'Writing a sheet is not available here',
  download: 'Download Word (.docx)',
  copyForWord: 'Copy the report text for Word',
  copyForWordHint: 'Add-ins in Excel for Mac cannot download files, so no .docx is made here: this copies the full report text to the clipboard; paste it into a new Word document, or write it to a new sheet.',
  previewHeading: 'Preview',
  previewLabel: 'Report preview',
  copied: 'The report text was copied; paste it into Word or WPS.',
  copyFailed: 'Copying failed: the browser denied clipboard access. Select the preview text and press Ctrl+C (⌘C on a Mac).',
  written: 'Written to the new sheet "{0}".',
  untilSaved: ' Click Save to write this to the file.',
  downloaded: 'Created the Word file "{0}".',
  macDocx: 'The full report text is on the clipboard; paste it into a new Word document (add-ins in Excel for Mac cannot download a .docx).',
  docxFailed: 'Could not create the Word file: {0}',
  sheetName: '整改通报{0}',
  fileName: '{0}.docx',
  untitled: 'Rectification report',
  noteSeparator: '; ',
  asOfNote: 'Figures as of {0}',
};

export const REPORT_STRINGS: Record<Locale, ReportStrings> = { 'zh-CN': zhCN, en };
