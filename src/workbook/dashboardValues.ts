// What every formula cell of 整改统计 must show for a ledger, from the core's figures: the oracle the
// HyperFormula and LibreOffice tests compare the evaluated sheet with, address by address.
import { isoToSerial } from '../ledger/dates';
import { dashboardFigures, type DashboardFigures } from '../ledger/stats/dashboard-figures';
import type { IsoDate, Ledger } from '../ledger/types';
import { CATEGORY_NOUN, UNIT_NOUN, dashboardPlan, overflowWarning, type DashboardSlots, type ListCells, type TotalKey } from './dashboard';

export type ExpectedValue = string | number;

const rate = (done: number, all: number): ExpectedValue => (all === 0 ? '' : done / all);

/** One list row's values from column B: count, done, open, rate, then the extra counts. */
type ListRow = { label: string; count: number; done: number; extra: number[] };

function putList(out: Map<string, ExpectedValue>, cells: ListCells, rows: readonly ListRow[], blank: Omit<ListRow, 'label'>, noun: string, withValue: number): void {
  const put = (at: { label: string; values: string[] }, row: ListRow | null) => {
    out.set(at.label, row ? row.label : '');
    const values = row ? [row.count, row.done, row.count - row.done, rate(row.done, row.count), ...row.extra] : at.values.map(() => '');
    at.values.forEach((address, i) => out.set(address, values[i]));
  };
  const listed = rows.slice(0, cells.slots.length);
  cells.slots.forEach((at, i) => put(at, listed[i] ?? null));
  // （未填写） is a constant label; only its values are formulas.
  const blankRow: ListRow = { label: '（未填写）', ...blank };
  put(cells.blank, blankRow);
  const sum = (pick: (r: Omit<ListRow, 'label'>) => number) => [...listed, blankRow].reduce((n, r) => n + pick(r), 0);
  const total: ListRow = { label: '合计', count: sum((r) => r.count), done: sum((r) => r.done), extra: blank.extra.map((_, i) => sum((r) => r.extra[i])) };
  put(cells.total, total);
  const listedCount = listed.reduce((n, r) => n + r.count, 0);
  out.set(cells.check, listedCount < withValue ? overflowWarning(noun, cells.slots.length) : '');
}

/**
 * The value of each formula cell (and the labels of the list rows) for `ledger` as of `asOf`:
 * numbers, '' for an empty rate or slot, the warning text of a list that overflows.
 */
export function dashboardExpected(ledger: Ledger, asOf: IsoDate, slots: DashboardSlots): Map<string, ExpectedValue> {
  const f: DashboardFigures = dashboardFigures(ledger, asOf);
  const { cells } = dashboardPlan(slots);
  const out = new Map<string, ExpectedValue>();
  out.set(cells.org, ledger.round.org);
  out.set(cells.asOf, isoToSerial(asOf) ?? '');
  const totals: Record<TotalKey, ExpectedValue> = {
    problems: f.problems, problemsDone: f.problemsDone, problemRate: f.problemRate ?? '',
    measures: f.measures, measuresDone: f.measuresDone, measureRate: f.measureRate ?? '',
    problemsLongTerm: f.problemsLongTerm, longTermShare: f.longTermShare ?? '',
    overdue: f.overdue, dueSoon: f.dueSoon, onTimeRate: f.onTimeRate ?? '',
  };
  for (const key of Object.keys(totals) as TotalKey[]) out.set(cells.totals[key], totals[key]);
  for (const [status, at] of Object.entries(cells.status) as [keyof DashboardFigures['byStatus'], { count: string; share: string }][]) {
    out.set(at.count, f.byStatus[status]);
    out.set(at.share, rate(f.byStatus[status], f.measures));
  }
  out.set(cells.statusTotal.count, f.measures);
  out.set(cells.statusTotal.share, rate(f.measures, f.measures));

  putList(
    out, cells.categories,
    f.byCategory.map((c) => ({ label: c.category, count: c.problems, done: c.done, extra: [c.longTerm] })),
    { count: f.blankCategory.problems, done: f.blankCategory.done, extra: [f.blankCategory.longTerm] },
    CATEGORY_NOUN, f.problems - f.blankCategory.problems,
  );
  putList(
    out, cells.units,
    f.byUnit.map((u) => ({ label: u.unit, count: u.measures, done: u.done, extra: [u.overdue, u.dueSoon] })),
    { count: f.blankUnit.measures, done: f.blankUnit.done, extra: [f.blankUnit.overdue, f.blankUnit.dueSoon] },
    UNIT_NOUN, f.measures - f.blankUnit.measures,
  );
  return out;
}
