// The importer on report texts it was not built on (test/import/texts/*.txt with a hand-written
// *.expected.json, decided from each text before the importer was run on it): a 县级 通报 with a
// flattened table, a 市直 通报 with （一）/1./（1）, a 乡镇 通报 with labelled blocks, 反馈意见 in two
// forms, a 回头看 report, a 高校 巡视 report and a summary-only 整改进展情况. Targets per text are
// those of issue 5 for the real fixtures.
import { listUnseen, figureRate, rate, REAL_DIR, scoreUnseen } from './unseen-score';

const texts = listUnseen();

/** Fails with the list of disagreements, so a regression says what went wrong. */
function atLeast(value: number, target: number, misses: readonly string[]): void {
  if (value < target) throw new Error(`${(value * 100).toFixed(1)}% < ${target * 100}%:\n${misses.join('\n')}`);
}
const scores = texts.map((t) => [t.name, scoreUnseen(t.name, t.text, t.expected)] as const);

describe('import of unseen report texts', () => {
  it('has the texts and their expectations', () => {
    expect(texts.length).toBeGreaterThanOrEqual(8);
  });

  it.each(scores)('%s: imports, as the right kind of document', (_name, s) => {
    expect(s.error).toBeNull();
    expect(s.kind.found).toBe(s.kind.expected);
  });

  it.each(scores)('%s: counts of 方面 and problems are exact', (_name, s) => {
    expect(s.aspects.found).toBe(s.aspects.expected);
    expect(s.problems.found).toBe(s.problems.expected);
  });

  it.each(scores)('%s: status with 长期坚持 flag and deadline agree for ≥95%% of problems', (_name, s) => {
    atLeast(rate(s.status), 0.95, s.misses);
    atLeast(rate(s.deadline), 0.95, s.misses);
  });

  it.each(scores)('%s: findings start as a person would copy them, measures are counted', (_name, s) => {
    atLeast(rate(s.finding), 0.9, s.misses);
    atLeast(rate(s.measures), 0.9, s.misses);
  });

  it.each(scores)('%s: round fields and summary figures ≥90%%', (_name, s) => {
    atLeast(rate(s.round), 0.9, s.misses);
    atLeast(figureRate(s.figures), 0.9, s.misses);
  });
});

// Real texts from public sources (test/import/real, each with its source address; expectations
// written before the importer was first run on them — first and later scores in its README).
describe('import of real texts of new genres', () => {
  const real = listUnseen(REAL_DIR).map((t) => [t.name, scoreUnseen(t.name, t.text, t.expected)] as const);
  it('has at least twelve of them', () => {
    expect(real.length).toBeGreaterThanOrEqual(12);
  });
  it.each(real)('%s: imports (or is refused) as the right kind, with exact counts', (_name, s) => {
    expect(s.error).toBeNull();
    expect(s.kind.found).toBe(s.kind.expected);
    expect(s.aspects.found).toBe(s.aspects.expected);
    expect(s.problems.found).toBe(s.problems.expected);
  });
  it.each(real)('%s: findings start as written, figures mostly found', (_name, s) => {
    atLeast(rate(s.finding), 0.9, s.misses);
    atLeast(figureRate(s.figures), 0.5, s.misses);
  });
});
