// The pieces the function descriptions share: parameters that several functions take, and the
// helpers their worked examples are written with (a column of cells, n repeats, a date serial).
import { ymdToSerial } from '../ledger/dates';
import type { ParameterDoc } from './catalogue';

export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
export const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
export const s = ymdToSerial;

export const DIGITS: ParameterDoc = {
  name: 'digits',
  optional: true,
  zhName: '小数位数',
  zh: '百分数保留的小数位数，四舍五入（2 表示 98.71%）；省略则不舍入。',
  en: 'Decimals of the percentage, rounded half-up (2 gives 98.71%); omitted: not rounded.',
};
export const AS_OF: ParameterDoc = { name: 'asOf', optional: true, zhName: '统计截止日期', zh: '统计截止日期；省略则为今天。', en: 'As-of date; omitted: today.' };
export const WORKDAYS: ParameterDoc = {
  name: 'workdays',
  optional: true,
  zhName: '按工作日',
  zh: 'TRUE 按中国法定工作日计算（含节假日和调休）；省略或 FALSE 按自然日计算。',
  en: 'TRUE to count Chinese working days (holidays and 调休 included); omitted or FALSE: calendar days.',
};
export const STATUSES: ParameterDoc = {
  name: 'statuses',
  zhName: '整改状态',
  zh: '整改状态单元格，推荐表格列引用如 ZG_Measures[整改状态]（区域亦可，空白跳过）；可写“已完成”“此项问题已整改”“正在推进”等任意表述。',
  en: 'Status cells, best a table column such as ZG_Measures[整改状态] (a range works too; blanks are skipped), in any phrasing such as 已完成 or 此项问题已整改.',
};
export const DEADLINES: ParameterDoc = {
  name: 'deadlines',
  zhName: '截止日期',
  zh: '截止日期或整改时限：日期，或“2022年12月底前”“3个月内”“立行立改”等文字。',
  en: 'Deadlines: dates, or deadline text such as 2022年12月底前, 3个月内 or 立行立改.',
};
