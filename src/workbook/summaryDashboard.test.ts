// The 汇总统计 formulas evaluated by a real formula engine (HyperFormula) over 汇总 rows, against the
// core's summaryFigures: the numbers a 巡察办 sees in Excel/WPS/LibreOffice are the core's numbers.
import { HyperFormula, type CellValue, type RawCellContent } from 'hyperformula';
import { mergeSummary, summaryFigures, summaryUnits, type SummaryFigures, type SummaryRow } from '../ledger/consolidate';
import { isoToSerial } from '../ledger/dates';
import type { UnitLedger } from '../ledger/store';
import { generateLedger, sampleLedger } from './sample';
import { SUMMARY, columnLetter } from './schema';
import { summaryDashboardLayout, summaryDashboardPlan, SUMMARY_AS_OF_INPUT, SUMMARY_CHART_ID, type FigureKey } from './summaryDashboard';
import { tableBody, type BodyCell } from './xlsxWriter';
import { translateFormula } from '../../test/support/hyperformula';

type Evaluated = { value: (address: string) => CellValue; destroy: () => void };

/** 汇总 (the table as the writer writes it) and 汇总统计 in HyperFormula, with 统计截止日期 typed in. */
function evaluate(rows: readonly SummaryRow[], asOf: string | null, units: readonly string[] = summaryUnits(rows)): Evaluated {
  const plan = summaryDashboardPlan(units);
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const table = hf.getSheetId(hf.addSheet(SUMMARY.sheet))!;
  const sheet = hf.getSheetId(hf.addSheet(plan.layout.sheet))!;
  const body = tableBody(SUMMARY, rows as unknown as Record<keyof SummaryRow, unknown>[]);
  const tables = new Map([[SUMMARY.table, {
    sheet: SUMMARY.sheet, columns: new Map(SUMMARY.columns.map((c, i) => [c.header, columnLetter(i)])), firstRow: 2, lastRow: body.length + 1,
  }]]);
  const raw = (cell: BodyCell): RawCellContent => (cell === null ? null : typeof cell === 'string' ? `'${cell}` : (cell as number));
  hf.batch(() => {
    hf.setCellContents({ sheet: table, row: 0, col: 0 }, [SUMMARY.columns.map((c) => `'${c.header}`), ...body.map((r) => r.map(raw))]);
    for (const cell of plan.layout.cells) {
      const at = hf.simpleCellAddressFromString(cell.address, sheet)!;
      const v = cell.value;
      // A text cell is a constant even when it starts with '=' (a unit called “=1+1”); an array cell
      // ({=…} in the file) is HyperFormula's ARRAYFORMULA, as in test/support/hyperformula.
      const formula = typeof v === 'string' && v.startsWith('=') && !cell.text ? translateFormula(v.slice(1), tables, at.row + 1) : null;
      hf.setCellContents(at, [[formula === null ? (typeof v === 'string' ? `'${v}` : v) : cell.array ? `=ARRAYFORMULA(${formula})` : `=${formula}`]]);
    }
    if (asOf !== null) hf.setCellContents(hf.simpleCellAddressFromString(SUMMARY_AS_OF_INPUT, sheet)!, [[isoToSerial(asOf)]]);
  });
  return { value: (address) => hf.getCellValue(hf.simpleCellAddressFromString(address, sheet)!), destroy: () => hf.destroy() };
}

const KEYS: (keyof SummaryFigures)[] = ['problems', 'problemsDone', 'problemRate', 'measures', 'measuresDone', 'measureRate', 'overdue', 'dueSoon', 'problemsLongTerm', 'longTermShare'];

function expectFigures(wb: Evaluated, cells: Record<FigureKey, string>, figures: SummaryFigures, where: string): void {
  for (const key of KEYS) {
    const got = wb.value(cells[key]);
    const want = figures[key];
    if (want === null) expect({ where, key, got }).toEqual({ where, key, got: '' });
    else {
      expect(typeof got).toBe('number');
      // HyperFormula rounds what it returns (0.33333333333): rates agree to 1e-9, counts exactly.
      const close = Math.abs((got as number) - want) < 1e-9;
      expect({ where, key, got: close ? want : got }).toEqual({ where, key, got: want });
    }
  }
  expect(wb.value(cells.measuresOpen)).toBe(figures.measures - figures.measuresDone);
}

const AT = '2026-03-15 09:30:00';
const unit = (name: string, fileName: string, ledger: UnitLedger['ledger']): UnitLedger => ({ unit: name, fileName, ledger });
const sample = sampleLedger('2026-03-15');
// The edges of 逾期 and 临期 on 2026-03-15: due yesterday, today, in 7 and in 8 days; done; 未标注; long-term.
const edges: UnitLedger['ledger'] = {
  round: { ...sample.round, org: '边界单位' },
  problems: [{ ...sample.problems[0], id: 'P001' }, { ...sample.problems[0], id: 'P002' }],
  measures: (
    [['2026-03-14', '正在推进'], ['2026-03-15', '未启动'], ['2026-03-22', '基本完成'], ['2026-03-23', '正在推进'], ['2026-03-10', '已完成'], ['2026-03-16', '未标注'], [null, '正在推进']] as const
  ).map(([deadline, status], i) => ({
    ...sample.measures[0], id: `P00${1 + (i % 2)}-M0${i}`, problemId: `P00${1 + (i % 2)}`, deadline, status, longTerm: deadline === null,
    doneDate: status === '已完成' ? '2026-03-09' : null,
  })),
};
// Four units; the second is imported again with a different ledger (it must replace, not add).
const first = [
  unit('清源县卫生健康委员会党组', '卫健委.xlsx', sample),
  unit('清源县教育局党组', '教育局.xlsx', generateLedger(40, 7)),
  unit('清源县人民医院党委', '医院.xlsx', generateLedger(25, 11)),
  unit('边界单位', '边界.xlsx', edges),
];
const again = [unit('清源县教育局党组', '教育局（修改）.xlsx', generateLedger(30, 8))];
const rows = mergeSummary(mergeSummary([], first, AT).rows, again, AT).rows;

describe('汇总统计 formulas in HyperFormula equal summaryFigures', () => {
  test.each(['2026-03-15', '2026-11-22', '2026-07-01', '2025-01-01'])('as of %s', (asOf) => {
    const wb = evaluate(rows, asOf);
    try {
      const plan = summaryDashboardPlan(summaryUnits(rows));
      const figures = summaryFigures(rows, asOf);
      expect(figures.units.map((u) => u.unit)).toEqual(['清源县卫生健康委员会党组', '清源县教育局党组', '清源县人民医院党委', '边界单位']);
      expect(figures.total.measures).toBe(sample.measures.length + 30 + 25 + 7);
      plan.cells.units.forEach((cells, i) => {
        expect(wb.value(cells.label)).toBe(figures.units[i].unit);
        expectFigures(wb, cells.figures, figures.units[i].figures, figures.units[i].unit);
      });
      expectFigures(wb, plan.cells.total.figures, figures.total, '合计');
      expect(wb.value(plan.cells.check)).toBe('');
    } finally {
      wb.destroy();
    }
  });

  test('overdue and due-soon measures are counted on the sample date (the comparison is not vacuous)', () => {
    const { total, units } = summaryFigures(rows, '2026-03-15');
    expect(units[3].figures).toMatchObject({ overdue: 1, dueSoon: 3, measuresDone: 1, problemsLongTerm: 1 });
    expect(total.overdue).toBeGreaterThan(0);
    expect(total.dueSoon).toBeGreaterThan(0);
    expect(total.problemsLongTerm).toBeGreaterThan(0);
    expect(total.problemsDone).toBeGreaterThan(0);
  });

  test('an empty 汇总 (only the blank template row): zeros and blank rates', () => {
    const wb = evaluate([], '2026-03-15');
    try {
      const plan = summaryDashboardPlan([]);
      expect(plan.cells.units).toEqual([]);
      expectFigures(wb, plan.cells.total.figures, summaryFigures([], '2026-03-15').total, '合计');
    } finally {
      wb.destroy();
    }
  });

  // 来源单位 come from 被巡察单位 or a file name. As COUNTIFS criteria “县*局” would also count
  // 县教育局, “~局” would count 局, “=1+1” would count 1+1 and “<待定>” would be an error.
  test.each(['2026-03-15', '2026-07-01'])('units whose names a COUNTIFS criterion would misread are matched exactly (as of %s)', (asOf) => {
    const names = ['县*局', '县教育局', '~局', '局', '=1+1', '1+1', '<待定>', '县?局'];
    const odd = mergeSummary([], names.map((name, i) => unit(name, `${i}.xlsx`, generateLedger(6 + 3 * i, 20 + i))), AT).rows;
    const wb = evaluate(odd, asOf);
    try {
      const plan = summaryDashboardPlan(summaryUnits(odd));
      const figures = summaryFigures(odd, asOf);
      expect(figures.units.map((u) => u.unit)).toEqual(names);
      plan.cells.units.forEach((cells, i) => {
        expect(wb.value(cells.label)).toBe(names[i]);
        expectFigures(wb, cells.figures, figures.units[i].figures, names[i]);
      });
      expectFigures(wb, plan.cells.total.figures, figures.total, '合计');
      expect(wb.value(plan.cells.check)).toBe('');
    } finally {
      wb.destroy();
    }
  });

  test('rows of a unit the list does not name: 合计 counts them and the check says so', () => {
    const units = summaryUnits(rows).slice(0, 2);
    const wb = evaluate(rows, '2026-03-15', units);
    try {
      const plan = summaryDashboardPlan(units);
      expect(wb.value(plan.cells.check)).toBe('有来源单位未列出，请在任务窗格“汇总”中重新汇总');
      expect(wb.value(plan.cells.total.figures.measures)).toBe(summaryFigures(rows, '2026-03-15').total.measures);
    } finally {
      wb.destroy();
    }
  });
});

describe('layout', () => {
  const layout = summaryDashboardLayout(['甲单位', '=乙单位']);

  test('unit labels are constants, never formulas built from user text', () => {
    expect(layout.cells.find((c) => c.address === 'A6')?.value).toBe('甲单位');
    // A label that looks like a formula is still only a label (renderers write constants as text);
    // the figures refer to the label cell and never spell the unit.
    expect(layout.cells.find((c) => c.address === 'A7')?.value).toBe('=乙单位');
    expect(layout.cells.filter((c) => String(c.value).includes('乙单位'))).toHaveLength(1);
    expect(layout.cells.find((c) => c.address === 'B7')?.value).toContain('$A7');
  });

  test('formulas use only functions Excel 2010, WPS and LibreOffice share', () => {
    const used = new Set(layout.cells.flatMap((c) => (typeof c.value === 'string' && c.value.startsWith('=') ? [...c.value.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]) : [])));
    expect([...used].sort()).toEqual(['COUNTIFS', 'IF', 'SUM', 'SUMIFS', 'SUMPRODUCT', 'TODAY']);
  });

  test('a unit row never passes its label to a criterion: its counts are SUMPRODUCT array cells; 合计 has constant criteria only', () => {
    const plan = summaryDashboardPlan(['甲单位', '=乙单位']);
    const cell = (address: string) => plan.layout.cells.find((c) => c.address === address)!;
    for (const row of plan.cells.units) {
      for (const key of ['problems', 'problemsDone', 'measures', 'measuresDone', 'overdue', 'dueSoon', 'problemsLongTerm'] as const) {
        const c = cell(row.figures[key]);
        expect({ key, array: c.array, sumproduct: String(c.value).startsWith('=SUMPRODUCT(') }).toEqual({ key, array: true, sumproduct: true });
        expect(String(c.value)).not.toMatch(/COUNTIFS|SUMIFS/);
      }
      // Derived figures read the row's own cells: no array needed.
      expect(cell(row.figures.problemRate).array).toBeUndefined();
    }
    const total = Object.values(plan.cells.total.figures).map(cell);
    expect(total.every((c) => c.array === undefined && !String(c.value).includes('$A'))).toBe(true);
  });

  test('rates are 0.00%, dates yyyy-mm-dd', () => {
    const plan = summaryDashboardPlan(['甲单位']);
    const format = (a: string) => plan.layout.cells.find((c) => c.address === a)?.format;
    expect(format(plan.cells.units[0].figures.problemRate)).toBe('0.00%');
    expect(format(plan.cells.total.figures.longTermShare)).toBe('0.00%');
    expect(format(plan.cells.asOf)).toBe('yyyy-mm-dd');
    expect(format(plan.cells.asOfInput)).toBe('yyyy-mm-dd');
  });

  test('a stacked bar chart of done and open measures by 来源单位', () => {
    const plan = summaryDashboardPlan(['甲', '乙', '丙']);
    expect(plan.layout.charts).toEqual([
      expect.objectContaining({
        id: SUMMARY_CHART_ID, kind: 'barStacked', categories: 'A6:A8',
        series: [{ name: '已完成措施', values: 'F6:F8' }, { name: '未完成措施', values: 'G6:G8' }],
      }),
    ]);
    expect(plan.cells.units[0].figures.measuresDone).toBe('F6');
    expect(plan.cells.units[0].figures.measuresOpen).toBe('G6');
  });

  test('no units: no chart (a chart over no rows is invalid)', () => {
    expect(summaryDashboardLayout([]).charts).toEqual([]);
  });
});
