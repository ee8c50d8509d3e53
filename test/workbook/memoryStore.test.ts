import { addDays, parseIso } from '../../src/ledger/dates';
import { problemStatus } from '../../src/ledger/status';
import { LedgerStoreError } from '../../src/ledger/store';
import { CLOSE_STATES, EMPTY_ROUND, STATUSES } from '../../src/ledger/types';
import { createMemoryStore } from '../../src/workbook/memoryStore';
import { generateLedger, sampleLedger } from '../../src/workbook/sample';
import { describeStoreContract } from './storeContract';

const now = () => new Date(2026, 10, 22, 9, 30, 0); // 2026-11-22 09:30 local


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

describeStoreContract('memory', async (clock) => {
  const store = createMemoryStore({ round: { ...EMPTY_ROUND }, problems: [], measures: [] }, { now: clock });
  return {
    store,
    persisted: () => store.load(),
    changeLog: async () => store.changeLog(),
    sheets: async () => [...store.reportSheets().map((r) => r.name), ...store.generatedSheets().keys(), ...(store.summaryRows().length > 0 ? ['汇总'] : [])],
  };
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
