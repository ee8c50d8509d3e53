import fc from 'fast-check';
import { countLedger, summarySentence } from './summary';
import type { SummaryCounts } from './summary';
import { smallLedger } from './testLedger';

const zero: SummaryCounts = {
  problems: 0, problemsDone: 0, problemsInProgress: 0, problemsLongTerm: 0, measures: 0, measuresDone: 0, overdue: 0, closed: 0,
};

describe('summarySentence in the reports\' phrasing', () => {
  test.each<[string, Partial<SummaryCounts>, string]>([
    ['新野: 25 measures, 20 done', { measures: 25, measuresDone: 20 }, '制定的25条整改措施，已落实到位20条，整改到位率80%'],
    [
      '清丰: 15 problems, 14 done, 1 under way, 15 long-term',
      { problems: 15, problemsDone: 14, problemsInProgress: 1, problemsLongTerm: 15 },
      '反馈问题15项，已按期整改完成14项，正在推进整改落实1项，纳入长期坚持15项',
    ],
    [
      'both halves joined by a semicolon',
      { problems: 15, problemsDone: 14, problemsInProgress: 1, problemsLongTerm: 15, measures: 25, measuresDone: 20 },
      '反馈问题15项，已按期整改完成14项，正在推进整改落实1项，纳入长期坚持15项；制定的25条整改措施，已落实到位20条，整改到位率80%',
    ],
    ['two-decimal rate as published', { measures: 15, measuresDone: 14 }, '制定的15条整改措施，已落实到位14条，整改到位率93.33%'],
    ['昆明 688/697', { measures: 697, measuresDone: 688 }, '制定的697条整改措施，已落实到位688条，整改到位率98.71%'],
    ['half-up at the third decimal (1/8 = 12.5%)', { measures: 8, measuresDone: 1 }, '制定的8条整改措施，已落实到位1条，整改到位率12.5%'],
    ['half-up 2/3 = 66.67%', { measures: 3, measuresDone: 2 }, '制定的3条整改措施，已落实到位2条，整改到位率66.67%'],
    ['all done', { problems: 5, problemsDone: 5, measures: 20, measuresDone: 20 }, '反馈问题5项，已全部按期整改完成；制定的20条整改措施，已全部落实到位，整改到位率100%'],
    ['nothing done yet', { problems: 2, problemsInProgress: 2, measures: 4 }, '反馈问题2项，正在推进整改落实2项；制定的4条整改措施，尚未落实到位，整改到位率0%'],
    ['not started and unmarked are named', { problems: 10, problemsDone: 1, problemsInProgress: 4 }, '反馈问题10项，已按期整改完成1项，正在推进整改落实4项，尚未启动或未标注整改情况5项'],
    [
      'overdue: no claim of 按期, overdue and closed counts given',
      { problems: 3, problemsDone: 2, problemsInProgress: 1, measures: 6, measuresDone: 4, overdue: 1, closed: 3 },
      '反馈问题3项，已整改完成2项，正在推进整改落实1项；制定的6条整改措施，已落实到位4条，整改到位率66.67%，逾期未完成1条，已销号3条',
    ],
    ['empty ledger', {}, '尚无反馈问题和整改措施'],
  ])('%s', (_name, counts, expected) => {
    expect(summarySentence({ ...zero, ...counts })).toBe(expected);
  });

  test.each<[Partial<SummaryCounts>, string]>([
    [{ measures: 25, measuresDone: 20 }, 'Of 25 measures, 20 carried out, implementation rate 80%'],
    [{}, 'No problems or measures yet'],
    [
      { problems: 15, problemsDone: 14, problemsInProgress: 1, problemsLongTerm: 15 },
      '15 problems fed back, 14 rectified on time, 1 in progress, 15 under long-term follow-up',
    ],
    [{ problems: 1, problemsDone: 1 }, '1 problem fed back, all rectified on time'],
  ])('English %#', (counts, expected) => {
    expect(summarySentence({ ...zero, ...counts }, 'en')).toBe(expected);
  });

  test.each<[string, Partial<SummaryCounts>]>([
    ['negative', { problems: -1 }],
    ['fraction', { measures: 2.5 }],
    ['done over total', { measures: 3, measuresDone: 4 }],
    ['done + in progress over total', { problems: 3, problemsDone: 2, problemsInProgress: 2 }],
    ['overdue among done', { measures: 3, measuresDone: 3, overdue: 1 }],
  ])('misuse throws: %s', (_name, counts) => {
    expect(() => summarySentence({ ...zero, ...counts })).toThrow(RangeError);
  });

  test('every consistent count gives a sentence that states each non-zero total', () => {
    const counts = fc
      .record({ problems: fc.nat(500), measures: fc.nat(2000) })
      .chain(({ problems, measures }) =>
        fc.record({
          problems: fc.constant(problems),
          problemsDone: fc.nat(problems),
          problemsLongTerm: fc.nat(problems),
          measures: fc.constant(measures),
          measuresDone: fc.nat(measures),
          closed: fc.nat(measures),
          frac: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      )
      .map(({ frac, ...c }) => ({
        ...c,
        problemsInProgress: Math.floor((c.problems - c.problemsDone) * frac),
        overdue: Math.floor((c.measures - c.measuresDone) * frac),
      }));
    fc.assert(
      fc.property(counts, (c) => {
        const s = summarySentence(c);
        if (c.problems > 0) expect(s).toContain(`反馈问题${c.problems}项`);
        if (c.measures > 0) expect(s).toMatch(new RegExp(`制定的${c.measures}条整改措施.*整改到位率\\d+(\\.\\d{1,2})?%`));
        expect(s).not.toMatch(/(?<!\d)0(项|条)/);
      }),
    );
  });
});

describe('countLedger', () => {
  test('rolls problem status up from measures and counts flags, overdue and closed', () => {
    expect(countLedger(smallLedger(), '2022-10-18')).toEqual({
      problems: 3,
      problemsDone: 1,
      problemsInProgress: 1,
      problemsLongTerm: 2,
      measures: 5,
      measuresDone: 3,
      overdue: 1,
      closed: 2,
    });
  });

  test('before any deadline passes nothing is overdue', () => {
    expect(countLedger(smallLedger(), '2022-01-01').overdue).toBe(0);
  });

  test('a problem without measures has no outcome, whatever its row says (the store\'s roll-up)', () => {
    const ledger = smallLedger();
    ledger.measures = ledger.measures.filter((m) => m.problemId !== 'P003');
    ledger.problems[2] = { ...ledger.problems[2], status: '已完成' };
    const counts = countLedger(ledger, '2022-10-18');
    expect(counts).toMatchObject({ problems: 3, problemsDone: 1, problemsInProgress: 1, measures: 4 });
    expect(summarySentence(counts)).toContain('尚未启动或未标注整改情况1项');
  });

  test('the long-term flag comes from the measures, as the store rolls it up', () => {
    const ledger = smallLedger();
    ledger.measures = ledger.measures.map((m) => ({ ...m, longTerm: false }));
    expect(countLedger(ledger, '2022-10-18').problemsLongTerm).toBe(0);
  });

  test('an unmarked measure never makes its problem done', () => {
    const ledger = smallLedger();
    ledger.measures = ledger.measures.map((m) => (m.problemId === 'P001' && m.id.endsWith('M02') ? { ...m, status: '未标注' } : m));
    const counts = countLedger(ledger, '2022-10-18');
    expect(counts).toMatchObject({ problemsDone: 0, measuresDone: 2, overdue: 2 }); // P001-M02 is now open and past its deadline
    expect(summarySentence(counts)).toContain('尚未启动或未标注整改情况2项'); // P001 unmarked + P003 not started
  });
});
