// Filters and request sizes in the Office.js adapter (issue 10): rows are written once whatever
// happens to a filter, a filter Excel will not re-apply is a warning and not a failed save, and
// writes larger than one request go in chunks; a single row too large for any request is explained.
import fc from 'fast-check';
import type { LedgerError } from '../../src/ledger/errors';
import type { NewMeasure, NewProblem } from '../../src/ledger/store';
import { createExcelStore } from '../../src/workbook/excelStore';
import { sampleLedger } from '../../src/workbook/sample';
import { chunkRows, payloadBytes, PAYLOAD_BUDGET } from '../../src/workbook/payload';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel } from './fakeExcel';

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function setup() {
  const model = new FakeModel();
  const warnings: LedgerError[] = [];
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never, now, onWarning: (w) => warnings.push(w) });
  return { model, store, warnings };
}

const problem = (description: string): NewProblem => ({
  sourceNumber: '', category: '落实全面从严治党主体责任方面', description, source: '巡察反馈', leader: '张建国', leadUnit: '办公室', note: '',
});
const measure = (text: string, owner = '赵丽'): NewMeasure => ({
  text, leader: '张建国', unit: '办公室', coUnits: '', owner, deadlineText: '2026年12月底前', deadline: '2026-12-31', status: '正在推进', longTerm: false, note: '',
});

async function filteredLedger() {
  const env = setup();
  await env.store.createOrRepair();
  await env.store.addProblems([
    { problem: problem('问题一'), measures: [measure('措施1-1', '甲'), measure('措施1-2', '乙')] },
    { problem: problem('问题二'), measures: [measure('措施2-1', '丙')] },
  ]);
  env.model.filter('ZG_Measures', 0, { filterOn: 'Values', values: ['丙'] });
  return env;
}

const idsOf = (model: FakeModel, table: string, header: string) => {
  const t = model.table(table);
  const c = model.headers(t).indexOf(header);
  return model.body(t).map((row) => row[c].v);
};

describe('adding and deleting rows while a table is filtered', () => {
  test('the filter comes back after the rows are written, and no warning is given', async () => {
    const { model, store, warnings } = await filteredLedger();
    await store.addProblem(problem('问题三'), [measure('措施3-1', '丁')]);
    expect(model.table('ZG_Measures').criteria[0]).toMatchObject({ values: ['丙'] });
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P001-M01', 'P001-M02', 'P002-M01', 'P003-M01']);
    expect(warnings).toEqual([]);
  });

  test('a measure added to P001 under a filter is inserted after P001-M02, once, and the filter comes back', async () => {
    const { model, store, warnings } = await filteredLedger();
    await expect(store.addMeasures('P001', [measure('措施1-3', '丁')])).resolves.toEqual({ measureIds: ['P001-M03'] });
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P001-M01', 'P001-M02', 'P001-M03', 'P002-M01']);
    expect(idsOf(model, 'ZG_Measures', '责任人')).toEqual(['甲', '乙', '丁', '丙']);
    expect(model.table('ZG_Measures').criteria[0]).toMatchObject({ values: ['丙'] });
    expect(model.rowAdds.slice(-2)).toEqual([1, 1]); // the measure's row and its 变更记录 line, each written once
    expect(warnings).toEqual([]);
  });

  test('a table sorted by hand: the new measure goes after its problem\'s last row where that row now is', async () => {
    const { model, store } = await filteredLedger();
    model.filter('ZG_Measures', 0, null as unknown as object);
    model.reorderRows('ZG_Measures', [2, 0, 1]);
    await store.addMeasures('P002', [measure('措施2-2')]);
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P002-M01', 'P002-M02', 'P001-M01', 'P001-M02']);
    await store.addMeasures('P001', [measure('措施1-3')]);
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P002-M01', 'P002-M02', 'P001-M01', 'P001-M02', 'P001-M03']);
  });

  test('a filter Excel refuses to re-apply: the save stands, the rows are written once, the warning names the table', async () => {
    const { model, store, warnings } = await filteredLedger();
    model.failFilterApply = true;
    const { problemId, measureIds } = await store.addProblem(problem('问题三'), [measure('措施3-1', '丁')]);
    expect([problemId, measureIds]).toEqual(['P003', ['P003-M01']]);
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P001-M01', 'P001-M02', 'P002-M01', 'P003-M01']);
    expect(warnings.map((w) => w.message)).toEqual(['已保存。“ZG_Measures”表的筛选未能恢复，请重新设置筛选']);
    // The next action finds the table unfiltered and writes its own row, once: nothing is repeated.
    await store.addProblem(problem('问题四'), [measure('措施4-1', '戊')]);
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P001-M01', 'P001-M02', 'P002-M01', 'P003-M01', 'P004-M01']);
    expect(idsOf(model, 'ZG_Problems', '问题编号')).toEqual(['P001', 'P002', 'P003', 'P004']);
  });

  test('deleting under a filter that cannot be restored deletes the rows and warns', async () => {
    const { model, store, warnings } = await filteredLedger();
    model.failFilterApply = true;
    await store.deleteProblem('P001');
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toEqual(['P002-M01']);
    expect(warnings).toHaveLength(1);
  });

  test('an update of cells under a filter lifts nothing and warns about nothing', async () => {
    const { model, store, warnings } = await filteredLedger();
    model.failFilterApply = true;
    await store.updateMeasure('P002-M01', { owner: '己' });
    expect(warnings).toEqual([]);
    expect(model.table('ZG_Measures').criteria[0]).toMatchObject({ values: ['丙'] });
  });
});

describe('writes larger than one request', () => {
  test('a batch import of 6 MB goes in chunks under the limit: every row once, in order', async () => {
    const { model, store } = setup();
    await store.createOrRepair();
    model.payloadLimit = 5 * 1024 * 1024;
    model.rowAdds = [];
    // 120 measures of 20,000 Chinese characters: about 7 MB of row values.
    const long = '落实整改'.repeat(5000);
    const items = Array.from({ length: 40 }, (_, i) => ({ problem: problem(`问题${i + 1}`), measures: [measure(`${long}A`), measure(`${long}B`), measure(`${long}C`)] }));
    const { problemIds } = await store.addProblems(items);
    expect(problemIds).toHaveLength(40);
    expect(model.rowAdds.length).toBeGreaterThan(2);
    expect(idsOf(model, 'ZG_Measures', '措施编号')).toHaveLength(120);
    expect(new Set(idsOf(model, 'ZG_Measures', '措施编号')).size).toBe(120);
    const l = await store.load();
    expect(l.measures.map((m) => m.text.slice(-1))).toEqual(Array.from({ length: 40 }, () => ['A', 'B', 'C']).flat());
  });

  test('one row larger than any request is refused with the Chinese message, not the Office error code', async () => {
    const { model, store } = setup();
    await store.createOrRepair();
    model.payloadLimit = 50_000;
    await expect(store.addProblem(problem('问题一'), [measure('很长'.repeat(20_000))])).rejects.toThrow('要写入的内容超过 Excel 单次请求的上限（网页版约 5 MB），未能保存；请缩短过长的单元格内容后重试');
  });
});

describe('chunkRows', () => {
  test.each<[string, string[][], number, number[]]>([
    ['nothing', [], 100, []],
    ['all in one', [['a'], ['b']], 100, [2]],
    ['split at the budget', [['aaaa'], ['bbbb'], ['cccc']], payloadBytes(['aaaa']) * 2, [2, 1]],
    ['a row over the budget alone', [['a'], ['x'.repeat(500)], ['b']], 100, [1, 1, 1]],
  ])('%s', (_, rows, budget, sizes) => {
    expect(chunkRows(rows, budget).map((c) => c.length)).toEqual(sizes);
  });

  test('Chinese text counts three bytes a character', () => {
    expect(payloadBytes(['整改'])).toBe(JSON.stringify(['整改']).length + 4 + 1);
  });

  test('chunks keep every row once, in order, and stay under the budget unless a row alone is over', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 4 }), { maxLength: 60 }), fc.integer({ min: 1, max: 300 }), (rows, budget) => {
        const chunks = chunkRows(rows, budget);
        expect(chunks.flat()).toEqual(rows);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          const size = chunk.reduce((n, r) => n + payloadBytes(r), 0);
          if (chunk.length > 1) expect(size).toBeLessThanOrEqual(budget);
        }
      }),
    );
  });

  test('the budget leaves room under Excel on the web\'s 5 MB', () => {
    expect(PAYLOAD_BUDGET).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('汇总 larger than one request', () => {
  const bigUnit = (name: string) => {
    const ledger = sampleLedger();
    const long = `${name}落实整改`.repeat(5000);
    return { unit: name, fileName: `${name}.xlsx`, ledger: { ...ledger, round: { ...ledger.round, org: name }, measures: ledger.measures.map((m) => ({ ...m, text: `${m.text}${long}` })) } };
  };

  test.each(['first import (the table is made)', 'import into an existing 汇总'])('%s: every row written once, each request under 5 MB', async (when) => {
    const { model, store } = setup();
    if (when.startsWith('import into')) await store.consolidate([bigUnit('甲单位')]);
    model.payloadLimit = 5 * 1024 * 1024;
    const units = ['乙单位', '丙单位', '丁单位', '戊单位'].map(bigUnit);
    const syncsBefore = model.syncs;
    const report = await store.consolidate(units);
    expect(model.syncs - syncsBefore).toBeGreaterThan(2);
    const perUnit = sampleLedger().measures.length;
    expect(report.rowCount).toBe(perUnit * (when.startsWith('import into') ? 5 : 4));
    const t = model.table('ZG_Summary');
    const unitCol = model.headers(t).indexOf('来源单位');
    const counts = new Map<string, number>();
    for (const row of model.body(t)) counts.set(String(row[unitCol].v), (counts.get(String(row[unitCol].v)) ?? 0) + 1);
    for (const u of units) expect(counts.get(u.unit)).toBe(perUnit);
  });
});
