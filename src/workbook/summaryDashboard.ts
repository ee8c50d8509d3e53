// The 汇总统计 sheet (DESIGN.md §8) as a SheetLayout: one row per 来源单位 of the 汇总 table and a 合计
// row, each figure a native formula over ZG_Summary, so the summary workbook computes in Excel 2010+,
// WPS and LibreOffice without the add-in. Only SUMIFS, COUNTIFS, SUMPRODUCT, SUM, IF and TODAY.
// Every figure must equal summaryFigures (the tests evaluate these formulas in HyperFormula).
//
// Problems are counted over 计入问题数 (1 on exactly one row per problem), so no distinct count is
// needed; measures are rows with a 措施编号. 逾期 and 临期 follow the 预警 rules (红, 黄).
//
// A unit row matches its 来源单位 with = inside SUMPRODUCT (array cells, as on 整改统计), never as a
// COUNTIFS/SUMIFS criterion: unit names come from 被巡察单位 or a file name, and a criterion would
// read “县*局” as a wildcard pattern, “~局” as an escape, “=1+1” and “<待定>” as operators. The 合计
// row has only constant criteria, so it keeps COUNTIFS/SUMIFS.
import { RATE_NUMBER_FORMAT } from '../ledger/stats/rate';
import type { SummaryFigures, SummaryRow } from '../ledger/consolidate';
import type { Status } from '../ledger/types';
import { DATE_FORMAT, FLAG_VALUES, SUMMARY, WARN_DAYS, columnLetter } from './schema';
import { countIfs, equals, isItem, isLabel, notDone, rateOf, sumProduct, type Condition } from './dashboardFormulas';
import type { CellStyle, LayoutCell, LayoutChart, SheetLayout } from './sheetLayout';

export const SUMMARY_DASHBOARD_SHEET = '汇总统计';
export const SUMMARY_CHART_ID = 'ZG_Chart_Summary';
/** The workbook name on A1 of a 汇总统计 sheet we generated: how a later refresh knows it is ours. */
export const SUMMARY_DASHBOARD_NAME = 'ZG_SummaryDashboard';

/**
 * The 统计截止日期 the user may type (blank = today). It is a plain cell, not a workbook name: the
 * formulas refer to the cell below it (SUMMARY_AS_OF), which resolves the blank. It is an `input`
 * cell of the layout: a renderer that rewrites an existing 汇总统计 keeps a date the user typed here.
 */
export const SUMMARY_AS_OF_INPUT = 'B2';
export const SUMMARY_AS_OF = 'B3';
const AS_OF = '$B$3';

/** Rates show as the pane and the 通报 write them (stats/rate.ts). */
export const RATE_FORMAT = RATE_NUMBER_FORMAT;
const COUNT_FORMAT = '0';

function ref(field: keyof SummaryRow): string {
  const column = SUMMARY.columns.find((c) => c.field === field);
  if (!column) throw new Error(`${SUMMARY.table} has no column for ${field}`);
  if (/[[\]#']/.test(column.header)) throw new Error(`header needs escaping in a structured reference: ${column.header}`);
  return `${SUMMARY.table}[${column.header}]`;
}

const S = {
  unit: ref('sourceUnit'), counts: ref('countsProblem'), problemStatus: ref('problemStatus'), problemLongTerm: ref('problemLongTerm'),
  measureId: ref('measureId'), status: ref('measureStatus'), deadline: ref('deadline'),
};
const DONE: Status = '已完成';

/** 计入问题数 as a 0/1 factor: a unit row counts the rows that count a problem, as SUMIFS adds their 1s. */
const countsProblem: Condition = { criteria: [], factor: `(${S.counts}=1)` };
// A blank 截止日期 would compare as 0 in an array, so the factors check for a value first.
const overdue: Condition = { criteria: [[S.deadline, `"<"&${AS_OF}`]], factor: `(${S.deadline}<>"")*(${S.deadline}<${AS_OF})` };
const dueSoon: Condition = {
  criteria: [[S.deadline, `">="&${AS_OF}`], [S.deadline, `"<="&(${AS_OF}+${WARN_DAYS})`]],
  factor: `(${S.deadline}<>"")*(${S.deadline}>=${AS_OF})*(${S.deadline}<=${AS_OF}+${WARN_DAYS})`,
};

/** What a figure counts: problems (over 计入问题数) or measures (rows with a 措施编号), where all conditions hold. */
type Count = { of: 'problems' | 'measures'; where: readonly Condition[] };

/**
 * A count's formula: on a unit's row (`label` = the cell holding its 来源单位) an exact-match
 * SUMPRODUCT, on 合计 (`label` null) SUMIFS/COUNTIFS with constant criteria. SUMIFS with no
 * criteria is a SUM (older Excel rejects SUMIFS(x)).
 */
function countFormula({ of, where }: Count, label: string | null): string {
  if (label !== null) return sumProduct([isLabel(S.unit, label), of === 'problems' ? countsProblem : isItem(S.measureId), ...where]);
  if (of === 'measures') return countIfs([isItem(S.measureId), ...where]);
  const criteria = where.flatMap((c) => c.criteria);
  return criteria.length === 0 ? `SUM(${S.counts})` : `SUMIFS(${S.counts},${criteria.map(([range, c]) => `${range},${c}`).join(',')})`;
}

export type FigureKey = keyof SummaryFigures | 'measuresOpen';

/** A figure counted over the table, or derived from the row's other cells. */
type Figure = { key: FigureKey; header: string; rate?: boolean } & ({ count: Count } | { derived: (at: (k: FigureKey) => string) => string });

/** The columns from B on, in order. */
const FIGURES: readonly Figure[] = [
  { key: 'problems', header: '问题数', count: { of: 'problems', where: [] } },
  { key: 'problemsDone', header: '已完成问题', count: { of: 'problems', where: [equals(S.problemStatus, DONE)] } },
  { key: 'problemRate', header: '整改完成率', rate: true, derived: (at) => rateOf(at('problemsDone'), at('problems')) },
  { key: 'measures', header: '措施数', count: { of: 'measures', where: [] } },
  { key: 'measuresDone', header: '已完成措施', count: { of: 'measures', where: [equals(S.status, DONE)] } },
  { key: 'measuresOpen', header: '未完成措施', derived: (at) => `${at('measures')}-${at('measuresDone')}` },
  { key: 'measureRate', header: '整改到位率', rate: true, derived: (at) => rateOf(at('measuresDone'), at('measures')) },
  { key: 'overdue', header: '逾期', count: { of: 'measures', where: [notDone(S.status), overdue] } },
  { key: 'dueSoon', header: `临期（${WARN_DAYS}日内）`, count: { of: 'measures', where: [notDone(S.status), dueSoon] } },
  { key: 'problemsLongTerm', header: '长期坚持问题', count: { of: 'problems', where: [equals(S.problemLongTerm, FLAG_VALUES[0])] } },
  { key: 'longTermShare', header: '长期坚持占比', rate: true, derived: (at) => rateOf(at('problemsLongTerm'), at('problems')) },
];

export type SummaryRowCells = { label: string; figures: Record<FigureKey, string> };
export type SummaryDashboardCells = { asOfInput: string; asOf: string; units: SummaryRowCells[]; total: SummaryRowCells; check: string };
export type SummaryDashboardPlan = { layout: SheetLayout; cells: SummaryDashboardCells };

const HEADER_ROW = 5;
const CHART_GAP = 1;

/** The sheet for the given 来源单位 (in table order) and where each figure is. */
export function summaryDashboardPlan(units: readonly string[]): SummaryDashboardPlan {
  const cells: LayoutCell[] = [];
  const put = (address: string, value: string | number, style: CellStyle, extra: Omit<LayoutCell, 'address' | 'value' | 'style'> = {}) =>
    cells.push({ address, value, style, ...extra });
  const column = (i: number) => columnLetter(i + 1); // figures from column B

  put('A1', '巡察整改汇总统计', 'title');
  put('A2', '统计截止日期', 'label');
  // The user's own cell: a refresh in place keeps what was typed here (LayoutCell.input).
  cells.push({ address: SUMMARY_AS_OF_INPUT, value: '', style: 'value', format: DATE_FORMAT, input: true });
  put('C2', '可填写日期；留空表示按当天统计', 'note');
  put('A3', '按此日期统计', 'label');
  put(SUMMARY_AS_OF, `=IF(${SUMMARY_AS_OF_INPUT}="",TODAY(),${SUMMARY_AS_OF_INPUT})`, 'value', { format: DATE_FORMAT });

  put(`A${HEADER_ROW}`, '来源单位', 'header');
  FIGURES.forEach((f, i) => put(`${column(i)}${HEADER_ROW}`, f.header, 'header'));

  /** `unit`: whether the row is one unit's (its label in column A) or 合计. */
  const addRow = (row: number, label: string, unit: boolean): SummaryRowCells => {
    const figures = Object.fromEntries(FIGURES.map((f, i) => [f.key, `${column(i)}${row}`])) as Record<FigureKey, string>;
    // The label is a constant (user text, written as text by the renderers), never a formula.
    put(`A${row}`, label, unit ? 'label' : 'total', { text: true });
    FIGURES.forEach((f, i) => {
      const formula = 'count' in f ? countFormula(f.count, unit ? `$A${row}` : null) : f.derived((k) => figures[k]);
      // SUMPRODUCT's array maths: an array cell for Excel 2010, WPS and LibreOffice (as on 整改统计).
      const array = 'count' in f && unit;
      put(`${column(i)}${row}`, `=${formula}`, unit ? 'value' : 'total', { format: f.rate ? RATE_FORMAT : COUNT_FORMAT, ...(array ? { array } : {}) });
    });
    return { label: `A${row}`, figures };
  };

  const first = HEADER_ROW + 1;
  const unitRows = units.map((unit, i) => addRow(first + i, unit, true));
  const totalRow = first + units.length;
  const total = addRow(totalRow, '合计', false);

  // Rows of a unit the list does not name (typed into 汇总 by hand, or the list is stale) count in
  // 合计 but in no unit row: say so instead of letting the columns quietly disagree.
  const checkRow = totalRow + 1;
  const listed = units.length > 0 ? `SUM(B${first}:B${totalRow - 1})+SUM(E${first}:E${totalRow - 1})` : '0';
  put(`A${checkRow}`, `=IF(${listed}<B${totalRow}+E${totalRow},"有来源单位未列出，请在任务窗格“汇总”中重新汇总","")`, 'note');
  put(`A${checkRow + 1}`, `问题数按“计入问题数”合计；逾期：未完成且截止日期早于统计日期；临期：未完成且${WARN_DAYS}日内到期。`, 'note');

  const charts: LayoutChart[] = [];
  if (units.length > 0) {
    const chartLeft = columnLetter(FIGURES.length + 1 + CHART_GAP);
    const chartRight = columnLetter(FIGURES.length + 1 + CHART_GAP + 8);
    const last = totalRow - 1;
    const at = (k: FigureKey) => unitRows[0].figures[k].replace(/\d+$/, '');
    charts.push({
      id: SUMMARY_CHART_ID, kind: 'barStacked', title: '各单位整改措施完成情况', categories: `A${first}:A${last}`,
      series: [
        { name: '已完成措施', values: `${at('measuresDone')}${first}:${at('measuresDone')}${last}` },
        { name: '未完成措施', values: `${at('measuresOpen')}${first}:${at('measuresOpen')}${last}` },
      ],
      from: `${chartLeft}2`, to: `${chartRight}${2 + Math.max(16, units.length + 6) - 1}`,
    });
  }

  return {
    layout: { sheet: SUMMARY_DASHBOARD_SHEET, widths: [30, ...FIGURES.map(() => 11)], cells, charts, frozenRows: HEADER_ROW },
    cells: { asOfInput: SUMMARY_AS_OF_INPUT, asOf: SUMMARY_AS_OF, units: unitRows, total, check: `A${checkRow}` },
  };
}

/** The 汇总统计 sheet for the given 来源单位 (summaryUnits of the 汇总 rows). */
export function summaryDashboardLayout(units: string[]): SheetLayout {
  return summaryDashboardPlan(units).layout;
}
