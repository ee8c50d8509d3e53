// 回收's rules, table by table, on realistic rows; and the diff fed garbage (fast-check).
import fc from 'fast-check';
import { applyCollected, consistentChoice } from './apply';
import { diffReturned, type FieldChange, type ReturnedFile } from './collect';
import { formatMessage } from '../errors';
import { baseRowOf, ledgerKey, STAMP_VERSION, type DistStamp } from './stamp';
import { safeFileNames, splitLedger, splitNames } from './split';
import type { Ledger, MeasureRow } from '../types';

const TODAY = '2026-12-06';
const CLOCK = { today: TODAY, now: '2026-12-06 10:00:00' };

const measure = (id: string, over: Partial<MeasureRow> = {}): MeasureRow => ({
  id, problemId: id.slice(0, 4), text: '开展专项整治，建立长效机制。', leader: '王副局长', unit: '医政医管科', coUnits: '', owner: '周敏',
  deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '正在推进', longTerm: false, doneDate: null,
  progress: '2026-11-03：印发专项整治工作方案。', evidence: '', closeState: '未申请', closeDate: null, note: '', ...over,
});

const LEDGER: Ledger = {
  round: { org: '中共清源县卫生健康委员会党组', inspector: '市委第三巡察组', kind: '常规', start: null, end: null, feedback: '2026-08-06', months: 3, asOf: null },
  problems: [{ id: 'P001', sourceNumber: '', category: '', description: '问题', source: '', leader: '', leadUnit: '', status: '正在推进', longTerm: false, closeState: '未申请', closeDate: null, note: '' }],
  measures: [measure('P001-M01'), measure('P001-M02', { unit: '医政医管科、财务科' }), measure('P001-M03', { unit: '办公室' })],
};

const STAMP: DistStamp = {
  version: STAMP_VERSION, ledgerKey: ledgerKey(LEDGER.round), org: LEDGER.round.org, inspector: LEDGER.round.inspector, feedback: '2026-08-06',
  by: '责任单位', unit: '医政医管科', date: '2026-12-01', due: null,
};

/** A returned file: the unit's rows as distributed, with `edits` typed in. */
function returned(edits: Record<string, Partial<MeasureRow>>, extra: MeasureRow[] = []): ReturnedFile {
  const mine = LEDGER.measures.filter((m) => m.unit.includes('医政医管科'));
  return {
    fileName: '医政医管科.xlsx', stamp: STAMP, base: new Map(mine.map((m) => [m.id, baseRowOf(m)])),
    measures: [...mine, ...extra].map((m, i) => ({ row: i + 2, measure: { ...m, ...edits[m.id] } })), unnumbered: [], savedOn: '2026-12-05',
  };
}

const brief = (c: FieldChange) => [c.id, c.field, c.from, c.to, c.kind];

describe('collect: what is applied', () => {
  test.each<[string, Record<string, Partial<MeasureRow>>, unknown[][]]>([
    ['a status', { 'P001-M01': { status: '基本完成' } }, [['P001-M01', 'status', '正在推进', '基本完成', 'apply']]],
    ['已完成 with its date', { 'P001-M01': { status: '已完成', doneDate: '2026-12-04' } }, [['P001-M01', 'status', '正在推进', '已完成', 'apply'], ['P001-M01', 'doneDate', '', '2026-12-04', 'apply']]],
    ['已完成 without a date gets the file’s date', { 'P001-M01': { status: '已完成' } }, [['P001-M01', 'status', '正在推进', '已完成', 'apply'], ['P001-M01', 'doneDate', '', '2026-12-05', 'apply']]],
    ['a new progress line on top', { 'P001-M01': { progress: '2026-12-04：召开推进会。\n2026-11-03：印发专项整治工作方案。' } },
      [['P001-M01', 'progress', '2026-11-03：印发专项整治工作方案。', '2026-12-04：召开推进会。\n2026-11-03：印发专项整治工作方案。', 'apply']]],
    ['an undated line typed at the bottom is dated and put on top', { 'P001-M01': { progress: '2026-11-03：印发专项整治工作方案。\n召开推进会' } },
      [['P001-M01', 'progress', '2026-11-03：印发专项整治工作方案。', '2026-12-05：召开推进会\n2026-11-03：印发专项整治工作方案。', 'apply']]],
    ['佐证材料 added', { 'P001-M02': { evidence: '推进会纪要' } }, [['P001-M02', 'evidence', '', '推进会纪要', 'apply']]],
    ['申请销号', { 'P001-M01': { closeState: '已申请' } }, [['P001-M01', 'closeState', '未申请', '已申请', 'apply']]],
  ])('%s', (_, edits, expected) => {
    expect(diffReturned(LEDGER, returned(edits), TODAY).changes.map(brief)).toEqual(expected);
  });
});

describe('collect: what is refused, and why', () => {
  test.each<[string, Record<string, Partial<MeasureRow>>, MeasureRow[], string]>([
    ['a locked column', { 'P001-M01': { deadline: '2027-03-31' } }, [], '第2行：“截止日期”列不由填报单位填写（锁定列）'],
    ['完成日期 without 已完成', { 'P001-M01': { doneDate: '2026-12-04' } }, [], '第2行：措施P001-M01填写了完成日期2026-12-04，但整改状态是“正在推进”而不是已完成'],
    ['销号 beyond 已申请', { 'P001-M01': { closeState: '已销号' } }, [], '第2行：措施P001-M01的销号状态只能由填报单位从“未申请”改为“已申请”'],
    ['an earlier progress entry rewritten', { 'P001-M01': { progress: '2026-11-03：印发方案。' } }, [], '第2行：措施P001-M01的整改进展中原有的记录被改动或删除'],
    ['a workflow step typed by a department', { 'P001-M01': { progress: '2026-12-04：【同意销号】\n2026-11-03：印发专项整治工作方案。' } }, [], '第2行：措施P001-M01的整改进展中“2026-12-04：【同意销号】”是销号、延期等流程记录'],
    ['a measure of another unit', {}, [measure('P001-M03', { unit: '办公室', status: '已完成' })], '第4行：措施P001-M03的责任单位是“办公室”，不是“医政医管科”的措施'],
    ['a new row is a proposal', {}, [measure('P001-M09', { text: '建立月度通报制度。' })], '第4行：新增措施“建立月度通报制度。”是填报单位的建议，未并入台账'],
  ])('%s', (_, edits, extra, reason) => {
    const diff = diffReturned(LEDGER, returned(edits, extra), TODAY);
    expect(diff.changes).toEqual([]);
    expect(diff.rejected.map((r) => r.reason.message)).toEqual([expect.stringContaining(reason)]);
  });

  test('a file of another ledger with the same ids is refused whole', () => {
    const other = { ...LEDGER, round: { ...LEDGER.round, org: '中共清源县教育局党组' } };
    const diff = diffReturned(other, returned({ 'P001-M01': { status: '已完成' } }), TODAY);
    expect(diff.status).toBe('refused');
    expect(diff.rejected[0].reason.message).toBe('“医政医管科.xlsx”是为另一本台账（中共清源县卫生健康委员会党组，市委第三巡察组，反馈日期2026年8月6日）分发的，与本台账（中共清源县教育局党组，市委第三巡察组，反馈日期2026年8月6日）不符，未回收');
    // The English pane words the same refusal in English, the rounds' own names staying as typed.
    const { code, params } = diff.rejected[0].reason;
    expect(formatMessage(code, params, 'en')).toBe(
      '"医政医管科.xlsx" was distributed for another ledger (中共清源县卫生健康委员会党组, 市委第三巡察组, feedback on Aug 6, 2026), not this one (中共清源县教育局党组, 市委第三巡察组, feedback on Aug 6, 2026); not collected',
    );
  });

  test('a ledger with no 被巡察单位 and no feedback date is described as such, in either language', () => {
    const blank = { ...LEDGER, round: { ...LEDGER.round, org: '', feedback: null } };
    const diff = diffReturned(blank, returned({}), TODAY);
    const { code, params } = diff.rejected[0].reason;
    expect(formatMessage(code, params, 'zh-CN')).toContain('与本台账（未填被巡察单位，市委第三巡察组）不符');
    expect(formatMessage(code, params, 'en')).toContain('not this one (no 被巡察单位 filled in, 市委第三巡察组)');
  });

  test('a field the ledger changed since distribution is a conflict; 已完成’s date stands or falls with it', () => {
    const moved = { ...LEDGER, measures: LEDGER.measures.map((m) => (m.id === 'P001-M01' ? { ...m, status: '部分完成' as const } : m)) };
    const diff = diffReturned(moved, returned({ 'P001-M01': { status: '已完成' } }), TODAY);
    expect(diff.changes.map(brief)).toEqual([['P001-M01', 'status', '部分完成', '已完成', 'conflict'], ['P001-M01', 'doneDate', '', '2026-12-05', 'conflict']]);
    const kept = consistentChoice([diff.changes[1]], diff.changes);
    expect(kept).toEqual([]);
  });
});

describe('apply', () => {
  test('the same file twice changes nothing the second time', () => {
    const file = returned({ 'P001-M01': { status: '已完成', progress: '2026-12-04：已完成。\n2026-11-03：印发专项整治工作方案。' }, 'P001-M02': { evidence: '纪要' } });
    const first = applyCollected(LEDGER, diffReturned(LEDGER, file, TODAY).changes, CLOCK);
    expect(first.changes.map((c) => [c.id, c.field])).toEqual([
      ['P001-M01', '整改状态（回收自医政医管科：医政医管科.xlsx）'], ['P001-M01', '完成日期（回收自医政医管科：医政医管科.xlsx）'],
      ['P001-M01', '整改进展（回收自医政医管科：医政医管科.xlsx）'], ['P001-M02', '整改进展（回收自医政医管科：医政医管科.xlsx）'],
      ['P001-M02', '佐证材料（回收自医政医管科：医政医管科.xlsx）'],
    ]);
    const again = diffReturned(first.ledger, file, TODAY);
    expect(again.changes).toEqual([]);
    expect(applyCollected(first.ledger, again.changes, CLOCK).changes).toEqual([]);
  });
});

describe('split', () => {
  test.each([
    ['医政医管科、财务科', ['医政医管科', '财务科']],
    ['办公室，机关党委; 人事科', ['办公室', '机关党委', '人事科']],
    [' 办公室 ；办公室 ', ['办公室']],
    ['', []],
  ])('%s', (text, names) => expect(splitNames(text)).toEqual(names));

  test('a measure of several units goes to each; problems follow their measures', () => {
    const { parts } = splitLedger(LEDGER, '责任单位');
    expect(parts.map((p) => [p.name, p.ledger.measures.map((m) => m.id)])).toEqual([
      ['医政医管科', ['P001-M01', 'P001-M02']], ['财务科', ['P001-M02']], ['办公室', ['P001-M03']],
    ]);
  });

  test('file names are safe on Windows and Linux and never clash', () => {
    expect(safeFileNames(['综合科/办公室', 'CON', '办公室.', 'a:b', 'A:B'])).toEqual(['综合科_办公室.xlsx', '_CON.xlsx', '办公室.xlsx', 'a_b.xlsx', 'A_B(2).xlsx']);
  });
});

describe('the diff fed garbage', () => {
  const text = fc.string({ maxLength: 40 });
  const row = fc.record({
    status: fc.constantFrom('未启动', '正在推进', '部分完成', '基本完成', '已完成', '未标注'), progress: text, evidence: text, text,
    doneDate: fc.option(fc.constantFrom('2026-12-01', '2026-02-30', 'x'), { nil: null }), closeState: fc.constantFrom('未申请', '已申请', '已销号', '退回', '申请延期'),
  });
  test('never throws, never changes a locked column, and a second collect changes nothing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('P001-M01', 'P001-M02', 'P001-M09', ''), row), (edits) => {
        const extra = edits['P001-M09'] ? [measure('P001-M09')] : [];
        const file = returned(edits as Record<string, Partial<MeasureRow>>, extra);
        const diff = diffReturned(LEDGER, file, TODAY);
        expect(diff.changes.every((c) => ['status', 'progress', 'doneDate', 'evidence', 'closeState'].includes(c.field))).toBe(true);
        const applied = applyCollected(LEDGER, consistentChoice(diff.changes.filter((c) => c.kind === 'apply'), diff.changes), CLOCK);
        const again = diffReturned(applied.ledger, file, TODAY);
        expect(again.changes.filter((c) => c.kind === 'apply')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
