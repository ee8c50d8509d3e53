// The building blocks of the 整改统计 formulas: structured references taken from the schema (nothing
// here spells a header), the 巡察信息 names, and the conditions every count is made of, each
// written both as COUNTIFS criteria and as a SUMPRODUCT factor.
import type { Status } from '../ledger/types';
import { FLAG_HEADERS, FLAG_VALUES, INFO_CELLS, MEASURES, PROBLEMS, WARN_DAYS, type TableDef } from './schema';

/** A column by its field, or a formula column by its header. */
function ref<F extends string>(table: TableDef<F>, field: F | { header: string }): string {
  const column = table.columns.find((c) => (typeof field === 'string' ? c.field === field : c.field === null && c.header === field.header));
  if (!column) throw new Error(`${table.table} has no column for ${JSON.stringify(field)}`);
  // Structured references need ' before [ ] # and ' in a header; the schema's headers have none.
  if (/[[\]#']/.test(column.header)) throw new Error(`header needs escaping in a structured reference: ${column.header}`);
  return `${table.table}[${column.header}]`;
}

export function nameOf(field: 'org' | 'asOf'): string {
  const cell = INFO_CELLS.find((c) => c.field === field);
  if (!cell) throw new Error(`巡察信息 has no cell for ${field}`);
  return cell.name;
}

// No 问题状态: the stored status goes stale (see problemDone); 长期坚持 counts only without measures.
// The roll-up flags are helper columns of ZG_Problems (schema.ts says how they link measures).
export const P = {
  id: ref(PROBLEMS, 'id'), category: ref(PROBLEMS, 'category'), longTerm: ref(PROBLEMS, 'longTerm'),
  hasMeasures: ref(PROBLEMS, { header: FLAG_HEADERS.measure }), hasOpen: ref(PROBLEMS, { header: FLAG_HEADERS.open }),
  hasLongTerm: ref(PROBLEMS, { header: FLAG_HEADERS.longTerm }),
};
export const M = {
  id: ref(MEASURES, 'id'), problemId: ref(MEASURES, 'problemId'), unit: ref(MEASURES, 'unit'), status: ref(MEASURES, 'status'),
  deadline: ref(MEASURES, 'deadline'), doneDate: ref(MEASURES, 'doneDate'), longTerm: ref(MEASURES, 'longTerm'),
};
export const DONE: Status = '已完成';
export const YES = FLAG_VALUES[0];

export const text = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Where 统计截止日期 is: every date condition refers to it. */
export const AS_OF_CELL = '$B$3';

/**
 * A condition on a table's rows, written two ways: as COUNTIFS criteria ([range, criterion]) for
 * constant conditions, and as a 0/1 factor for SUMPRODUCT where the value comes from a label
 * cell — a COUNTIFS criterion would read a label such as “<待定>” or “A*B” as an operator or a
 * wildcard pattern, an = comparison never does.
 */
export type Condition = { criteria: readonly (readonly [string, string])[]; factor: string };

export const isItem = (id: string): Condition => ({ criteria: [[id, '"<>"']], factor: `(${id}<>"")` });
export const equals = (range: string, value: string): Condition => ({ criteria: [[range, text(value)]], factor: `(${range}=${text(value)})` });
export const notDone = (status: string): Condition => ({ criteria: [[status, text(`<>${DONE}`)]], factor: `(${status}<>${text(DONE)})` });
export const hasValue = (range: string): Condition => ({ criteria: [[range, '"<>"']], factor: `(${range}<>"")` });
/** Only for SUMPRODUCT: the row's value is the label in `cell`. */
export const isLabel = (range: string, cell: string): Condition => ({ criteria: [], factor: `(${range}=${cell})` });
/** Only for SUMPRODUCT: the row's value is blank. */
export const isBlank = (range: string): Condition => ({ criteria: [], factor: `(${range}="")` });

// ---- problem figures, rolled up from the measures -------------------------------------------------
//
// 问题状态 and 长期坚持 of ZG_Problems are STORED values: the add-in rolls them up on each edit and
// load, but a 整改状态 changed by hand, or a template filled in without the add-in, leaves them stale.
// So the sheet rolls up itself, as rollUpAll does: a problem is done when it has measures and all are
// 已完成; it is 长期坚持 when any measure is, and a problem without measures keeps its own flag.
// Per problem, the helper columns 有措施, 有未完成措施 and 有长期坚持措施 of ZG_Problems (是/否: binary
// searches while the rows are in order, exact lookups where not; schema.ts), so every figure here is
// one pass over a table.
const NO = FLAG_VALUES[1];

/** The problem is done: it has measures and none is open. */
export const problemDone: Condition = {
  criteria: [[P.hasMeasures, text(YES)], [P.hasOpen, text(NO)]],
  factor: `(${P.hasMeasures}=${text(YES)})*(${P.hasOpen}=${text(NO)})`,
};

/** The problem is 长期坚持: a 长期坚持 measure, or its own flag when it has no measures. */
export const problemLongTerm: Condition = {
  criteria: [],
  factor: `((${P.hasLongTerm}=${text(YES)})+(${P.hasMeasures}=${text(NO)})*(${P.longTerm}=${text(YES)})>0)`,
};

// A blank 截止日期 would compare as 0 in an array, so the factors check for a value first.
export const OVERDUE: readonly Condition[] = [
  notDone(M.status),
  { criteria: [[M.deadline, `"<"&${AS_OF_CELL}`]], factor: `(${M.deadline}<>"")*(${M.deadline}<${AS_OF_CELL})` },
];
// 预警 黄 (lightOf): not done, as-of ≤ 截止日期 ≤ as-of + WARN_DAYS.
export const DUE_SOON: readonly Condition[] = [
  notDone(M.status),
  {
    criteria: [[M.deadline, `">="&${AS_OF_CELL}`], [M.deadline, `"<="&(${AS_OF_CELL}+${WARN_DAYS})`]],
    factor: `(${M.deadline}<>"")*(${M.deadline}>=${AS_OF_CELL})*(${M.deadline}<=${AS_OF_CELL}+${WARN_DAYS})`,
  },
];

export function countIfs(conditions: readonly Condition[]): string {
  if (conditions.some((c) => c.criteria.length === 0)) throw new Error('a label condition has no COUNTIFS form');
  const criteria = conditions.flatMap((c) => c.criteria);
  return `COUNTIFS(${criteria.map(([range, c]) => `${range},${c}`).join(',')})`;
}

export function sumProduct(conditions: readonly Condition[]): string {
  // Two factors at least: their product is numbers (SUMPRODUCT adds TRUE/FALSE as 0).
  if (conditions.length < 2) throw new Error('SUMPRODUCT needs two conditions or more');
  return `SUMPRODUCT(${conditions.map((c) => c.factor).join('*')})`;
}

/** A fraction, or "" when there is nothing to divide by. */
export const rateOf = (done: string, all: string) => `IF(${all}=0,"",${done}/${all})`;

/** 截止日期 on or before the as-of date (按期完成率's denominator). */
export const dueByAsOf: Condition = { criteria: [[M.deadline, `"<="&${AS_OF_CELL}`]], factor: `(${M.deadline}<>"")*(${M.deadline}<=${AS_OF_CELL})` };
