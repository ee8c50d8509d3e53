// The user's formulas of test/support/userFormulas.ts after the file store inserted two measures in
// the middle of ZG_Measures: LibreOffice opens the saved file, recalculates, and each formula gives
// what it gave before the save — the same measure's cell, the note below the table — or, over the
// table's rows, the count with the new measures.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { isLedgerError } from '../../src/ledger/errors';
import { openFileStore } from '../../src/workbook/xlsxStore/fileStore';
import { describeWithLibreOffice, recalculate } from '../support/libreoffice';
import { ledgerWithUserFormulas, NOTE_TEXT, USER_SHEET } from '../support/userFormulas';
import { measure } from '../workbook/storeContract';

jest.setTimeout(240_000);

const now = () => new Date(2026, 10, 22, 9, 30, 0);

function result(cell: ExcelJS.Cell): unknown {
  const v = cell.formula ? cell.result : cell.value;
  return typeof v === 'object' && v !== null && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') : v;
}

describeWithLibreOffice('a user\'s formulas into 整改台账, recalculated by LibreOffice after measures were inserted', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-file-formulas-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('each formula still reads the cell it read before the save; counts over the table include the new measures', async () => {
    const file = await ledgerWithUserFormulas();
    const store = openFileStore(file.bytes, '整改台账.xlsx', { now });
    if (isLedgerError(store)) throw new Error(store.message);
    await store.addMeasures(file.ledger.problems[0].id, [measure('新措施一', '甲'), measure('新措施二', '乙')]);
    const input = path.join(dir, 'in', '整改台账.xlsx');
    mkdirSync(path.dirname(input), { recursive: true });
    writeFileSync(input, store.save().bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await recalculate(input, path.join(dir, 'out'))) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet(USER_SHEET)!;
    const { ledger, last } = file;
    expect(file.textAfter).not.toBe('');
    const n = ledger.measures.length + 2;
    const got = Object.fromEntries(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'].map((a) => [a, result(sheet.getCell(a))]));
    expect(got).toEqual({
      A1: file.textAfter,
      A2: NOTE_TEXT,
      A3: n,
      A4: ledger.measures[last].id,
      A5: ledger.measures[last + 1].id,
      A6: ledger.measures[last + 2].id,
      A7: `整改台账!A5${ledger.measures[0].id}`,
      // The header, the measures, the note.
      A8: 1 + n + 1,
      A9: 1 + n, // ROWS of a table counts its header
      A10: NOTE_TEXT,
    });
    const own = book.getWorksheet('整改台账')!;
    const row = file.note + 3;
    expect([result(own.getCell(`B${row}`)), result(own.getCell(`C${row}`)), result(own.getCell(`D${row}`))]).toEqual([NOTE_TEXT, n, ledger.measures[last + 1].id]);
  });
});
