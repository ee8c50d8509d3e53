// A ledger file with things of a user's that point into ZG_Measures' rows and below the table: a
// sheet of their own with formulas naming 整改台账 (single cells in and below the table, a range
// over the body, a shared formula filled down across the point where a new measure goes, text that
// only looks like a reference, whole columns, a structured reference), formulas on 整改台账 itself
// below the table, and a page break under the note there. For the file store's tests and their
// LibreOffice twin.
import type { Ledger } from '../../src/ledger/types';
import { sampleLedger } from '../../src/workbook/sample';
import { partText, setPartText, unzipXlsx, zipXlsx } from '../../src/workbook/xlsx/package';
import { findTable, readSheetCells, sharedStrings, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { addWorksheet } from '../../src/workbook/xlsxStore/sheetParts';

export const USER_SHEET = '我的 汇总';
export const NOTE_TEXT = '备注：以上为第一轮';

export type UserFormulasFile = {
  bytes: Uint8Array;
  ledger: Ledger;
  /** Rows of 整改台账 before any save: the note, the table's last row, measure i's row. */
  note: number;
  bottom: number;
  rowOf: (measure: number) => number;
  /** The index of the first problem's last measure: new measures of that problem go right after it. */
  last: number;
  /** What column C of measure last + 1 holds. */
  textAfter: string;
  /** The user's sheet's formulas by cell, as written. */
  formulas: Record<string, string>;
};

const f = (ref: string, formula: string) => `<c r="${ref}"><f>${formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</f></c>`;

export async function ledgerWithUserFormulas(): Promise<UserFormulasFile> {
  const ledger = sampleLedger('2026-11-22');
  const parts = unzipXlsx(await writeLedgerXlsx(ledger));
  const table = findTable(tablesOf(parts), 'ZG_Measures')!;
  const path = table.sheet.path;
  const bottom = table.range.bottom;
  const note = bottom + 3;
  const rowOf = (i: number) => table.range.top + 1 + i;
  const last = ledger.measures.map((m) => m.problemId).lastIndexOf(ledger.problems[0].id);
  let xml = partText(parts, path)!;
  const textAfter = String(readSheetCells(xml, sharedStrings(parts), []).get(rowOf(last + 1), 3)?.value ?? '');
  xml = xml.replace(
    '</sheetData>',
    `<row r="${note}"><c r="A${note}" t="inlineStr"><is><t>${NOTE_TEXT}</t></is></c></row>` +
      `<row r="${note + 1}">${f(`B${note + 1}`, `A${note}`)}${f(`C${note + 1}`, `COUNTA(A2:A${bottom})`)}${f(`D${note + 1}`, `A${rowOf(last + 1)}`)}</row></sheetData>`,
  );
  // A page starts right under the note.
  xml = xml.replace('<tableParts', `<rowBreaks count="1" manualBreakCount="1"><brk id="${note}" max="16383" man="1"/></rowBreaks><tableParts`);
  setPartText(parts, path, xml);
  const formulas: Record<string, string> = {
    A1: `整改台账!C${rowOf(last + 1)}`,
    A2: `'整改台账'!$A$${note}`,
    A3: `COUNTA(整改台账!$A$2:$A$${bottom})`,
    A4: `整改台账!A${rowOf(last)}`,
    A7: '"整改台账!A5"&整改台账!A2',
    A8: 'COUNTA(整改台账!A:A)',
    A9: 'ROWS(ZG_Measures)',
    A10: `整改台账!B${note + 1}`,
  };
  const cell = (ref: string) => f(ref, formulas[ref]);
  // A4:A6 filled down: one shared formula, the text in A4 only.
  const shared = `<c r="A4"><f t="shared" ref="A4:A6" si="0">${formulas.A4}</f></c>`;
  const rows = [
    `<row r="1">${cell('A1')}</row>`, `<row r="2">${cell('A2')}</row>`, `<row r="3">${cell('A3')}</row>`, `<row r="4">${shared}</row>`,
    '<row r="5"><c r="A5"><f t="shared" si="0"/></c></row>', '<row r="6"><c r="A6"><f t="shared" si="0"/></c></row>',
    `<row r="7">${cell('A7')}</row>`, `<row r="8">${cell('A8')}</row>`, `<row r="9">${cell('A9')}</row>`, `<row r="10">${cell('A10')}</row>`,
  ];
  addWorksheet(parts, USER_SHEET, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A10"/><sheetData>${rows.join('')}</sheetData></worksheet>`);
  // Excel's calculation chain, naming the formula cells below the table on 整改台账 (sheetId 3).
  setPartText(parts, 'xl/calcChain.xml', `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B${note + 1}" i="3"/><c r="C${note + 1}"/><c r="D${note + 1}"/></calcChain>`);
  const rels = 'xl/_rels/workbook.xml.rels';
  setPartText(parts, rels, partText(parts, rels)!.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  const types = '[Content_Types].xml';
  setPartText(parts, types, partText(parts, types)!.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  return { bytes: zipXlsx(parts), ledger, note, bottom, rowOf, last, textAfter, formulas };
}
