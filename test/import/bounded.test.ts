// The importer's work is bounded by its input: on every hostile recipe (test/import/hostile.ts) the
// work at four times the size is close to four times the work, never sixteen; on random report-like
// texts it stays under a fixed multiple of the input's length. Work is counted, not timed
// (./work.ts), so the test means the same on a busy machine.
import fc from 'fast-check';
import { importReport } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { HOSTILE } from './hostile';
import { workOf } from './work';

describe('bounded work', () => {
  it.each(HOSTILE.map((c) => [c.name, c] as const))('%s: never throws, and 4× the text costs < 6× the work', (_name, c) => {
    const small = c.make(0.02);
    const large = c.make(0.08);
    let result: ReturnType<typeof importReport> | null = null;
    const a = workOf(() => importReport(small));
    const b = workOf(() => (result = importReport(large)));
    expect(result).not.toBeNull();
    expect(b / a).toBeLessThan(6);
  });

  it('random report-like texts: work ≤ 400 × their length', () => {
    const tokens = ['（1）', '1.', '一、', '整改情况：已完成。', '正在推进', '2022年12月底前完成，', '长期坚持', '针对“学习不深入”问题的整改情况。', '  ', '\n', '一是', '二是', '已清退到位', '部分完成', '共反馈问题42个，', '“', '[bookmark: a]'];
    const text = fc.array(fc.tuple(fc.constantFrom(...tokens), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([t, n]) => t.repeat(n)).join(''));
    fc.assert(
      fc.property(text, (t) => {
        const work = workOf(() => {
          const r = importReport(t);
          if (!isLedgerError(r)) expect(r.problems.every((p) => p.finding.length <= 32767)).toBe(true);
        });
        expect(work).toBeLessThanOrEqual(400 * t.length + 20000);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Excel cell limit', () => {
  it('a 360,000-character line becomes measures of at most 32,767 characters, and says so', () => {
    const text = `某局党组关于巡察整改情况的通报\n（1）制度执行不严格。\n整改情况：已完成整改。${'整改落实到位。'.repeat(52000)}\n`;
    const result = importReport(text);
    if (isLedgerError(result)) throw new Error(result.message);
    const [problem] = result.problems;
    expect(problem.measures.length).toBe(12);
    expect(problem.measures.every((m) => m.text.length <= 32767)).toBe(true);
    expect(problem.measures.map((m) => m.text).join('')).toContain('整改落实到位。'.repeat(52000));
    expect(result.warnings.find((w) => w.code === 'cellTooLong')?.message).toBe('第2行的整改措施有364011字，超过 Excel 单元格上限32767字，已拆成12条措施');
  });
});
