// The 统计 tab's own strings (zh-CN and en). Messages about bad files come from the one catalogue
// (src/ledger/errors.ts) through describeError, in the pane's language.
import type { Locale } from '../../../ledger/errors';

export type StatsStrings = {
  dashboardHeading: string;
  dashboardIntro: string;
  refresh: string;
  refreshMissing: string;
  /** After a generated sheet went into a file the page holds: it reaches the file with 保存. */
  untilSaved: string;
  dashboardCreated: string;
  dashboardRefreshed: string;
  dashboardRenamed: string;
  figuresHeading: string;
  asOfNote: string;
  problemRate: string;
  measureRate: string;
  onTimeRate: string;
  overdue: string;
  dueSoon: string;
  longTermShare: string;
  measuresCount: string;
  /** A status's count of measures in the breakdown under the tiles. */
  statusMeasures: string;
  byStatus: string;
  byStatusLabel: string;
  sendHeading: string;
  sendIntro: string;
  makeCopy: string;
  copyOpened: string;
  copyDownloaded: string;
  copyNothing: string;
  copyUncached: string;
  copyCheck: string;
  copyLive: Record<'WEBSERVICE' | 'DDE' | 'HYPERLINK' | 'LINK', string>;
  copyLinks: string;
  copyLinkKinds: Record<'DDE' | 'OLE' | 'workbook', string>;
  copyLinkNames: string;
  copyMacrosDropped: string;
  copyUnsafe: string;
  listSeparator: string;
  andMore: string;
  chooseSaved: string;
  chooseSavedHint: string;
  chooseSavedHintMac: string;
  summaryHeading: string;
  summaryIntro: string;
  chooseLedgers: string;
  consolidateMissing: string;
  reading: string;
  resultsLabel: string;
  added: string;
  replaced: string;
  rejected: string;
  unitLine: string;
  consolidated: string;
  someRejected: string;
  noneAccepted: string;
  replaceTitle: string;
  replaceQuestion: string;
  replaceQuestionBatch: string;
  replaceHint: string;
  replaceConfirm: string;
  replaceSkip: string;
  skipped: string;
  skippedLine: string;
  someSkipped: string;
  noneConsolidated: string;
  figuresTable: string;
  figuresTableNote: string;
  colUnit: string;
  colProblems: string;
  colProblemRate: string;
  colMeasures: string;
  colMeasureRate: string;
  colOverdue: string;
  total: string;
  readFailed: string;
};

const zhCN: StatsStrings = {
  dashboardHeading: '整改统计表',
  dashboardIntro: '在工作簿中生成“整改统计”工作表：按整改状态、问题类别、责任单位统计，含3个图表。全部使用 Excel 原生公式，没有安装本加载项的人用 Excel、WPS 打开也能自动计算。',
  refresh: '生成/刷新统计表',
  refreshMissing: '当前环境不能写入工作表',
  untilSaved: '点“保存”后写入文件。',
  dashboardCreated: '已生成工作表“{0}”：{1}个问题类别、{2}个责任单位、{3}个图表。',
  dashboardRefreshed: '已刷新工作表“{0}”：{1}个问题类别、{2}个责任单位、{3}个图表。',
  dashboardRenamed: '工作簿中已有名为“{0}”的工作表且不是本加载项生成的，未改动它；统计表写入了“{1}”。',
  figuresHeading: '主要指标',
  asOfNote: '统计截至{0}',
  problemRate: '整改完成率',
  measureRate: '整改到位率',
  onTimeRate: '按期完成率',
  overdue: '逾期措施',
  dueSoon: '临期措施',
  longTermShare: '长期坚持占比',
  measuresCount: '{0}条',
  statusMeasures: '{0}条',
  byStatus: '按整改状态',
  byStatusLabel: '各整改状态的措施数',
  sendHeading: '发送副本',
  sendIntro: '发给没有安装本加载项的人之前，生成一份副本：其中的 ZG 函数公式都换成计算结果，对方看到的是数字，而不是 #NAME?。',
  makeCopy: '生成发送副本',
  copyOpened: '已在新窗口打开发送副本：{0}个 ZG 公式已替换为数值。请先保存这个新工作簿，再发送保存后的文件。',
  copyDownloaded: '已生成“{0}”：{1}个 ZG 公式已替换为数值，可直接发送。',
  copyNothing: '“{0}”中没有 ZG 公式，已原样生成“{1}”。',
  copyUncached: '{0}个单元格的 ZG 公式 Excel 从未计算过，副本中为空白：{1}',
  copyCheck: '发送前请留意：',
  copyLive: {
    WEBSERVICE: '{0}个公式会联网取数（WEBSERVICE/RTD），已替换为上次的结果：{1}',
    DDE: '{0}个公式会启动其他程序（DDE），已替换为上次的结果：{1}',
    HYPERLINK: '{0}个公式是指向工作簿以外的超链接（HYPERLINK），已替换为显示的文字：{1}',
    LINK: '{0}个公式引用其他工作簿，已替换为上次的结果：{1}',
  },
  copyLinks: '已去掉{0}个外部链接：{1}',
  copyLinkKinds: { DDE: 'DDE 链接“{0}”', OLE: 'OLE 链接“{0}”', workbook: '指向工作簿“{0}”的链接' },
  copyLinkNames: '已删除指向外部链接的名称：{0}',
  copyMacrosDropped: '已去掉宏（VBA 工程），副本为普通 .xlsx 工作簿。',
  copyUnsafe: '压缩包中{0}个名称不安全的条目（含“..”、绝对路径或反斜杠）未复制：{1}',
  listSeparator: '、',
  andMore: '等共{0}个',
  chooseSaved: '选择已保存的台账文件…',
  chooseSavedHint: '选择一个 .xlsx 台账文件，在浏览器中生成副本并下载，原文件不变。',
  chooseSavedHintMac: '选择一个 .xlsx 台账文件，副本在 Excel 中以新工作簿打开（Mac 版 Excel 中的加载项不能下载文件），请先保存再发送；原文件不变。',
  summaryHeading: '汇总',
  summaryIntro: '导入各单位报回的台账文件（.xlsx，可多选），汇总到“汇总”表（带“来源单位”列），并生成“汇总统计”工作表。同一单位再次导入时替换原有数据，不会重复。',
  chooseLedgers: '选择台账文件…',
  consolidateMissing: '当前环境不能汇总',
  reading: '正在读取{0}个文件…',
  resultsLabel: '各文件导入结果',
  added: '新增',
  replaced: '替换',
  rejected: '未导入',
  unitLine: '{0}个问题、{1}条措施',
  consolidated: '已汇总{0}个文件到“{1}”表：现有{2}个单位、{3}行。',
  someRejected: '{0}个文件未导入（见下方说明），其余文件已正常汇总。',
  noneAccepted: '所选文件都不是整改台账，汇总表没有变化。',
  replaceTitle: '替换另一个文件汇总的数据？',
  replaceQuestion: '“{0}”的被巡察单位是“{1}”，将替换“{2}”已汇总的{3}行。',
  replaceQuestionBatch: '“{0}”的被巡察单位是“{1}”，与本次所选的“{2}”相同，将替换它的{3}行。',
  replaceHint: '如果是该单位重新报送的台账，请选“替换”；如果被巡察单位填错了（例如抄用了其他单位的台账），请选“跳过此文件”，改正后再汇总。',
  replaceConfirm: '替换',
  replaceSkip: '跳过此文件',
  skipped: '已跳过',
  skippedLine: '未汇总：被巡察单位“{0}”的数据来自“{1}”，按你的选择跳过此文件。',
  someSkipped: '{0}个文件按你的选择跳过。',
  noneConsolidated: '所选文件都已跳过，汇总表没有变化。',
  figuresTable: '本次导入单位的主要指标',
  figuresTableNote: '统计截至{0}，按本次导入的文件计算；全部单位见“汇总统计”工作表。',
  colUnit: '来源单位',
  colProblems: '问题',
  colProblemRate: '完成率',
  colMeasures: '措施',
  colMeasureRate: '到位率',
  colOverdue: '逾期',
  total: '合计',
  readFailed: '读取“{0}”失败：{1}',
};

const en: StatsStrings = {
  dashboardHeading: 'Dashboard sheet',
  dashboardIntro: 'Creates the 整改统计 sheet: counts by status, problem category and responsible unit, with 3 charts. Native Excel formulas only, so it computes in Excel or WPS without the add-in.',
  refresh: 'Create / refresh dashboard',
  refreshMissing: 'Writing sheets is not available here',
  untilSaved: ' Click Save to write this to the file.',
  dashboardCreated: 'Created the sheet "{0}": {1|category|categories}, {2|unit|units}, {3|chart|charts}.',
  dashboardRefreshed: 'Refreshed the sheet "{0}": {1|category|categories}, {2|unit|units}, {3|chart|charts}.',
  dashboardRenamed: 'The workbook already has a sheet "{0}" that the add-in did not create; it was left alone and the dashboard went to "{1}".',
  figuresHeading: 'Key figures',
  asOfNote: 'As of {0}',
  problemRate: 'Problems done',
  measureRate: 'Measures done',
  onTimeRate: 'Done on time',
  overdue: 'Overdue measures',
  dueSoon: 'Due soon',
  longTermShare: 'Long-term share',
  measuresCount: '{0}',
  // The heading above says they are measures: a bare number keeps the list in two columns at 320 px.
  statusMeasures: '{0}',
  byStatus: 'By status',
  byStatusLabel: 'Measures per status',
  sendHeading: 'Copy to send',
  sendIntro: 'Before sending the ledger to someone without the add-in, make a copy in which every ZG formula is replaced by its value, so they see numbers instead of #NAME?.',
  makeCopy: 'Make a copy to send',
  copyOpened: 'The copy is open in a new window: {0} ZG formulas became values. Save that new workbook first, then send the saved file.',
  copyDownloaded: 'Created "{0}": {1} ZG formulas became values; ready to send.',
  copyNothing: '"{0}" has no ZG formulas; "{1}" is an unchanged copy.',
  copyUncached: 'ZG formulas Excel never calculated leave {0|cell|cells} blank in the copy: {1}',
  copyCheck: ' Before sending, note:',
  copyLive: {
    WEBSERVICE: '{0|formula|formulas} fetching data from the web (WEBSERVICE/RTD), replaced by the last result: {1}',
    DDE: '{0|formula|formulas} starting another program (DDE), replaced by the last result: {1}',
    HYPERLINK: '{0|hyperlink|hyperlinks} to places outside the workbook (HYPERLINK), replaced by the text shown: {1}',
    LINK: '{0|formula|formulas} referring to other workbooks, replaced by the last result: {1}',
  },
  copyLinks: 'Removed {0|external link|external links}: {1}',
  copyLinkKinds: { DDE: 'DDE link "{0}"', OLE: 'OLE link "{0}"', workbook: 'link to the workbook "{0}"' },
  copyLinkNames: 'Removed names pointing into those links: {0}',
  copyMacrosDropped: 'Removed the macros (VBA project); the copy is a plain .xlsx workbook.',
  copyUnsafe: 'Left out {0|zip entry|zip entries} with unsafe names (with "..", an absolute path or a backslash): {1}',
  listSeparator: ', ',
  andMore: ' and {0} more',
  chooseSaved: 'Choose a saved ledger file…',
  chooseSavedHint: 'Pick a ledger .xlsx file; the copy is made in the browser and downloaded, the file itself is not changed.',
  chooseSavedHintMac: 'Pick a ledger .xlsx file; the copy opens in Excel as a new workbook (add-ins in Excel for Mac cannot download files): save it, then send it. The file itself is not changed.',
  summaryHeading: 'Consolidate',
  summaryIntro: 'Import the ledger files units sent back (.xlsx, several at once) into the 汇总 table (with a 来源单位 column) and the 汇总统计 sheet. A unit imported again replaces its rows instead of adding them twice.',
  chooseLedgers: 'Choose ledger files…',
  consolidateMissing: 'Consolidation is not available here',
  reading: 'Reading {0|file|files}…',
  resultsLabel: 'Result per file',
  added: 'Added',
  replaced: 'Replaced',
  rejected: 'Not imported',
  unitLine: '{0|problem|problems}, {1|measure|measures}',
  consolidated: 'Consolidated {0|file|files} into "{1}": {2|unit|units}, {3|row|rows} in all.',
  someRejected: ' {0|file was|files were} not imported (see below); the others were consolidated.',
  noneAccepted: 'None of the chosen files is a ledger; the summary is unchanged.',
  replaceTitle: 'Replace rows another file brought?',
  replaceQuestion: '"{0}" names "{1}" as its unit and will replace the {3|row|rows} "{2}" brought into the summary.',
  replaceQuestionBatch: '"{0}" names "{1}" as its unit, as "{2}" chosen with it does, and will replace its {3|row|rows}.',
  replaceHint: 'If the unit sent its ledger again, choose Replace. If the unit is filled in wrongly (a ledger copied from another unit), choose Skip this file and consolidate it once corrected.',
  replaceConfirm: 'Replace',
  replaceSkip: 'Skip this file',
  skipped: 'Skipped',
  skippedLine: 'Not consolidated: the rows of "{0}" came from "{1}"; skipped as you chose.',
  someSkipped: ' {0|file was|files were} skipped as you chose.',
  noneConsolidated: 'Every chosen file was skipped; the summary is unchanged.',
  figuresTable: 'Figures of the units imported now',
  figuresTableNote: 'As of {0}, from the files imported now; the 汇总统计 sheet has every unit.',
  colUnit: 'Unit',
  colProblems: 'Problems',
  colProblemRate: 'Problems done',
  colMeasures: 'Measures',
  colMeasureRate: 'Measures done',
  colOverdue: 'Overdue',
  total: 'Total',
  readFailed: 'Could not read "{0}": {1}',
};

export const STATS_STRINGS: Record<Locale, StatsStrings> = { 'zh-CN': zhCN, en };
