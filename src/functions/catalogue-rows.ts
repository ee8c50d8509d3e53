// The descriptions of the per-row functions and the summary: ZG.DAYSLEFT, ZG.LIGHT, ZG.DEADLINE,
// ZG.STATUS (a range in spills one answer per row) and ZG.SUMMARY.
import type { FunctionDoc } from './catalogue';
import { AS_OF, col, DEADLINES, s, STATUSES, WORKDAYS } from './catalogue-shared';

export const DAYSLEFT_DOC: FunctionDoc = {
  id: 'DAYSLEFT',
  zhName: '剩余天数',
  zh: '距截止日期的天数，逾期为负数；可识别“2022年12月底前”等文字时限。输入区域时按行溢出结果。',
  en: 'Days until each deadline, negative when overdue; reads deadline text. A range in spills one answer per row.',
  params: [DEADLINES, AS_OF, WORKDAYS],
  zhReturns: '天数（整数）；空白行返回空白。',
  enReturns: 'Whole days; blank rows stay blank.',
  volatile: true,
  spills: true,
  examples: [
    {
      formula: '=ZG.剩余天数(DATE(2025,10,16), DATE(2025,9,26))',
      zh: '自然日：20 天。',
      en: 'Calendar days: 20.',
      args: [s(2025, 10, 16), s(2025, 9, 26)],
      result: [20],
    },
    {
      formula: '=ZG.剩余天数(DATE(2025,10,16), DATE(2025,9,26), TRUE)',
      zh: '按工作日：跨过国庆中秋假期（10月1日至8日放假，9月28日、10月11日调休上班），为 10 个工作日。',
      en: 'Working days across the 2025 National Day holiday (off 1–8 October, 28 September and 11 October worked): 10.',
      args: [s(2025, 10, 16), s(2025, 9, 26), true],
      result: [10],
    },
    {
      formula: '=ZG.剩余天数(H2:H4, DATE(2022,10,18))',
      zh: '整改时限为文字时同样可算；“长期坚持”没有截止日期，返回 #N/A。',
      en: 'Deadline text works too; 长期坚持 has no deadline and gives #N/A.',
      args: [col('2022年12月底前', '2022年9月底前完成', '长期坚持'), s(2022, 10, 18)],
      result: [74, -18, '#N/A'],
    },
  ],
  zhNotes: ['节假日数据来自 chinese-days，超出其覆盖年份时按周一至周五计算；“节假日”表中的调整会被采用。'],
  enNotes: ['Holidays come from chinese-days; past the years it covers, Monday to Friday are counted; the 节假日 sheet overrides it.'],
};

export const LIGHT_DOC: FunctionDoc = {
  id: 'LIGHT',
  zhName: '预警灯',
  zh: '预警灯：蓝=已完成，灰=长期坚持且无截止日期，红=已逾期，黄=临近截止（默认7个自然日或3个工作日内），绿=正常。',
  en: 'Warning light: 蓝 done, 灰 long-term without a date, 红 overdue, 黄 due soon (7 calendar or 3 working days), 绿 on track.',
  params: [
    { ...DEADLINES, zh: `${DEADLINES.zh}输入区域时按行溢出。`, en: `${DEADLINES.en} A range spills one light per row.` },
    { ...STATUSES, zh: '整改状态，与截止日期逐行对应。', en: 'Status cells, the same rows.' },
    { name: 'longTerm', optional: true, zhName: '长期坚持', zh: '长期坚持标记（是/否），逐行对应或一个单元格适用全部；可省略。', en: 'Long-term flags (是/否), the same rows or one cell for all; optional.' },
    AS_OF,
    { name: 'warnDays', optional: true, zhName: '预警天数', zh: '距截止日期不超过此天数时为黄灯；省略则自然日7天、工作日3天。', en: 'Due within this many days is 黄; omitted: 7 calendar or 3 working days.' },
    WORKDAYS,
  ],
  zhReturns: '蓝、灰、红、黄、绿之一。',
  enReturns: 'One of 蓝, 灰, 红, 黄, 绿.',
  volatile: true,
  spills: true,
  examples: [
    {
      formula: '=ZG.预警灯(I2:I6, J2:J6, K2:K6, DATE(2022,10,18))',
      zh: '五行分别为：已完成、长期坚持无日期、已逾期、5天后到期、年底到期。',
      en: 'Five rows: done, long-term without a date, overdue, due in 5 days, due at year end.',
      args: [
        col(s(2022, 9, 30), '', s(2022, 10, 1), s(2022, 10, 23), '2022年12月底前'),
        col('已完成', '正在推进', '正在推进', '未启动', '正在推进'),
        col('否', '是', '否', '否', '否'),
        s(2022, 10, 18),
      ],
      result: ['蓝', '灰', '红', '黄', '绿'],
    },
  ],
  zhNotes: ['既无截止日期又未标长期坚持的行返回 #N/A，提示补填截止日期。'],
  enNotes: ['A row with neither a deadline nor the long-term flag gives #N/A asking for a deadline.'],
};

export const DEADLINE_DOC: FunctionDoc = {
  id: 'DEADLINE',
  zhName: '解析时限',
  zh: '把整改时限文字（如“2022年12月底前”“3个月内”“立行立改”）换算为截止日期。输入区域时按行溢出。',
  en: 'Turns deadline text (2022年12月底前, 3个月内, 立行立改) into a date. A range spills one date per row.',
  params: [
    { name: 'text', zhName: '整改时限', zh: '整改时限文字或日期。', en: 'Deadline text or dates.' },
    { name: 'ref', optional: true, zhName: '参照日期', zh: '参照日期（一般为反馈日期），用于没有年份的时限和“N个月内”；省略则为今天。', en: 'Reference date (usually the feedback date) for text without a year and for N个月内; omitted: today.' },
  ],
  zhReturns: '日期（请设置为日期格式）。',
  enReturns: 'A date (format the cell as a date).',
  volatile: true,
  spills: true,
  examples: [
    {
      formula: '=ZG.解析时限(G2:G5, DATE(2022,6,17))',
      zh: '开封通报中的时限，以文件日期为参照：“6月底前”为当年6月30日。',
      en: 'Deadlines from the Kaifeng report, read against its date: 6月底前 is 30 June of that year.',
      args: [col('2022年12月底前整改到位', '争取6月底前调整到位', '3个月内', '立行立改'), s(2022, 6, 17)],
      result: [s(2022, 12, 31), s(2022, 6, 30), s(2022, 9, 17), s(2022, 6, 17)],
    },
    {
      formula: '=ZG.解析时限("尽快")',
      zh: '“尽快”“近期”没有具体日期，返回 #N/A（需人工确认）。',
      en: '尽快 or 近期 name no date: #N/A, to be confirmed by a person.',
      args: ['尽快'],
      result: ['#N/A'],
    },
  ],
  zhNotes: ['“截至…”“已于…”是统计或完成日期，不是整改时限，返回 #VALUE!。'],
  enNotes: ['截至… and 已于… are as-of or completion dates, not deadlines: #VALUE!.'],
};

export const STATUS_DOC: FunctionDoc = {
  id: 'STATUS',
  zhName: '规范状态',
  zh: '把任意状态表述规范为：未启动、正在推进、部分完成、基本完成、已完成，或“未标注”（未说明结果）。混合表述取最弱的一项。',
  en: 'Canonical status of any phrase: 未启动, 正在推进, 部分完成, 基本完成, 已完成, or 未标注. A mixed phrase takes its weakest clause.',
  params: [{ name: 'text', zhName: '状态文字', zh: '状态文字；输入区域时按行溢出。', en: 'Status text; a range spills one status per row.' }],
  zhReturns: '规范状态。',
  enReturns: 'The canonical status.',
  volatile: false,
  spills: true,
  examples: [
    {
      formula: '=ZG.规范状态(J2:J5)',
      zh: '通报中的表述。',
      en: 'Phrases from published reports.',
      args: [col('此项问题已整改', '已完成并长期坚持；人员招聘方面……正在推进。', '取得阶段性成效', '详见附件')],
      result: ['已完成', '正在推进', '基本完成', '未标注'],
    },
  ],
  zhNotes: ['“未完成”“尚未整改”等否定表述不会被识别为已完成。'],
  enNotes: ['Negations such as 未完成 or 尚未整改 never read as done.'],
};

export const SUMMARY_DOC: FunctionDoc = {
  id: 'SUMMARY',
  zhName: '整改概况',
  zh: '由整改台账表格（含标题行）生成通报中的整改概况句子，按中文列名查找整改状态、问题编号、长期坚持、截止日期、销号状态等列。',
  en: 'The summary sentence of a 通报 from a ledger table with its header row; columns are found by their Chinese headers.',
  params: [{ name: 'table', zhName: '台账表格', zh: '含标题行的台账表格，如 ZG_Measures[#All]。', en: 'The table with its header row, such as ZG_Measures[#All].' }],
  zhReturns: '整改概况句子。',
  enReturns: 'The summary sentence.',
  volatile: true,
  spills: false,
  examples: [
    {
      formula: '=ZG.整改概况(ZG_Measures[#All])',
      zh: '3 个问题、4 条措施的台账。',
      en: 'A ledger of 3 problems and 4 measures.',
      today: '2022-10-18',
      args: [
        [
          ['措施编号', '问题编号', '整改状态', '长期坚持', '截止日期', '销号状态'],
          ['P001-M01', 'P001', '已完成', '是', s(2022, 9, 30), '已销号'],
          ['P002-M01', 'P002', '已完成', '否', s(2022, 9, 30), '未申请'],
          ['P002-M02', 'P002', '正在推进', '否', s(2022, 12, 31), '未申请'],
          ['P003-M01', 'P003', '已完成', '是', s(2022, 10, 15), '已申请'],
        ],
      ],
      result: '反馈问题3项，已按期整改完成2项，正在推进整改落实1项，纳入长期坚持2项；制定的4条整改措施，已落实到位3条，整改到位率75%，已销号1条',
    },
  ],
  zhNotes: ['表中找不到“整改状态”（或“问题状态”）列时返回 #N/A。'],
  enNotes: ['A table without a 整改状态 (or 问题状态) column gives #N/A.'],
};
