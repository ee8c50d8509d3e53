import { addDays, parseIso } from '../../src/ledger/dates';
import { problemStatus } from '../../src/ledger/status';
import { LedgerStoreError, type NewMeasure } from '../../src/ledger/store';
import { CLOSE_STATES, STATUSES } from '../../src/ledger/types';
import { createMemoryStore } from '../../src/workbook/memoryStore';
import { generateLedger, sampleLedger } from '../../src/workbook/sample';

const now = () => new Date(2026, 10, 22, 9, 30, 0); // 2026-11-22 09:30 local

const measure = (text: string): NewMeasure => ({
  text, leader: '张建国', unit: '办公室', coUnits: '', owner: '赵丽', deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '未启动', longTerm: false, note: '',
});

describe('sample ledger', () => {
  const today = '2026-11-22';
  const l = sampleLedger(today);

  test('has 4 方面, 12 problems and about 30 measures, every measure under a problem', () => {
    expect(new Set(l.problems.map((p) => p.category)).size).toBe(4);
    expect(l.problems).toHaveLength(12);
    expect(l.measures.length).toBeGreaterThanOrEqual(25);
    const ids = new Set(l.problems.map((p) => p.id));
    for (const m of l.measures) expect(ids.has(m.problemId)).toBe(true);
  });

  test('mixes statuses, 销号 states, 长期坚持, and overdue / due-soon / future deadlines', () => {
    expect(new Set(l.measures.map((m) => m.status))).toEqual(new Set(STATUSES));
    expect(new Set(l.measures.map((m) => m.closeState))).toEqual(new Set(CLOSE_STATES));
    expect(l.measures.some((m) => m.longTerm && m.deadline === null)).toBe(true);
    const open = l.measures.filter((m) => m.status !== '已完成' && m.deadline);
    expect(open.some((m) => m.deadline! < today)).toBe(true);
    expect(open.some((m) => m.deadline! >= today && m.deadline! <= addDays(today, 7))).toBe(true);
    expect(open.some((m) => m.deadline! > addDays(today, 30))).toBe(true);
  });

  test('follows the ledger rules: valid dates, 完成日期 only when done, problems rolled up', () => {
    for (const m of l.measures) {
      for (const d of [m.deadline, m.doneDate, m.closeDate]) if (d) expect(parseIso(d)).not.toBeNull();
      expect(m.doneDate !== null).toBe(m.status === '已完成');
      if (m.doneDate) expect(m.doneDate <= today && m.doneDate >= l.round.feedback!).toBe(true);
      if (m.progress) for (const line of m.progress.split('\n')) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}：/);
    }
    for (const p of l.problems) expect(p.status).toBe(problemStatus(l.measures.filter((m) => m.problemId === p.id).map((m) => m.status)));
  });

  test('moves with today: the same shape a year later', () => {
    const later = sampleLedger('2027-11-22');
    expect(later.round.feedback).toBe('2027-07-22');
    expect(later.measures.map((m) => m.status)).toEqual(l.measures.map((m) => m.status));
  });

  test('generateLedger is deterministic and has exactly the measures asked for', () => {
    const a = generateLedger(5000, 7);
    expect(a.measures).toHaveLength(5000);
    expect(generateLedger(5000, 7)).toEqual(a);
    expect(generateLedger(5000, 8)).not.toEqual(a);
    expect(new Set(a.measures.map((m) => m.id)).size).toBe(5000);
    expect(generateLedger(0).measures).toHaveLength(0);
  });
});

describe('memory store', () => {
  test('is a preview store that answers asynchronously and keeps its own copy', async () => {
    const initial = sampleLedger('2026-11-22');
    const store = createMemoryStore(initial, { now });
    expect(store.kind).toBe('preview');
    await expect(store.detect()).resolves.toEqual({ state: 'ok' });
    const loaded = await store.load();
    loaded.measures[0].owner = '改了';
    expect((await store.load()).measures[0].owner).toBe(initial.measures[0].owner);
  });

  test('starts empty when asked, refuses to work until the ledger is created', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'), { now, presence: 'none' });
    await expect(store.detect()).resolves.toEqual({ state: 'none' });
    await expect(store.load()).rejects.toBeInstanceOf(LedgerStoreError);
    await store.createOrRepair();
    await expect(store.detect()).resolves.toEqual({ state: 'ok' });
    expect((await store.load()).problems).toEqual([]);
  });

  test('adds, updates, closes and deletes with ids, roll-up and change log', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'), { now });
    const { problemId, measureIds } = await store.addProblem(
      { sourceNumber: '', category: '落实新时代党的组织路线方面', description: '干部档案管理不规范', source: '巡察反馈', leader: '刘晓东', leadUnit: '人事科', note: '' },
      [measure('开展干部人事档案专项审核'), measure('补齐缺失材料')],
    );
    expect(problemId).toBe('P013');
    expect(measureIds).toEqual(['P013-M01', 'P013-M02']);
    await store.setStatus('P013-M01', '已完成');
    await store.appendProgress('P013-M02', '2026-11-21', '已补齐材料56份');
    let l = await store.load();
    expect(l.measures.find((m) => m.id === 'P013-M01')!.doneDate).toBe('2026-11-22');
    expect(l.problems.find((p) => p.id === 'P013')!.status).toBe('正在推进'); // one done, one not started (DESIGN §4)
    await store.setStatus('P013-M02', '已完成', '2026-11-21');
    l = await store.load();
    expect(l.problems.find((p) => p.id === 'P013')!.status).toBe('已完成');
    await expect(store.closeStep({ kind: 'measure', id: 'P013-M01' }, { step: 'apply', evidence: '审核报告', date: '2026-11-22' })).resolves.toBe('已申请');
    await expect(store.closeStep({ kind: 'measure', id: 'P013-M01' }, { step: 'apply', evidence: '审核报告', date: '2026-11-22' })).rejects.toMatchObject({
      error: { code: 'badCloseStep' },
    });
    await store.deleteProblem('P013');
    expect((await store.load()).measures.some((m) => m.problemId === 'P013')).toBe(false);
    const log = store.changeLog();
    expect(log[0]).toEqual({ time: '2026-11-22 09:30:00', id: 'P013', field: '新增', before: '', after: '干部档案管理不规范' });
    expect(log.at(-1)).toMatchObject({ id: 'P013-M02', field: '删除' });
  });

  test('bad data rejects with a LedgerStoreError carrying the Chinese message; nothing is half-written', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'), { now });
    const before = await store.load();
    const bad = store.addProblems([
      { problem: { sourceNumber: '', category: '', description: '好的问题', source: '', leader: '', leadUnit: '', note: '' }, measures: [measure('措施')] },
      { problem: { sourceNumber: '', category: '', description: '', source: '', leader: '', leadUnit: '', note: '' }, measures: [] },
    ]);
    await expect(bad).rejects.toThrow('请填写问题描述');
    expect(await store.load()).toEqual(before);
    await expect(store.updateMeasure('P099-M01', { owner: 'x' })).rejects.toThrow('找不到编号为“P099-M01”的条目');
  });

  test('onSelect listeners hear simulated selections until unsubscribed', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'), { now });
    const heard: string[] = [];
    const off = await store.onSelect((ref) => heard.push(ref.id));
    store.simulateSelect({ kind: 'measure', id: 'P001-M01' });
    off();
    store.simulateSelect({ kind: 'measure', id: 'P001-M02' });
    expect(heard).toEqual(['P001-M01']);
  });
});
