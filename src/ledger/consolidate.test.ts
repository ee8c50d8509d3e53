import {
  extraColumnsOf, foreignReplacements, mergeSummary, NO_EXTRA_COLUMNS, replacementsToConfirm, summarySources, placeExtraColumns, summaryFigures, summaryRowKey, summaryRows, summaryUnits, unitKey, type SummaryRow,
} from './consolidate';
import { dashboardFigures } from './stats/dashboard-figures';
import type { UnitLedger } from './store';
import { EMPTY_ROUND, UNMARKED, type IsoDate, type Ledger, type MeasureRow, type ProblemRow, type StatusOrUnmarked } from './types';

const AT = '2026-03-15 09:30:00';
const AS_OF = '2026-03-15';

function problem(id: string, extra: Partial<ProblemRow> = {}): ProblemRow {
  return {
    id, sourceNumber: '', category: '方面一', description: `问题${id}`, source: '', leader: '', leadUnit: '', status: UNMARKED,
    longTerm: false, closeState: '未申请', closeDate: null, note: '', ...extra,
  };
}

function measure(id: string, problemId: string, status: StatusOrUnmarked, deadline: IsoDate | null, extra: Partial<MeasureRow> = {}): MeasureRow {
  return {
    id, problemId, text: `措施${id}`, leader: '', unit: '办公室', coUnits: '', owner: '张三', deadlineText: deadline ?? '长期坚持', deadline, status,
    longTerm: false, doneDate: status === '已完成' ? '2026-03-01' : null, progress: '', evidence: '', closeState: '未申请', closeDate: null, note: '',
    ...extra,
  };
}

function unit(name: string, fileName: string, problems: ProblemRow[], measures: MeasureRow[]): UnitLedger {
  const ledger: Ledger = { round: { ...EMPTY_ROUND, org: name }, problems, measures };
  return { unit: name, fileName, ledger };
}

// Unit A: P001 (done, 2 measures), P002 (one overdue, one due in 3 days), P003 (no measures), P004 (long-term).
const A = unit('中共清源县卫生健康委员会党组', 'A.xlsx',
  [problem('P001'), problem('P002'), problem('P003'), problem('P004')],
  [
    measure('P001-M01', 'P001', '已完成', '2026-03-10'),
    measure('P001-M02', 'P001', '已完成', null, { longTerm: false }),
    measure('P002-M01', 'P002', '正在推进', '2026-03-01'),
    measure('P002-M02', 'P002', '未启动', '2026-03-18'),
    measure('P004-M01', 'P004', '正在推进', null, { longTerm: true }),
  ]);
// Unit B, the same problem numbers as A (every unit has its own P001).
const B = unit('清源县教育局党组', 'B.xlsx',
  [problem('P001'), problem('P002')],
  [measure('P001-M01', 'P001', '已完成', '2026-02-01'), measure('P002-M01', 'P002', '基本完成', '2026-03-22')]);
// B sent again: one more measure done.
const B2 = unit(' 清源县教育局党组 ', 'B-第二版.xlsx',
  [problem('P001'), problem('P002')],
  [measure('P001-M01', 'P001', '已完成', '2026-02-01'), measure('P002-M01', 'P002', '已完成', '2026-03-22')]);

describe('summaryRows', () => {
  const rows = summaryRows(A, AT);

  test('one row per measure, one row for a problem without measures', () => {
    expect(rows.map((r) => [r.problemId, r.measureId])).toEqual([
      ['P001', 'P001-M01'], ['P001', 'P001-M02'], ['P002', 'P002-M01'], ['P002', 'P002-M02'], ['P003', ''], ['P004', 'P004-M01'],
    ]);
  });

  test('计入问题数 is 1 on exactly one row per problem', () => {
    expect(rows.map((r) => r.countsProblem)).toEqual([1, 0, 1, 0, 1, 1]);
  });

  test('problem fields are rolled up and repeated on each of its rows', () => {
    expect(rows.map((r) => [r.problemStatus, r.problemLongTerm])).toEqual([
      ['已完成', false], ['已完成', false], ['正在推进', false], ['正在推进', false], [UNMARKED, false], ['正在推进', true],
    ]);
  });

  test('a problem without measures has blank measure fields', () => {
    const blank = rows[4];
    expect(blank).toMatchObject({ measureId: '', measureText: '', deadline: null, measureStatus: '', measureLongTerm: null, doneDate: null, closeState: '' });
  });

  test('every row carries 来源单位, 来源文件 and 导入时间', () => {
    for (const r of rows) expect([r.sourceUnit, r.sourceFile, r.importedAt]).toEqual([A.unit, 'A.xlsx', AT]);
    expect(summaryRows(B2, AT)[0].sourceUnit).toBe('清源县教育局党组');
  });

  test('a measure whose problem is missing keeps a row, counting no problem', () => {
    const odd = unit('X', 'x.xlsx', [problem('P001')], [measure('P009-M01', 'P009', '未启动', '2026-04-01')]);
    const r = summaryRows(odd, AT);
    expect(r.map((x) => [x.problemId, x.measureId, x.countsProblem, x.problemStatus])).toEqual([['P001', '', 1, UNMARKED], ['P009', 'P009-M01', 0, '']]);
  });

  test('a problem number given twice: its measures appear once', () => {
    const dup = unit('X', 'x.xlsx', [problem('P001'), problem('P001')], [measure('P001-M01', 'P001', '未启动', '2026-04-01')]);
    expect(summaryRows(dup, AT).map((x) => [x.measureId, x.countsProblem])).toEqual([['P001-M01', 1], ['', 1]]);
  });
});

describe('unitKey', () => {
  test.each([
    ['中共清源县卫生健康委员会党组', ' 中共清源县卫生健康委员会党组　'],
    ['清源县（教育局）', '清源县　（教育局）'],
    ['清源县(教育局)', '清源县（教育局）'],
    ['中共 清源县 教育局', '中共清源县教育局'],
    ['ABC公司', 'ａｂｃ公司'],
  ])('%s ≡ %s', (a, b) => expect(unitKey(a)).toBe(unitKey(b)));

  test.each([['清源县教育局', '清源县卫健委'], ['第一党支部', '第二党支部']])('%s ≢ %s', (a, b) => expect(unitKey(a)).not.toBe(unitKey(b)));
});

describe('mergeSummary', () => {
  const units = (rows: readonly SummaryRow[]) => summaryUnits(rows);
  const files = (rows: readonly SummaryRow[]) => [...new Set(rows.map((r) => r.sourceFile))];

  test.each<{ name: string; existing: UnitLedger[]; incoming: UnitLedger[]; units: string[]; files: string[]; outcomes: [string, string, string | null][] }>([
    {
      name: 'two new units are added in order',
      existing: [], incoming: [A, B],
      units: [A.unit, B.unit], files: ['A.xlsx', 'B.xlsx'],
      outcomes: [['A.xlsx', 'added', null], ['B.xlsx', 'added', null]],
    },
    {
      name: 'a unit imported again replaces its rows and keeps its place',
      existing: [B, A], incoming: [B2],
      units: ['清源县教育局党组', A.unit], files: ['B-第二版.xlsx', 'A.xlsx'],
      outcomes: [['B-第二版.xlsx', 'replaced', 'B.xlsx']],
    },
    {
      name: 'two files of one unit in one batch: the later wins',
      existing: [], incoming: [B, A, B2],
      units: ['清源县教育局党组', A.unit], files: ['B-第二版.xlsx', 'A.xlsx'],
      outcomes: [['B.xlsx', 'added', null], ['A.xlsx', 'added', null], ['B-第二版.xlsx', 'replaced', 'B.xlsx']],
    },
    {
      name: 'the same unit spelled with full-width brackets and spaces is the same unit',
      existing: [unit('清源县(教育局)党组', 'old.xlsx', [problem('P001')], [])], incoming: [unit('清源县（教育局） 党组', 'new.xlsx', [problem('P001'), problem('P002')], [])],
      units: ['清源县（教育局） 党组'], files: ['new.xlsx'],
      outcomes: [['new.xlsx', 'replaced', 'old.xlsx']],
    },
  ])('$name', (c) => {
    const existing = mergeSummary([], c.existing, '2026-01-01 08:00:00').rows;
    const { rows, report } = mergeSummary(existing, c.incoming, AT);
    expect(units(rows)).toEqual(c.units);
    expect(files(rows)).toEqual(c.files);
    expect(report.map((r) => [r.fileName, r.outcome, r.replacedFile])).toEqual(c.outcomes);
  });

  test('replacing never duplicates: the rows are exactly the latest file of each unit', () => {
    const once = mergeSummary([], [A, B], AT).rows;
    const twice = mergeSummary(once, [B2, A], '2026-03-16 10:00:00').rows;
    expect(twice).toEqual(mergeSummary([], [A, B2], '2026-03-16 10:00:00').rows);
    expect(twice.filter((r) => r.sourceUnit === A.unit)).toHaveLength(summaryRows(A, AT).length);
  });

  test('the report counts each file’s problems and measures', () => {
    const { report } = mergeSummary([], [A], AT);
    expect(report[0]).toMatchObject({ unit: A.unit, problems: 4, measures: 5 });
  });
});

describe('replacementsToConfirm: who would replace whom, before anything is written', () => {
  const rowsOfA = summaryRows(A, AT).length;
  const existing = summarySources(mergeSummary([], [A], AT).rows);
  const renamed = (u: UnitLedger, name: string, fileName: string) => ({ ...u, unit: name, fileName });
  test.each([
    ['a new unit', [renamed(A, '乙局', '乙局.xlsx')], []],
    ['the same file sent again (the ordinary update)', [A], []],
    ['another file naming the same unit (copied without changing 被巡察单位)', [renamed(A, ` ${A.unit} `, '甲局.xlsx')],
      [{ index: 0, fileName: '甲局.xlsx', unit: A.unit, replacedFile: 'A.xlsx', rows: rowsOfA, inBatch: false }]],
    ['two files of one new unit in one batch: the later one replaces the earlier', [renamed(A, '乙局', '乙1.xlsx'), renamed(A, '乙局', '乙2.xlsx')],
      [{ index: 1, fileName: '乙2.xlsx', unit: '乙局', replacedFile: '乙1.xlsx', rows: rowsOfA, inBatch: true }]],
  ])('%s', (_, incoming, expected) => expect(replacementsToConfirm(existing, incoming)).toEqual(expected));

  test('lists exactly the files foreignReplacements reports after the merge', () => {
    const batches: UnitLedger[][] = [
      [A, renamed(A, A.unit, 'B.xlsx'), renamed(A, '乙局', 'A.xlsx'), renamed(A, '乙局', 'C.xlsx'), A],
      [renamed(A, A.unit.toUpperCase(), 'x.xlsx')],
    ];
    for (const incoming of batches) {
      const before = mergeSummary([], [A], AT).rows;
      const merged = mergeSummary(before, incoming, AT);
      expect(replacementsToConfirm(summarySources(before), incoming).map((p) => [p.fileName, p.replacedFile])).toEqual(
        foreignReplacements(merged.report).map((r) => [r.fileName, r.replacedFile]),
      );
    }
  });

  test('summarySources: each unit with its file and rows, in table order', () => {
    const rows = mergeSummary([], [A, renamed(A, '乙局', '乙局.xlsx')], AT).rows;
    expect(summarySources(rows)).toEqual([
      { unit: A.unit, fileName: 'A.xlsx', rows: rowsOfA },
      { unit: '乙局', fileName: '乙局.xlsx', rows: rowsOfA },
    ]);
  });
});

describe('extra columns (a 核查意见 the 巡察办 added) across a re-import', () => {
  const once = mergeSummary([], [A, B], '2026-01-01 08:00:00').rows;
  // A note on every row: the row's own key, so where a note lands shows where it came from.
  const notes = once.map((r) => [`核查：${r.sourceUnit}/${r.problemId}/${r.measureId}`, r.measureId === '' ? 0 : 1]);
  const extra = extraColumnsOf(['核查意见', '分值'], once, notes);

  test('a unit imported again: its measures still there keep their notes; the other unit keeps its own', () => {
    // B2: the same problems and measures, spelled with spaces around the unit name.
    const twice = mergeSummary(once, [B2], AT).rows;
    const placed = placeExtraColumns(extra, twice);
    expect(placed).toEqual(twice.map((r) => [`核查：${r.sourceUnit}/${r.problemId}/${r.measureId}`, r.measureId === '' ? 0 : 1]));
  });

  test('a measure the new ledger no longer has takes its note with it; a new measure has none', () => {
    const shrunk = unit(B.unit, 'B3.xlsx', [problem('P001'), problem('P002')], [measure('P001-M01', 'P001', '已完成', '2026-02-01'), measure('P002-M09', 'P002', '未启动', null)]);
    const rows = mergeSummary(once, [shrunk], AT).rows;
    const placed = placeExtraColumns(extra, rows);
    const ofB = rows.map((r, i) => [r.sourceUnit, r.measureId, placed[i]?.[0] ?? null]).filter(([u]) => u === B.unit);
    expect(ofB).toEqual([[B.unit, 'P001-M01', `核查：${B.unit}/P001/P001-M01`], [B.unit, 'P002-M09', null]]);
    expect(placed.flat().filter((v) => v === `核查：${B.unit}/P002/P002-M01`)).toEqual([]);
  });

  test('rows sharing a key (a problem number given twice, no measures) get their values in table order', () => {
    const dup = mergeSummary([], [unit('X', 'x.xlsx', [problem('P001'), problem('P001')], [])], AT).rows;
    expect(summaryRowKey(dup[0])).toBe(summaryRowKey(dup[1]));
    const kept = extraColumnsOf(['核查意见'], dup, [['第一'], ['第二']]);
    expect(placeExtraColumns(kept, mergeSummary(dup, [unit('X', 'x2.xlsx', [problem('P001'), problem('P001')], [])], AT).rows)).toEqual([['第一'], ['第二']]);
    expect(placeExtraColumns(kept, mergeSummary(dup, [unit('X', 'x3.xlsx', [problem('P001')], [])], AT).rows)).toEqual([['第一']]);
  });

  test('the key: one unit however spelled (unitKey), different problems or measures apart', () => {
    const row = { sourceUnit: '清源县(教育局)', problemId: 'P001', measureId: 'P001-M01' };
    expect(summaryRowKey({ ...row, sourceUnit: ' 清源县（教育局）' })).toBe(summaryRowKey(row));
    expect(summaryRowKey({ ...row, measureId: 'P001-M02' })).not.toBe(summaryRowKey(row));
    expect(summaryRowKey({ ...row, problemId: 'P002' })).not.toBe(summaryRowKey(row));
    // A separator inside a name cannot make two keys equal.
    expect(summaryRowKey({ sourceUnit: 'a","b', problemId: '', measureId: '' })).not.toBe(summaryRowKey({ sourceUnit: 'a', problemId: 'b', measureId: '' }));
  });

  test('no extra columns: nothing to place', () => {
    expect(placeExtraColumns(NO_EXTRA_COLUMNS, once)).toEqual(once.map(() => null));
    expect(() => extraColumnsOf(['核查意见'], once, [])).toThrow();
  });
});

describe('summaryFigures', () => {
  test('two units, one imported twice: per unit and in total', () => {
    const { rows } = mergeSummary(mergeSummary([], [A, B], AT).rows, [B2], AT);
    const f = summaryFigures(rows, AS_OF);
    expect(f.units.map((u) => u.unit)).toEqual([A.unit, '清源县教育局党组']);
    // A: 4 problems, P001 done; P004 long-term; 5 measures, 2 done; P002-M01 overdue; P002-M02 due in 3 days.
    expect(f.units[0].figures).toEqual({
      problems: 4, problemsDone: 1, problemRate: 0.25, measures: 5, measuresDone: 2, measureRate: 0.4,
      overdue: 1, dueSoon: 1, problemsLongTerm: 1, longTermShare: 0.25,
    });
    // B as sent the second time: everything done, nothing overdue or due soon.
    expect(f.units[1].figures).toEqual({
      problems: 2, problemsDone: 2, problemRate: 1, measures: 2, measuresDone: 2, measureRate: 1,
      overdue: 0, dueSoon: 0, problemsLongTerm: 0, longTermShare: 0,
    });
    expect(f.total).toEqual({
      problems: 6, problemsDone: 3, problemRate: 0.5, measures: 7, measuresDone: 4, measureRate: 4 / 7,
      overdue: 1, dueSoon: 1, problemsLongTerm: 1, longTermShare: 1 / 6,
    });
  });

  test('each unit’s figures equal the 整改统计 figures of its own ledger', () => {
    const rows = mergeSummary([], [A, B], AT).rows;
    const f = summaryFigures(rows, AS_OF);
    [A, B].forEach((u, i) => {
      const d = dashboardFigures(u.ledger, AS_OF);
      expect(f.units[i].figures).toEqual({
        problems: d.problems, problemsDone: d.problemsDone, problemRate: d.problemRate, measures: d.measures, measuresDone: d.measuresDone,
        measureRate: d.measureRate, overdue: d.overdue, dueSoon: d.dueSoon, problemsLongTerm: d.problemsLongTerm, longTermShare: d.longTermShare,
      });
    });
  });

  test('an empty table has no units and blank rates', () => {
    expect(summaryFigures([], AS_OF)).toEqual({
      units: [],
      total: { problems: 0, problemsDone: 0, problemRate: null, measures: 0, measuresDone: 0, measureRate: null, overdue: 0, dueSoon: 0, problemsLongTerm: 0, longTermShare: null },
    });
  });
});
