// The 整改统计 sheet (DESIGN.md §8) as a SheetLayout: native formulas over ZG_Problems / ZG_Measures and
// the names of 巡察信息, so it computes for a recipient without the add-in, in WPS and in LibreOffice.
// Only functions those three share: COUNTIFS, SUMPRODUCT, INDEX, MATCH, ISNA, IF, IFERROR, SUM,
// SUBSTITUTE, TODAY — no dynamic arrays. Every figure must equal dashboardFigures (the tests evaluate the
// formulas in HyperFormula and in LibreOffice); dashboardPlan(…).cells says where each figure is.
//
// An item is a row with a 编号 (as the add-in reads tables): every count has `编号,"<>"`.
// Problem figures (已完成, 长期坚持) never read the stored 问题状态 and 长期坚持, which go stale when
// cells are edited without the add-in: they are rolled up from ZG_Measures by the helper columns of
// ZG_Problems (有措施, 有未完成措施, 有长期坚持措施; schema.ts), as the core does (problemDone /
// problemLongTerm in dashboardFormulas.ts). Every figure is one pass over a table.
import { RATE_NUMBER_FORMAT } from '../ledger/stats/rate';
import { MEASURE_LABELS, PROBLEM_LABELS, ROUND_LABELS } from '../ledger/ledger-diff';
import { STATUS_ORDER } from '../ledger/stats/dashboard-figures';
import type { Ledger, StatusOrUnmarked } from '../ledger/types';
import {
  AS_OF_CELL, DONE, DUE_SOON, M, OVERDUE, P, countIfs, dueByAsOf, equals, hasValue, isBlank, isItem, isLabel, nameOf, problemDone, problemLongTerm,
  rateOf, sumProduct, text, type Condition,
} from './dashboardFormulas';
import { DATE_FORMAT, WARN_DAYS } from './schema';
import { chartFit, completionChart, placeCharts, type ChartFit } from './dashboardCharts';
import type { CellStyle, LayoutCell, SheetLayout } from './sheetLayout';

export const DASHBOARD_SHEET = '整改统计';
/** The workbook name on A1 of 整改统计: how the add-in knows the sheet is its own, even renamed. */
export const DASHBOARD_NAME = 'ZG_Dashboard';

/**
 * How many rows the 问题类别 and 责任单位 lists have, and — when the sheet is made for a ledger —
 * what its charts show: the rows that hold a value (placeholder rows would be blank bars) and the
 * tallest bar, which sets a whole-number step for the count axis.
 */
export type DashboardSlots = { categories: number; units: number; charts?: ChartFit };

/**
 * Room a blank or small ledger gets, so that a template filled in by hand (no add-in to refresh
 * the sheet) still lists everything: feedback reports have up to about eight 方面, and a unit a
 * dozen 责任单位. A larger ledger gets one row per value when 统计 is refreshed.
 */
export const MIN_SLOTS: DashboardSlots = { categories: 8, units: 12 };

/** Rates show as the pane and the 通报 write them (stats/rate.ts). */
export const RATE_FORMAT = RATE_NUMBER_FORMAT;
const COUNT_FORMAT = '0';

/** The list sizes for a ledger: its distinct non-blank 问题类别 and 责任单位, at least MIN_SLOTS; and its chart fit. */
export function dashboardSlots(ledger: Ledger): DashboardSlots {
  const charts = chartFit(ledger);
  return { categories: Math.max(MIN_SLOTS.categories, charts.categories.values), units: Math.max(MIN_SLOTS.units, charts.units.values), charts };
}

// ---- the figures and where they are --------------------------------------------------------------

export type TotalKey =
  | 'problems' | 'problemsDone' | 'problemRate' | 'measures' | 'measuresDone' | 'measureRate'
  | 'problemsLongTerm' | 'longTermShare' | 'overdue' | 'dueSoon' | 'onTimeRate';

/** One row of a list section: the label cell and the value cells from column B on. */
export type ListRowCells = { label: string; values: string[] };
export type ListCells = { slots: ListRowCells[]; blank: ListRowCells; total: ListRowCells; check: string };

/** The address of every figure on the sheet. */
export type DashboardCells = {
  org: string;
  asOf: string;
  totals: Record<TotalKey, string>;
  status: Record<StatusOrUnmarked, { count: string; share: string }>;
  statusTotal: { count: string; share: string };
  categories: ListCells;
  units: ListCells;
};

type Total = { key: TotalKey; label: string; note: string; formula: (at: Record<TotalKey, string>) => string; rate?: boolean; array?: boolean };

const TOTALS: readonly Total[] = [
  { key: 'problems', label: '问题总数', note: '问题清单中有问题编号的行', formula: () => countIfs([isItem(P.id)]) },
  {
    key: 'problemsDone', label: '已完成问题', note: '有整改措施且措施全部“已完成”的问题（按整改台账汇总）',
    formula: () => countIfs([isItem(P.id), problemDone]),
  },
  { key: 'problemRate', label: '整改完成率', note: '已完成问题 ÷ 问题总数', rate: true, formula: (at) => rateOf(at.problemsDone, at.problems) },
  { key: 'measures', label: '措施总数', note: '整改台账中有措施编号的行', formula: () => countIfs([isItem(M.id)]) },
  { key: 'measuresDone', label: '已完成措施', note: '整改状态为“已完成”', formula: () => countIfs([isItem(M.id), equals(M.status, DONE)]) },
  { key: 'measureRate', label: '整改到位率', note: '已完成措施 ÷ 措施总数', rate: true, formula: (at) => rateOf(at.measuresDone, at.measures) },
  {
    key: 'problemsLongTerm', label: '长期坚持问题', note: '有措施长期坚持为“是”的问题；无措施的问题看其自身', array: true,
    formula: () => sumProduct([isItem(P.id), problemLongTerm]),
  },
  { key: 'longTermShare', label: '长期坚持占比', note: '长期坚持问题 ÷ 问题总数（与已完成可重叠）', rate: true, formula: (at) => rateOf(at.problemsLongTerm, at.problems) },
  { key: 'overdue', label: '逾期措施', note: '未完成且截止日期早于统计截止日期', formula: () => countIfs([isItem(M.id), ...OVERDUE]) },
  { key: 'dueSoon', label: `临期措施（${WARN_DAYS}日内到期）`, note: `未完成且截止日期在统计截止日期起${WARN_DAYS}日内`, formula: () => countIfs([isItem(M.id), ...DUE_SOON]) },
  {
    key: 'onTimeRate', label: '按期完成率', note: '截止日期已到的措施中，完成日期不晚于截止日期的比例', rate: true, array: true,
    // 完成日期 ≤ 截止日期 compares two columns row by row: SUMPRODUCT (an array cell for old Excel).
    formula: () => {
      const due = countIfs([isItem(M.id), dueByAsOf]);
      const doneInTime: Condition = { criteria: [], factor: `(${M.doneDate}<>"")*(${M.doneDate}<=${M.deadline})` };
      return `IF(${due}=0,"",${sumProduct([isItem(M.id), equals(M.status, DONE), dueByAsOf, doneInTime])}/${due})`;
    },
  },
];

// ---- the list sections (问题类别, 责任单位) -----------------------------------------------------

type ListSpec = {
  title: string;
  /** The label column's header and the word of the overflow warning. */
  header: string;
  noun: string;
  id: string;
  key: string;
  /** Column B counts the items, C the done ones; D = B − C and E = C ÷ B follow; then extra counts. */
  done: readonly Condition[];
  headers: readonly [string, string, string, string];
  extra: readonly { header: string; conditions: readonly Condition[] }[];
};

const CATEGORY_LIST: ListSpec = {
  title: `按${PROBLEM_LABELS.category}`, header: PROBLEM_LABELS.category, noun: '类别', id: P.id, key: P.category, done: [problemDone],
  headers: ['问题数', '已完成', '未完成', '整改完成率'], extra: [{ header: PROBLEM_LABELS.longTerm, conditions: [problemLongTerm] }],
};

const UNIT_LIST: ListSpec = {
  title: `按${MEASURE_LABELS.unit}（措施）`, header: MEASURE_LABELS.unit, noun: MEASURE_LABELS.unit, id: M.id, key: M.unit, done: [equals(M.status, DONE)],
  headers: ['措施数', '已完成', '未完成', '整改到位率'],
  extra: [{ header: '逾期', conditions: OVERDUE }, { header: '临期', conditions: DUE_SOON }],
};

const COLUMNS = 'ABCDEFG';

type Sheet = { cells: LayoutCell[]; put: (address: string, value: string | number, style?: CellStyle, extra?: Partial<LayoutCell>) => void };

function newSheet(): Sheet {
  const cells: LayoutCell[] = [];
  return { cells, put: (address, value, style, extra = {}) => cells.push({ address, value, ...(style ? { style } : {}), ...extra }) };
}

/** A list section from `top`: title, header, slot rows, （未填写）, 合计 and the overflow check. */
function addList(sheet: Sheet, spec: ListSpec, slots: number, top: number): { cells: ListCells; bottom: number } {
  const headerRow = top + 1;
  const first = headerRow + 1;
  const last = first + slots - 1;
  const blankRow = last + 1;
  const totalRow = blankRow + 1;
  const checkRow = totalRow + 1;
  sheet.put(`A${top}`, spec.title, 'section');
  [spec.header, ...spec.headers, ...spec.extra.map((e) => e.header)].forEach((h, i) => sheet.put(`${COLUMNS[i]}${headerRow}`, h, 'header'));
  const countColumns = [
    { column: 'B', conditions: [] as readonly Condition[] },
    { column: 'C', conditions: spec.done },
    ...spec.extra.map((e, i) => ({ column: COLUMNS[5 + i], conditions: e.conditions })),
  ];
  const rowCells = (row: number): ListRowCells => ({ label: `A${row}`, values: COLUMNS.slice(1, 5 + spec.extra.length).split('').map((c) => `${c}${row}`) });
  const derived = (row: number, guard: (f: string) => string) => {
    sheet.put(`D${row}`, `=${guard(`B${row}-C${row}`)}`, 'value', { format: COUNT_FORMAT });
    sheet.put(`E${row}`, `=${guard(rateOf(`C${row}`, `B${row}`))}`, 'value', { format: RATE_FORMAT });
  };

  for (let row = first; row <= last; row++) {
    // The row's label is the first non-blank value of the column not yet listed above it, found by
    // the sheet itself, so a template filled in by hand (no add-in) still lists its values. MATCH,
    // not COUNTIF: a COUNTIF criterion would read “=…” or “<…” as an operator and list it forever.
    const unseen = `ISNA(MATCH(${spec.key},$A$${headerRow}:A${row - 1},0))*(${spec.key}<>"")`;
    sheet.put(`A${row}`, `=IFERROR(INDEX(${spec.key},MATCH(1,${unseen},0)),"")`, 'label', { array: true });
    const guard = (f: string) => `IF($A${row}="","",${f})`;
    for (const { column, conditions } of countColumns) {
      const count = sumProduct([isItem(spec.id), isLabel(spec.key, `$A${row}`), ...conditions]);
      sheet.put(`${column}${row}`, `=${guard(count)}`, 'value', { format: COUNT_FORMAT, array: true });
    }
    derived(row, guard);
  }

  sheet.put(`A${blankRow}`, '（未填写）', 'label');
  for (const { column, conditions } of countColumns) {
    if (conditions.every((c) => c.criteria.length > 0)) {
      // All items minus those with a value: COUNTIFS(…,"") does not match empty cells in every engine.
      const count = `${countIfs([isItem(spec.id), ...conditions])}-${countIfs([isItem(spec.id), hasValue(spec.key), ...conditions])}`;
      sheet.put(`${column}${blankRow}`, `=${count}`, 'value', { format: COUNT_FORMAT });
    } else {
      // 长期坚持 of a problem has no COUNTIFS form; in an array an empty cell = "" is TRUE.
      const count = sumProduct([isItem(spec.id), isBlank(spec.key), ...conditions]);
      sheet.put(`${column}${blankRow}`, `=IF(B${blankRow}=0,0,${count})`, 'value', { format: COUNT_FORMAT, array: true });
    }
  }
  derived(blankRow, (f) => f);

  sheet.put(`A${totalRow}`, '合计', 'total');
  for (const { column } of countColumns) sheet.put(`${column}${totalRow}`, `=SUM(${column}${first}:${column}${blankRow})`, 'total', { format: COUNT_FORMAT });
  sheet.put(`D${totalRow}`, `=B${totalRow}-C${totalRow}`, 'total', { format: COUNT_FORMAT });
  sheet.put(`E${totalRow}`, `=${rateOf(`C${totalRow}`, `B${totalRow}`)}`, 'total', { format: RATE_FORMAT });

  const listed = `SUM(B${first}:B${last})`;
  const withValue = countIfs([isItem(spec.id), hasValue(spec.key)]);
  sheet.put(`A${checkRow}`, `=IF(${listed}<${withValue},${text(overflowWarning(spec.noun, slots))},"")`, 'note');

  const slotCells: ListRowCells[] = [];
  for (let row = first; row <= last; row++) slotCells.push(rowCells(row));
  return { cells: { slots: slotCells, blank: rowCells(blankRow), total: rowCells(totalRow), check: `A${checkRow}` }, bottom: checkRow };
}

/** The check cell's text when a list has more values than rows. */
export function overflowWarning(noun: string, slots: number): string {
  return `${noun}多于${slots}个，请在任务窗格“统计”中刷新`;
}

export const CATEGORY_NOUN = CATEGORY_LIST.noun;
export const UNIT_NOUN = UNIT_LIST.noun;

// ---- the whole sheet ----------------------------------------------------------------------------

export type DashboardPlan = { layout: SheetLayout; cells: DashboardCells };

/** The sheet and where each figure is, for lists of the given sizes. */
export function dashboardPlan(slots: DashboardSlots): DashboardPlan {
  for (const n of [slots.categories, slots.units]) if (!Number.isInteger(n) || n < 1) throw new RangeError(`slots must be whole numbers ≥ 1: ${JSON.stringify(slots)}`);
  const sheet = newSheet();
  sheet.put('A1', '巡察整改情况统计', 'title');
  sheet.put('A2', ROUND_LABELS.org, 'label');
  // One box B2:G2 (merged), as wide as the tables below: a long unit name stays inside its border.
  sheet.put('B2', `=IF(${nameOf('org')}="","",${nameOf('org')})`, 'label');
  sheet.put('A3', ROUND_LABELS.asOf, 'label');
  sheet.put(AS_OF_CELL.replace(/\$/g, ''), `=IF(${nameOf('asOf')}="",TODAY(),${nameOf('asOf')})`, 'value', { format: DATE_FORMAT });
  sheet.put('C3', '“巡察信息”中的统计截止日期；留空时按当天统计', 'note');

  sheet.put('A5', '总体情况', 'section');
  ['指标', '数值', '说明'].forEach((h, i) => sheet.put(`${COLUMNS[i]}6`, h, 'header'));
  const totals = Object.fromEntries(TOTALS.map((t, i) => [t.key, `B${7 + i}`])) as Record<TotalKey, string>;
  TOTALS.forEach((t, i) => {
    const row = 7 + i;
    sheet.put(`A${row}`, t.label, 'label');
    sheet.put(`B${row}`, `=${t.formula(totals)}`, 'value', { format: t.rate ? RATE_FORMAT : COUNT_FORMAT, ...(t.array ? { array: true } : {}) });
    sheet.put(`C${row}`, t.note, 'note');
  });

  const statusTop = 7 + TOTALS.length + 1;
  sheet.put(`A${statusTop}`, '按整改状态（措施）', 'section');
  [MEASURE_LABELS.status, '措施数', '占比'].forEach((h, i) => sheet.put(`${COLUMNS[i]}${statusTop + 1}`, h, 'header'));
  const firstStatus = statusTop + 2;
  const status = {} as DashboardCells['status'];
  STATUS_ORDER.forEach((s, i) => {
    const row = firstStatus + i;
    const isLast = i === STATUS_ORDER.length - 1;
    sheet.put(`A${row}`, s, 'label');
    // 未标注 is what is left: blank or any text that is not one of the five.
    const count = isLast ? `${totals.measures}-SUM(B${firstStatus}:B${row - 1})` : countIfs([isItem(M.id), equals(M.status, s)]);
    sheet.put(`B${row}`, `=${count}`, 'value', { format: COUNT_FORMAT });
    sheet.put(`C${row}`, `=${rateOf(`B${row}`, totals.measures)}`, 'value', { format: RATE_FORMAT });
    status[s] = { count: `B${row}`, share: `C${row}` };
  });
  const lastStatus = firstStatus + STATUS_ORDER.length - 1;
  const statusTotalRow = lastStatus + 1;
  sheet.put(`A${statusTotalRow}`, '合计', 'total');
  sheet.put(`B${statusTotalRow}`, `=SUM(B${firstStatus}:B${lastStatus})`, 'total', { format: COUNT_FORMAT });
  sheet.put(`C${statusTotalRow}`, `=${rateOf(`B${statusTotalRow}`, totals.measures)}`, 'total', { format: RATE_FORMAT });

  const categoryList = addList(sheet, CATEGORY_LIST, slots.categories, statusTotalRow + 2);
  const unitList = addList(sheet, UNIT_LIST, slots.units, categoryList.bottom + 2);

  const charts = placeCharts([
    { top: 5, height: 16, chart: { id: 'ZG_Chart_Status', kind: 'pie', title: '整改状态分布', categories: `A${firstStatus}:A${lastStatus}`, series: [{ name: '措施数', values: `B${firstStatus}:B${lastStatus}` }] } },
    // A list's chart is as tall as its table (title to check row: slots + 5 rows), at least 12 rows.
    {
      top: statusTotalRow + 2, height: Math.max(12, slots.categories + 5),
      chart: completionChart('ZG_Chart_Categories', '各问题类别整改完成情况', categoryList.cells, slots.charts?.categories),
    },
    {
      top: categoryList.bottom + 2, height: Math.max(12, slots.units + 5),
      chart: completionChart('ZG_Chart_Units', '各责任单位整改完成情况（措施）', unitList.cells, slots.charts?.units),
    },
  ]);

  return {
    layout: { sheet: DASHBOARD_SHEET, widths: [44, 11, 11, 11, 11, 11, 11, 3], cells: sheet.cells, charts, frozenRows: 0, merges: ['B2:G2'] },
    cells: { org: 'B2', asOf: 'B3', totals, status, statusTotal: { count: `B${statusTotalRow}`, share: `C${statusTotalRow}` }, categories: categoryList.cells, units: unitList.cells },
  };
}

/** The 整改统计 sheet for lists of the given sizes. */
export function dashboardLayout(slots: DashboardSlots): SheetLayout {
  return dashboardPlan(slots).layout;
}
