// The table parts of every ledger file we write name each formula column's formula
// (<calculatedColumnFormula>), so Excel fills a row a user adds at the bottom of a table. Every
// reader we have must still read such a file: the ledger reader, the page's file store (which also
// fills the rows it adds with the table's own formula), the 发送副本 freezer, the reader of returned
// unit files, and ExcelJS (through test/support/excelJs.ts, which strips what it cannot parse —
// shown here). LibreOffice opening them and computing 整改统计 is test/libreoffice/dashboard.test.ts.
import ExcelJS from 'exceljs';
import { isLedgerError } from '../../src/ledger/errors';
import { distributeLedger } from '../../src/workbook/distributeXlsx';
import { sampleLedger } from '../../src/workbook/sample';
import { MEASURES, PROBLEMS, columnLetter, expandThisRow, type TableDef } from '../../src/workbook/schema';
import { withColumnFormulas } from '../../src/workbook/xlsx/columnFormulas';
import { freezeZgFormulas } from '../../src/workbook/xlsx/freeze';
import { decodeXml, partText, unzipXlsx, worksheets } from '../../src/workbook/xlsx/package';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { readReturnedFile } from '../../src/workbook/xlsx/readReturned';
import { openFileStore } from '../../src/workbook/xlsxStore/fileStore';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { excelJsInput } from '../support/excelJs';
import { measure, problem } from './storeContract';

const TODAY = '2026-03-15';
const ledger = sampleLedger(TODAY);

/** Header → calculatedColumnFormula of the table part named `table`. */
function columnFormulas(bytes: Uint8Array, table: string): Map<string, string> {
  const parts = unzipXlsx(bytes);
  const path = Object.keys(parts).find((p) => /^xl\/tables\/[^/]+\.xml$/.test(p) && new RegExp(`<table\\b[^>]*\\sname="${table}"`).test(partText(parts, p)!));
  if (!path) throw new Error(`no table ${table}`);
  const xml = partText(parts, path)!;
  return new Map(
    Array.from(xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"[^>]*>\s*<calculatedColumnFormula>([\s\S]*?)<\/calculatedColumnFormula>/g), (m) => [decodeXml(m[1]), decodeXml(m[2])]),
  );
}

const expected = (def: TableDef) => new Map(def.columns.filter((c) => c.formula).map((c) => [c.header, expandThisRow(c.formula!, def.table)]));

describe('calculated column formulas in the table parts', () => {
  let file: Uint8Array;
  beforeAll(async () => {
    file = await writeLedgerXlsx(ledger);
  });

  test.each([PROBLEMS, MEASURES] as TableDef[])('%# every formula column of the table names its formula', (def) => {
    expect(columnFormulas(file, def.table)).toEqual(expected(def));
  });

  test('the files sent to units carry them too', async () => {
    const { files } = await distributeLedger(ledger, { by: '责任单位', asOf: TODAY, date: TODAY, due: null });
    expect(columnFormulas(files[0].bytes, MEASURES.table)).toEqual(expected(MEASURES as TableDef));
    // …and the returned file reads back.
    const back = readReturnedFile(files[0].bytes, files[0].fileName);
    expect(isLedgerError(back)).toBe(false);
  });

  test('the ledger reader reads the rows back', () => {
    const read = readLedgerFile(file, '台账.xlsx');
    if (isLedgerError(read)) throw new Error(read.message);
    expect(read.ledger.measures).toEqual(ledger.measures);
    expect(read.ledger.problems).toEqual(ledger.problems);
  });

  test('the page’s file store edits the file, and a row it adds gets the formulas the table names', async () => {
    const store = openFileStore(file, '台账.xlsx');
    if (isLedgerError(store)) throw new Error(store.message);
    await store.addProblem(problem('新问题'), [measure('新措施')]);
    const saved = store.save().bytes;
    expect(columnFormulas(saved, MEASURES.table)).toEqual(expected(MEASURES as TableDef));
    const again = readLedgerFile(saved, '台账.xlsx');
    if (isLedgerError(again)) throw new Error(again.message);
    expect(again.ledger.measures).toHaveLength(ledger.measures.length + 1);
    // The new rows hold the formulas the table names (the store copies its own column formulas).
    const parts = unzipXlsx(saved);
    const sheet = partText(parts, worksheets(parts).find((s) => s.name === MEASURES.sheet)!.path)!;
    const lastRow = ledger.measures.length + 2;
    const header = '所属问题序号';
    const letter = columnLetter(MEASURES.columns.findIndex((c) => c.header === header));
    expect(decodeXml(new RegExp(`<c r="${letter}${lastRow}"[^>]*><f>([^<]*)</f>`).exec(sheet)?.[1] ?? '')).toBe(expected(MEASURES as TableDef).get(header));
  });

  test('the 发送副本 freezer reads it', () => {
    const frozen = freezeZgFormulas(file, '台账.xlsx');
    expect(isLedgerError(frozen)).toBe(false);
  });

  test('ExcelJS cannot load it as it is, and loads it without the formulas (what the tests hand it)', async () => {
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer)).rejects.toThrow();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(file));
    expect(wb.getWorksheet(MEASURES.sheet)!.rowCount).toBeGreaterThan(ledger.measures.length);
  });
});

describe('withColumnFormulas', () => {
  const def = MEASURES as TableDef;
  const formulaHeader = def.columns.find((c) => c.formula)!.header;

  test('escapes the formula, keeps a namespace prefix, and leaves other columns and filled ones alone', () => {
    const xml =
      `<x:table name="ZG_Measures"><x:tableColumns count="3"><x:tableColumn id="1" name="措施编号"/>` +
      `<x:tableColumn id="2" name="${formulaHeader}"/><x:tableColumn id="3" name="预警"><x:calculatedColumnFormula>1</x:calculatedColumnFormula></x:tableColumn></x:tableColumns></x:table>`;
    const out = withColumnFormulas(xml, def);
    const formula = expandThisRow(def.columns.find((c) => c.formula)!.formula!, def.table);
    expect(formula).toMatch(/[<>"]/);
    expect(out).toContain(`<x:tableColumn id="1" name="措施编号"/>`);
    expect(out).toContain(`<x:tableColumn id="2" name="${formulaHeader}"><x:calculatedColumnFormula>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</x:calculatedColumnFormula></x:tableColumn>`);
    expect(out).toContain('<x:tableColumn id="3" name="预警"><x:calculatedColumnFormula>1</x:calculatedColumnFormula></x:tableColumn>');
  });
});
