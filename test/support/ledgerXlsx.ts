// Ledger files as units send them back, for the 汇总 reader's tests: built with ExcelJS the way a
// user would leave them (columns moved, own columns added, tables not at A1, text dates), and
// package-level rewrites of a written file (inline strings, rich text with 拼音, formula cells).
import ExcelJS from 'exceljs';
import { cellsFromRow, type CellValue } from '../../src/workbook/cells';
import { INFO_CELLS, INFO_SHEET, MEASURES, PROBLEMS, infoValueAddress, type TableDef } from '../../src/workbook/schema';
import { partText, setPartText, unzipXlsx, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { isoToSerial } from '../../src/ledger/dates';
import type { Ledger } from '../../src/ledger/types';

export type TableShape = {
  /** Headers in the order the sheet has them; schema headers left out are missing columns. */
  headers: string[];
  /** Top-left cell of the table. */
  at?: { row: number; col: number };
  /** A cell's value instead of the schema's (text dates, user columns). */
  override?: (header: string, value: CellValue, rowIndex: number) => CellValue | null;
};

function addTable<F extends string>(wb: ExcelJS.Workbook, def: TableDef<F>, rows: Record<F, unknown>[], shape: TableShape): void {
  const ws = wb.addWorksheet(def.sheet);
  const at = shape.at ?? { row: 1, col: 1 };
  if (at.row > 1) ws.getCell(1, 1).value = `${def.sheet}（单位自填）`;
  const body = (rows.length > 0 ? rows : [null]).map((row, r) => {
    const values = row ? cellsFromRow(def, row, shape.headers, 'xlsx') : shape.headers.map(() => '' as CellValue);
    return values.map((v, i) => {
      const out = shape.override ? shape.override(shape.headers[i], v, r) : v;
      return out === '' ? null : out;
    });
  });
  ws.addTable({
    name: def.table, ref: ws.getCell(at.row, at.col).address, headerRow: true,
    columns: shape.headers.map((name) => ({ name })), rows: body,
  });
}

/** A ledger workbook built by hand: 巡察信息 with the ZG_* names, and the two tables in the given shapes. */
export async function handMadeLedger(ledger: Ledger, problems: TableShape, measures: TableShape): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet(INFO_SHEET);
  for (const cell of INFO_CELLS) {
    const address = infoValueAddress(cell);
    info.getCell(`A${address.slice(1)}`).value = cell.label;
    const v = cell.field ? ledger.round[cell.field] : null;
    info.getCell(address).value = cell.kind === 'date' && typeof v === 'string' ? isoToSerial(v) : (v as string | number | null);
    wb.definedNames.add(`'${INFO_SHEET}'!$B$${address.slice(1)}`, cell.name);
  }
  addTable(wb, PROBLEMS, ledger.problems as unknown as Record<string, unknown>[], problems);
  addTable(wb, MEASURES, ledger.measures as unknown as Record<string, unknown>[], measures);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Schema headers of a table that hold data (no formula columns). */
export function dataHeaders(def: TableDef): string[] {
  return def.columns.filter((c) => c.field !== null).map((c) => c.header);
}

/** A workbook with ordinary tables of its own and nothing of a ledger. */
export async function unrelatedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  ws.addTable({ name: 'Table1', ref: 'A1', headerRow: true, columns: [{ name: '姓名' }, { name: '编号' }], rows: [['张三', 'P001']] });
  const ws2 = wb.addWorksheet('问题清单');
  ws2.addTable({ name: '问题表', ref: 'A1', headerRow: true, columns: [{ name: '问题编号' }, { name: '问题描述' }], rows: [['P001', '某问题']] });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites parts of a package. */
export function rewrite(bytes: Uint8Array, edit: (parts: XlsxParts) => void): Uint8Array {
  const parts = unzipXlsx(bytes);
  edit(parts);
  return zipXlsx(parts);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every shared-string cell of every sheet turned into an inline string (as some generators write). */
export function inlineAllStrings(parts: XlsxParts): void {
  const sst = partText(parts, 'xl/sharedStrings.xml') ?? '';
  const strings = Array.from(sst.matchAll(/<si>([\s\S]*?)<\/si>/g), (m) => m[1]);
  for (const path of Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = partText(parts, path)!;
    setPartText(parts, path, xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`));
  }
  delete parts['xl/sharedStrings.xml'];
}

/** Replaces the shared string `text` with rich-text runs split at `at`, plus a phonetic (拼音) run. */
export function richTextWithPhonetic(parts: XlsxParts, text: string, at: number, phonetic: string): void {
  const sst = partText(parts, 'xl/sharedStrings.xml')!;
  const rich = `<si><r><rPr><b/><sz val="11"/></rPr><t>${xmlText(text.slice(0, at))}</t></r><r><t xml:space="preserve">${xmlText(text.slice(at))}</t></r><rPh sb="0" eb="2"><t>${xmlText(phonetic)}</t></rPh><phoneticPr fontId="1"/></si>`;
  const next = sst.replace(`<si><t>${xmlText(text)}</t></si>`, rich);
  if (next === sst) throw new Error(`shared string not found: ${text}`);
  setPartText(parts, 'xl/sharedStrings.xml', next);
}

/** Sets one cell of a sheet part to raw cell XML (`<c r="B2" …>…</c>`), replacing the cell there. */
export function setCellXml(parts: XlsxParts, sheetPath: string, ref: string, cellXml: string): void {
  const xml = partText(parts, sheetPath)!;
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref} in ${sheetPath}`);
  setPartText(parts, sheetPath, xml.replace(re, cellXml));
}
