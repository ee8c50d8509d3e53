// The issue's end-to-end check: the sample ledger workbook as the CLI writes it, opened and
// recalculated by LibreOffice headless (a real, independent engine that reads the file format,
// table structured references, array formulas and workbook names as a recipient's copy would), its
// 整改统计 values read back and compared with the core's dashboardFigures at the same fixed as-of.
// Set ZG_LO_PNG=<folder> to also render the dashboard to PNG for a look at the charts.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { isoToSerial } from '../../src/ledger/dates';
import { dashboardFigures, STATUS_ORDER } from '../../src/ledger/stats/dashboard-figures';
import { rollUpAll } from '../../src/ledger/rollup';
import { UNMARKED, type IsoDate, type Ledger } from '../../src/ledger/types';
import { DASHBOARD_SHEET, dashboardPlan, dashboardSlots } from '../../src/workbook/dashboard';
import { dashboardExpected } from '../../src/workbook/dashboardValues';
import { generateLedger, sampleLedger } from '../../src/workbook/sample';
import { MEASURES, PROBLEMS, columnLetter } from '../../src/workbook/schema';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { encodeXml, partText, relationshipsOf, setPartText, startTags, unzipXlsx, worksheets, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { describeWithLibreOffice, recalculate, renderPng } from '../support/libreoffice';
import { oddIdLedger } from '../support/oddIds';
import { longRunLedger, outOfOrderLedger } from '../support/orders';
import { excelJsInput } from '../support/excelJs';

jest.setTimeout(180_000);

/** The as-of date written into 巡察信息 (ZG_AsOf), so TODAY() on the test machine does not matter. */
const AS_OF: IsoDate = '2026-03-15';
/** The sample is dated a few days earlier, so the as-of date is neither its today nor the machine's. */
const SAMPLE_DAY: IsoDate = '2026-03-10';

/**
 * The realistic sample plus the blanks a hand-filled ledger has — a measure without 责任单位, one
 * with no 整改状态, a problem without 问题类别 — which the （未填写）/未标注 formulas must count
 * the way the core does (COUNTIFS and "" differ between engines).
 */
function ledger(): Ledger {
  const sample = sampleLedger(SAMPLE_DAY);
  return rollUpAll({
    round: { ...sample.round, asOf: AS_OF },
    problems: sample.problems.map((p, i) => (i === 3 ? { ...p, category: '' } : p)),
    measures: sample.measures.map((m, i) => (i === 1 ? { ...m, unit: '' } : i === 2 ? { ...m, status: UNMARKED } : m)),
  });
}

/**
 * Cells typed by hand after the file was written, by someone without the add-in, so the stored
 * 问题状态 / 长期坚持 of 问题清单 no longer agree with the measures: P003 and P010 typed 已完成 though
 * their measures are open (the stored column would count them); P011-M01 finished, so P011 is done though
 * it still says 正在推进; P006-M01 made 长期坚持 (P006 says 否); P005 typed 否 though its P005-M02 is
 * 长期坚持. The sheet must roll up from the measures as the core does.
 */
const HAND_EDITS: readonly { table: 'problems' | 'measures'; id: string; field: 'status' | 'longTerm'; value: string }[] = [
  { table: 'problems', id: 'P003', field: 'status', value: '已完成' },
  { table: 'problems', id: 'P010', field: 'status', value: '已完成' },
  { table: 'measures', id: 'P011-M01', field: 'status', value: '已完成' },
  { table: 'measures', id: 'P006-M01', field: 'longTerm', value: '是' },
  { table: 'problems', id: 'P005', field: 'longTerm', value: '否' },
];

/** The ledger as the add-in would read it after the hand edits (not rolled up: the core does that). */
function edited(data: Ledger): Ledger {
  const apply = <T extends { id: string; status: unknown; longTerm: boolean }>(table: 'problems' | 'measures', rows: readonly T[]): T[] =>
    rows.map((row) =>
      HAND_EDITS.filter((e) => e.table === table && e.id === row.id).reduce(
        (r, e) => (e.field === 'status' ? { ...r, status: e.value } : { ...r, longTerm: e.value === '是' }),
        row,
      ),
    );
  return { ...data, problems: apply('problems', data.problems), measures: apply('measures', data.measures) };
}

/**
 * Types the hand edits into the written file. In the sheet XML, not through ExcelJS: an ExcelJS
 * load and write drops the charts (xl/charts/*), which the chart test below needs.
 */
function typeHandEdits(parts: XlsxParts, data: Ledger): void {
  for (const edit of HAND_EDITS) {
    const def = edit.table === 'problems' ? PROBLEMS : MEASURES;
    const rows: readonly { id: string }[] = data[edit.table];
    const row = rows.findIndex((r) => r.id === edit.id) + 2;
    const column = (def.columns as readonly { field: string | null }[]).findIndex((c) => c.field === edit.field);
    if (row < 2 || column < 0) throw new Error(`no cell for ${JSON.stringify(edit)}`);
    const address = `${columnLetter(column)}${row}`;
    const sheetPath = worksheets(parts).find((w) => w.name === def.sheet)!.path;
    const xml = partText(parts, sheetPath)!;
    const cell = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const found = cell.exec(xml);
    if (!found) throw new Error(`no cell ${address} in ${def.sheet} (an empty cell is not written)`);
    const style = / s="\d+"/.exec(found[1])?.[0] ?? '';
    setPartText(parts, sheetPath, xml.replace(cell, `<c r="${address}"${style} t="inlineStr"><is><t>${encodeXml(edit.value)}</t></is></c>`));
  }
}

/** ExcelJS's date cells come back as Dates (UTC midnight); the expectations use serial numbers. */
function plain(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Math.round(value.getTime() / 86_400_000 + 25_569);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return JSON.stringify(value);
}

/** The series numbers LibreOffice cached in a chart part (it computes them from the cells), by point index. */
function cachedSeries(parts: XlsxParts, chartPath: string): (number | null)[][] {
  const xml = partText(parts, chartPath) ?? '';
  return Array.from(xml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g), (m) => {
    const count = Number(/<c:ptCount val="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const points: (number | null)[] = Array(count).fill(null);
    for (const p of m[1].matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) points[Number(p[1])] = Number(p[2]);
    return points;
  });
}

/** Chart part of each drawing object, by the object's name (the layout's chart id). */
function chartsByName(parts: XlsxParts, drawing: string): Map<string, string> {
  const rels = new Map(relationshipsOf(parts, drawing).map((r) => [r.id, r.target]));
  const anchors = (partText(parts, drawing) ?? '').split(/<xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/).slice(1);
  return new Map(anchors.map((a) => [startTags(a, 'cNvPr')[0]?.name ?? '', rels.get(startTags(a, 'chart')[0]?.['r:id'] ?? '') ?? '']));
}

describeWithLibreOffice('整改统计 recalculated by LibreOffice equals the core', () => {
  const written = ledger();
  const data = edited(written);
  const slots = dashboardSlots(written);
  const plan = dashboardPlan(slots);
  const figures = dashboardFigures(data, AS_OF);
  let dir: string;
  let book: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  let parts: XlsxParts;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-dashboard-'));
    const input = path.join(dir, 'in', '整改台账-示例.xlsx');
    mkdirSync(path.dirname(input));
    const original = unzipXlsx(await writeLedgerXlsx(written));
    typeHandEdits(original, written);
    writeFileSync(input, zipXlsx(original));
    if (process.env.ZG_LO_PNG) console.log('dashboard rendered to', await renderPng(input, process.env.ZG_LO_PNG));
    const bytes = readFileSync(await recalculate(input, path.join(dir, 'out')));
    parts = unzipXlsx(bytes);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(excelJsInput(bytes));
    sheet = book.getWorksheet(DASHBOARD_SHEET)!;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A cell's value as LibreOffice left it: the cached result of a formula, else the constant. */
  const valueAt = (address: string) => {
    const cell = sheet.getCell(address);
    // cell.result, not cell.value.result: ExcelJS's value getter drops a falsy result such as 0.
    return plain(cell.formula ? cell.result : cell.value);
  };
  const near = (actual: string | number, expected: number | null) =>
    expected === null ? expect(actual).toBe('') : expect(actual).toBeCloseTo(expected, 9);

  test('the sample exercises the dashboard: done, open, overdue, due-soon and blank entries, several units', () => {
    expect(figures.measuresDone).toBeGreaterThan(0);
    expect(figures.measuresDone).toBeLessThan(figures.measures);
    expect(figures.overdue).toBeGreaterThan(0);
    expect(figures.dueSoon).toBeGreaterThan(0);
    expect(figures.byUnit.length).toBeGreaterThan(2);
    expect(figures.byCategory.length).toBeGreaterThan(1);
    expect([figures.blankUnit.measures, figures.byStatus[UNMARKED], figures.blankCategory.problems]).toEqual([1, 1, 1]);
  });

  test('a 问题状态 or 长期坚持 typed by hand does not count: problems are rolled up from their measures', () => {
    const t = plan.cells.totals;
    // The stored columns, as LibreOffice read them back, give other figures than the core.
    const problemSheet = book.getWorksheet(PROBLEMS.sheet)!;
    const storedColumn = (field: string) => {
      const column = (PROBLEMS.columns as readonly { field: string | null }[]).findIndex((c) => c.field === field) + 1;
      return data.problems.map((_, i) => plain(problemSheet.getCell(i + 2, column).value));
    };
    expect(storedColumn('status').filter((v) => v === '已完成')).toHaveLength(figures.problemsDone + 1);
    const rolled = new Map(rollUpAll(data).problems.map((p) => [p.id, p]));
    expect(['P003', 'P010', 'P011', 'P005', 'P006'].map((id) => [rolled.get(id)!.status === '已完成', rolled.get(id)!.longTerm])).toEqual([
      [false, true], [false, false], [true, false], [false, true], [true, true],
    ]);
    expect(storedColumn('status').filter((_, i) => ['P003', 'P010', 'P011'].includes(data.problems[i].id))).toEqual(['已完成', '已完成', '正在推进']);
    expect(storedColumn('longTerm').filter((_, i) => ['P005', 'P006'].includes(data.problems[i].id))).toEqual(['否', '否']);
    expect([valueAt(t.problemsDone), valueAt(t.problemsLongTerm)]).toEqual([figures.problemsDone, figures.problemsLongTerm]);
  });

  test('the as-of date is ZG_AsOf, not the test machine’s today', () => {
    expect(valueAt(plan.cells.asOf)).toBe(isoToSerial(AS_OF));
    expect(valueAt(plan.cells.org)).toBe(data.round.org);
  });

  test('the headline figures equal dashboardFigures', () => {
    const t = plan.cells.totals;
    expect([t.problems, t.problemsDone, t.measures, t.measuresDone, t.problemsLongTerm, t.overdue, t.dueSoon].map(valueAt)).toEqual([
      figures.problems, figures.problemsDone, figures.measures, figures.measuresDone, figures.problemsLongTerm, figures.overdue, figures.dueSoon,
    ]);
    near(valueAt(t.problemRate), figures.problemRate);
    near(valueAt(t.measureRate), figures.measureRate);
    near(valueAt(t.longTermShare), figures.longTermShare);
    near(valueAt(t.onTimeRate), figures.onTimeRate);
    expect(STATUS_ORDER.map((s) => valueAt(plan.cells.status[s].count))).toEqual(STATUS_ORDER.map((s) => figures.byStatus[s]));
  });

  test('the 问题类别 and 责任单位 lists equal dashboardFigures, row by row', () => {
    const units = plan.cells.units.slots.slice(0, figures.byUnit.length);
    expect(units.map((row) => [valueAt(row.label), ...[0, 1, 4, 5].map((i) => valueAt(row.values[i]))])).toEqual(
      figures.byUnit.map((u) => [u.unit, u.measures, u.done, u.overdue, u.dueSoon]),
    );
    const categories = plan.cells.categories.slots.slice(0, figures.byCategory.length);
    expect(categories.map((row) => [valueAt(row.label), valueAt(row.values[0]), valueAt(row.values[1]), valueAt(row.values[4])])).toEqual(
      figures.byCategory.map((c) => [c.category, c.problems, c.done, c.longTerm]),
    );
  });

  test('every formula cell of the sheet shows what the core expects', () => {
    const expected = dashboardExpected(data, AS_OF, slots);
    expect(expected.size).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const [address, want] of expected) {
      const got = valueAt(address);
      const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want;
      if (!same) wrong.push(`${address}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the three charts survive the round trip and LibreOffice plots the status counts', () => {
    const sheetPath = worksheets(parts).find((s) => s.name === DASHBOARD_SHEET)!.path;
    const drawing = relationshipsOf(parts, sheetPath).find((r) => r.type.endsWith('/drawing'))?.target;
    expect(drawing).toBeDefined();
    const byId = chartsByName(parts, drawing!);
    expect([...byId.keys()]).toEqual(plan.layout.charts.map((c) => c.id));
    for (const chartPath of byId.values()) expect(parts[chartPath]).toBeDefined();
    expect(cachedSeries(parts, byId.get('ZG_Chart_Status')!)).toEqual([STATUS_ORDER.map((s) => figures.byStatus[s])]);
    const units = cachedSeries(parts, byId.get('ZG_Chart_Units')!);
    expect(units.map((s) => s.slice(0, figures.byUnit.length))).toEqual([figures.byUnit.map((u) => u.done), figures.byUnit.map((u) => u.measures - u.done)]);
  });
});

/**
 * Ledgers that take the exact fallbacks (odd 问题编号, rows out of order, a problem with more measures
 * than the flags read directly) or the fast path at a larger size: every figure must still be the core's.
 * `sorted` is what the first row of 措施有序 must say: which path the problem flags took.
 */
const LINK_CASES: readonly [string, () => Ledger, '是' | '否'][] = [
  ['问题编号 LibreOffice would misread (wildcards, operators, numbers, one given twice)', () => oddIdLedger(AS_OF), '是'],
  ['measures added later at the bottom, problems out of ID order', () => outOfOrderLedger(AS_OF), '否'],
  ['a problem with more measures than the flags read directly', () => longRunLedger(AS_OF), '是'],
  ['a generated ledger of 600 measures, in order', () => generateLedger(600, 3, AS_OF), '是'],
];

for (const [name, make, sorted] of LINK_CASES) {
  describeWithLibreOffice(`整改统计 links measures to problems exactly in LibreOffice: ${name}`, () => {
    const base = make();
    const data: Ledger = { ...base, round: { ...base.round, asOf: AS_OF } };
    const slots = dashboardSlots(data);
    let dir: string;
    let book: ExcelJS.Workbook;
    let written: Uint8Array;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-links-'));
      const input = path.join(dir, 'in', '整改台账-编号.xlsx');
      mkdirSync(path.dirname(input));
      written = await writeLedgerXlsx(data);
      writeFileSync(input, written);
      book = new ExcelJS.Workbook();
      await book.xlsx.load(excelJsInput(readFileSync(await recalculate(input, path.join(dir, 'out')))));
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('every formula cell of the sheet shows what the core expects', () => {
      const sheet = book.getWorksheet(DASHBOARD_SHEET)!;
      // As the add-in reads the tables: a row without a 编号 is not an item (excelLedger.ts).
      const asRead = { ...data, problems: data.problems.filter((p) => p.id !== ''), measures: data.measures.filter((m) => m.id !== '') };
      const expected = dashboardExpected(asRead, AS_OF, slots);
      const wrong: string[] = [];
      for (const [address, want] of expected) {
        const cell = sheet.getCell(address);
        const got = plain(cell.formula ? cell.result : cell.value);
        const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want;
        if (!same) wrong.push(`${address}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
      }
      expect(wrong).toEqual([]);
    });

    test('the file LibreOffice opened carries the tables’ column formulas (xlsx/columnFormulas.ts)', () => {
      const parts = unzipXlsx(written);
      const tables = Object.keys(parts).filter((p) => /^xl\/tables\//.test(p)).map((p) => partText(parts, p)!);
      expect(tables.filter((xml) => xml.includes('<calculatedColumnFormula>'))).toHaveLength(2);
    });

    test(`the problem flags took the path meant: 措施有序 is ${sorted}`, () => {
      const column = PROBLEMS.columns.findIndex((c) => c.header === '措施有序') + 1;
      const cell = book.getWorksheet(PROBLEMS.sheet)!.getCell(2, column);
      expect(plain(cell.result)).toBe(sorted);
    });
  });
}
