// One catalogue of the messages bad data produces (HyperFormula's split: misuse of an API throws,
// bad data is answered with a value). Custom functions turn a LedgerError into #VALUE!/#N/A/#DIV/0!
// with its message; the pane shows it in a MessageBar. Every message exists in zh-CN and en.

import { fillTemplate } from './template';

export type ErrorKind = '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!';

export type Locale = 'zh-CN' | 'en';

/** Message codes; add here, never inline a message elsewhere. `{0}`, `{1}` are parameters. */
export const MESSAGES = {
  emptyRange: { kind: '#DIV/0!', 'zh-CN': '{0}：区域中没有可统计的值', en: '{0}: the range holds no values to count' },
  badDate: { kind: '#VALUE!', 'zh-CN': '{0}：“{1}”不是有效日期，应为日期或“2024年3月15日”“2024-03-15”形式', en: '{0}: "{1}" is not a valid date; expected a date or text such as 2024-03-15' },
  badDeadline: { kind: '#VALUE!', 'zh-CN': '{0}：无法识别整改时限“{1}”，应为日期或“12月底前”“立行立改”“长期坚持”等', en: '{0}: cannot read the deadline "{1}"; expected a date or a phrase such as 12月底前' },
  unresolvedDeadline: { kind: '#N/A', 'zh-CN': '{0}：整改时限“{1}”没有具体日期，需人工确认', en: '{0}: the deadline "{1}" has no definite date and needs a person to confirm it' },
  noDeadline: { kind: '#N/A', 'zh-CN': '{0}：“{1}”没有截止日期（长期坚持）', en: '{0}: "{1}" has no deadline (long-term)' },
  badStatus: { kind: '#VALUE!', 'zh-CN': '{0}：无法识别整改状态“{1}”', en: '{0}: cannot read the status "{1}"' },
  badNumber: { kind: '#VALUE!', 'zh-CN': '{0}：“{1}”不是数字', en: '{0}: "{1}" is not a number' },
  badDigits: { kind: '#NUM!', 'zh-CN': '{0}：小数位数应为0到10的整数，实际为“{1}”', en: '{0}: digits must be a whole number from 0 to 10, got "{1}"' },
  badFlag: { kind: '#VALUE!', 'zh-CN': '{0}：“{1}”不是是/否标记', en: '{0}: "{1}" is not a yes/no flag' },
  errorInRange: { kind: '#VALUE!', 'zh-CN': '{0}：区域第{1}项是错误值{2}，请先更正', en: '{0}: item {1} of the range is the error {2}; correct it first' },
  sizeMismatch: { kind: '#VALUE!', 'zh-CN': '{0}与{1}的行数不一致（{2}对{3}）', en: '{0} and {1} differ in length ({2} vs {3})' },
  missingColumn: { kind: '#N/A', 'zh-CN': '表中找不到“{0}”列', en: 'The table has no column "{0}"' },
  notATable: { kind: '#VALUE!', 'zh-CN': '{0}：应为带标题行的表格区域，如 ZG_Measures[#All]', en: '{0}: expected a table with its header row, such as ZG_Measures[#All]' },
  calendarCoverage: { kind: '#N/A', 'zh-CN': '节假日数据仅覆盖至{0}年，{1}按周一至周五计算，请在“节假日”表补充', en: 'Holiday data covers only up to {0}; {1} is counted Monday to Friday, add holidays to the 节假日 sheet' },
  notAReport: { kind: '#VALUE!', 'zh-CN': '这段文字不像巡察反馈意见或整改情况通报：没有找到问题或整改情况', en: 'This text does not look like an inspection feedback or rectification report: no problems found' },
  required: { kind: '#VALUE!', 'zh-CN': '请填写{0}', en: 'Please fill in {0}' },
  notFound: { kind: '#N/A', 'zh-CN': '找不到编号为“{0}”的条目，可能已被删除', en: 'No item with the number "{0}"; it may have been deleted' },
  badCloseStep: { kind: '#VALUE!', 'zh-CN': '{0}的销号状态为“{1}”，不能{2}', en: '{0} is in the closing state "{1}"; it cannot be moved to "{2}"' },
  extendDone: { kind: '#VALUE!', 'zh-CN': '{0}已完成整改，无需申请延期', en: '{0} is already done; it needs no extension' },
  extendMeasureOnly: { kind: '#VALUE!', 'zh-CN': '{0}是问题，延期按整改措施申请', en: '{0} is a problem; extensions are requested for its measures' },
  foreignSheet: { kind: '#VALUE!', 'zh-CN': '工作簿中已有名为“{0}”的工作表且不是本台账的表格，台账已改用“{1}”', en: 'The workbook already has a sheet "{0}" that is not part of the ledger; the ledger uses "{1}" instead' },
  notALedger: { kind: '#N/A', 'zh-CN': '当前工作簿中没有整改台账，请先创建整改台账', en: 'This workbook holds no rectification ledger; create one first' },
  missingDeadline: { kind: '#N/A', 'zh-CN': '{0}：第{1}项没有填写截止日期，无法判断预警', en: '{0}: item {1} has no deadline, so no warning light can be given' },
  yearOutOfRange: { kind: '#VALUE!', 'zh-CN': '{0}：“{1}”的年份不在 Excel 能表示的日期范围内（1900年至9999年）', en: '{0}: the year of "{1}" is outside the dates Excel can hold (1900 to 9999)' },
  notADeadline: { kind: '#VALUE!', 'zh-CN': '{0}：“{1}”中没有整改期限（截至日期、完成日期不是期限）', en: '{0}: "{1}" states no deadline (as-of and completion dates are not deadlines)' },
  calendarCoverageStart: { kind: '#N/A', 'zh-CN': '节假日数据自{0}年起，{1}按周一至周五计算，请在“节假日”表补充', en: 'Holiday data start in {0}; {1} is counted Monday to Friday, add holidays to the 节假日 sheet' },
  badHolidayDate: { kind: '#VALUE!', 'zh-CN': '“{0}”表第{1}行：“{2}”不是有效日期，该行未生效', en: 'Sheet {0}, row {1}: "{2}" is not a valid date; the row is ignored' },
  badHolidayType: { kind: '#VALUE!', 'zh-CN': '“{0}”表第{1}行：类型“{2}”应为“休”（放假）或“班”（上班），该行未生效', en: 'Sheet {0}, row {1}: the type "{2}" should be 休 (day off) or 班 (working day); the row is ignored' },
  conflictingHoliday: { kind: '#VALUE!', 'zh-CN': '“{0}”表第{1}行与第{2}行都是{3}，类型不同，以第{2}行为准', en: 'Sheet {0}: rows {1} and {2} both give {3} with different types; row {2} applies' },
  // 汇总: reading the ledger files units send back.
  damagedStyles: { kind: '#VALUE!', 'zh-CN': '工作簿的样式部件（xl/styles.xml）已损坏，无法写入新的工作表，未保存；请用 Excel 或 WPS 打开后重新保存，再试一次', en: 'The workbook\'s styles part (xl/styles.xml) is damaged, so no sheet could be written and nothing was saved; open the workbook in Excel or WPS, save it again and retry' },
  notXlsx: { kind: '#VALUE!', 'zh-CN': '“{0}”不是 Excel 工作簿（.xlsx），无法读取', en: '"{0}" is not an Excel workbook (.xlsx) and cannot be read' },
  oldXls: { kind: '#VALUE!', 'zh-CN': '“{0}”是旧版 Excel 文件（.xls），请用 Excel 或 WPS 打开后另存为 .xlsx 再导入', en: '"{0}" is an old Excel file (.xls); open it in Excel or WPS, save it as .xlsx and import that' },
  notALedgerFile: { kind: '#N/A', 'zh-CN': '这个工作簿不是整改台账：没有找到{1}表格（{0}）', en: 'This workbook is not a rectification ledger: it has no {1} table ({0})' },
  damagedXlsx: { kind: '#VALUE!', 'zh-CN': '“{0}”已损坏或不是标准的 .xlsx 工作簿，无法读取，请用 Excel 或 WPS 打开后重新保存', en: '"{0}" is damaged or not a standard .xlsx workbook; open it in Excel or WPS and save it again' },
  encryptedXlsx: { kind: '#VALUE!', 'zh-CN': '“{0}”设置了打开密码，请取消密码后再导入', en: '"{0}" is protected with a password; remove the password and import it again' },
  xlsxTooLarge: { kind: '#VALUE!', 'zh-CN': '“{0}”解压后超过{1} MB，为防止耗尽内存未读取。正常的整改台账解压后只有几 MB 到几十 MB，这个文件可能已损坏或是恶意构造的，请确认来源', en: '"{0}" inflates to more than {1} MB and was not read, to keep memory safe. A real ledger inflates to a few MB; this file may be damaged or crafted, check where it came from' },
  xlsxPartTooLarge: { kind: '#VALUE!', 'zh-CN': '“{0}”中的“{1}”解压后超过{2} MB，为防止耗尽内存未读取。这个文件可能已损坏或是恶意构造的，请确认来源', en: 'In "{0}", the part {1} inflates to more than {2} MB and was not read, to keep memory safe; the file may be damaged or crafted' },
  xlsxTooManyParts: { kind: '#VALUE!', 'zh-CN': '“{0}”包含{1}个文件部件，超过上限{2}个，未读取。这个文件可能已损坏或是恶意构造的，请确认来源', en: '"{0}" holds {1} parts, more than the {2} allowed, and was not read; the file may be damaged or crafted' },
  rowsBelowTable: { kind: '#N/A', 'zh-CN': '“{0}”的“{1}”表{2}在表格范围之外（表格下方，WPS、LibreOffice 不会自动扩展表格），已一并读取；请在 Excel 中把表格扩展到这些行', en: 'In "{0}", sheet {1}: rows {2} lie below the table (WPS and LibreOffice do not grow tables); they were read too. Extend the table over them in Excel' },
  rowsWithoutIdShown: { kind: '#N/A', 'zh-CN': '“{0}”的“{1}”表{2}有内容但没有{3}，这里不显示（这些行仍在文件中，保存不会删除）；请在 Excel 中补填{3}', en: 'In "{0}", sheet {1}: rows {2} hold data but no {3} and are not shown here (they stay in the file; saving keeps them). Fill in {3} in Excel' },
  rowsBelowTableShown: { kind: '#N/A', 'zh-CN': '“{0}”的“{1}”表{2}在表格范围之外（表格下方，WPS、LibreOffice 不会自动扩展表格），这里不显示（这些行仍在文件中，保存时随表格下移）；请在 Excel 中把表格扩展到这些行', en: 'In "{0}", sheet {1}: rows {2} lie below the table (WPS and LibreOffice do not grow tables) and are not shown here (they stay in the file and move down with the table). Extend the table over them in Excel' },
  rowsWithoutId: { kind: '#N/A', 'zh-CN': '“{0}”的“{1}”表{2}有内容但没有{3}，未读取；请补填{3}后重新汇总', en: 'In "{0}", sheet {1}: rows {2} hold data but no {3} and were not read; fill in {3} and consolidate again' },
  ledgerMissingColumns: { kind: '#N/A', 'zh-CN': '“{0}”的表格{1}缺少必需的列：{2}', en: 'In "{0}", table {1} lacks required columns: {2}' },
  ledgerOptionalColumns: { kind: '#N/A', 'zh-CN': '“{0}”的表格{1}没有这些列，按空白处理：{2}', en: 'In "{0}", table {1} has no columns {2}; they are read as blank' },
  cellCharsRemoved: { kind: '#VALUE!', 'zh-CN': '“{0}”表第{1}行{2}：去掉了{3}个 XML 不允许的字符（如 U+FFFF、控制字符），其余文字照写', en: 'Sheet {0}, row {1}, column {2}: {3|character|characters} XML does not allow (such as U+FFFF or control characters) {3|was|were} removed; the rest is written' },
  cellTruncated: { kind: '#VALUE!', 'zh-CN': '“{0}”表第{1}行{2}：文字有{3}个字符，超过 Excel 单元格上限{4}个，只写入前{4}个', en: 'Sheet {0}, row {1}, column {2}: the text has {3|character|characters}, more than the {4} an Excel cell holds; only the first {4} are written' },
  paragraphCharsRemoved: { kind: '#VALUE!', 'zh-CN': '第{0}段：去掉了{1}个 XML 不允许的字符（如 U+FFFF、控制字符）', en: 'Paragraph {0}: {1|character|characters} XML does not allow (such as U+FFFF or control characters) {1|was|were} removed' },
  unitMissing: {
    kind: '#N/A',
    'zh-CN': '“{0}”的“巡察信息”中没有填写被巡察单位，无法确定是哪个单位的台账，未汇总。请打开该文件，在“巡察信息”的“被巡察单位”一栏填写单位名称并保存，再重新选择',
    en: '"{0}" names no 被巡察单位 in 巡察信息, so it cannot tell whose ledger it is; not consolidated. Open it, fill in 被巡察单位 on 巡察信息, save it and choose it again',
  },
  orphanMeasures: { kind: '#N/A', 'zh-CN': '“{0}”中有{1}条措施的问题编号在问题清单中找不到（如{2}）', en: 'In "{0}", {1|measure names|measures name} a problem number that 问题清单 lacks (e.g. {2})' },
  notASummaryFile: { kind: '#N/A', 'zh-CN': '“{0}”不是汇总工作簿：没有找到“汇总（ZG_Summary）”表格', en: '"{0}" is not a summary workbook: it has no 汇总 (ZG_Summary) table' },
  // 生成发送副本: reading the open workbook and opening the copy in Excel.
  sendCopyReadFailed: { kind: '#N/A', 'zh-CN': '无法读取当前工作簿的内容（{0}），请保存工作簿后重试', en: 'Cannot read the open workbook ({0}); save the workbook and try again' },
  payloadTooLarge: { kind: '#N/A', 'zh-CN': '要写入的内容超过 Excel 单次请求的上限（网页版约 5 MB），未能保存；请缩短过长的单元格内容后重试', en: 'What is to be written exceeds the limit of one Excel request (about 5 MB on the web) and was not saved; shorten very long cells and try again' },
  filterNotRestored: { kind: '#N/A', 'zh-CN': '已保存。“{0}”表的筛选未能恢复，请重新设置筛选', en: 'Saved. The filter of the {0} table could not be restored; set it again' },
  sendCopyTooLarge: { kind: '#N/A', 'zh-CN': '工作簿有{0} MB，超过加载项生成发送副本的上限{1} MB', en: 'The workbook has {0} MB, more than the {1} MB the add-in can make a send copy of' },
  sendCopyUnsupported: { kind: '#N/A', 'zh-CN': '此版本的 Excel 不支持由加载项打开新工作簿（需要 ExcelApi 1.8），请升级 Excel 后再生成发送副本', en: 'This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8); update Excel and try again' },
  sendCopyOpenFailed: { kind: '#N/A', 'zh-CN': 'Excel 未能打开发送副本（{0}）', en: 'Excel could not open the send copy ({0})' },
  // 分发与回收: why a returned file, or a change in it, is not applied (DESIGN §13). {0} is the 第N行.
  collectNoStamp: { kind: '#N/A', 'zh-CN': '“{0}”不是从本台账分发的填报文件（没有分发标记），未回收；各单位报回的整本台账请用“汇总”', en: '"{0}" is not a file distributed from this ledger (it has no distribution stamp); not collected. Whole ledgers sent back go to 汇总' },
  // {1} {2}: the two rounds described in Chinese, {3} {4}: in English (roundUnitMissing, roundFeedbackOn).
  collectForeignLedger: { kind: '#N/A', 'zh-CN': '“{0}”是为另一本台账（{1}）分发的，与本台账（{2}）不符，未回收', en: '"{0}" was distributed for another ledger ({3}), not this one ({4}); not collected' },
  roundUnitMissing: { kind: '#N/A', 'zh-CN': '未填被巡察单位', en: 'no 被巡察单位 filled in' },
  roundFeedbackOn: { kind: '#N/A', 'zh-CN': '反馈日期{0}', en: 'feedback on {0}' },
  collectLocked: { kind: '#VALUE!', 'zh-CN': '第{0}行：“{1}”列不由填报单位填写（锁定列），改动未采用；如需修改请联系台账维护人员', en: 'Row {0}: {1} is not for the department to fill in (a locked column); the change is not applied' },
  collectDeletedMeasure: { kind: '#N/A', 'zh-CN': '第{0}行：台账中已没有措施{1}（分发后被删除），填报未采用', en: 'Row {0}: the ledger no longer has measure {1} (deleted since distribution); not applied' },
  collectForeignMeasure: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的{2}是“{3}”，不是“{4}”的措施，填报未采用', en: 'Row {0}: measure {1} has {2} "{3}", it is not one of "{4}"; not applied' },
  collectNotInFile: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}不在分发给“{2}”的文件中，填报未采用', en: 'Row {0}: measure {1} was not in the file distributed to "{2}"; not applied' },
  collectProposal: { kind: '#N/A', 'zh-CN': '第{0}行：新增措施“{1}”是填报单位的建议，未并入台账，请核实后在台账中添加', en: 'Row {0}: the new measure "{1}" is a proposal by the department; it is not merged, add it to the ledger after checking' },
  collectConflict: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的“{2}”在分发后台账已改为“{3}”，回收文件填的是“{4}”，保留台账的值', en: 'Row {0}: measure {1}: the ledger changed {2} to "{3}" since distribution, the file says "{4}"; the ledger keeps its value' },
  collectDoneDateWithoutDone: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}填写了完成日期{2}，但整改状态是“{3}”而不是已完成，完成日期未采用', en: 'Row {0}: measure {1} gives the completion date {2} but its status is "{3}", not 已完成; the date is not applied' },
  collectProgressRewritten: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的整改进展中原有的记录被改动或删除，只采用新增的记录', en: 'Row {0}: measure {1}: earlier 整改进展 entries were changed or removed; only new entries are applied' },
  collectEvidenceRemoved: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的佐证材料中原有的内容被改动或删除，只采用新增的内容', en: 'Row {0}: measure {1}: earlier 佐证材料 items were changed or removed; only new items are applied' },
  collectBadStatus: { kind: '#VALUE!', 'zh-CN': '第{0}行：措施{1}的整改状态“{2}”无法识别，未采用', en: 'Row {0}: measure {1}: the status "{2}" cannot be read; not applied' },
  collectCloseState: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的销号状态只能由填报单位从“未申请”改为“已申请”，“{2}”→“{3}”未采用', en: 'Row {0}: measure {1}: a department may only move 销号状态 from 未申请 to 已申请; "{2}" → "{3}" is not applied' },
  collectRowRemoved: { kind: '#N/A', 'zh-CN': '措施{0}在回收文件中被删除，台账不作改动', en: 'Measure {0} was removed from the returned file; the ledger is not changed' },
  collectDuplicateRow: { kind: '#N/A', 'zh-CN': '第{0}行：措施编号{1}重复出现，以第{2}行为准', en: 'Row {0}: measure number {1} appears again; row {2} is used' },
  collectWorkflowLine: { kind: '#N/A', 'zh-CN': '第{0}行：措施{1}的整改进展中“{2}”是销号、延期等流程记录，只能由台账维护人员办理，未采用', en: 'Row {0}: measure {1}: "{2}" in 整改进展 is a workflow step (销号, 延期), which only the ledger keeper records; not applied' },
  collectDoneDateFromFile: { kind: '#N/A', 'zh-CN': '整改状态改为已完成但没有填写完成日期，按文件保存日期{0}填写', en: 'Set to Done (已完成) without a completion date; the date the file was saved, {0}, is used' },
  collectDoneDateCleared: { kind: '#N/A', 'zh-CN': '整改状态不再是已完成，完成日期随之清空', en: 'The status is no longer 已完成, so the completion date is cleared' },
} as const satisfies Record<string, { kind: ErrorKind; 'zh-CN': string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;

/** Bad data answered as a value, never thrown. */
export type LedgerError = {
  readonly tag: 'LedgerError';
  readonly kind: ErrorKind;
  readonly code: MessageCode;
  readonly params: readonly string[];
  readonly message: string; // in the locale it was made for
};

let currentLocale: Locale = 'zh-CN';

/** The pane and the functions runtime set this once from Office's display language. */
export function setMessageLocale(locale: Locale): void {
  currentLocale = locale;
}

/** The locale messages are made in (the functions runtime names arguments in the same language). */
export function messageLocale(): Locale {
  return currentLocale;
}

export function formatMessage(code: MessageCode, params: readonly (string | number)[], locale: Locale = currentLocale): string {
  return fillTemplate(MESSAGES[code][locale], params);
}

/**
 * The message for a form field that shows its own label: the catalogue's leading "{0}：" (the
 * argument or column a function names) would repeat that label ("整改时限：无法识别整改时限…"),
 * so it is left out, and an English message starts with a capital.
 */
export function formatFieldMessage(code: MessageCode, params: readonly (string | number)[], locale: Locale = currentLocale): string {
  const template = MESSAGES[code][locale].replace(/^\{0\}(?:：|: )/, '');
  const text = fillTemplate(template, params);
  return locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function ledgerError(code: MessageCode, ...params: (string | number)[]): LedgerError {
  return {
    tag: 'LedgerError',
    kind: MESSAGES[code].kind,
    code,
    params: params.map(String),
    message: formatMessage(code, params),
  };
}

export function isLedgerError(value: unknown): value is LedgerError {
  return typeof value === 'object' && value !== null && (value as { tag?: unknown }).tag === 'LedgerError';
}
