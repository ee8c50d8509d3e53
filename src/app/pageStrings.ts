// The page's own words (the first screen, the file bar); the tabs speak through the pane's tables.
import type { Locale } from '../ledger/errors';

const zhCN = {
  intro: '不用 Excel 也能维护整改台账：打开本单位的台账文件（.xlsx），在这里录入、更新、销号，保存回原文件。文件只在这台电脑上处理，不会上传。',
  open: '打开台账文件',
  drop: '或把台账文件拖到这里',
  dropActive: '松开鼠标即可打开',
  create: '新建台账',
  createHint: '新建一个空白的标准台账（巡察信息、问题清单、整改台账、整改统计等工作表），保存后可用 Excel、WPS 打开。',
  opening: '正在打开“{0}”…',
  creating: '正在生成空白台账…',
  openFailed: '无法打开这个文件',
  newFileName: '整改台账.xlsx',
  save: '保存',
  saving: '正在保存…',
  saved: '已保存',
  unsaved: '未保存',
  close: '关闭文件',
  closeConfirm: '“{0}”有未保存的修改，关闭后这些修改将丢失。仍要关闭吗？',
  savedInPlace: '已保存到“{0}”',
  savedDownload: '已下载“{0}”。请用它替换原来的文件（浏览器不能直接改写原文件）。',
  saveFailed: '保存失败：{0}',
  notWritten: '文件没有被改动。',
  warnings: '打开时发现：',
  onlyXlsx: '请一次只打开一个台账文件',
  fileLabel: '台账文件',
  fileType: 'Excel 工作簿',
  /** Before the file name in the window title while there are unsaved changes. */
  unsavedMark: '＊',
  warningSeparator: '；',
};

export type PageStrings = typeof zhCN;

const en: PageStrings = {
  intro: 'Keep the rectification ledger without Excel: open your unit\'s ledger file (.xlsx), enter, update and close items here, and save back to the file. The file is processed on this computer only; nothing is uploaded.',
  open: 'Open ledger file',
  drop: 'or drop a ledger file here',
  dropActive: 'Release to open',
  create: 'New ledger',
  createHint: 'Creates a blank standard ledger (巡察信息, 问题清单, 整改台账, 整改统计 …) that Excel and WPS open.',
  opening: 'Opening "{0}"…',
  creating: 'Creating a blank ledger…',
  openFailed: 'Cannot open this file',
  newFileName: '整改台账.xlsx',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  unsaved: 'Unsaved',
  close: 'Close file',
  closeConfirm: '"{0}" has unsaved changes that will be lost. Close it anyway?',
  savedInPlace: 'Saved to "{0}"',
  savedDownload: 'Downloaded "{0}". Use it to replace the original file (the browser cannot overwrite it).',
  saveFailed: 'Saving failed: {0}',
  notWritten: 'The file was not changed.',
  warnings: 'When opening:',
  onlyXlsx: 'Open one ledger file at a time',
  fileLabel: 'Ledger file',
  fileType: 'Excel workbook',
  unsavedMark: '*',
  warningSeparator: '; ',
};

export const PAGE_STRINGS: Record<Locale, PageStrings> = { 'zh-CN': zhCN, en };
