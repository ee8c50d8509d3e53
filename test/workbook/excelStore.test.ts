// The Office.js adapter against the fake object model of fakeExcel.ts / fakeContext.ts (the
// `Excel` namespace itself is an office-addin-mock OfficeMockObject). See fakeExcel.ts for what the
// fake models and why office-addin-mock alone cannot.
import type { NewMeasure, NewProblem } from '../../src/ledger/store';
import { createExcelStore } from '../../src/workbook/excelStore';
import { DAYS_LEFT_FORMULA, LIGHT_FORMULA, MEASURES, PROBLEMS, INFO_CELLS, PROBLEM_ROW_FORMULA, HAS_MEASURE_FORMULA, columnLetter } from '../../src/workbook/schema';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel, FakeSheet } from './fakeExcel';
import { changeEntries } from '../support/changeLog';
import { describeStoreContract } from './storeContract';

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function setup(model = new FakeModel()) {
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now });
  /** Runs an action and returns how many context.sync calls it made. */
  const syncsOf = async (action: () => Promise<unknown>) => {
    const before = model.syncs;
    await action();
    return model.syncs - before;
  };
  return { model, store, syncsOf };
}

const problem = (description: string): NewProblem => ({
  sourceNumber: '', category: '落实全面从严治党主体责任方面', description, source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '',
});
const measure = (text: string, owner = '赵丽'): NewMeasure => ({
  text, leader: '张建国', unit: '办公室', coUnits: '', owner, deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '正在推进', longTerm: false, note: '',
});

async function ledgerWithThreeProblems() {
  const env = setup();
  await env.store.createOrRepair();
  await env.store.addProblems([
    { problem: problem('问题一'), measures: [measure('措施1-1', '甲'), measure('措施1-2', '乙')] },
    { problem: problem('问题二'), measures: [measure('措施2-1', '丙')] },
    { problem: problem('问题三'), measures: [measure('措施3-1', '丁'), measure('措施3-2', '戊')] },
  ]);
  return env;
}

describeStoreContract('Excel (Office.js)', async (clock) => {
  const model = new FakeModel();
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now: clock });
  await store.createOrRepair();
  return {
    store,
    persisted: () => store.load(),
    changeLog: async () => changeEntries(model.body(model.table('ZG_Changes')).map((r) => r.map((c) => c.v))),
    sheets: async () => model.sheets.map((sheet) => sheet.name),
  };
});

describe('creating the ledger', () => {
  test('the ledger sheets print as an office prints them: landscape A4, one page wide, header row repeated, gridlines', async () => {
    const { model, store } = setup();
    await store.createOrRepair();
    const page = { orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printGridlines: true, titleRows: '$1:$1' };
    expect([model.sheet(PROBLEMS.sheet)!.page, model.sheet(MEASURES.sheet)!.page]).toEqual([page, page]);
    expect(model.sheet('节假日')!.page).toEqual({});
  });

  test('a new workbook has no ledger; createOrRepair builds every sheet, table, name and rule', async () => {
    const { model, store } = setup();
    await expect(store.detect()).resolves.toEqual({ state: 'none' });
    const report = await store.createOrRepair();
    expect(report.notes).toEqual([]);
    await expect(store.detect()).resolves.toEqual({ state: 'ok' });

    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '巡察信息', '问题清单', '整改台账', '节假日', '变更记录']);
    const measures = model.table('ZG_Measures');
    expect(model.headers(measures)).toEqual(MEASURES.columns.map((c) => c.header));
    expect(model.headers(model.table('ZG_Problems'))).toEqual(PROBLEMS.columns.map((c) => c.header));
    expect([...model.names.keys()].sort()).toEqual(INFO_CELLS.map((c) => c.name).sort());

    const sheet = measures.sheet;
    const col = (h: string) => model.headers(measures).indexOf(h);
    const firstRow = (h: string) => sheet.peek(measures.top + 1, col(h));
    expect(firstRow('剩余天数')?.f).toBe(DAYS_LEFT_FORMULA);
    expect(firstRow('预警')?.f).toBe(LIGHT_FORMULA);
    expect(firstRow('截止日期')?.nf).toBe('yyyy-mm-dd');
    expect(firstRow('整改状态')?.list).toBe('未启动,正在推进,部分完成,基本完成,已完成');
    expect(firstRow('长期坚持')?.list).toBe('是,否');
    // Dates typed as text would drop out of 整改统计's 逾期/临期: Excel refuses them, in Chinese.
    expect(firstRow('截止日期')?.dateRule).toBe('GreaterThanOrEqualTo 1900-01-01');
    expect(firstRow('截止日期')?.validationMessage).toContain('请输入日期');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.conditionalFormats.map((c) => (c.rule as { formula1: string }).formula1)).toEqual(['="红"', '="黄"', '="绿"', '="蓝"', '="灰"']);
    const due = model.names.get('ZG_Due')!;
    expect(due.sheet.peek(due.r, due.c)?.f).toBe('=IF(ZG_Feedback="","",EDATE(ZG_Feedback,ZG_Months))');
  });

  test('a sheet named 问题清单 that is not ours is left alone; the ledger takes another name and says so', async () => {
    const model = new FakeModel();
    const foreign = new FakeSheet('问题清单');
    foreign.input(0, 0, '去年的问题清单');
    foreign.input(1, 0, '请勿改动');
    model.sheets.push(foreign);
    const { store } = setup(model);
    const report = await store.createOrRepair();
    expect(model.table('ZG_Problems').sheet.name).toBe('问题清单(台账)');
    expect([foreign.peek(0, 0)?.v, foreign.peek(1, 0)?.v]).toEqual(['去年的问题清单', '请勿改动']);
    expect(foreign.cells.size).toBe(2);
    expect(report.notes).toEqual(['工作簿中已有名为“问题清单”的工作表且不是本台账的表格，台账已改用“问题清单(台账)”']);
    await store.addProblem(problem('问题'), [measure('措施')]);
    expect((await store.load()).problems.map((p) => p.id)).toEqual(['P001']);
  });
});

describe('writing rows by 编号', () => {
  test('adds get ids and rows; every value reads back', async () => {
    const { store } = await ledgerWithThreeProblems();
    const l = await store.load();
    expect(l.problems.map((p) => p.id)).toEqual(['P001', 'P002', 'P003']);
    expect(l.measures.map((m) => `${m.id}:${m.owner}`)).toEqual(['P001-M01:甲', 'P001-M02:乙', 'P002-M01:丙', 'P003-M01:丁', 'P003-M02:戊']);
    expect(l.measures[0]).toMatchObject({ deadline: '2026-12-31', status: '正在推进', longTerm: false, closeState: '未申请' });
  });

  test('after rows are sorted, a column is moved and a filter is on, updates still hit the right rows', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    model.reorderRows('ZG_Measures', [4, 2, 0, 3, 1]);
    model.moveColumn('ZG_Measures', '责任人', 0);
    model.reorderRows('ZG_Problems', [2, 0, 1]);
    model.filter('ZG_Measures', 0, { filterOn: 'Values', values: ['丙'] });

    await store.updateMeasure('P003-M01', { owner: '丁二' });
    await store.setStatus('P001-M02', '已完成', '2026-11-20');
    expect(model.rowById('ZG_Measures', '措施编号', 'P003-M01')!['责任人'].v).toBe('丁二');
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M02')!['整改状态'].v).toBe('已完成');
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M02')!['完成日期'].v).toBe(46346);
    expect(model.rowById('ZG_Measures', '措施编号', 'P001-M01')!['责任人'].v).toBe('甲');

    // Adding while filtered: the filter is lifted for the insert and put back.
    const { problemId } = await store.addProblem(problem('问题四'), [measure('措施4-1', '己')]);
    expect(problemId).toBe('P004');
    expect(model.table('ZG_Measures').criteria[0]).toMatchObject({ values: ['丙'] });
    const l = await store.load();
    expect(l.measures.find((m) => m.id === 'P004-M01')).toMatchObject({ owner: '己', text: '措施4-1', problemId: 'P004' });
    expect(l.measures.find((m) => m.id === 'P003-M02')).toMatchObject({ owner: '戊' });
  });

  test('the problem roll-up is written when its measures change', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    model.reorderRows('ZG_Problems', [1, 2, 0]);
    await store.setStatus('P003-M01', '已完成');
    expect(model.rowById('ZG_Problems', '问题编号', 'P003')!['问题状态'].v).toBe('正在推进');
    await store.setStatus('P003-M02', '基本完成');
    expect(model.rowById('ZG_Problems', '问题编号', 'P003')!['问题状态'].v).toBe('基本完成');
    await store.updateMeasure('P003-M02', { longTerm: true });
    expect(model.rowById('ZG_Problems', '问题编号', 'P003')!['长期坚持'].v).toBe('是');
  });

  test('deleting a problem deletes its measures, even in a sorted and filtered table', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    model.reorderRows('ZG_Measures', [3, 0, 4, 1, 2]);
    model.filter('ZG_Measures', 2, { filterOn: 'Values', values: ['x'] });
    await store.deleteProblem('P001');
    await store.deleteMeasure('P003-M02');
    const l = await store.load();
    expect(l.problems.map((p) => p.id)).toEqual(['P002', 'P003']);
    expect(l.measures.map((m) => m.id).sort()).toEqual(['P002-M01', 'P003-M01']);
    expect(model.table('ZG_Measures').criteria[2]).toMatchObject({ values: ['x'] });
    // An id is never reused after deletion of a lower one.
    expect((await store.addProblem(problem('问题五'), [measure('措施')])).problemId).toBe('P004');
  });

  test('a 编号 that is gone is answered with a Chinese message, and nothing is written', async () => {
    const { model, store, syncsOf } = await ledgerWithThreeProblems();
    const before = JSON.stringify([...model.table('ZG_Measures').sheet.cells]);
    await expect(store.updateMeasure('P009-M01', { owner: 'x' })).rejects.toThrow('找不到编号为“P009-M01”的条目');
    expect(JSON.stringify([...model.table('ZG_Measures').sheet.cells])).toBe(before);
    expect(await syncsOf(() => store.closeStep({ kind: 'measure', id: 'P001-M01' }, { step: 'approve', date: '2026-11-22' }).catch(() => undefined))).toBe(1);
  });

  test('text that starts with = + - @ or looks like a number is stored as that text', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    const tricky = { text: '=HYPERLINK("http://x","点我")', owner: '-张三', coUnits: '+办公室', note: '@所有人', deadlineText: '2026-12-31' };
    const { measureIds } = await store.addProblem({ ...problem('=1+1'), sourceNumber: '001' }, [{ ...measure(''), ...tricky }]);
    const row = model.rowById('ZG_Measures', '措施编号', measureIds[0])!;
    for (const [header, text] of [['整改措施', tricky.text], ['责任人', '-张三'], ['配合单位', '+办公室'], ['备注', '@所有人'], ['整改时限', '2026-12-31']]) {
      expect(row[header].f).toBeUndefined();
      expect(row[header].v).toBe(text);
    }
    expect(model.rowById('ZG_Problems', '问题编号', 'P004')!['原编号'].v).toBe('001');
    await store.updateMeasure(measureIds[0], { owner: '=A1' });
    expect(model.rowById('ZG_Measures', '措施编号', measureIds[0])!['责任人']).toEqual(expect.objectContaining({ v: '=A1' }));
    const l = await store.load();
    expect(l.problems.find((p) => p.id === 'P004')).toMatchObject({ description: '=1+1', sourceNumber: '001' });
    expect(l.measures.find((m) => m.id === measureIds[0])).toMatchObject({ text: tricky.text, owner: '=A1', coUnits: '+办公室', note: '@所有人' });
  });

  test('every change is appended to 变更记录', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    await store.updateMeasure('P002-M01', { owner: '丙二' });
    const log = model.table('ZG_Changes');
    const rows = model.body(log).map((r) => r.map((c) => c.v));
    expect(rows.at(-1)).toEqual([46348 + (9 * 3600 + 30 * 60) / 86400, 'P002-M01', '责任人', '丙', '丙二']);
    expect(rows.filter((r) => r[2] === '新增')).toHaveLength(8);
  });
});

describe('context.sync budget', () => {
  test('each user action makes at most two context.sync calls', async () => {
    const { store, syncsOf } = await ledgerWithThreeProblems();
    const counts: Record<string, number> = {
      detect: await syncsOf(() => store.detect()),
      load: await syncsOf(() => store.load()),
      saveRound: await syncsOf(() => store.saveRound({ org: '县卫健委党组', inspector: '市委第三巡察组', kind: '常规', start: null, end: null, feedback: '2026-07-22', months: 3, asOf: null })),
      addProblem: await syncsOf(() => store.addProblem(problem('新问题'), [measure('a'), measure('b')])),
      addProblems: await syncsOf(() => store.addProblems([{ problem: problem('x'), measures: [measure('c')] }, { problem: problem('y'), measures: [measure('d')] }])),
      updateProblem: await syncsOf(() => store.updateProblem('P001', { leadUnit: '人事科' })),
      updateMeasure: await syncsOf(() => store.updateMeasure('P001-M01', { owner: '甲二' })),
      appendProgress: await syncsOf(() => store.appendProgress('P001-M01', '2026-11-20', '已召开专题会')),
      setStatus: await syncsOf(() => store.setStatus('P001-M01', '已完成')),
      closeStep: await syncsOf(() => store.closeStep({ kind: 'measure', id: 'P001-M01' }, { step: 'apply', evidence: '会议纪要', date: '2026-11-21' })),
      deleteMeasure: await syncsOf(() => store.deleteMeasure('P003-M02')),
      deleteProblem: await syncsOf(() => store.deleteProblem('P002')),
      select: await syncsOf(() => store.select({ kind: 'measure', id: 'P001-M02' })),
      createOrRepair: await syncsOf(() => store.createOrRepair()),
    };
    for (const [action, n] of Object.entries(counts)) expect([action, n <= 2 && n >= 1]).toEqual([action, true]);
    expect(counts.updateMeasure).toBe(2);
  });
});

describe('repair', () => {
  test('a deleted column and a deleted name come back; every value is kept', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    await store.saveRound({ org: '县卫健委党组', inspector: '市委第三巡察组', kind: '常规', start: '2026-03-01', end: '2026-04-30', feedback: '2026-07-22', months: 3, asOf: null });
    const before = await store.load();
    model.deleteColumn('ZG_Measures', '责任人');
    model.deleteColumn('ZG_Measures', '预警');
    model.names.delete('ZG_AsOf');
    const presence = await store.detect();
    expect(presence).toEqual({ state: 'repairable', missing: ['ZG_Measures[责任人]', 'ZG_Measures[预警]', 'ZG_AsOf'] });

    const report = await store.createOrRepair();
    expect(report.repaired).toEqual(['ZG_AsOf', 'ZG_Measures[责任人]', 'ZG_Measures[预警]']);
    await expect(store.detect()).resolves.toEqual({ state: 'ok' });
    const after = await store.load();
    expect(after.round).toEqual(before.round);
    expect(after.problems).toEqual(before.problems);
    expect(after.measures).toEqual(before.measures.map((m) => ({ ...m, owner: '' })));
    const t = model.table('ZG_Measures');
    const c = model.headers(t).indexOf('预警');
    expect(model.body(t).every((row) => row[c].f === LIGHT_FORMULA)).toBe(true);
    // The repaired column is written like any other.
    await store.updateMeasure('P002-M01', { owner: '丙' });
    expect(model.rowById('ZG_Measures', '措施编号', 'P002-M01')!['责任人'].v).toBe('丙');
  });

  test('an older ledger without the roll-up columns gets them, as formulas, and keeps every value', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    const before = await store.load();
    for (const header of ['问题键', '问题序号', '措施有序', '末措施行', '有措施', '有未完成措施', '有长期坚持措施']) model.deleteColumn('ZG_Problems', header);
    for (const header of ['所属问题序号', '未完成问题序号', '长期坚持问题序号', '排序值', '顺序']) model.deleteColumn('ZG_Measures', header);
    expect(await store.detect()).toMatchObject({ state: 'repairable' });
    const report = await store.createOrRepair();
    expect(report.repaired).toEqual([
      'ZG_Problems[问题键]', 'ZG_Problems[问题序号]', 'ZG_Problems[措施有序]', 'ZG_Problems[末措施行]', 'ZG_Problems[有措施]', 'ZG_Problems[有未完成措施]',
      'ZG_Problems[有长期坚持措施]', 'ZG_Measures[所属问题序号]', 'ZG_Measures[未完成问题序号]', 'ZG_Measures[长期坚持问题序号]', 'ZG_Measures[排序值]',
      'ZG_Measures[顺序]',
    ]);
    await expect(store.detect()).resolves.toEqual({ state: 'ok' });
    expect(await store.load()).toEqual(before);
    const formulasOf = (table: string, header: string) => {
      const t = model.table(table);
      const c = model.headers(t).indexOf(header);
      return model.body(t).map((row) => row[c].f);
    };
    expect(formulasOf('ZG_Problems', '有措施').every((f) => f === HAS_MEASURE_FORMULA)).toBe(true);
    expect(formulasOf('ZG_Measures', '所属问题序号').every((f) => f === PROBLEM_ROW_FORMULA)).toBe(true);
  });

  test('a workbook with only part of the ledger is repairable, and writes refuse until repaired', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    model.tables = model.tables.filter((t) => t.name !== 'ZG_Measures');
    expect(await store.detect()).toMatchObject({ state: 'repairable', missing: ['整改台账（ZG_Measures）'] });
    await expect(store.updateProblem('P001', { note: 'x' })).rejects.toThrow('当前工作簿中没有整改台账');
    const report = await store.createOrRepair();
    expect(report.created).toEqual(['整改台账(台账)（ZG_Measures）']);
  });
});

describe('selection', () => {
  test('select finds the row by 编号 after sorting; selecting a row tells the pane its 编号', async () => {
    const { model, store } = await ledgerWithThreeProblems();
    model.reorderRows('ZG_Measures', [4, 3, 2, 1, 0]);
    await store.select({ kind: 'measure', id: 'P001-M01' });
    expect(model.selected).toEqual({ sheet: '整改台账', address: `A6:${columnLetter(MEASURES.columns.length - 1)}6` });
    expect(model.active).toBe('整改台账');

    const heard: string[] = [];
    const off = await store.onSelect((ref) => heard.push(`${ref.kind}:${ref.id}`));
    const measures = model.sheet('整改台账')!;
    for (const h of measures.handlers) await h({ address: 'C3', worksheetId: '整改台账' });
    for (const h of measures.handlers) await h({ address: 'A1', worksheetId: '整改台账' }); // header: not an item
    for (const h of model.sheet('问题清单')!.handlers) await h({ address: 'B2:D2', worksheetId: '问题清单' });
    expect(heard).toEqual(['measure:P003-M01', 'problem:P001']);
    off();
    await new Promise((r) => setTimeout(r, 0));
    expect(measures.handlers.size).toBe(0);
  });
});
