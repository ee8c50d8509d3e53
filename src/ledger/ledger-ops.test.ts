import fc from 'fast-check';
import { isLedgerError, type LedgerError } from './errors';
import * as ops from './ledger-ops';
import type { LedgerEdit, OpsClock } from './ledger-ops';
import type { NewMeasure, NewProblem } from './store';
import { EMPTY_ROUND, STATUSES, UNMARKED, type Ledger, type MeasureRow, type Status, type StatusOrUnmarked } from './types';

const clock: OpsClock = { today: '2026-11-22', now: '2026-11-22 10:00:00' };

function problem(description = '“第一议题”制度落实不到位'): NewProblem {
  return { sourceNumber: '（一）1', category: '贯彻落实党中央决策部署方面', description, source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '' };
}

function measure(text: string, status: StatusOrUnmarked = '正在推进', longTerm = false): NewMeasure {
  return { text, leader: '张建国', unit: '办公室', coUnits: '', owner: '赵丽', deadlineText: '2026年12月底前', deadline: '2026-12-31', status, longTerm, note: '' };
}

function ok<T>(value: T | LedgerError): T {
  if (isLedgerError(value)) throw new Error(`unexpected LedgerError: ${value.message}`);
  return value;
}

function err(value: unknown): LedgerError {
  if (!isLedgerError(value)) throw new Error('expected a LedgerError');
  return value;
}

const empty: Ledger = { round: { ...EMPTY_ROUND }, problems: [], measures: [] };

/** A ledger with one problem per list of measure statuses. */
function ledgerWith(...problems: StatusOrUnmarked[][]): Ledger {
  const items = problems.map((statuses, i) => ({ problem: problem(`问题${i + 1}`), measures: statuses.map((s, j) => measure(`措施${i + 1}-${j + 1}`, s)) }));
  return ok(ops.addProblems(empty, items, clock)).edit.ledger;
}

function measureOf(l: Ledger, id: string): MeasureRow {
  const m = l.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

describe('ids', () => {
  test('problems and measures are numbered P001, P001-M01 …', () => {
    const r = ok(ops.addProblems(empty, [{ problem: problem(), measures: [measure('a'), measure('b')] }, { problem: problem('二'), measures: [measure('c')] }], clock));
    expect(r.problemIds).toEqual(['P001', 'P002']);
    expect(r.measureIds).toEqual([['P001-M01', 'P001-M02'], ['P002-M01']]);
  });

  test.each([
    ['the middle problem', 'P002', 'P004'],
    ['the first problem', 'P001', 'P004'],
  ])('deleting %s never frees its id for reuse while higher ids exist', (_, deleted, next) => {
    const l = ledgerWith(['正在推进'], ['正在推进'], ['正在推进']);
    const after = ok(ops.deleteProblem(l, deleted, clock)).ledger;
    expect(ops.nextProblemId(after)).toBe(next);
  });

  test('a deleted measure id in the middle is not reused', () => {
    const l = ledgerWith(['正在推进', '正在推进', '正在推进']);
    const after = ok(ops.deleteMeasure(l, 'P001-M02', clock)).ledger;
    expect(ops.nextMeasureId(after, 'P001')).toBe('P001-M04');
  });

  test('ids typed by hand that do not follow the pattern are ignored, not parsed', () => {
    const l = ledgerWith(['正在推进']);
    const odd = { ...l, problems: [...l.problems, { ...l.problems[0], id: '甲-1' }, { ...l.problems[0], id: 'P0099' }] };
    expect(ops.nextProblemId(odd)).toBe('P100');
  });

  test('ids are unique for any sequence of adds and deletes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('add' as const), fc.nat({ max: 20 })), { maxLength: 30 }), (actions) => {
        let l = empty;
        const ever = new Set<string>();
        for (const a of actions) {
          if (a === 'add') {
            const r = ok(ops.addProblems(l, [{ problem: problem(), measures: [measure('x')] }], clock));
            l = r.edit.ledger;
            for (const id of r.problemIds) ever.add(id);
          } else if (l.problems.length > 0) {
            l = ok(ops.deleteProblem(l, l.problems[a % l.problems.length].id, clock)).ledger;
          }
        }
        const ids = l.problems.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(l.measures.map((m) => m.id)).size).toBe(l.measures.length);
      }),
    );
  });
});

describe('problem roll-up', () => {
  test.each<[StatusOrUnmarked[], StatusOrUnmarked]>([
    [['已完成', '已完成'], '已完成'],
    [['已完成', '基本完成'], '基本完成'],
    [['已完成', '正在推进', '部分完成'], '正在推进'],
    [['未启动', '已完成'], '正在推进'], // DESIGN §4: 未启动 only when no measure has started
    [['未启动', '未启动'], '未启动'],
    [['已完成', UNMARKED], UNMARKED],
  ])('measures %j give the problem %s', (statuses, expected) => {
    expect(ledgerWith(statuses).problems[0].status).toBe(expected);
  });

  test('the problem is 长期坚持 when any measure is, and stops being when that measure goes', () => {
    const items = [{ problem: problem(), measures: [measure('a', '已完成', true), measure('b', '已完成')] }];
    const l = ok(ops.addProblems(empty, items, clock)).edit.ledger;
    expect(l.problems[0].longTerm).toBe(true);
    const after = ok(ops.deleteMeasure(l, 'P001-M01', clock)).ledger;
    expect(after.problems[0].longTerm).toBe(false);
  });

  test('a status change recomputes the problem, and the change log says so', () => {
    const l = ledgerWith(['正在推进', '已完成']);
    const edit = ok(ops.setStatus(l, 'P001-M01', '已完成', clock, '2026-11-20'));
    expect(edit.ledger.problems[0].status).toBe('已完成');
    expect(edit.changes).toEqual(
      expect.arrayContaining([
        { time: clock.now, id: 'P001-M01', field: '整改状态', before: '正在推进', after: '已完成' },
        { time: clock.now, id: 'P001-M01', field: '完成日期', before: '', after: '2026-11-20' },
        { time: clock.now, id: 'P001', field: '问题状态', before: '正在推进', after: '已完成' },
      ]),
    );
    expect(edit.diff.measures.updated).toEqual(['P001-M01']);
    expect(edit.diff.problems.updated).toEqual(['P001']);
  });

  test('the problem is the weakest of its measures, 未启动 only when none has started, whatever the statuses', () => {
    const status = fc.constantFrom<StatusOrUnmarked>(...STATUSES, UNMARKED);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 6 }), (statuses) => {
        const rolled = ledgerWith(statuses).problems[0].status;
        const started = statuses.some((s) => s !== UNMARKED && s !== '未启动');
        if (rolled === '未启动') expect(statuses.every((s) => s === '未启动')).toBe(true);
        if (statuses.includes('未启动') && started) expect(rolled).toBe('正在推进');
        else if (statuses.includes('正在推进')) expect(rolled).toBe('正在推进');
        else if (statuses.includes(UNMARKED)) expect(rolled).toBe(UNMARKED);
        else for (const s of statuses) expect(STATUSES.indexOf(rolled as Status)).toBeLessThanOrEqual(STATUSES.indexOf(s as Status));
      }),
    );
  });
});

describe('status and progress', () => {
  test.each<[Status, string | undefined, string | null]>([
    ['已完成', '2026-11-01', '2026-11-01'],
    ['已完成', undefined, '2026-11-22'],
    ['基本完成', '2026-11-01', null],
    ['正在推进', undefined, null],
  ])('setStatus %s (完成日期 %s) leaves 完成日期 %s', (status, given, expected) => {
    const l = ok(ops.setStatus(ledgerWith(['已完成']), 'P001-M01', '已完成', clock, '2026-10-01')).ledger;
    expect(measureOf(ok(ops.setStatus(l, 'P001-M01', status, clock, given)).ledger, 'P001-M01').doneDate).toBe(expected);
  });

  test('progress is kept newest first, one dated line per entry', () => {
    let l = ledgerWith(['正在推进']);
    l = ok(ops.appendProgress(l, 'P001-M01', '2026-10-01', '印发工作方案。', clock)).ledger;
    l = ok(ops.appendProgress(l, 'P001-M01', '2026-11-15', '  完成第一轮检查，\n发现问题12个。 ', clock)).ledger;
    expect(measureOf(l, 'P001-M01').progress).toBe('2026-11-15：完成第一轮检查， 发现问题12个。\n2026-10-01：印发工作方案。');
  });

  test.each([
    ['2026-13-01', '进展', 'badDate'],
    ['2026-11-01', '   ', 'required'],
  ])('appendProgress(%s, %j) is refused with %s', (date, text, code) => {
    expect(err(ops.appendProgress(ledgerWith(['正在推进']), 'P001-M01', date, text, clock)).code).toBe(code);
  });

  test('an unknown id is answered with notFound, not a throw', () => {
    const l = ledgerWith(['正在推进']);
    expect(err(ops.updateMeasure(l, 'P009-M01', { owner: 'x' }, clock)).code).toBe('notFound');
    expect(err(ops.deleteProblem(l, 'P009', clock)).code).toBe('notFound');
  });

  test('updating a field writes one change line with the old and new text; an unchanged field writes none', () => {
    const l = ledgerWith(['正在推进']);
    const edit = ok(ops.updateMeasure(l, 'P001-M01', { owner: '孙鹏', unit: '办公室', longTerm: true }, clock));
    expect(edit.changes.filter((c) => c.id === 'P001-M01')).toEqual([
      { time: clock.now, id: 'P001-M01', field: '责任人', before: '赵丽', after: '孙鹏' },
      { time: clock.now, id: 'P001-M01', field: '长期坚持', before: '否', after: '是' },
    ]);
    expect(ok(ops.updateMeasure(l, 'P001-M01', { owner: '赵丽' }, clock)).changes).toEqual([]);
  });

  test('unchanged rows keep their identity (cheap diffs for big ledgers)', () => {
    const l = ledgerWith(['正在推进'], ['正在推进']);
    const after = ok(ops.updateMeasure(l, 'P001-M01', { owner: '孙鹏' }, clock)).ledger;
    expect(after.measures[1]).toBe(l.measures[1]);
    expect(after.problems[1]).toBe(l.problems[1]);
  });
});

describe('add, delete and round', () => {
  test('a problem without a description or a measure without text is refused', () => {
    expect(err(ops.addProblems(empty, [{ problem: problem(' '), measures: [] }], clock)).code).toBe('required');
    expect(err(ops.addProblems(empty, [{ problem: problem(), measures: [measure('')] }], clock)).code).toBe('required');
    expect(err(ops.addProblems(empty, [{ problem: problem(), measures: [{ ...measure('a'), deadline: '2026-02-30' }] }], clock)).code).toBe('badDate');
  });

  test.each([
    ['the first of three problems', 'P001', ['P001-M01', 'P001-M02', 'P001-M03', 'P002-M01', 'P003-M01']],
    ['the last problem', 'P003', ['P001-M01', 'P001-M02', 'P002-M01', 'P003-M01', 'P003-M02']],
    ['a problem without measures', 'P004', ['P001-M01', 'P001-M02', 'P002-M01', 'P003-M01', 'P004-M01']],
  ])('a measure added to %s goes after its last measure', (_, problemId, order) => {
    const base = ok(ops.addProblems(ledgerWith(['正在推进', '正在推进'], ['未启动'], ['正在推进']), [{ problem: problem('四'), measures: [] }], clock)).edit.ledger;
    const r = ok(ops.addMeasures(base, problemId, [measure('新')], clock));
    expect(r.edit.ledger.measures.map((m) => m.id)).toEqual(order.filter((id) => id !== 'P004-M01' || problemId === 'P004'));
    // Every other row is the same object: the diff writes the new row and nothing else.
    expect(r.edit.ledger.measures.filter((m) => !r.measureIds.includes(m.id))).toEqual(base.measures);
    expect(r.edit.diff.measures).toEqual({ added: r.measureIds, updated: [], deleted: [] });
  });

  test('a measure added to a problem that is not there is refused', () => {
    expect(err(ops.addMeasures(ledgerWith(['正在推进']), 'P009', [measure('新')], clock)).code).toBe('notFound');
  });

  test('deleting a problem deletes its measures and logs each row', () => {
    const l = ledgerWith(['正在推进', '已完成'], ['未启动']);
    const edit: LedgerEdit = ok(ops.deleteProblem(l, 'P001', clock));
    expect(edit.ledger.measures.map((m) => m.id)).toEqual(['P002-M01']);
    expect(edit.diff.measures.deleted).toEqual(['P001-M01', 'P001-M02']);
    expect(edit.changes.map((c) => [c.id, c.field])).toEqual([['P001', '删除'], ['P001-M01', '删除'], ['P001-M02', '删除']]);
  });

  test('saveRound logs changed fields under 巡察信息 and refuses a bad date', () => {
    const round = { ...EMPTY_ROUND, org: '县卫健委党组', feedback: '2026-07-22' };
    const edit = ok(ops.saveRound(empty, round, clock));
    expect(edit.diff.round).toBe(true);
    expect(edit.changes).toEqual([
      { time: clock.now, id: '巡察信息', field: '被巡察单位', before: '', after: '县卫健委党组' },
      { time: clock.now, id: '巡察信息', field: '反馈日期', before: '', after: '2026-07-22' },
    ]);
    expect(err(ops.saveRound(empty, { ...round, start: '2026-7-1' }, clock)).code).toBe('badDate');
  });
});
