// The roll-up helper columns of ZG_Problems and ZG_Measures (their formulas, part of the schema in
// schema.ts, which lists them among the tables' columns): how 整改统计 links measures to problems.
import { MEASURE_LABELS, PROBLEM_LABELS } from '../ledger/ledger-diff';

// ---- the roll-up helper columns (formulas): how 整改统计 links measures to problems ---------------
//
// 整改统计 rolls each problem up from its measures (done, 长期坚持) without the add-in. Linking a
// measure to its problem must be an exact match of 问题编号, which users type themselves: as a
// COUNTIFS criterion an ID is a pattern or an operator (“P*1”, “=1”, “<待定>”) and one that looks
// like a number matches every ID of that value (“01” = “1”); MATCH reads * ? ~ as wildcards in Excel
// and LibreOffice (not in HyperFormula). So both tables compare a KEY with no character any of them
// reads specially: 问题键 = the ID's length in three digits, then the ID with ! → !!, * → !s, ? → !q,
// ~ → !t (one-to-one, and still one-to-one ignoring case, as every match here does). The length
// first makes the usual IDs (P1 … P999, P1000 …) sort as numbers do.
//
// Speed. An exact MATCH scans its range row by row in LibreOffice (Excel caches it), so one per row
// over the other table is problems × measures in all. The sheet uses BINARY searches (MATCH type 1,
// log n) wherever the order they need holds, checked, and the exact lookup only where it does not:
// - A measure binary-searches 问题键 (problems are usually entered in ID order) and checks the row it
//   lands on; another row, or none, falls back to the exact MATCH — for that measure only.
// - A problem finds its measures by binary search on 排序值 (each measure's problem row), which is
//   valid only while the measures are in problem order: 顺序 checks each row against the one above
//   and the first row of 措施有序 counts the rows out of order, once. In order, 末措施行 is the last
//   measure of the problem and the flags read at most RUN_WINDOW rows up from it (a problem with
//   more measures, or a table out of order, looks its row up exactly in 所属问题序号, 未完成问题序号
//   and 长期坚持问题序号 instead: one exact MATCH each, which stops at the first hit).
// A row-by-row check compares with the row above through INDEX on ANOTHER column (a reference to its
// own column would be circular in Excel and HyperFormula, and an A1 reference would not survive the
// formula being copied as text into new rows). Rows of a 问题编号 given twice all take the first
// row's (问题序号), as the add-in's roll-up gives each of them the measures. 有措施, 有未完成措施 and
// 有长期坚持措施 are 是/否, what 整改统计 counts.

/** ref (a cell reference) as a key MATCH takes literally, and that sorts by length first. */
export const matchKey = (ref: string) =>
  `RIGHT("000"&LEN(${ref}),3)&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"!","!!"),"*","!s"),"?","!q"),"~","!t")`;
export const KEY_HEADER = '问题键';
/** The problem's own row among ZG_Problems (the first with its 问题编号): looked up once per problem. */
export const OWN_ROW_HEADER = '问题序号';
export const ORDER_HEADERS = { sorted: '措施有序', lastRow: '末措施行', sortValue: '排序值', inOrder: '顺序' } as const;
export const ROW_HEADERS = { measure: '所属问题序号', open: '未完成问题序号', longTerm: '长期坚持问题序号' } as const;
export const FLAG_HEADERS = { measure: '有措施', open: '有未完成措施', longTerm: '有长期坚持措施' } as const;
/** How many measures of one problem the flags read directly; a problem with more is counted exactly. */
export const RUN_WINDOW = 4;
/** 排序值 of a row with no problem after another such row: above every problem row, so order holds at the end. */
const NO_PROBLEM = 1000000000;

/** The row's position in its table's body (1 for the first body row). One header cell: ROW of the
 * whole header row would be an implicit intersection in LibreOffice (#VALUE!). */
const bodyRow = (table: string, firstHeader: string) => `(ROW()-ROW(${table}[[#Headers],[${firstHeader}]]))`;
const P_ROW = bodyRow('ZG_Problems', PROBLEM_LABELS.id);
const M_ROW = bodyRow('ZG_Measures', MEASURE_LABELS.id);
const MEASURE = (column: string) => `ZG_Measures[${column}]`;

export const PROBLEM_KEY_FORMULA = `=IF([@问题编号]="","",${matchKey('[@问题编号]')})`;
export const OWN_ROW_FORMULA = `=IF([@${KEY_HEADER}]="","",MATCH([@${KEY_HEADER}],ZG_Problems[${KEY_HEADER}],0))`;
/** Only in the first row: 是 when every measure row is in problem order (顺序 has no 0). */
export const SORTED_FORMULA = `=IF(${P_ROW}=1,IF(COUNTIF(${MEASURE(ORDER_HEADERS.inOrder)},0)=0,"是","否"),"")`;
/** The last measure row whose 排序值 is at most this problem's row; blank when the measures are out of order. */
export const LAST_ROW_FORMULA =
  `=IF(OR([@${OWN_ROW_HEADER}]="",INDEX(ZG_Problems[${ORDER_HEADERS.sorted}],1)<>"是"),"",` +
  `IFERROR(MATCH([@${OWN_ROW_HEADER}]+0.5,${MEASURE(ORDER_HEADERS.sortValue)},1),0))`;

const N = `[@${OWN_ROW_HEADER}]`;
const LAST = `[@${ORDER_HEADERS.lastRow}]`;
const up = (j: number) => `MAX(${LAST}-${j},1)`;
/** The RUN_WINDOW rows up from 末措施行 that are this problem's measures and meet `cond` (a test on a column's value). */
const windowCount = (column: string, test: string) =>
  Array.from({ length: RUN_WINDOW }, (_, j) => `(INDEX(${MEASURE(ROW_HEADERS.measure)},${up(j)})=${N})*(INDEX(${MEASURE(column)},${up(j)})${test})`).join('+');
/** The problem has more than RUN_WINDOW measures (rows) in order. */
const longRun = `AND(${LAST}>${RUN_WINDOW},INDEX(${MEASURE(ORDER_HEADERS.sortValue)},MAX(${LAST}-${RUN_WINDOW},1))=${N})`;
const yesNo = (test: string) => `IF(${test},"是","否")`;
/** A roll-up flag: the window when the measures are in order, else one exact MATCH of the row in `rows` (a measure column). */
const flag = (rows: string, window: string) => {
  const exact = yesNo(`ISNUMBER(MATCH(${N},${MEASURE(rows)},0))`);
  return `=IF(${N}="","否",IF(${LAST}="",${exact},IF(${longRun},${exact},${yesNo(`${window}>0`)})))`;
};

export const HAS_MEASURE_FORMULA =
  `=IF(${N}="","否",IF(${LAST}="",${yesNo(`ISNUMBER(MATCH(${N},${MEASURE(ROW_HEADERS.measure)},0))`)},` +
  `${yesNo(`INDEX(${MEASURE(ORDER_HEADERS.sortValue)},MAX(${LAST},1))=${N}`)}))`;
export const HAS_OPEN_FORMULA = flag(ROW_HEADERS.open, windowCount('整改状态', '<>"已完成"'));
export const HAS_LONG_TERM_FORMULA = flag(ROW_HEADERS.longTerm, windowCount('长期坚持', '="是"'));

/**
 * A measure (a row with a 措施编号)'s problem row (问题序号 of the first row with its 问题编号); blank
 * when it has none or its 问题编号 is not listed. A binary search, checked; else the exact MATCH.
 */
const MEASURE_KEY = matchKey('[@问题编号]');
const BINARY = `MATCH(${MEASURE_KEY},ZG_Problems[${KEY_HEADER}],1)`;
export const PROBLEM_ROW_FORMULA =
  `=IF(OR([@措施编号]="",[@问题编号]=""),"",IFERROR(INDEX(ZG_Problems[${OWN_ROW_HEADER}],${BINARY})/(INDEX(ZG_Problems[${KEY_HEADER}],${BINARY})=${MEASURE_KEY}),` +
  `IFERROR(MATCH(${MEASURE_KEY},ZG_Problems[${KEY_HEADER}],0),"")))`;
/** For the exact fallback (an exact MATCH stops at the first hit, a COUNTIFS reads every row): the problem row where the measure is open / 长期坚持. */
export const OPEN_ROW_FORMULA = `=IF(OR([@${ROW_HEADERS.measure}]="",[@整改状态]="已完成"),"",[@${ROW_HEADERS.measure}])`;
export const LONG_TERM_ROW_FORMULA = `=IF(OR([@${ROW_HEADERS.measure}]="",[@长期坚持]<>"是"),"",[@${ROW_HEADERS.measure}])`;
/** The problem row to sort by: the row's own, else the row above's (a row without a problem), else past every problem. */
export const SORT_VALUE_FORMULA =
  `=IF(ISNUMBER([@${ROW_HEADERS.measure}]),[@${ROW_HEADERS.measure}],IF(${M_ROW}=1,0,` +
  `IF(ISNUMBER(INDEX(${MEASURE(ROW_HEADERS.measure)},${M_ROW}-1)),INDEX(${MEASURE(ROW_HEADERS.measure)},${M_ROW}-1),${NO_PROBLEM})))`;
/** 1 when 排序值 is not below the row above's, else 0. */
export const IN_ORDER_FORMULA = `=IF(${M_ROW}=1,1,IF([@${ORDER_HEADERS.sortValue}]>=INDEX(${MEASURE(ORDER_HEADERS.sortValue)},${M_ROW}-1),1,0))`;
