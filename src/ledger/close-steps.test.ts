import { isLedgerError, type LedgerError } from './errors';
import * as ops from './ledger-ops';
import type { OpsClock } from './ledger-ops';
import { parseProgress } from './progress';
import type { CloseStep, ItemRef, NewMeasure } from './store';
import { EMPTY_ROUND, type CloseState, type Ledger, type MeasureRow, type Status } from './types';

const clock: OpsClock = { today: '2026-11-22', now: '2026-11-22 10:00:00' };
const M1: ItemRef = { kind: 'measure', id: 'P001-M01' };

function ok<T>(value: T | LedgerError): T {
  if (isLedgerError(value)) throw new Error(`unexpected LedgerError: ${value.message}`);
  return value;
}

function err(value: unknown): LedgerError {
  if (!isLedgerError(value)) throw new Error('expected a LedgerError');
  return value;
}

function ledgerWith(status: Status): Ledger {
  const measure: NewMeasure = {
    text: '修订《机关公务接待管理办法》', leader: '张建国', unit: '办公室', coUnits: '', owner: '赵丽',
    deadlineText: '2026年12月底前', deadline: '2026-12-31', status, longTerm: false, note: '', progress: '2026-10-01：起草修订稿。',
  };
  const problem = { sourceNumber: '（二）2', category: '落实全面从严治党方面', description: '公务接待超标准', source: '巡察反馈' as const, leader: '张建国', leadUnit: '办公室', note: '' };
  return ok(ops.addProblems({ round: { ...EMPTY_ROUND }, problems: [], measures: [] }, [{ problem, measures: [measure] }], clock)).edit.ledger;
}

function measureOf(l: Ledger): MeasureRow {
  return l.measures[0];
}

const apply: CloseStep = { step: 'apply', evidence: '整改报告；会议纪要', date: '2026-11-10' };
const approve: CloseStep = { step: 'approve', date: '2026-11-12' };
const reject: CloseStep = { step: 'reject', reason: '佐证材料不完整', date: '2026-11-12' };
const extend: CloseStep = { step: 'extend', deadlineText: '2027年3月底前', deadline: '2027-03-31', reason: '待预算批复', date: '2026-11-12' };
const approveExtension: CloseStep = { step: 'approveExtension', date: '2026-11-15' };
const refuseExtension: CloseStep = { step: 'refuseExtension', reason: '不符合延期条件', date: '2026-11-15' };
const steps = { apply, approve, reject, extend, approveExtension, refuseExtension };

/** Walks the measure (with `status`) through steps; the final state or the code of the refusal. */
function walk(names: (keyof typeof steps)[], status: Status = '正在推进'): string {
  let l = ledgerWith(status);
  let state: string = '未申请';
  for (const name of names) {
    const r = ops.closeStep(l, M1, steps[name], clock);
    if (isLedgerError(r)) return r.code;
    l = r.edit.ledger;
    state = r.state;
  }
  return state;
}

describe('销号 and 延期 state machine', () => {
  test.each<[(keyof typeof steps)[], Status, CloseState | string]>([
    [['apply'], '已完成', '已申请'],
    [['apply', 'approve'], '已完成', '已销号'],
    [['apply', 'reject'], '已完成', '退回'],
    [['apply', 'reject', 'apply', 'approve'], '已完成', '已销号'],
    [['extend'], '正在推进', '申请延期'],
    [['extend', 'approveExtension'], '正在推进', '未申请'],
    [['extend', 'refuseExtension'], '正在推进', '未申请'],
    [['extend', 'approveExtension', 'extend'], '正在推进', '申请延期'],
    [['apply', 'reject', 'extend'], '基本完成', '申请延期'],
    // A pending 销号 application is never overwritten by a 延期 request, nor the other way round.
    [['apply', 'extend'], '已完成', 'badCloseStep'],
    [['apply', 'extend'], '基本完成', 'badCloseStep'],
    [['extend', 'apply'], '正在推进', 'badCloseStep'],
    // 延期 is not for a measure already done.
    [['extend'], '已完成', 'extendDone'],
    [['approveExtension'], '正在推进', 'badCloseStep'],
    [['approve'], '已完成', 'badCloseStep'],
    [['reject'], '已完成', 'badCloseStep'],
    [['apply', 'apply'], '已完成', 'badCloseStep'],
    [['apply', 'approve', 'apply'], '已完成', 'badCloseStep'],
    [['apply', 'approve', 'extend'], '已完成', 'badCloseStep'],
  ])('%j on a measure %s ends in %s', (names, status, expected) => {
    expect(walk(names, status)).toBe(expected);
  });

  test('allowedCloseSteps offers 申请延期 only on an open measure', () => {
    expect(ops.allowedCloseSteps(M1, { closeState: '未申请', status: '正在推进' })).toEqual(['apply', 'extend']);
    expect(ops.allowedCloseSteps(M1, { closeState: '未申请', status: '已完成' })).toEqual(['apply']);
    expect(ops.allowedCloseSteps({ kind: 'problem', id: 'P001' }, { closeState: '退回' })).toEqual(['apply']);
    expect(ops.allowedCloseSteps(M1, { closeState: '已申请', status: '正在推进' })).toEqual(['approve', 'reject']);
  });

  test('申请 needs 佐证材料, merged into the measure without repeats, and logs a workflow entry', () => {
    const l = ledgerWith('已完成');
    expect(err(ops.closeStep(l, M1, { ...apply, evidence: ' ' }, clock)).code).toBe('required');
    const m = measureOf(ok(ops.closeStep(l, M1, apply, clock)).edit.ledger);
    expect(m.evidence).toBe('整改报告；会议纪要');
    expect(m.progress).toBe('2026-11-10：【申请销号】佐证材料：整改报告；会议纪要\n2026-10-01：起草修订稿。');
    expect(ops.mergeEvidence('整改报告\n会议纪要', '会议纪要\n验收意见')).toBe('整改报告\n会议纪要\n验收意见');
  });

  test('同意销号 sets 销号日期; 退回 needs a reason', () => {
    const l = ok(ops.closeStep(ledgerWith('已完成'), M1, apply, clock)).edit.ledger;
    const closed = measureOf(ok(ops.closeStep(l, M1, approve, clock)).edit.ledger);
    expect([closed.closeState, closed.closeDate, closed.progress.split('\n')[0]]).toEqual(['已销号', '2026-11-12', '2026-11-12：【同意销号】']);
    expect(err(ops.closeStep(l, M1, { ...reject, reason: '' }, clock)).code).toBe('required');
    expect(measureOf(ok(ops.closeStep(l, M1, reject, clock)).edit.ledger).progress.split('\n')[0]).toBe('2026-11-12：【销号退回】理由：佐证材料不完整');
  });

  test('申请延期 is a request: the deadline stays until it is approved, then the old one stays in the log', () => {
    const asked = ok(ops.closeStep(ledgerWith('正在推进'), M1, extend, clock)).edit.ledger;
    expect(measureOf(asked)).toMatchObject({ closeState: '申请延期', deadlineText: '2026年12月底前', deadline: '2026-12-31' });
    expect(measureOf(asked).progress.split('\n')[0]).toBe('2026-11-12：【申请延期】新时限：2027年3月底前（2027-03-31）；原时限：2026年12月底前；理由：待预算批复');

    const approved = measureOf(ok(ops.closeStep(asked, M1, approveExtension, clock)).edit.ledger);
    expect(approved).toMatchObject({ closeState: '未申请', deadlineText: '2027年3月底前', deadline: '2027-03-31' });
    expect(parseProgress(approved.progress)[0]).toEqual({
      kind: 'workflow', date: '2026-11-15', action: 'extendApprove', detail: '新时限：2027年3月底前（2027-03-31）；原时限：2026年12月底前',
    });

    const refused = measureOf(ok(ops.closeStep(asked, M1, refuseExtension, clock)).edit.ledger);
    expect(refused).toMatchObject({ closeState: '未申请', deadlineText: '2026年12月底前', deadline: '2026-12-31' });
    expect(refused.progress.split('\n')[0]).toBe('2026-11-15：【不同意延期】理由：不符合延期条件');
    expect(err(ops.closeStep(asked, M1, { ...refuseExtension, reason: ' ' }, clock)).code).toBe('required');
  });

  test.each<[string, Partial<Extract<CloseStep, { step: 'extend' }>>, string]>([
    ['no new deadline', { deadlineText: ' ', deadline: null }, 'required'],
    ['no reason', { reason: '' }, 'required'],
    ['an impossible date', { deadline: '2027-02-30' }, 'badDate'],
  ])('申请延期 with %s is refused', (_, change, code) => {
    expect(err(ops.closeStep(ledgerWith('正在推进'), M1, { ...extend, ...change } as CloseStep, clock)).code).toBe(code);
  });

  test('a 申请延期 the old add-in wrote (deadline already replaced) is approved without changing it again', () => {
    const l = ledgerWith('未启动');
    const legacy: Ledger = {
      ...l,
      measures: [{ ...measureOf(l), closeState: '申请延期', deadlineText: '2027年4月底前', deadline: '2027-04-30', progress: '2026-12-03：申请延期至2027年4月底前：需待年度预算批复后实施（原时限2027年2月底前）。' }],
    };
    const m = measureOf(ok(ops.closeStep(legacy, M1, approveExtension, clock)).edit.ledger);
    expect(m).toMatchObject({ closeState: '未申请', deadlineText: '2027年4月底前', deadline: '2027-04-30' });
    expect(m.progress.split('\n')[0]).toBe('2026-11-15：【同意延期】新时限：2027年4月底前；原时限：2027年2月底前');
  });

  test('a problem goes through the 销号 steps, logged in its 备注; 延期 is asked per measure', () => {
    const l = ledgerWith('已完成');
    const P1: ItemRef = { kind: 'problem', id: 'P001' };
    const applied = ok(ops.closeStep(l, P1, apply, clock));
    const done = ok(ops.closeStep(applied.edit.ledger, P1, approve, clock));
    expect(done.state).toBe('已销号');
    expect(done.edit.ledger.problems[0].closeDate).toBe('2026-11-12');
    expect(done.edit.ledger.problems[0].note.split('\n')[0]).toBe('2026-11-12：【同意销号】');
    expect(err(ops.closeStep(l, P1, extend, clock)).code).toBe('extendMeasureOnly');
  });
});
