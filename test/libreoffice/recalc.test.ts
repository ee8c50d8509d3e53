// The LibreOffice harness itself, on a small workbook of known answers: the recalculation really
// happens (cached results that are wrong on purpose come back right, through a table's structured
// references and a workbook name, as the dashboard uses them), and native charts written by
// injectCharts survive LibreOffice's import and export with their data read from the cells.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { injectCharts } from '../../src/workbook/xlsx/charts';
import { partText, relationshipsOf, startTags, unzipXlsx, worksheets, type XlsxParts } from '../../src/workbook/xlsx/package';
import { describeWithLibreOffice, recalculate } from '../support/libreoffice';
import { excelJsInput } from '../support/excelJs';

jest.setTimeout(180_000);

const SHEET = '整改统计';
const WRONG = 999;

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('数据');
  data.addTable({
    name: 'T_Data', ref: 'A1', columns: [{ name: '单位' }, { name: '状态' }],
    rows: [['甲', '已完成'], ['乙', '推进中'], ['甲', '已完成'], ['丙', '已完成']],
  });
  data.getCell('E1').value = 3;
  wb.definedNames.add("'数据'!$E$1", 'ZG_Three');
  const ws = wb.addWorksheet(SHEET);
  const wrong = (formula: string): ExcelJS.CellFormulaValue => ({ formula, result: WRONG, date1904: false });
  ws.getCell('A1').value = wrong('COUNTIFS(T_Data[状态],"已完成")'); // 3
  ws.getCell('A2').value = wrong('ZG_Three*2'); // 6
  ['甲', '乙', '丙'].forEach((unit, i) => {
    ws.getCell(`A${10 + i}`).value = unit;
    ws.getCell(`B${10 + i}`).value = wrong(`COUNTIFS(T_Data[单位],A${10 + i},T_Data[状态],"已完成")`); // 2, 0, 1
    ws.getCell(`C${10 + i}`).value = wrong(`COUNTIFS(T_Data[单位],A${10 + i})-B${10 + i}`); // 0, 1, 0
  });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return injectCharts(bytes, [{
    sheet: SHEET,
    charts: [
      { id: 'T_Pie', kind: 'pie', title: '饼图', categories: 'A10:A12', series: [{ name: '已完成', values: 'B10:B12' }], from: 'E1', to: 'K12' },
      { id: 'T_Bars', kind: 'barStacked', title: '条形', categories: 'A10:A12', series: [{ name: '已完成', values: 'B10:B12' }, { name: '未完成', values: 'C10:C12' }], from: 'E14', to: 'K26' },
    ],
  }]);
}

/** The numbers in a chart part's c:numCache, per series. */
function cachedSeries(parts: XlsxParts, chartPath: string): number[][] {
  const xml = partText(parts, chartPath) ?? '';
  return Array.from(xml.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g), (m) => Array.from(m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g), (v) => Number(v[1])));
}

describeWithLibreOffice('LibreOffice recalculation harness', () => {
  let dir: string;
  let result: ExcelJS.Worksheet;
  let parts: XlsxParts;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-recalc-'));
    const input = path.join(dir, 'in', 'harness.xlsx');
    mkdirSync(path.dirname(input));
    writeFileSync(input, await workbook());
    const output = await recalculate(input, path.join(dir, 'out'));
    const bytes = readFileSync(output);
    parts = unzipXlsx(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(bytes));
    result = wb.getWorksheet(SHEET)!;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // cell.result, not cell.value.result: ExcelJS's value getter drops a falsy result such as 0.
  const valueOf = (address: string) => {
    const cell = result.getCell(address);
    return cell.formula ? cell.result : cell.value;
  };

  test('every formula is recalculated, not echoed from its wrong cached value', () => {
    expect(valueOf('A1')).toBe(3);
    expect(valueOf('A2')).toBe(6);
    expect(['B10', 'B11', 'B12', 'C10', 'C11', 'C12'].map(valueOf)).toEqual([2, 0, 1, 0, 1, 0]);
  });

  test('the charts survive the round trip, with their names, kinds and ranges, and data read from the cells', () => {
    const sheetPath = worksheets(parts).find((s) => s.name === SHEET)!.path;
    const drawing = relationshipsOf(parts, sheetPath).find((r) => r.type.endsWith('/drawing'))?.target;
    expect(drawing).toBeDefined();
    expect(startTags(partText(parts, drawing!)!, 'cNvPr').map((a) => a.name)).toEqual(['T_Pie', 'T_Bars']);
    const charts = relationshipsOf(parts, drawing!).filter((r) => r.type.endsWith('/chart')).map((r) => r.target);
    expect(charts).toHaveLength(2);
    const [pie, bars] = charts.map((c) => partText(parts, c)!);
    expect(pie).toContain('<c:pieChart>');
    expect(bars).toMatch(/<c:barDir val="bar"\/>[\s\S]*<c:grouping val="stacked"\/>/);
    expect(bars).toMatch(/<c:f>'?整改统计'?!\$C\$10:\$C\$12<\/c:f>/);
    // injectCharts writes no caches: these are LibreOffice's, taken from the recalculated cells.
    expect(cachedSeries(parts, charts[0])).toEqual([[2, 0, 1]]);
    expect(cachedSeries(parts, charts[1])).toEqual([[2, 0, 1], [0, 1, 0]]);
  });
});

describe('recalculate (no LibreOffice run)', () => {
  let dir: string;
  const saved = process.env.SOFFICE;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-misuse-'))));
  afterEach(() => {
    if (saved === undefined) delete process.env.SOFFICE;
    else process.env.SOFFICE = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  /** A stand-in soffice: a shell script that ignores its arguments. */
  const fakeSoffice = (body: string) => {
    const file = path.join(dir, 'soffice');
    writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    process.env.SOFFICE = file;
  };

  test('refuses a missing file and an output folder that would overwrite the input', async () => {
    await expect(recalculate(path.join(dir, 'nope.xlsx'), path.join(dir, 'out'))).rejects.toThrow(/no such file/);
    writeFileSync(path.join(dir, 'a.xlsx'), '');
    await expect(recalculate(path.join(dir, 'a.xlsx'), dir)).rejects.toThrow(/outDir must differ/);
  });

  test('a soffice that exits without writing the file is an error that shows its output', async () => {
    fakeSoffice('echo "Error: source file could not be loaded"');
    writeFileSync(path.join(dir, 'a.xlsx'), '');
    await expect(recalculate(path.join(dir, 'a.xlsx'), path.join(dir, 'out'))).rejects.toThrow(/wrote no .*a\.xlsx[\s\S]*could not be loaded/);
  });

  test('a hung soffice is killed with a clear message', async () => {
    fakeSoffice('sleep 60');
    writeFileSync(path.join(dir, 'a.xlsx'), '');
    await expect(recalculate(path.join(dir, 'a.xlsx'), path.join(dir, 'out'), { timeoutMs: 300 })).rejects.toThrow(/did not finish .* within 0\.3 s and was killed/);
  });
});
