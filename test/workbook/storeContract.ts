// The LedgerStore contract: what every store (memory, Office.js, the .xlsx file) must do, asked
// through the port alone. Each store's test file runs it with a factory; `persisted` reads the
// ledger back the way that store keeps it (the file store: saved, then opened again from the bytes).
import { LedgerStoreError, type ChangeEntry, type LedgerStore, type NewMeasure, type NewProblem } from '../../src/ledger/store';
import type { Ledger } from '../../src/ledger/types';

export type ContractSubject = {
  store: LedgerStore;
  /** The ledger as the store keeps it (for a file: saved and read back from the bytes). */
  persisted(): Promise<Ledger>;
  /** 变更记录 as the store keeps it, oldest first. */
  changeLog(): Promise<readonly ChangeEntry[]>;
  /** The names of the sheets the store's generated-sheet actions made (for a file: saved and read back). */
  sheets(): Promise<string[]>;
};

/** The optional generated-sheet actions, which every store of the project has. */
function generating(store: LedgerStore) {
  const { refreshDashboard, writeReportSheet, consolidate, summarySources } = store;
  if (!refreshDashboard || !writeReportSheet || !consolidate || !summarySources) throw new Error(`the ${store.kind} store lacks a generated-sheet action`);
  return {
    refreshDashboard: refreshDashboard.bind(store), writeReportSheet: writeReportSheet.bind(store),
    consolidate: consolidate.bind(store), summarySources: summarySources.bind(store),
  };
}

/** Makes a store over an empty ledger (巡察信息 blank), on the given clock. */
export type ContractFactory = (now: () => Date) => Promise<ContractSubject>;

const now = () => new Date(2026, 10, 22, 9, 30, 0); // 2026-11-22 09:30 local

export const problem = (description: string, extra: Partial<NewProblem> = {}): NewProblem => ({
  sourceNumber: '', category: '落实全面从严治党主体责任方面', description, source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '', ...extra,
});
export const measure = (text: string, owner = '赵丽', extra: Partial<NewMeasure> = {}): NewMeasure => ({
  text, leader: '张建国', unit: '办公室', coUnits: '', owner, deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '正在推进', longTerm: false, note: '', ...extra,
});

async function withThreeProblems(make: ContractFactory): Promise<ContractSubject> {
  const subject = await make(now);
  await subject.store.addProblems([
    { problem: problem('问题一'), measures: [measure('措施1-1', '甲'), measure('措施1-2', '乙')] },
    { problem: problem('问题二'), measures: [measure('措施2-1', '丙')] },
    { problem: problem('问题三'), measures: [measure('措施3-1', '丁'), measure('措施3-2', '戊')] },
  ]);
  return subject;
}

export function describeStoreContract(name: string, make: ContractFactory): void {
  describe(`LedgerStore contract: ${name}`, () => {
    test('adds get ids in order; every value reads back from where the store keeps it', async () => {
      const s = await withThreeProblems(make);
      await expect(s.store.detect()).resolves.toEqual({ state: 'ok' });
      const l = await s.persisted();
      expect(l.problems.map((p) => p.id)).toEqual(['P001', 'P002', 'P003']);
      expect(l.measures.map((m) => `${m.id}:${m.owner}`)).toEqual(['P001-M01:甲', 'P001-M02:乙', 'P002-M01:丙', 'P003-M01:丁', 'P003-M02:戊']);
      expect(l.measures[0]).toEqual({
        id: 'P001-M01', problemId: 'P001', text: '措施1-1', leader: '张建国', unit: '办公室', coUnits: '', owner: '甲', deadlineText: '2026年12月底前',
        deadline: '2026-12-31', status: '正在推进', longTerm: false, doneDate: null, progress: '', evidence: '', closeState: '未申请', closeDate: null, note: '',
      });
      expect(l.problems[0]).toMatchObject({ id: 'P001', description: '问题一', status: '正在推进', longTerm: false, closeState: '未申请' });
    });

    test('a measure added to an existing problem lands after its last measure; every other row unchanged', async () => {
      const s = await withThreeProblems(make);
      const before = await s.persisted();
      await expect(s.store.addMeasures('P001', [measure('措施1-3', '己')])).resolves.toEqual({ measureIds: ['P001-M03'] });
      const l = await s.persisted();
      expect(l.measures.map((m) => m.id)).toEqual(['P001-M01', 'P001-M02', 'P001-M03', 'P002-M01', 'P003-M01', 'P003-M02']);
      expect(l.measures[2]).toMatchObject({ problemId: 'P001', text: '措施1-3', owner: '己', deadline: '2026-12-31', status: '正在推进', closeState: '未申请' });
      expect(l.measures.filter((m) => m.id !== 'P001-M03')).toEqual(before.measures);
      expect(l.problems).toEqual(before.problems);
      // A new problem's measures still go at the bottom; the one added next to P003 after them.
      await s.store.addProblem(problem('问题四'), [measure('措施4-1')]);
      await s.store.addMeasures('P003', [measure('措施3-3'), measure('措施3-4')]);
      expect((await s.persisted()).measures.map((m) => m.id)).toEqual([
        'P001-M01', 'P001-M02', 'P001-M03', 'P002-M01', 'P003-M01', 'P003-M02', 'P003-M03', 'P003-M04', 'P004-M01',
      ]);
      await expect(s.store.addMeasures('P009', [measure('无')])).rejects.toBeInstanceOf(LedgerStoreError);
    });

    test('status, progress and 长期坚持 roll up to the problem, and persist', async () => {
      const s = await withThreeProblems(make);
      await s.store.setStatus('P003-M01', '已完成');
      await s.store.appendProgress('P003-M02', '2026-11-21', '已完成制度修订初稿');
      let l = await s.persisted();
      expect(l.measures.find((m) => m.id === 'P003-M01')).toMatchObject({ status: '已完成', doneDate: '2026-11-22' });
      expect(l.measures.find((m) => m.id === 'P003-M02')!.progress).toBe('2026-11-21：已完成制度修订初稿');
      expect(l.problems.find((p) => p.id === 'P003')!.status).toBe('正在推进');
      await s.store.setStatus('P003-M02', '基本完成');
      await s.store.updateMeasure('P003-M02', { longTerm: true, deadlineText: '长期坚持', deadline: null });
      l = await s.persisted();
      expect(l.problems.find((p) => p.id === 'P003')).toMatchObject({ status: '基本完成', longTerm: true });
      expect(l.measures.find((m) => m.id === 'P003-M02')).toMatchObject({ deadline: null, deadlineText: '长期坚持', longTerm: true });
      await s.store.setStatus('P003-M01', '正在推进');
      expect((await s.persisted()).measures.find((m) => m.id === 'P003-M01')!.doneDate).toBeNull();
    });

    test('销号 steps move through their states; a step out of turn is refused', async () => {
      const s = await withThreeProblems(make);
      const ref = { kind: 'measure' as const, id: 'P002-M01' };
      await expect(s.store.closeStep(ref, { step: 'apply', evidence: '审核报告.pdf', date: '2026-11-20' })).resolves.toBe('已申请');
      await expect(s.store.closeStep(ref, { step: 'apply', evidence: '审核报告.pdf', date: '2026-11-20' })).rejects.toMatchObject({ error: { code: 'badCloseStep' } });
      await expect(s.store.closeStep(ref, { step: 'approve', date: '2026-11-22' })).resolves.toBe('已销号');
      const m = (await s.persisted()).measures.find((x) => x.id === 'P002-M01')!;
      expect(m).toMatchObject({ closeState: '已销号', closeDate: '2026-11-22' });
      expect(m.evidence).toContain('审核报告.pdf');
    });

    test('申请延期 is a request: the deadline changes only when it is approved, and the log keeps the old one', async () => {
      const s = await withThreeProblems(make);
      const ref = { kind: 'measure' as const, id: 'P001-M01' };
      const request = { step: 'extend' as const, deadlineText: '2027年3月底前', deadline: '2027-03-31', reason: '待预算批复', date: '2026-11-20' };
      await expect(s.store.closeStep(ref, request)).resolves.toBe('申请延期');
      let m = (await s.persisted()).measures.find((x) => x.id === 'P001-M01')!;
      expect(m).toMatchObject({ closeState: '申请延期', deadlineText: '2026年12月底前', deadline: '2026-12-31' });
      await expect(s.store.closeStep(ref, { step: 'apply', evidence: '纪要', date: '2026-11-21' })).rejects.toMatchObject({ error: { code: 'badCloseStep' } });
      await expect(s.store.closeStep(ref, { step: 'approveExtension', date: '2026-11-22' })).resolves.toBe('未申请');
      m = (await s.persisted()).measures.find((x) => x.id === 'P001-M01')!;
      expect(m).toMatchObject({ closeState: '未申请', deadlineText: '2027年3月底前', deadline: '2027-03-31' });
      expect(m.progress.split('\n')).toEqual([
        '2026-11-22：【同意延期】新时限：2027年3月底前（2027-03-31）；原时限：2026年12月底前',
        '2026-11-20：【申请延期】新时限：2027年3月底前（2027-03-31）；原时限：2026年12月底前；理由：待预算批复',
      ]);
      await s.store.setStatus('P002-M01', '已完成');
      await expect(s.store.closeStep({ kind: 'measure', id: 'P002-M01' }, request)).rejects.toMatchObject({ error: { code: 'extendDone' } });
    });

    test('deleting a problem deletes its measures; an id is never reused', async () => {
      const s = await withThreeProblems(make);
      await s.store.deleteProblem('P001');
      await s.store.deleteMeasure('P003-M02');
      let l = await s.persisted();
      expect(l.problems.map((p) => p.id)).toEqual(['P002', 'P003']);
      expect(l.measures.map((m) => m.id).sort()).toEqual(['P002-M01', 'P003-M01']);
      expect((await s.store.addProblem(problem('问题五'), [measure('措施')])).problemId).toBe('P004');
      await s.store.deleteProblem('P004');
      await s.store.deleteProblem('P002');
      await s.store.deleteProblem('P003');
      l = await s.persisted();
      expect([l.problems.length, l.measures.length]).toEqual([0, 0]);
    });

    test('a 编号 that is gone, or a batch with a bad item, is refused in Chinese and writes nothing', async () => {
      const s = await withThreeProblems(make);
      const before = await s.persisted();
      await expect(s.store.updateMeasure('P009-M01', { owner: 'x' })).rejects.toThrow('找不到编号为“P009-M01”的条目');
      const bad = s.store.addProblems([
        { problem: problem('好的问题'), measures: [measure('措施')] },
        { problem: problem(''), measures: [] },
      ]);
      await expect(bad).rejects.toBeInstanceOf(LedgerStoreError);
      await expect(s.store.addProblem(problem(''), [])).rejects.toThrow('请填写问题描述');
      expect(await s.persisted()).toEqual(before);
    });

    test('text that starts with = + - @ or looks like a number or date stays that text', async () => {
      const s = await withThreeProblems(make);
      const tricky = { text: '=HYPERLINK("http://x","点我")', owner: '-张三', coUnits: '+办公室', note: '@所有人', deadlineText: '2026-12-31' };
      const { measureIds } = await s.store.addProblem(problem('=1+1', { sourceNumber: '001' }), [measure('', '', tricky)]);
      await s.store.updateMeasure(measureIds[0], { owner: '=A1', evidence: '<文件>&"引号"\n第二行' });
      const l = await s.persisted();
      expect(l.problems.find((p) => p.id === 'P004')).toMatchObject({ description: '=1+1', sourceNumber: '001' });
      expect(l.measures.find((m) => m.id === measureIds[0])).toMatchObject({
        text: tricky.text, owner: '=A1', coUnits: '+办公室', note: '@所有人', deadlineText: '2026-12-31', evidence: '<文件>&"引号"\n第二行',
      });
    });

    test('巡察信息 is saved and read back', async () => {
      const s = await make(now);
      const round = { org: '中共××县卫生健康委员会党组', inspector: '县委第三巡察组', kind: '常规' as const, start: '2026-03-02', end: '2026-04-30', feedback: '2026-06-15', months: 6, asOf: '2026-11-30' };
      await s.store.saveRound(round);
      expect((await s.persisted()).round).toEqual(round);
      await s.store.saveRound({ ...round, asOf: null, kind: '' });
      expect((await s.persisted()).round).toEqual({ ...round, asOf: null, kind: '' });
    });

    test('通报数字 are saved with the round, found by label: saving again updates, never duplicates', async () => {
      const s = await make(now);
      const round = { org: '某镇党委', inspector: '县委第二巡察组', kind: '常规' as const, start: null, end: null, feedback: null, months: 3, asOf: null };
      const figures = [
        { label: '反馈问题总数', value: 42, unit: '个' },
        { label: '已完成问题数', value: 39, unit: '个' },
        { label: '=挽回经济损失', value: 86.5, unit: '万元' },
      ];
      await s.store.saveRound({ ...round, figures });
      expect((await s.persisted()).round).toEqual({ ...round, figures });
      // The same import saved again, one figure newer, one new: rows found by label.
      await s.store.saveRound({ ...round, figures: [{ label: '已完成问题数', value: 41, unit: '个' }, figures[0], { label: '移交问题线索数', value: 15, unit: '件' }] });
      const again = (await s.persisted()).round.figures;
      expect(again).toEqual([figures[0], { label: '已完成问题数', value: 41, unit: '个' }, figures[2], { label: '移交问题线索数', value: 15, unit: '件' }]);
      // A round saved without figures (the 巡察信息 form) keeps them.
      await s.store.saveRound({ ...round, org: '某镇党委（改）' });
      expect((await s.persisted()).round.figures).toEqual(again);
      expect((await s.changeLog()).map((e) => e.field)).toContain('通报数字·已完成问题数');
    });

    test('every change goes to 变更记录 with its time, 编号, field and values', async () => {
      const s = await withThreeProblems(make);
      await s.store.updateMeasure('P002-M01', { owner: '丙二' });
      const log = await s.changeLog();
      expect(log.filter((e) => e.field === '新增')).toHaveLength(8);
      expect(log.at(-1)).toEqual({ time: '2026-11-22 09:30:00', id: 'P002-M01', field: '责任人', before: '丙', after: '丙二' });
    });

    test('what load() returns is the caller\'s own copy', async () => {
      const s = await withThreeProblems(make);
      const loaded = await s.store.load();
      loaded.measures[0].owner = '改了';
      loaded.problems.pop();
      const again = await s.store.load();
      expect(again.measures[0].owner).toBe('甲');
      expect(again.problems).toHaveLength(3);
    });

    test('统计 writes 整改统计 for the ledger; a second refresh rewrites the same sheet in place and leaves the ledger as it was', async () => {
      const s = await withThreeProblems(make);
      const store = generating(s.store);
      const before = await s.persisted();
      const first = await store.refreshDashboard();
      expect(first).toMatchObject({ sheet: '整改统计', categories: 1, units: 1, charts: 3 });
      await expect(store.refreshDashboard()).resolves.toEqual({ ...first, created: false });
      expect((await s.sheets()).filter((n) => n === '整改统计')).toEqual(['整改统计']);
      expect(await s.persisted()).toEqual(before);
    });

    test('写入新工作表 adds a sheet under a free, valid name every time; a blank name is refused', async () => {
      const s = await withThreeProblems(make);
      const store = generating(s.store);
      const rows = [['类型', '内容'], ['标题', '关于巡察整改情况的通报'], ['正文', '=1+1']];
      await expect(store.writeReportSheet('整改情况通报20261122', rows)).resolves.toBe('整改情况通报20261122');
      await expect(store.writeReportSheet('整改情况通报20261122', rows)).resolves.toBe('整改情况通报20261122 (2)');
      await expect(store.writeReportSheet('通报[草稿]/1', [['x']])).resolves.toBe('通报(草稿)-1');
      await expect(store.writeReportSheet('  ', rows)).rejects.toBeInstanceOf(LedgerStoreError);
      expect(await s.sheets()).toEqual(expect.arrayContaining(['整改情况通报20261122', '整改情况通报20261122 (2)', '通报(草稿)-1']));
    });

    test('汇总 adds units to the 汇总 table, replaces a unit sent again instead of adding it twice, and writes 汇总统计', async () => {
      const s = await make(now);
      const store = generating(s.store);
      const sent = await (await withThreeProblems(make)).store.load();
      const first = await store.consolidate([
        { unit: '甲单位', fileName: '甲单位.xlsx', ledger: sent },
        { unit: '乙单位', fileName: '乙单位.xlsx', ledger: sent },
      ]);
      // The pane asks before a file replaces rows another file brought: every store says who brought what.
      await expect(store.summarySources()).resolves.toEqual([
        { unit: '甲单位', fileName: '甲单位.xlsx', rows: 5 },
        { unit: '乙单位', fileName: '乙单位.xlsx', rows: 5 },
      ]);
      expect(first).toMatchObject({
        sheet: '汇总', unitCount: 2, rowCount: 10,
        units: [
          { unit: '甲单位', fileName: '甲单位.xlsx', problems: 3, measures: 5, outcome: 'added' },
          { unit: '乙单位', fileName: '乙单位.xlsx', problems: 3, measures: 5, outcome: 'added' },
        ],
      });
      const fewer = { ...sent, problems: sent.problems.slice(0, 1), measures: sent.measures.filter((m) => m.problemId === 'P001') };
      const again = await store.consolidate([{ unit: '甲单位', fileName: '甲单位-第二次.xlsx', ledger: fewer }]);
      expect(again).toMatchObject({ sheet: '汇总', unitCount: 2, rowCount: 7, units: [{ unit: '甲单位', problems: 1, measures: 2, outcome: 'replaced' }] });
      expect((await store.summarySources()).map((u) => [u.unit, u.fileName, u.rows])).toEqual(
        expect.arrayContaining([['甲单位', '甲单位-第二次.xlsx', 2], ['乙单位', '乙单位.xlsx', 5]]),
      );
      // Nobody typed a 统计截止日期 on 汇总统计: blank, so it counts as of today (a store that cannot tell leaves it out).
      expect([undefined, null]).toContain(again.asOf);
      expect(await s.sheets()).toEqual(expect.arrayContaining(['汇总', '汇总统计']));
    });
  });
}
