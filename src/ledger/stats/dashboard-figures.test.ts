import { EMPTY_ROUND, UNMARKED, type Ledger, type MeasureRow, type ProblemRow } from '../types';
import { dashboardFigures } from './dashboard-figures';

const AS_OF = '2026-05-10';

function problem(id: string, category: string, extra: Partial<ProblemRow> = {}): ProblemRow {
  return {
    id, sourceNumber: '', category, description: `问题${id}`, source: '', leader: '', leadUnit: '', status: UNMARKED,
    longTerm: false, closeState: '未申请', closeDate: null, note: '', ...extra,
  };
}

function measure(id: string, problemId: string, extra: Partial<MeasureRow> = {}): MeasureRow {
  return {
    id, problemId, text: `措施${id}`, leader: '', unit: '办公室', coUnits: '', owner: '', deadlineText: '', deadline: null,
    status: '正在推进', longTerm: false, doneDate: null, progress: '', evidence: '', closeState: '未申请', closeDate: null, note: '',
    ...extra,
  };
}

const ledgerOf = (problems: ProblemRow[], measures: MeasureRow[]): Ledger => ({ round: EMPTY_ROUND, problems, measures });

describe('dashboardFigures', () => {
  test('an empty ledger: zero counts, no rates, no groups', () => {
    const f = dashboardFigures(ledgerOf([], []), AS_OF);
    expect(f).toMatchObject({
      problems: 0, problemsDone: 0, problemRate: null, measures: 0, measuresDone: 0, measureRate: null,
      problemsLongTerm: 0, longTermShare: null, overdue: 0, dueSoon: 0, onTimeRate: null, byCategory: [], byUnit: [],
      blankCategory: { problems: 0, done: 0, longTerm: 0 }, blankUnit: { measures: 0, done: 0, overdue: 0, dueSoon: 0 },
    });
    expect(Object.values(f.byStatus)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  // One open measure per row; 临期 is 预警 黄: as-of ≤ 截止日期 ≤ as-of + warnDays.
  test.each<[string, Partial<MeasureRow>, number, { overdue: number; dueSoon: number }]>([
    ['due yesterday', { deadline: '2026-05-09' }, 7, { overdue: 1, dueSoon: 0 }],
    ['due on the as-of date', { deadline: '2026-05-10' }, 7, { overdue: 0, dueSoon: 1 }],
    ['due in exactly 7 days', { deadline: '2026-05-17' }, 7, { overdue: 0, dueSoon: 1 }],
    ['due in 8 days', { deadline: '2026-05-18' }, 7, { overdue: 0, dueSoon: 0 }],
    ['due in 8 days, warning 8 days ahead', { deadline: '2026-05-18' }, 8, { overdue: 0, dueSoon: 1 }],
    ['done, due yesterday', { deadline: '2026-05-09', status: '已完成', doneDate: '2026-05-01' }, 7, { overdue: 0, dueSoon: 0 }],
    ['done, due tomorrow', { deadline: '2026-05-11', status: '已完成', doneDate: '2026-05-01' }, 7, { overdue: 0, dueSoon: 0 }],
    ['基本完成 is not done', { deadline: '2026-05-09', status: '基本完成' }, 7, { overdue: 1, dueSoon: 0 }],
    ['未标注, due tomorrow', { deadline: '2026-05-11', status: UNMARKED }, 7, { overdue: 0, dueSoon: 1 }],
    ['长期坚持 without a date', { longTerm: true }, 7, { overdue: 0, dueSoon: 0 }],
    ['no date at all', {}, 7, { overdue: 0, dueSoon: 0 }],
  ])('逾期 and 临期: %s', (_, extra, warnDays, expected) => {
    const f = dashboardFigures(ledgerOf([problem('P1', '甲')], [measure('M1', 'P1', extra)]), AS_OF, warnDays);
    expect({ overdue: f.overdue, dueSoon: f.dueSoon }).toEqual(expected);
    expect({ overdue: f.byUnit[0].overdue, dueSoon: f.byUnit[0].dueSoon }).toEqual(expected);
  });

  test('totals, rates and the status breakdown', () => {
    const f = dashboardFigures(
      ledgerOf(
        [problem('P1', '甲'), problem('P2', '乙'), problem('P3', '甲'), problem('P4', '')],
        [
          measure('M1', 'P1', { status: '已完成', deadline: '2026-04-30', doneDate: '2026-04-20' }), // on time
          measure('M2', 'P1', { status: '已完成', deadline: '2026-04-30', doneDate: '2026-05-02' }), // late
          measure('M3', 'P2', { status: '正在推进', deadline: '2026-05-01' }), // due, overdue
          measure('M4', 'P3', { status: '已完成', deadline: '2026-06-30', doneDate: '2026-05-01' }), // not yet due
          measure('M5', 'P3', { status: UNMARKED, longTerm: true }),
        ],
      ),
      AS_OF,
    );
    expect(f).toMatchObject({
      problems: 4, problemsDone: 1, problemRate: 0.25, measures: 5, measuresDone: 3, measureRate: 0.6,
      problemsLongTerm: 1, longTermShare: 0.25, overdue: 1, dueSoon: 0, onTimeRate: 1 / 3,
    });
    expect(f.byStatus).toEqual({ 未启动: 0, 正在推进: 1, 部分完成: 0, 基本完成: 0, 已完成: 3, 未标注: 1 });
  });

  test('problem figures use the rolled-up status and flag, not what the row says', () => {
    const stale = problem('P1', '甲', { status: '未启动', longTerm: false });
    const f = dashboardFigures(ledgerOf([stale], [measure('M1', 'P1', { status: '已完成', longTerm: true })]), AS_OF);
    expect(f).toMatchObject({ problemsDone: 1, problemsLongTerm: 1 });
    expect(f.byCategory).toEqual([{ category: '甲', problems: 1, done: 1, longTerm: 1 }]);
  });

  test('categories and units in order of first appearance, blanks counted apart', () => {
    const f = dashboardFigures(
      ledgerOf(
        [problem('P1', '乙'), problem('P2', ''), problem('P3', '甲'), problem('P4', '乙')],
        [
          measure('M1', 'P1', { unit: '财务科', status: '已完成' }),
          measure('M2', 'P2', { unit: '', deadline: '2026-05-01' }),
          measure('M3', 'P3', { unit: '办公室', deadline: '2026-05-12' }),
          measure('M4', 'P4', { unit: '财务科', status: '已完成', longTerm: true }),
          measure('M5', 'P4', { unit: '', status: '已完成' }),
        ],
      ),
      AS_OF,
    );
    expect(f.byCategory).toEqual([
      { category: '乙', problems: 2, done: 2, longTerm: 1 },
      { category: '甲', problems: 1, done: 0, longTerm: 0 },
    ]);
    expect(f.blankCategory).toEqual({ problems: 1, done: 0, longTerm: 0 });
    expect(f.byUnit).toEqual([
      { unit: '财务科', measures: 2, done: 2, overdue: 0, dueSoon: 0 },
      { unit: '办公室', measures: 1, done: 0, overdue: 0, dueSoon: 1 },
    ]);
    expect(f.blankUnit).toEqual({ measures: 2, done: 1, overdue: 1, dueSoon: 0 });
  });

  test('a problem without measures counts, but not as done', () => {
    const f = dashboardFigures(ledgerOf([problem('P1', '甲', { status: '已完成' })], []), AS_OF);
    expect(f).toMatchObject({ problems: 1, problemsDone: 0, problemRate: 0 });
  });
});
