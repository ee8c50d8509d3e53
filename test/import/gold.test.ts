// The importer against the hand-checked gold extractions of real reports (fixtures/reports): the
// targets of issue 5 — counts exact, status and deadlines ≥95%, round fields and figures ≥90%.
import { defaultFixtureDir, figureRate, listFixtures, rateRows, scoreFixture, totals } from '../../scripts/eval-import';
import { addRates } from '../../scripts/lib/outcome-rates';

const fixtures = listFixtures(defaultFixtureDir());
const scores = fixtures.map((f) => scoreFixture(f.name, f.text, f.gold));

describe('import vs gold extractions', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(scores.map((s) => [s.name, s] as const))('%s: counts of 方面 and problems are exact', (_name, s) => {
    expect(s.error).toBeNull();
    expect(s.aspects.found).toBe(s.aspects.gold);
    expect(s.problems.found).toBe(s.problems.gold);
  });

  it.each(scores.map((s) => [s.name, s] as const))('%s: round fields ≥90%% and figures ≥90%%', (_name, s) => {
    expect(s.round.agree / s.round.total).toBeGreaterThanOrEqual(0.9);
    expect(figureRate(s.figures)).toBeGreaterThanOrEqual(0.9);
  });

  it('status and deadlines agree with the gold for at least 95% of problems overall', () => {
    const t = totals(scores);
    expect(t.countsExact).toBe(true);
    expect(t.status).toBeGreaterThanOrEqual(0.95);
    expect(t.deadline).toBeGreaterThanOrEqual(0.95);
    expect(t.round).toBeGreaterThanOrEqual(0.9);
    expect(t.figures).toBeGreaterThanOrEqual(0.9);
  });
});

describe('outcome rates over every text (issue 15)', () => {
  const rows = rateRows(defaultFixtureDir());
  const all = addRates(rows.map((r) => r.rates));
  it('covers the gold fixtures, the written samples and the real texts', () => {
    expect(new Set(rows.map((r) => r.set))).toEqual(new Set(['gold', 'texts', 'real']));
    expect(rows.filter((r) => r.set === 'real').length).toBeGreaterThanOrEqual(12);
  });
  it('agrees on done / not done for ≥ 85% of stated outcomes, and calls ≤ 5% of unstated ones done', () => {
    expect(all.agree / all.stated).toBeGreaterThanOrEqual(0.85);
    expect(all.falseDone / all.unstated).toBeLessThanOrEqual(0.05);
  });
});
