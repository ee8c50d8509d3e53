import { countStep } from './dashboardCharts';
import { EMPTY_ROUND, type Ledger } from '../ledger/types';
import { DASHBOARD_SHEET, MIN_SLOTS, dashboardLayout, dashboardPlan, dashboardSlots } from './dashboard';
import { sampleLedger } from './sample';
import { INFO_CELLS, MEASURES, PROBLEMS, columnLetter } from './schema';
import type { LayoutCell } from './sheetLayout';

const SLOTS = { categories: 5, units: 7 };
const { layout, cells } = dashboardPlan(SLOTS);
const byAddress = new Map(layout.cells.map((c) => [c.address, c]));
const formulas = layout.cells.filter((c): c is LayoutCell & { value: string } => typeof c.value === 'string' && c.value.startsWith('='));
/** A formula without its string literals. */
const code = (f: string) => f.replace(/"(?:[^"]|"")*"/g, '""');

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
function parse(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not an address: ${address}`);
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}
/** Every cell of an A1 range ('B2', 'A20:A25', '$A$30:A31'). */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(':').map(parse);
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(`${columnLetter(c)}${r}`);
  return out;
}
/** The A1 references of a formula outside strings, structured references and names. */
function references(formula: string): string[] {
  const plain = code(formula).replace(/[A-Za-z_][\w.]*\[[^\]]*\]/g, 'T');
  return [...plain.matchAll(/(?<![\w$])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])/g)].map((m) => m[1]);
}

describe('整改统计 layout', () => {
  test('is deterministic and each address is written once', () => {
    expect(dashboardLayout(SLOTS)).toEqual(layout);
    expect(new Set(layout.cells.map((c) => c.address)).size).toBe(layout.cells.length);
    expect(layout.sheet).toBe(DASHBOARD_SHEET);
  });

  test('every cell a formula refers to is on the layout (no reference points at an empty cell)', () => {
    const outside = formulas.flatMap((c) => references(c.value).flatMap(cellsOf).filter((a) => !byAddress.has(a)).map((a) => `${c.address}→${a}`));
    expect(outside).toEqual([]);
    // The parser is not vacuous: it sees the references of a known formula.
    expect(references(String(byAddress.get(cells.totals.problemRate)!.value))).toEqual([cells.totals.problems, cells.totals.problemsDone, cells.totals.problems]);
  });

  test('structured references use the schema headers; names are 巡察信息 names; no [@…], no ZG.* functions', () => {
    const headers = new Map([PROBLEMS, MEASURES].map((t) => [t.table, new Set(t.columns.map((c) => c.header))]));
    const names = new Set(INFO_CELLS.map((c) => c.name));
    for (const c of formulas) {
      for (const m of code(c.value).matchAll(/([A-Za-z_][\w.]*)\[([^\]]*)\]/g)) expect(headers.get(m[1])?.has(m[2])).toBe(true);
      for (const m of code(c.value).matchAll(/\bZG_\w+\b(?!\[)/g)) expect(names.has(m[0])).toBe(true);
      expect(c.value).not.toMatch(/\[@|ZG\./);
    }
  });

  test('only functions Excel 2010, WPS and LibreOffice share', () => {
    const used = new Set(formulas.flatMap((c) => [...code(c.value).matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    const allowed = ['COUNTIFS', 'SUMPRODUCT', 'INDEX', 'MATCH', 'ISNA', 'IF', 'IFERROR', 'SUM', 'TODAY', 'MMULT', 'TRANSPOSE'];
    expect([...used].filter((f) => !allowed.includes(f))).toEqual([]);
  });

  test('problem figures are rolled up from ZG_Measures, never read from the stored 问题状态', () => {
    const storedStatus = `${PROBLEMS.table}[${PROBLEMS.columns.find((c) => c.field === 'status')!.header}]`;
    expect(formulas.filter((c) => c.value.includes(storedStatus)).map((c) => c.address)).toEqual([]);
    const rolledUp = [cells.totals.problemsDone, cells.totals.problemsLongTerm, ...[cells.categories.slots[0], cells.categories.blank].flatMap((r) => [r.values[1], r.values[4]])];
    for (const address of rolledUp) {
      const value = String(byAddress.get(address)!.value);
      expect(value).toMatch(/ZG_Problems\[(有措施|有未完成措施|有长期坚持措施)\]/);
    }
  });

  test('no figure builds a problems × measures matrix: recalculation stays linear in the ledger', () => {
    expect(formulas.filter((c) => /MMULT|TRANSPOSE/.test(c.value)).map((c) => c.address)).toEqual([]);
    // Every reference to the other table's rows in one formula is to one table only.
    expect(formulas.filter((c) => c.value.includes('ZG_Problems[') && c.value.includes('ZG_Measures[')).map((c) => c.address)).toEqual([]);
  });

  test('a formula doing arithmetic on a whole column is an array cell', () => {
    const columnMaths = /\]\s*(?:[=<>*&+-])|(?:[=<>*&+-])\s*ZG_\w+\[/;
    const needsArray = formulas.filter((c) => columnMaths.test(code(c.value)));
    expect(needsArray.length).toBeGreaterThan(0);
    expect(needsArray.filter((c) => !c.array).map((c) => c.address)).toEqual([]);
    // and the list labels are arrays, one per slot row
    expect(cells.categories.slots.every((s) => byAddress.get(s.label)?.array)).toBe(true);
  });

  test('rates are formatted as percentages, the as-of date as a date', () => {
    for (const key of ['problemRate', 'measureRate', 'longTermShare', 'onTimeRate'] as const) expect(byAddress.get(cells.totals[key])!.format).toBe('0.00%');
    expect(byAddress.get(cells.asOf)!.format).toBe('yyyy-mm-dd');
    expect(byAddress.get(cells.asOf)!.value).toBe('=IF(ZG_AsOf="",TODAY(),ZG_AsOf)');
  });

  test('the lists have one row per slot, then （未填写）, 合计 and the overflow check', () => {
    expect(cells.categories.slots).toHaveLength(SLOTS.categories);
    expect(cells.units.slots).toHaveLength(SLOTS.units);
    expect(byAddress.get(cells.units.blank.label)!.value).toBe('（未填写）');
    expect(byAddress.get(cells.units.total.label)!.value).toBe('合计');
    expect(String(byAddress.get(cells.units.check)!.value)).toContain('责任单位多于7个');
    expect(parse(cells.units.slots[0].label).row).toBeGreaterThan(parse(cells.categories.check).row);
  });

  test('charts point at the right cells and do not overlap each other or the tables', () => {
    const charts = new Map(layout.charts.map((c) => [c.id, c]));
    expect([...charts.keys()].sort()).toEqual(['ZG_Chart_Categories', 'ZG_Chart_Status', 'ZG_Chart_Units']);
    const status = charts.get('ZG_Chart_Status')!;
    expect(status.kind).toBe('pie');
    expect(cellsOf(status.categories).map((a) => byAddress.get(a)!.value)).toEqual(['未启动', '正在推进', '部分完成', '基本完成', '已完成', '未标注']);
    expect(cellsOf(status.series[0].values)).toEqual(Object.values(cells.status).map((s) => s.count));
    for (const [id, list] of [['ZG_Chart_Categories', cells.categories], ['ZG_Chart_Units', cells.units]] as const) {
      const chart = charts.get(id)!;
      expect(chart.kind).toBe('barStacked');
      expect(cellsOf(chart.categories)).toEqual(list.slots.map((s) => s.label));
      for (const series of chart.series) {
        const [first] = cellsOf(series.values);
        const header = `${first.replace(/\d+/, '')}${parse(first).row - 1}`;
        expect(byAddress.get(header)!.value).toBe(series.name); // 已完成 / 未完成 columns
        expect(cellsOf(series.values)).toHaveLength(list.slots.length);
      }
    }
    const boxes = layout.charts.map((c) => ({ a: parse(c.from), b: parse(c.to) }));
    const tableRight = Math.max(...layout.cells.filter((c) => c.style !== 'note' && c.style !== 'title').map((c) => parse(c.address).col));
    boxes.forEach((box, i) => {
      expect(box.a.col).toBeGreaterThan(tableRight);
      expect(box.b.row).toBeGreaterThan(box.a.row);
      for (const other of boxes.slice(i + 1)) expect(box.b.row < other.a.row || other.b.row < box.a.row).toBe(true);
    });
  });
});

describe('dashboardSlots', () => {
  const empty: Ledger = { round: EMPTY_ROUND, problems: [], measures: [] };

  test.each<[string, Ledger, { categories: number; units: number }]>([
    ['a blank ledger gets room for a hand-filled one', empty, MIN_SLOTS],
    ['the sample (4 类别, 8 单位) stays at the minimum', sampleLedger('2026-11-22'), MIN_SLOTS],
    [
      'a ledger with more values gets one row each; blanks do not count',
      (() => {
        const l = sampleLedger('2026-11-22');
        return {
          ...l,
          problems: l.problems.map((p, i) => ({ ...p, category: i === 0 ? '' : `方面${i}` })),
          measures: l.measures.map((m, i) => ({ ...m, unit: i === 0 ? '' : `单位${i % 20}` })),
        };
      })(),
      { categories: 11, units: 20 },
    ],
  ])('%s', (_, ledger, expected) => {
    expect(dashboardSlots(ledger)).toMatchObject(expected);
  });

  test('charts plot the rows that hold a value and step their count axes by whole numbers', () => {
    const sample = sampleLedger('2026-11-22');
    const slots = dashboardSlots(sample);
    expect(slots.charts).toEqual({ categories: { values: 4, peak: 4 }, units: { values: 8, peak: 6 } });
    const [, categories, units] = dashboardPlan(slots).layout.charts;
    const { cells: c } = dashboardPlan(slots);
    expect(categories.categories).toBe(`${c.categories.slots[0].label}:${c.categories.slots[3].label}`);
    expect(units.series[0].values).toBe(`${c.units.slots[0].values[1]}:${c.units.slots[7].values[1]}`);
    expect([categories.majorUnit, units.majorUnit]).toEqual([1, 1]);
    // A blank template: every row, the renderer's own step.
    const blank = dashboardPlan(dashboardSlots(empty)).layout.charts[1];
    expect(blank.categories).toBe(`${c.categories.slots[0].label}:${c.categories.slots[MIN_SLOTS.categories - 1].label}`);
    expect(blank.majorUnit).toBeUndefined();
  });

  test.each([[0, 1], [1, 1], [8, 1], [9, 2], [16, 2], [17, 5], [40, 5], [41, 10], [400, 50], [401, 100]])('countStep(%d) = %d', (peak, step) => {
    expect(countStep(peak)).toBe(step);
  });

  test('misuse throws', () => {
    expect(() => dashboardLayout({ categories: 0, units: 3 })).toThrow(RangeError);
  });
});
