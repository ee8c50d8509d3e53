// The 整改统计 formulas, evaluated by a real formula engine (HyperFormula) over the cells the .xlsx
// writer writes, must show the core's figures (dashboardFigures), cell by cell.
import type { CellValue } from 'hyperformula';
import { addDays } from '../../src/ledger/dates';
import { rollUpAll } from '../../src/ledger/rollup';
import { dashboardFigures } from '../../src/ledger/stats/dashboard-figures';
import { EMPTY_ROUND, UNMARKED, type IsoDate, type Ledger, type MeasureRow, type ProblemRow } from '../../src/ledger/types';
import { dashboardPlan, dashboardSlots, overflowWarning, type DashboardSlots } from '../../src/workbook/dashboard';
import { M, P } from '../../src/workbook/dashboardFormulas';
import { dashboardExpected } from '../../src/workbook/dashboardValues';
import { generateLedger, GENERATED_TODAY, sampleLedger } from '../../src/workbook/sample';
import { evaluateLayout, translateFormula } from '../support/hyperformula';
import { oddIdLedger } from '../support/oddIds';
import { longRunLedger, outOfOrderLedger } from '../support/orders';
import { createMemoryStore } from '../../src/workbook/memoryStore';

const AS_OF = '2026-11-22';

const withAsOf = (ledger: Ledger, asOf: IsoDate): Ledger => ({ ...ledger, round: { ...ledger.round, asOf } });

/** The sample with blank 问题类别 / 责任单位 on some rows (a hand-filled ledger). */
function withBlanks(): Ledger {
  const l = sampleLedger(AS_OF);
  return rollUpAll({
    ...l,
    problems: l.problems.map((p, i) => (i % 4 === 1 ? { ...p, category: '' } : p)),
    measures: l.measures.map((m, i) => (i % 5 === 2 ? { ...m, unit: '' } : m)),
  });
}

/**
 * Deadlines on the edges of 逾期 and 临期, 未标注, and names a COUNTIF criterion would misread
 * (operators, wildcards), on the sample's measures. (A value with * or ? listed after one it
 * matches as a pattern, 县?局 after 县甲局, is a known gap: Excel's MATCH would take it as seen.)
 */
function edges(): Ledger {
  const l = sampleLedger(AS_OF);
  const deadlines = [addDays(AS_OF, -1), AS_OF, addDays(AS_OF, 7), addDays(AS_OF, 8), null];
  const oddUnits: Record<number, string> = { 6: '=1+1', 7: '<待定>', 8: '县*局', 9: '县甲局' };
  return rollUpAll({
    ...l,
    problems: l.problems.map((p, i) => (i === 2 ? { ...p, category: '>其他' } : p)),
    measures: l.measures.map((m, i) => {
      if (i >= 10) return m;
      const status = i % 3 === 0 ? UNMARKED : i === 4 ? '已完成' : m.status;
      const doneDate = status === '已完成' ? AS_OF : null;
      return { ...m, status, doneDate, deadline: deadlines[i % 5], longTerm: i % 5 === 4, unit: oddUnits[i] ?? m.unit };
    }),
  });
}

/** More 问题类别 and 责任单位 than the lists have rows. */
function manyValues(): Ledger {
  const l = sampleLedger(AS_OF);
  return { ...l, problems: l.problems.map((p, i) => ({ ...p, category: `方面${i % 6}` })), measures: l.measures.map((m, i) => ({ ...m, unit: `单位${i % 9}` })) };
}

const empty: Ledger = { round: { ...EMPTY_ROUND }, problems: [], measures: [] };

const measureOf = (l: Ledger, id: string) => l.measures.find((m) => m.id === id)!;

/**
 * Stored 问题状态 / 长期坚持 that no longer agree with the measures, as cells edited without the
 * add-in leave them (the sample is rolled up; only measures change here, and problems are added):
 * P004 stays 已完成 though P004-M02 is reopened; P011 stays 正在推进 though both its measures are now
 * 已完成; P005 stays 长期坚持 though its 长期坚持 measure no longer is; P011 stays 否 though a measure
 * now is. P013 and P014 have no measures (P013, without 问题类别, stored 已完成 and 长期坚持: its flag
 * counts, its status does not). Rows with a blank 措施编号 are not measures: the open, 长期坚持 one under P006
 * (all done, not 长期坚持) and the done one under P014 change nothing.
 */
function stale(): Ledger {
  const l = sampleLedger(AS_OF);
  const edits: Record<string, Partial<MeasureRow>> = {
    'P004-M02': { status: '正在推进', doneDate: null },
    'P011-M01': { status: '已完成', doneDate: AS_OF },
    'P005-M02': { longTerm: false },
    'P011-M02': { longTerm: true },
  };
  const lastProblem = l.problems[l.problems.length - 1];
  const bare = (id: string, status: ProblemRow['status'], longTerm: boolean): ProblemRow => ({ ...lastProblem, id, status, longTerm });
  const noId = (problemId: string, status: MeasureRow['status'], longTerm: boolean): MeasureRow => ({ ...measureOf(l, 'P006-M01'), id: '', problemId, status, longTerm });
  return {
    ...l,
    problems: [...l.problems, { ...bare('P013', '已完成', true), category: '' }, bare('P014', UNMARKED, false)],
    measures: [...l.measures.map((m) => ({ ...m, ...edits[m.id] })), noId('P006', '正在推进', true), noId('P014', '已完成', true)],
  };
}

const oddIds = () => oddIdLedger(AS_OF);

/** The ledger as the add-in reads the tables: a row without a 编号 is not an item (excelLedger.ts). */
const asRead = (l: Ledger): Ledger => ({ ...l, problems: l.problems.filter((p) => p.id !== ''), measures: l.measures.filter((m) => m.id !== '') });

const cases: [string, Ledger, IsoDate, DashboardSlots | null][] = [
  ['the sample ledger', sampleLedger(AS_OF), AS_OF, null],
  ['the sample ledger a month later', sampleLedger(AS_OF), addDays(AS_OF, 30), null],
  ['an empty ledger', empty, AS_OF, null],
  ['blank 问题类别 and 责任单位', withBlanks(), AS_OF, null],
  ['deadlines on the edges of 逾期 and 临期, 未标注, text like a formula', edges(), AS_OF, null],
  ['more values than list rows', manyValues(), AS_OF, { categories: 4, units: 5 }],
  ['stale stored 问题状态 and 长期坚持, problems without measures, measures without 措施编号', stale(), AS_OF, null],
  ['stale problem figures when the 问题类别 list overflows', stale(), AS_OF, { categories: 2, units: 3 }],
  ['问题编号 a criterion would misread', oddIds(), AS_OF, null],
  ['a generated ledger of 400 measures', generateLedger(400, 7), GENERATED_TODAY, null],
  ['measures added later at the bottom, problems out of ID order', outOfOrderLedger(AS_OF), AS_OF, null],
  ['a problem with more measures than the flags read directly', longRunLedger(AS_OF), AS_OF, null],
];

function same(actual: CellValue, expected: string | number): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 1e-12;
  return actual === expected;
}

describe('整改统计 evaluated by HyperFormula equals the core', () => {
  test.each(cases)('%s', (_, base, asOf, slotsOverride) => {
    const ledger = withAsOf(base, asOf);
    const slots = slotsOverride ?? dashboardSlots(ledger);
    const { layout } = dashboardPlan(slots);
    const expected = dashboardExpected(asRead(ledger), asOf, slots);
    // Every formula on the sheet has an expected value.
    const formulas = layout.cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('='));
    expect(formulas.filter((c) => !expected.has(c.address)).map((c) => c.address)).toEqual([]);

    const book = evaluateLayout(ledger, layout);
    try {
      const wrong = [...expected].map(([address, value]) => ({ address, expected: value, actual: book.value(address) })).filter((x) => !same(x.actual, x.expected));
      expect(wrong).toEqual([]);
    } finally {
      book.destroy();
    }
  });

  test.each([
    ['a generated ledger', '是', withAsOf(generateLedger(400, 7), GENERATED_TODAY)],
    ['the long run', '是', withAsOf(longRunLedger(AS_OF), AS_OF)],
    ['measures out of order', '否', withAsOf(outOfOrderLedger(AS_OF), AS_OF)],
  ])('%s takes the path it is meant to: 措施有序 is %s', (_, sorted, ledger) => {
    const book = evaluateLayout(ledger, dashboardPlan(dashboardSlots(ledger)).layout);
    try {
      expect(book.tableValue('ZG_Problems', '措施有序', 1)).toBe(sorted);
      // In order, every measure found its problem by binary search on rows in ID order, except where
      // problems are out of ID order (outOfOrderLedger swaps two); the exact MATCH catches those.
      const rows = ledger.measures.map((m, i) => book.tableValue('ZG_Measures', '所属问题序号', i + 1));
      const want = ledger.measures.map((m) => (m.id === '' ? '' : ledger.problems.findIndex((p) => p.id === m.problemId) + 1));
      expect(rows).toEqual(want);
    } finally {
      book.destroy();
    }
  });

  test('a measure the add-in adds to the first problem keeps the table on the fast path (措施有序 是)', async () => {
    const store = createMemoryStore(sampleLedger(AS_OF), { now: () => new Date(2026, 10, 22, 9, 30) });
    const first = (await store.load()).problems[0].id;
    await store.addMeasures(first, [{ ...(await store.load()).measures[0], text: '新增措施', status: '正在推进' }]);
    const ledger = withAsOf(await store.load(), AS_OF);
    const book = evaluateLayout(ledger, dashboardPlan(dashboardSlots(ledger)).layout);
    try {
      expect(book.tableValue('ZG_Problems', '措施有序', 1)).toBe('是');
    } finally {
      book.destroy();
    }
  });

  test('the cases reach what they are meant to: overflow warnings, blanks, 临期 and 逾期', () => {
    const slots = { categories: 4, units: 5 };
    const overflow = dashboardExpected(withAsOf(manyValues(), AS_OF), AS_OF, slots);
    const { cells } = dashboardPlan(slots);
    expect(overflow.get(cells.categories.check)).toBe(overflowWarning('类别', 4));
    expect(overflow.get(cells.units.check)).toBe(overflowWarning('责任单位', 5));
    const blanks = withBlanks();
    const blankCells = dashboardPlan(dashboardSlots(blanks)).cells;
    const b = dashboardExpected(withAsOf(blanks, AS_OF), AS_OF, dashboardSlots(blanks));
    expect(b.get(blankCells.categories.blank.values[0])).toBeGreaterThan(0);
    expect(b.get(blankCells.units.blank.values[0])).toBeGreaterThan(0);
    const e = dashboardExpected(withAsOf(edges(), AS_OF), AS_OF, dashboardSlots(edges()));
    const totals = dashboardPlan(dashboardSlots(edges())).cells.totals;
    expect(e.get(totals.dueSoon)).toBeGreaterThanOrEqual(2);
    expect(e.get(totals.overdue)).toBeGreaterThanOrEqual(1);
  });

  test('the stale case is stale: the stored columns give other problem figures than the core', () => {
    const l = stale();
    const core = dashboardFigures(asRead(l), AS_OF);
    const stored = l.problems.filter((p) => p.status === '已完成').length;
    const storedLongTerm = l.problems.filter((p) => p.longTerm).length;
    // Stored 已完成: P001 P004 P006 P009 P013; done: P001 P006 P009 P011.
    expect([stored, core.problemsDone]).toEqual([5, 4]);
    expect([storedLongTerm, core.problemsLongTerm]).toEqual([8, 8]);
    // The same total, but other problems: P005 (stored) is not 长期坚持, P011 (not stored) is.
    const rolled = new Map(rollUpAll(asRead(l)).problems.map((p) => [p.id, p]));
    expect(['P004', 'P005', 'P011', 'P013', 'P014'].map((id) => [rolled.get(id)!.status, rolled.get(id)!.longTerm])).toEqual([
      ['正在推进', true], ['基本完成', false], ['已完成', true], [UNMARKED, true], [UNMARKED, false],
    ]);
    expect(core.byCategory.map((c) => [c.done, c.longTerm])).not.toEqual(
      core.byCategory.map((c) => {
        const inCategory = l.problems.filter((p) => p.category === c.category);
        return [inCategory.filter((p) => p.status === '已完成').length, inCategory.filter((p) => p.longTerm).length];
      }),
    );
  });

  test('a wrong formula is caught: the comparison is not vacuous', () => {
    const ledger = withAsOf(sampleLedger(AS_OF), AS_OF);
    const slots = dashboardSlots(ledger);
    const { layout, cells } = dashboardPlan(slots);
    // 临期 off by one day at the far edge (< instead of ≤) must change the figure of the edge case.
    const edgy = withAsOf(edges(), AS_OF);
    const broken = { ...layout, cells: layout.cells.map((c) => (c.address === cells.totals.dueSoon ? { ...c, value: String(c.value).replace('"<="&', '"<"&') } : c)) };
    const book = evaluateLayout(edgy, broken);
    try {
      expect(book.value(cells.totals.dueSoon)).not.toBe(dashboardExpected(edgy, AS_OF, slots).get(cells.totals.dueSoon));
    } finally {
      book.destroy();
    }
    // Without the array flag the label formula is not evaluated as an array (as in Excel 2010).
    const label = cells.categories.slots[0].label;
    const noArray = { ...layout, cells: layout.cells.map((c) => (c.address === label ? { ...c, array: false } : c)) };
    const book2 = evaluateLayout(ledger, noArray);
    try {
      expect(book2.value(label)).not.toBe(ledger.problems[0].category);
    } finally {
      book2.destroy();
    }
  });

  test('问题编号 as COUNTIFS criteria would be misread: why the sheet links problems by a match key', () => {
    const ledger = withAsOf(oddIds(), AS_OF);
    const slots = dashboardSlots(ledger);
    const { layout, cells } = dashboardPlan(slots);
    const want = dashboardExpected(ledger, AS_OF, slots).get(cells.totals.problemsDone);
    const byCriteria = (ids: string) =>
      `SUMPRODUCT((${P.id}<>"")*(COUNTIFS(${M.problemId},${ids},${M.id},"<>")>0)*(COUNTIFS(${M.problemId},${ids},${M.id},"<>",${M.status},"<>已完成")=0))`;
    const withFormula = (formula: string) => ({ ...layout, cells: layout.cells.map((c) => (c.address === cells.totals.problemsDone ? { ...c, value: `=${formula}` } : c)) });
    const book = evaluateLayout(ledger, withFormula(byCriteria(`${P.id}&""`)));
    try {
      // “P*1” also matches the open measures of “P?1”.
      expect(book.value(cells.totals.problemsDone)).not.toEqual(want);
    } finally {
      book.destroy();
    }
    const book2 = evaluateLayout(ledger, withFormula(byCriteria(`"="&${P.id}`)));
    try {
      // Even with an explicit “=”, HyperFormula rejects “==1”, and Excel reads “=01” as the number 1.
      expect(book2.value(cells.totals.problemsDone)).not.toEqual(want);
    } finally {
      book2.destroy();
    }
  });
});

describe('translateFormula', () => {
  const tables = new Map([['ZG_Measures', { sheet: '整改台账', columns: new Map([['截止日期', 'I'], ['整改状态', 'J']]), firstRow: 2, lastRow: 9 }]]);

  test.each([
    ['COUNTIFS(ZG_Measures[整改状态],"已完成")', "COUNTIFS('整改台账'!$J$2:$J$9,\"已完成\")"],
    ['IF(ZG_Measures[[#This Row],[截止日期]]="","",1)', 'IF($I5="","",1)'],
    ['IF(A1="[x]","ZG_Measures[整改状态]",ZG_AsOf)', 'IF(A1="[x]","ZG_Measures[整改状态]",ZG_AsOf)'],
    ['ROW()-ROW(ZG_Measures[[#Headers],[整改状态]])', "ROW()-ROW('整改台账'!$J$1)"],
  ])('%s', (formula, expected) => {
    expect(translateFormula(formula, tables, 5)).toBe(expected);
  });

  test.each([['ZG_Measures[#All]'], ['ZG_Other[整改状态]'], ['ZG_Measures[#Headers]'], ['ZG_Measures[[#Totals],[整改状态]]'], ['ZG_Measures[不存在]']])('refuses %s', (formula) => {
    expect(() => translateFormula(formula, tables, 5)).toThrow();
  });
});
