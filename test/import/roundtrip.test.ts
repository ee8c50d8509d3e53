// Round trip: import each fixture → toLedger → the summary figures the report module computes agree
// with the gold totals (problem counts, done counts, long-term counts).
import { defaultFixtureDir, listFixtures } from '../../scripts/eval-import';
import { importReport, toLedger, toNewItems } from '../../src/ledger/import';
import type { ImportResult } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { countLedger } from '../../src/ledger/report/summary';

const fixtures = listFixtures(defaultFixtureDir());

function imported(text: string): ImportResult {
  const result = importReport(text);
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

describe.each(fixtures.map((f) => [f.name, f] as const))('round trip of %s', (_name, fixture) => {
  const result = imported(fixture.text);
  const ledger = toLedger(result);
  const counts = countLedger(ledger, result.round.reportDate ?? '2030-01-01');
  const gold = fixture.gold.totals as unknown as { items: number; status_counts: Record<string, number> };
  const sc = gold.status_counts;

  it('keeps one problem row per gold item', () => {
    expect(counts.problems).toBe(gold.items);
  });

  it('counts done, under-way and long-term problems as the gold does', () => {
    expect(counts.problemsDone).toBe(sc.done + sc.done_long_term);
    expect(counts.problemsInProgress).toBe(sc.in_progress + sc.long_term);
    expect(counts.problemsLongTerm).toBe(sc.long_term + sc.done_long_term);
  });

  it('leaves problems with no stated outcome 未标注, never done', () => {
    const unmarked = ledger.problems.filter((p) => p.status === '未标注').length;
    expect(unmarked).toBe(sc.unknown);
  });

  it('gives every measure a stable id under its problem, and the store batch the same rows', () => {
    for (const m of ledger.measures) expect(m.id.startsWith(`${m.problemId}-M`)).toBe(true);
    const items = toNewItems(result);
    expect(items).toHaveLength(ledger.problems.length);
    expect(items.reduce((n, i) => n + i.measures.length, 0)).toBe(ledger.measures.length);
  });

  it('carries the round into the ledger', () => {
    expect(ledger.round.org).toBe(fixture.gold.org);
    expect(ledger.round.feedback).toBe(fixture.gold.feedback_date);
    expect(ledger.round.start).toBe(fixture.gold.inspection_start);
  });
});
