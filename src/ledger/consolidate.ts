// 汇总 (DESIGN.md §8): the ledgers units send back, flattened into one table of measure rows tagged
// with their 来源单位, merged so that a unit imported again replaces its rows instead of adding a
// second copy, and the §7 figures per unit over that table — the numbers the 汇总统计 sheet's
// formulas must reproduce.
import { normalizeText } from './normalize';
import { rollUpAll, measuresByProblem } from './rollup';
import { roundedRate } from './stats/rate';
import { dashboardFigures } from './stats/dashboard-figures';
import type { SummarySource, UnitLedger } from './store';

export type { SummarySource } from './store';
import { UNMARKED, type CloseState, type IsoDate, type Ledger, type MeasureRow, type ProblemRow, type StatusOrUnmarked } from './types';

/** One row of the 汇总 table: a measure with its problem's fields (a problem without measures: one row, measure fields blank). */
export type SummaryRow = {
  sourceUnit: string; // 来源单位
  sourceFile: string; // 来源文件
  problemId: string; // 问题编号
  sourceNumber: string; // 原编号
  category: string; // 问题类别
  description: string; // 问题描述
  problemStatus: StatusOrUnmarked | ''; // 问题状态 ('' on a measure whose problem is missing)
  problemLongTerm: boolean | null; // 问题长期坚持
  /** 计入问题数: 1 on exactly one row per problem, else 0, so SUMIFS counts problems without a distinct count. */
  countsProblem: number;
  measureId: string; // 措施编号
  measureText: string; // 整改措施
  unit: string; // 责任单位
  owner: string; // 责任人
  deadlineText: string; // 整改时限
  deadline: IsoDate | null; // 截止日期
  measureStatus: StatusOrUnmarked | ''; // 整改状态
  measureLongTerm: boolean | null; // 长期坚持
  doneDate: IsoDate | null; // 完成日期
  closeState: CloseState | ''; // 销号状态 (of the measure)
  importedAt: string; // 导入时间, YYYY-MM-DD HH:MM:SS
};

/**
 * The key two spellings of one unit share: trimmed, full-width forms made half-width, whitespace
 * dropped, letters in one case (Excel's COUNTIFS ignores case too, so the dashboard agrees).
 */
export function unitKey(unit: string): string {
  return normalizeText(unit).replace(/\s+/g, '').toLowerCase();
}

const BLANK_MEASURE = {
  measureId: '', measureText: '', unit: '', owner: '', deadlineText: '', deadline: null, measureStatus: '',
  measureLongTerm: null, doneDate: null, closeState: '',
} as const satisfies Partial<SummaryRow>;

function problemPart(p: ProblemRow, countsProblem: number) {
  return {
    problemId: p.id, sourceNumber: p.sourceNumber, category: p.category, description: p.description,
    problemStatus: p.status, problemLongTerm: p.longTerm, countsProblem,
  };
}

function measurePart(m: MeasureRow) {
  return {
    measureId: m.id, measureText: m.text, unit: m.unit, owner: m.owner, deadlineText: m.deadlineText, deadline: m.deadline,
    measureStatus: m.status, measureLongTerm: m.longTerm, doneDate: m.doneDate, closeState: m.closeState,
  };
}

/** A unit's ledger as 汇总 rows: problems in ledger order, each followed by its measures; orphan measures last. */
export function summaryRows(unit: UnitLedger, importedAt: string): SummaryRow[] {
  const ledger = rollUpAll(unit.ledger);
  const source = { sourceUnit: unit.unit.trim(), sourceFile: unit.fileName };
  const byProblem = measuresByProblem(ledger.measures);
  const placed = new Set<string>();
  const rows: SummaryRow[] = [];
  for (const p of ledger.problems) {
    // A problem number given twice: its measures go with the first, so no measure appears twice.
    const measures = placed.has(p.id) ? [] : (byProblem.get(p.id) ?? []);
    placed.add(p.id);
    if (measures.length === 0) rows.push({ ...source, ...problemPart(p, 1), ...BLANK_MEASURE, importedAt });
    measures.forEach((m, i) => rows.push({ ...source, ...problemPart(p, i === 0 ? 1 : 0), ...measurePart(m), importedAt }));
  }
  for (const m of ledger.measures) {
    if (placed.has(m.problemId)) continue;
    rows.push({
      ...source, problemId: m.problemId, sourceNumber: '', category: '', description: '', problemStatus: '', problemLongTerm: null,
      countsProblem: 0, ...measurePart(m), importedAt,
    });
  }
  return rows;
}

/** What happened to one incoming file. `replacedFile`: the file whose rows it replaced (null when added). */
export type UnitOutcome = {
  unit: string;
  fileName: string;
  problems: number;
  measures: number;
  outcome: 'added' | 'replaced';
  replacedFile: string | null;
};

type UnitGroup = { unit: string; fileName: string; rows: SummaryRow[] };

/** Existing rows grouped by unit, in the order units first appear. */
function groupByUnit(rows: readonly SummaryRow[]): Map<string, UnitGroup> {
  const groups = new Map<string, UnitGroup>();
  for (const row of rows) {
    const key = unitKey(row.sourceUnit);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { unit: row.sourceUnit, fileName: row.sourceFile, rows: [row] });
  }
  return groups;
}

/**
 * Merges incoming ledgers into the 汇总 rows. A unit already there (same unitKey) has its rows
 * replaced where they stood; a new unit is appended. Within one batch files apply in order, so of
 * two files of one unit the later wins and is reported as replacing the earlier.
 */
export function mergeSummary(
  existing: readonly SummaryRow[],
  incoming: readonly UnitLedger[],
  importedAt: string,
): { rows: SummaryRow[]; report: UnitOutcome[] } {
  const groups = groupByUnit(existing);
  const report: UnitOutcome[] = [];
  for (const unit of incoming) {
    const key = unitKey(unit.unit);
    const before = groups.get(key);
    const rows = summaryRows(unit, importedAt);
    // set() on an existing key keeps its place in the Map's order: the unit keeps its position.
    groups.set(key, { unit: unit.unit.trim(), fileName: unit.fileName, rows });
    report.push({
      unit: unit.unit.trim(), fileName: unit.fileName, problems: unit.ledger.problems.length, measures: unit.ledger.measures.length,
      outcome: before ? 'replaced' : 'added', replacedFile: before ? before.fileName : null,
    });
  }
  return { rows: [...groups.values()].flatMap((g) => g.rows), report };
}

/**
 * Incoming files that would replace rows another file brought: the same 被巡察单位 from a different
 * file (a unit that copied another unit's ledger without changing 被巡察单位, or two files of one
 * unit in a run). A resend under the same file name is the ordinary update and is not listed.
 * Replacing these needs the user's say: the pane asks, the command line wants --replace.
 */
export function foreignReplacements(report: readonly UnitOutcome[]): UnitOutcome[] {
  return report.filter((r) => r.outcome === 'replaced' && r.replacedFile !== null && r.replacedFile !== r.fileName);
}

/** The units of the 汇总 rows with their files and row counts, in table order. */
export function summarySources(rows: readonly Pick<SummaryRow, 'sourceUnit' | 'sourceFile'>[]): SummarySource[] {
  const groups = new Map<string, SummarySource>();
  for (const row of rows) {
    const key = unitKey(row.sourceUnit);
    const group = groups.get(key);
    if (group) group.rows++;
    else groups.set(key, { unit: row.sourceUnit, fileName: row.sourceFile, rows: 1 });
  }
  return [...groups.values()];
}

/**
 * A file (`incoming[index]`) whose 被巡察单位 would replace the rows another file brought: already
 * in the 汇总 (`inBatch` false), or chosen earlier in the same batch. `rows`: how many rows go.
 */
export type PendingReplacement = { index: number; fileName: string; unit: string; replacedFile: string; rows: number; inBatch: boolean };

/**
 * What foreignReplacements would list after merging `incoming` into a 汇总 holding `existing`,
 * worked out before anything is written, with the rows each replacement removes, so the pane can
 * ask first. A resend under the same file name is the ordinary update and is not listed.
 */
export function replacementsToConfirm(existing: readonly SummarySource[], incoming: readonly UnitLedger[]): PendingReplacement[] {
  const now = new Map<string, SummarySource & { inBatch: boolean }>(existing.map((s) => [unitKey(s.unit), { ...s, inBatch: false }]));
  const pending: PendingReplacement[] = [];
  incoming.forEach((u, index) => {
    const key = unitKey(u.unit);
    const before = now.get(key);
    if (before && before.fileName !== u.fileName) {
      pending.push({ index, fileName: u.fileName, unit: u.unit.trim(), replacedFile: before.fileName, rows: before.rows, inBatch: before.inBatch });
    }
    now.set(key, { unit: u.unit.trim(), fileName: u.fileName, rows: summaryRows(u, '').length, inBatch: true });
  });
  return pending;
}

/** The units of the 汇总 rows, first spelling of each, in table order (the dashboard's row labels). */
export function summaryUnits(rows: readonly SummaryRow[]): string[] {
  return [...groupByUnit(rows).values()].map((g) => g.unit);
}

/** The 汇总统计 figures of one unit or of all. Rates are fractions, null when nothing is counted. */
export type SummaryFigures = {
  problems: number; // 问题数
  problemsDone: number; // 已完成问题
  problemRate: number | null; // 整改完成率
  measures: number; // 措施数
  measuresDone: number; // 已完成措施
  measureRate: number | null; // 整改到位率
  overdue: number; // 逾期
  dueSoon: number; // 临期: not done, due within the 预警's 黄 window
  problemsLongTerm: number; // 长期坚持问题
  longTermShare: number | null; // 长期坚持占比
};

type Counts = Pick<SummaryFigures, 'problems' | 'problemsDone' | 'measures' | 'measuresDone' | 'overdue' | 'dueSoon' | 'problemsLongTerm'>;

/** One unit's rows back as a ledger, so the figures come from the one definition in stats. */
function ledgerOfRows(rows: readonly SummaryRow[]): Ledger {
  const problems: ProblemRow[] = [];
  const measures: MeasureRow[] = [];
  for (const r of rows) {
    if (r.countsProblem === 1) {
      problems.push({
        id: r.problemId, sourceNumber: r.sourceNumber, category: r.category, description: r.description, source: '', leader: '', leadUnit: '',
        status: r.problemStatus || UNMARKED, longTerm: r.problemLongTerm === true, closeState: '未申请', closeDate: null, note: '',
      });
    }
    if (r.measureId !== '') {
      measures.push({
        id: r.measureId, problemId: r.problemId, text: r.measureText, leader: '', unit: r.unit, coUnits: '', owner: r.owner,
        deadlineText: r.deadlineText, deadline: r.deadline, status: r.measureStatus || UNMARKED, longTerm: r.measureLongTerm === true,
        doneDate: r.doneDate, progress: '', evidence: '', closeState: r.closeState || '未申请', closeDate: null, note: '',
      });
    }
  }
  return { round: { org: '', inspector: '', kind: '', start: null, end: null, feedback: null, months: 3, asOf: null }, problems, measures };
}

/** A unit's counts by the 整改统计 definitions (逾期 = 预警 红, 临期 = 预警 黄), so both sheets agree. */
function countsOf(rows: readonly SummaryRow[], asOf: IsoDate): Counts {
  const f = dashboardFigures(ledgerOfRows(rows), asOf);
  return {
    problems: f.problems, problemsDone: f.problemsDone, measures: f.measures, measuresDone: f.measuresDone,
    overdue: f.overdue, dueSoon: f.dueSoon, problemsLongTerm: f.problemsLongTerm,
  };
}

const rate = (done: number, total: number) => (total === 0 ? null : roundedRate(done, total));

function withRates(c: Counts): SummaryFigures {
  return {
    ...c,
    problemRate: rate(c.problemsDone, c.problems),
    measureRate: rate(c.measuresDone, c.measures),
    longTermShare: rate(c.problemsLongTerm, c.problems),
  };
}

/** The figures per unit (table order) and in total, as of a date. */
export function summaryFigures(rows: readonly SummaryRow[], asOf: IsoDate): { units: { unit: string; figures: SummaryFigures }[]; total: SummaryFigures } {
  // Per unit: problem numbers repeat across units (each has its P001), so units never share a ledger.
  const units = [...groupByUnit(rows).values()].map((g) => ({ unit: g.unit, counts: countsOf(g.rows, asOf) }));
  const total: Counts = { problems: 0, problemsDone: 0, measures: 0, measuresDone: 0, overdue: 0, dueSoon: 0, problemsLongTerm: 0 };
  for (const { counts } of units) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
  return { units: units.map((u) => ({ unit: u.unit, figures: withRates(u.counts) })), total: withRates(total) };
}

// ---- the 巡察办's own columns ------------------------------------------------------------------

/**
 * Which 汇总 row a row is across imports: its unit (unitKey, as mergeSummary matches units), 问题编号
 * and 措施编号. A measure keeps its key when its unit is imported again and the measure is still there.
 */
export function summaryRowKey(row: Pick<SummaryRow, 'sourceUnit' | 'problemId' | 'measureId'>): string {
  return JSON.stringify([unitKey(row.sourceUnit), row.problemId.trim(), row.measureId.trim()]);
}

/**
 * Columns a 巡察办 added to the 汇总 table (a 核查意见 they type into): their headers in table
 * order, and each existing row's values under its summaryRowKey. A key can hold several rows (a
 * problem number given twice): their values in table order.
 */
export type ExtraColumns<V> = { headers: readonly string[]; byKey: ReadonlyMap<string, readonly (readonly V[])[]> };

export const NO_EXTRA_COLUMNS: ExtraColumns<never> = { headers: [], byKey: new Map() };

/** The extra columns' values of `rows` (`values[i]` belongs to `rows[i]`, in `headers` order). */
export function extraColumnsOf<V>(headers: readonly string[], rows: readonly SummaryRow[], values: readonly (readonly V[])[]): ExtraColumns<V> {
  if (rows.length !== values.length) throw new Error(`extraColumnsOf: ${rows.length} rows but ${values.length} value rows`);
  const byKey = new Map<string, (readonly V[])[]>();
  if (headers.length === 0) return { headers, byKey };
  rows.forEach((row, i) => {
    const key = summaryRowKey(row);
    const list = byKey.get(key);
    if (list) list.push(values[i]);
    else byKey.set(key, [values[i]]);
  });
  return { headers, byKey };
}

/**
 * The extra columns' values for each merged row: those of the existing row with the same key (the
 * n-th row of a key gets the n-th values), null for a row that is new. Values whose row is gone —
 * a measure the re-imported ledger no longer has — are dropped with it: nothing is left to show them on.
 */
export function placeExtraColumns<V>(extra: ExtraColumns<V>, rows: readonly SummaryRow[]): (readonly V[] | null)[] {
  if (extra.headers.length === 0) return rows.map(() => null);
  const used = new Map<string, number>();
  return rows.map((row) => {
    const key = summaryRowKey(row);
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return extra.byKey.get(key)?.[n] ?? null;
  });
}
