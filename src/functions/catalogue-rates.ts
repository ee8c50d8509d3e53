// The descriptions of the rate and count functions: ZG.COMPLETIONRATE, ZG.LONGTERMSHARE, ZG.OVERDUE
// and ZG.ONTIMERATE (DESIGN.md §7), with the published figures they reproduce as examples.
import type { FunctionDoc } from './catalogue';
import { AS_OF, col, DEADLINES, DIGITS, s, STATUSES, times } from './catalogue-shared';

export const COMPLETIONRATE_DOC: FunctionDoc = {
  id: 'COMPLETIONRATE',
  zhName: '完成率',
  zh: '整改完成率（问题）或整改到位率（措施）：已完成 ÷ 非空状态数。只有“已完成”计为完成，“基本完成”可选计入。',
  en: 'Completion rate: statuses done ÷ non-blank statuses. Only 已完成 counts as done; 基本完成 optionally.',
  params: [
    STATUSES,
    DIGITS,
    { name: 'countBasic', optional: true, zhName: '计入基本完成', zh: 'TRUE 将“基本完成”计为完成；省略为 FALSE。', en: 'TRUE to count 基本完成 as done; omitted: FALSE.' },
  ],
  zhReturns: '0 到 1 之间的比率，可设置为百分比格式。',
  enReturns: 'A fraction from 0 to 1; format the cell as a percentage.',
  volatile: false,
  spills: false,
  examples: [
    {
      formula: '=ZG.完成率(ZG_Measures[整改状态], 2)',
      zh: '新野：25 条措施中 20 条已落实到位。',
      en: 'Xinye: 20 of 25 measures carried out.',
      args: [col(...times(20, '已落实到位'), ...times(5, '正在推进')), 2],
      result: 0.8,
    },
    {
      formula: '=ZG.完成率(D2:D698, 2)',
      zh: '昆明：697 项中 688 项已完成，4 项“基本完成”不计入。',
      en: 'Kunming: 688 of 697 done; its 4 基本完成 are left out.',
      args: [col(...times(688, '已完成'), ...times(4, '基本完成'), ...times(5, '正在推进')), 2],
      result: 0.9871,
    },
    {
      formula: '=ZG.完成率(D2:D698, 2, TRUE)',
      zh: '同一数据，“基本完成”计为完成。',
      en: 'The same data, counting 基本完成 as done.',
      args: [col(...times(688, '已完成'), ...times(4, '基本完成'), ...times(5, '正在推进')), 2, true],
      result: 0.9928,
    },
    {
      formula: '=ZG.完成率(ZG_Problems[整改状态], 0)',
      zh: '开封上一轮：33 项中 25 项完成，取整为 76%；表格末尾的空白行被跳过。',
      en: 'Kaifeng, earlier round: 25 of 33, no decimals → 76%; blank rows at the end of the table are skipped.',
      args: [col(...times(25, '此项问题已完成整改'), ...times(8, '此项问题部分已整改，需要长期推进'), '', '', ''), 0],
      result: 0.76,
    },
  ],
  zhNotes: [
    '未标注或无法识别的文字计为未完成，不会被猜成已完成。',
    '区域为空时返回 #DIV/0!；区域中有错误值时返回 #VALUE! 并指出第几项。',
  ],
  enNotes: ['Unmarked or unreadable text counts as not done, never guessed as done.', 'An empty range gives #DIV/0!; an error value in the range gives #VALUE! naming the item.'],
};

export const LONGTERMSHARE_DOC: FunctionDoc = {
  id: 'LONGTERMSHARE',
  zhName: '长期坚持占比',
  zh: '纳入长期坚持的比例：标记为“是”（或文字中写明长期坚持）的项数 ÷ 非空项数。长期坚持与已完成可以重叠。',
  en: 'Share flagged long-term: items flagged 是 (or whose text says 长期坚持) ÷ non-blank items. Overlaps with done.',
  params: [
    {
      name: 'flags',
      zhName: '长期坚持标记',
      zh: '长期坚持标记：是/否、Y/N、TRUE/FALSE、✓，或写有“纳入长期坚持”等字样的状态、时限文字。',
      en: 'Long-term flags: 是/否, Y/N, TRUE/FALSE, ✓, or status or deadline text that says 长期坚持.',
    },
    DIGITS,
  ],
  zhReturns: '0 到 1 之间的比率。',
  enReturns: 'A fraction from 0 to 1.',
  volatile: false,
  spills: false,
  examples: [
    {
      formula: '=ZG.长期坚持占比(ZG_Problems[长期坚持])',
      zh: '清丰：15 个问题全部纳入长期坚持（其中 14 个已完成）。',
      en: 'Qingfeng: all 15 problems under long-term follow-up (14 of them done).',
      args: [col(...times(15, '是'))],
      result: 1,
    },
    {
      formula: '=ZG.长期坚持占比(J2:J5)',
      zh: '直接对完成情况文字计算。',
      en: 'Straight from the status texts.',
      args: [col('已完成并长期坚持', '此项问题已整改', '需要长期推进', '')],
      result: 2 / 3,
    },
  ],
  zhNotes: ['区域为空时返回 #DIV/0!。'],
  enNotes: ['An empty range gives #DIV/0!.'],
};

export const OVERDUE_DOC: FunctionDoc = {
  id: 'OVERDUE',
  zhName: '逾期数',
  zh: '逾期数：未完成且截止日期早于统计截止日期的项数。没有截止日期的项（长期坚持、尽快等）不计。',
  en: 'Overdue count: items not done whose deadline is before the as-of date. Items without a date are not counted.',
  params: [
    { ...DEADLINES, zh: `${DEADLINES.zh}与整改状态逐行对应。`, en: `${DEADLINES.en} Row by row with the statuses.` },
    { ...STATUSES, zh: '整改状态，与截止日期逐行对应。', en: 'Status cells, the same rows as the deadlines.' },
    AS_OF,
  ],
  zhReturns: '项数。',
  enReturns: 'A count.',
  volatile: true,
  spills: false,
  examples: [
    {
      formula: '=ZG.逾期数(ZG_Measures[截止日期], ZG_Measures[整改状态], DATE(2022,10,18))',
      zh: '9月30日到期的两项中一项已完成，另一项逾期；年底到期的一项未逾期。',
      en: 'Of two items due 30 September one is done and one overdue; the one due at year end is not.',
      args: [col(s(2022, 9, 30), s(2022, 9, 30), s(2022, 12, 31)), col('已完成', '正在推进', '正在推进'), s(2022, 10, 18)],
      result: 1,
    },
  ],
  zhNotes: ['两个区域行数不一致时返回 #VALUE!（末尾多出的空白行除外）。'],
  enNotes: ['Ranges of different length give #VALUE! (blank rows at the end excepted).'],
};

export const ONTIMERATE_DOC: FunctionDoc = {
  id: 'ONTIMERATE',
  zhName: '按期完成率',
  zh: '按期完成率：完成日期不晚于截止日期的已完成项数 ÷ 截止日期已到的项数。',
  en: 'On-time rate: items done no later than their deadline ÷ items whose deadline has come.',
  params: [
    DEADLINES,
    { name: 'doneDates', zhName: '完成日期', zh: '完成日期，与截止日期逐行对应。', en: 'Completion dates, the same rows.' },
    { ...STATUSES, zh: '整改状态，与截止日期逐行对应。', en: 'Status cells, the same rows.' },
    AS_OF,
    DIGITS,
  ],
  zhReturns: '0 到 1 之间的比率。',
  enReturns: 'A fraction from 0 to 1.',
  volatile: true,
  spills: false,
  examples: [
    {
      formula: '=ZG.按期完成率(H2:H16, L2:L16, J2:J16, DATE(2022,10,18), 2)',
      zh: '清丰：15 项均于10月15日前到期，14 项按期完成。',
      en: 'Qingfeng: 15 items due by 15 October, 14 done on time.',
      args: [col(...times(15, s(2022, 10, 15))), col(...times(14, s(2022, 10, 10)), ''), col(...times(14, '已完成'), '正在推进'), s(2022, 10, 18), 2],
      result: 0.9333,
    },
  ],
  zhNotes: ['标为已完成但没有完成日期的项无法证明按期，计为未按期。', '没有到期项时返回 #DIV/0!。'],
  enNotes: ['An item marked done without a completion date cannot be shown to be on time and counts as not on time.', 'No item due yet gives #DIV/0!.'],
};
