import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isoToSerial } from '../../src/ledger/dates';
import { headerIndex, measureFromCells, problemFromCells } from '../../src/workbook/cells';
import { sampleLedger } from '../../src/workbook/sample';
import { INFO_CELLS, MEASURES, PROBLEMS } from '../../src/workbook/schema';
import { styleRowHeight, type SheetLayout } from '../../src/workbook/sheetLayout';
import { addLayoutSheet, expandThisRow, writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { excelJsInput } from '../support/excelJs';

describe('writeLedgerXlsx', () => {
  const ledger = sampleLedger('2026-11-22');
  ledger.measures[0] = { ...ledger.measures[0], text: '=HYPERLINK("http://x")', owner: '-张三', note: '@所有人' };
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await writeLedgerXlsx(ledger);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(bytes));
  });

  const rowsOf = (sheet: string): unknown[][] => {
    const ws = wb.getWorksheet(sheet)!;
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  test('has the sheets, the tables with their Chinese headers, and the ZG_* names', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['巡察信息', '问题清单', '整改台账', '整改统计', '节假日', '变更记录']);
    expect(rowsOf('整改台账')[0]).toEqual(MEASURES.columns.map((c) => c.header));
    expect(rowsOf('问题清单')[0]).toEqual(PROBLEMS.columns.map((c) => c.header));
    const zip = await JSZip.loadAsync(bytes);
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(tables.map((x) => /name="([^"]+)"/.exec(x)?.[1]).sort()).toEqual(['ZG_Changes', 'ZG_Holidays', 'ZG_Measures', 'ZG_Problems']);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    for (const cell of INFO_CELLS) expect(workbookXml).toContain(`name="${cell.name}"`);
  });

  test('reads back into the same ledger rows, by header', () => {
    const [mh, ...mrows] = rowsOf('整改台账');
    const mIndex = headerIndex(mh);
    const measures = mrows.map((r) => measureFromCells(MEASURES, r.map((v) => (v instanceof Date ? (v.getTime() / 86_400_000 + 25569) : v)), mIndex));
    expect(measures).toEqual(ledger.measures);
    const [ph, ...prows] = rowsOf('问题清单');
    const problems = prows.map((r) => problemFromCells(PROBLEMS, r.map((v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v)), headerIndex(ph)));
    expect(problems).toEqual(ledger.problems);
  });

  test('user text starting with = + - @ is text, never a formula; dates are serials with a date format', () => {
    const ws = wb.getWorksheet('整改台账')!;
    const cell = (header: string) => ws.getRow(2).getCell(MEASURES.columns.findIndex((c) => c.header === header) + 1);
    expect(cell('整改措施').type).toBe(ExcelJS.ValueType.String);
    expect(cell('整改措施').value).toBe('=HYPERLINK("http://x")');
    expect(cell('责任人').value).toBe('-张三');
    expect(cell('备注').value).toBe('@所有人');
    expect(cell('截止日期').numFmt).toBe('yyyy-mm-dd');
    expect(cell('剩余天数').type).toBe(ExcelJS.ValueType.Formula);
    expect((cell('预警').value as { formula: string }).formula).toContain('ZG_Measures[[#This Row],[整改状态]]');
    const feedback = wb.getWorksheet('巡察信息')!.getCell('B7');
    expect(feedback.numFmt).toBe('yyyy-mm-dd');
    expect((feedback.value as Date).getTime() / 86_400_000 + 25569).toBe(isoToSerial(ledger.round.feedback!));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('lists are validated and 预警 is coloured', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const measuresXml = sheets.find((x) => x.includes('conditionalFormatting'))!;
    expect(measuresXml).toContain('&quot;未启动,正在推进,部分完成,基本完成,已完成&quot;');
    expect((measuresXml.match(/<cfRule /g) ?? []).length).toBe(5);
    // Date columns only take real dates: 截止日期 (column I) with the Chinese message.
    const deadline = String.fromCharCode(65 + MEASURES.columns.findIndex((c) => c.header === '截止日期'));
    const rule = new RegExp(`<dataValidation[^>]*type="date"[^>]*sqref="${deadline}2:${deadline}\\d+"[^>]*>`).exec(measuresXml)?.[0] ?? '';
    expect(rule).toContain('operator="greaterThanOrEqual"');
    expect(rule).toContain('请输入日期');
  });

  test('the ledger sheets print landscape A4, one page wide, the header row on every page, with gridlines', async () => {
    for (const def of [PROBLEMS, MEASURES]) {
      const ws = wb.getWorksheet(def.sheet)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true, printTitlesRow: '1:1' });
    }
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml.match(/name="_xlnm.Print_Titles"/g)).toHaveLength(2);
  });

  test('the [@列] shorthand becomes the file format’s [#This Row] reference', () => {
    expect(expandThisRow('=IF([@截止日期]="","",1)', 'ZG_Measures')).toBe('IF(ZG_Measures[[#This Row],[截止日期]]="","",1)');
    expect(isoToSerial('2026-11-22')).toBe(46348);
  });
});

describe('addLayoutSheet', () => {
  const layout: SheetLayout = {
    sheet: '统计',
    widths: [30, 12],
    frozenRows: 2,
    charts: [],
    cells: [
      { address: 'A1', value: '标题', style: 'title' },
      { address: 'A3', value: '+1 以加号开头的文字', style: 'note' },
      { address: 'B3', value: 42, format: '0', style: 'value' },
      { address: 'B4', value: '=B3/2', format: '0.0%', style: 'total' },
      { address: 'B5', value: '=SUM(IF(B3:B4>0,1,0))', array: true, style: 'header' },
    ],
  };
  let xml: string;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    addLayoutSheet(wb, layout);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(excelJsInput(bytes));
    ws = back.getWorksheet('统计')!;
  });

  test('formulas, array formulas (t="array" with the cell as ref), constants as values', () => {
    expect(xml).toContain('<c r="B5"');
    expect(xml).toMatch(/<c r="B5"[^>]*><f t="array" ref="B5">SUM\(IF\(B3:B4&gt;0,1,0\)\)<\/f>/);
    expect(xml).toMatch(/<c r="B4"[^>]*><f>B3\/2<\/f>/);
    expect(ws.getCell('A3').value).toBe('+1 以加号开头的文字');
    expect(ws.getCell('B3').value).toBe(42);
  });

  test('formats, styles, widths and frozen rows', () => {
    expect(ws.getCell('B4').numFmt).toBe('0.0%');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('B5').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell('B4').font).toMatchObject({ bold: true });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  test('the 16 pt title row has a stored height that fits it; rows of 11 pt or smaller text keep the default', () => {
    expect(xml).toMatch(new RegExp(`<row r="1"[^>]*ht="${styleRowHeight('title')}"[^>]*customHeight="1"`));
    expect(ws.getRow(1).height).toBe(styleRowHeight('title'));
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(16 * 1.4);
    expect(xml).not.toMatch(/<row r="3"[^>]*customHeight/);
  });
});
