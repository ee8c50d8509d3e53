// The 台账 list as data: an index built once per ledger (facts and search text per measure), and
// the filters applied to it. Pure and memoisable, so typing in search over 5,000 measures costs a
// pass of string `includes`, not a re-render of the world.
import type { IsoDate, Ledger, MeasureRow, ProblemRow, StatusOrUnmarked } from '../../../ledger/types';
import { measureFacts, type MeasureFacts } from '../../ledgerFacts';

export type DueFilter = 'all' | 'overdue' | 'soon';

export type LedgerFilter = {
  status: StatusOrUnmarked | 'all';
  unit: string; // '' = all units
  due: DueFilter;
  longTermOnly: boolean;
  openOnly: boolean; // 未销号
  search: string;
};

export const NO_FILTER: LedgerFilter = { status: 'all', unit: '', due: 'all', longTermOnly: false, openOnly: false, search: '' };

export type IndexedMeasure = { row: MeasureRow; facts: MeasureFacts; haystack: string };
export type IndexedProblem = { row: ProblemRow; measures: IndexedMeasure[]; haystack: string };

export type LedgerIndex = {
  problems: IndexedProblem[];
  units: string[];
  problemById: ReadonlyMap<string, IndexedProblem>;
  measureById: ReadonlyMap<string, IndexedMeasure>;
};

function haystackOf(parts: readonly string[]): string {
  return parts.join('\u0001').toLowerCase();
}

export function indexLedger(ledger: Ledger, asOf: IsoDate): LedgerIndex {
  const measuresOf = new Map<string, IndexedMeasure[]>();
  const measureById = new Map<string, IndexedMeasure>();
  const units = new Set<string>();
  for (const m of ledger.measures) {
    const indexed: IndexedMeasure = {
      row: m,
      facts: measureFacts(m, asOf),
      haystack: haystackOf([m.id, m.text, m.unit, m.coUnits, m.owner, m.leader, m.deadlineText, m.progress, m.evidence]),
    };
    measureById.set(m.id, indexed);
    if (m.unit) units.add(m.unit);
    const list = measuresOf.get(m.problemId);
    if (list) list.push(indexed);
    else measuresOf.set(m.problemId, [indexed]);
  }
  const problems = ledger.problems.map(
    (p): IndexedProblem => ({
      row: p,
      measures: measuresOf.get(p.id) ?? [],
      haystack: haystackOf([p.id, p.sourceNumber, p.category, p.description, p.leader, p.leadUnit, p.note]),
    }),
  );
  return {
    problems,
    units: [...units].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    problemById: new Map(problems.map((p) => [p.row.id, p])),
    measureById,
  };
}

export type FilteredProblem = { problem: IndexedProblem; measures: IndexedMeasure[] };
export type FilterResult = { problems: FilteredProblem[]; measureCount: number };

/** Search terms: whitespace-separated, all must occur (in the problem's or the measure's text). */
export function searchTerms(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

function hasMeasureFilter(filter: LedgerFilter): boolean {
  return filter.status !== 'all' || filter.unit !== '' || filter.due !== 'all' || filter.longTermOnly || filter.openOnly;
}

export function isFiltered(filter: LedgerFilter): boolean {
  return hasMeasureFilter(filter) || searchTerms(filter.search).length > 0;
}

function passesMeasureFilter(m: IndexedMeasure, filter: LedgerFilter): boolean {
  if (filter.status !== 'all' && m.row.status !== filter.status) return false;
  if (filter.unit && m.row.unit !== filter.unit) return false;
  if (filter.due === 'overdue' && m.facts.light !== '红') return false;
  if (filter.due === 'soon' && m.facts.light !== '黄') return false;
  if (filter.longTermOnly && !m.row.longTerm) return false;
  if (filter.openOnly && m.row.closeState === '已销号') return false;
  return true;
}

/**
 * Problems with the measures that pass every filter. A problem matched by the search itself keeps
 * all its (filtered) measures; otherwise only the measures whose own text matches are shown.
 */
export function filterLedger(index: LedgerIndex, filter: LedgerFilter): FilterResult {
  const terms = searchTerms(filter.search);
  const measureFiltered = hasMeasureFilter(filter);
  const result: FilteredProblem[] = [];
  let measureCount = 0;
  for (const p of index.problems) {
    // Terms the problem's own text already satisfies need not occur in the measure.
    const open = terms.filter((term) => !p.haystack.includes(term));
    if (p.measures.length === 0) {
      if (!measureFiltered && open.length === 0) result.push({ problem: p, measures: [] });
      continue;
    }
    const kept = p.measures.filter((m) => passesMeasureFilter(m, filter) && open.every((term) => m.haystack.includes(term)));
    if (kept.length > 0) {
      result.push({ problem: p, measures: kept });
      measureCount += kept.length;
    }
  }
  return { problems: result, measureCount };
}
