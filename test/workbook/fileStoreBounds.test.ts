// The page's reader is bounded by what the file holds, not by what it claims: a table claiming
// every row of the sheet is read (and saved) as the rows that exist.
import { isLedgerError } from '../../src/ledger/errors';
import { sampleLedger } from '../../src/workbook/sample';
import { partText, setPartText, unzipXlsx, zipXlsx } from '../../src/workbook/xlsx/package';
import { findTable, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore } from '../../src/workbook/xlsxStore/fileStore';

test.each(['A1:XFD1048576', 'A1:V1048576'])('a ZG_Measures table claiming %s opens with the same measures, and saves as the rows that exist', async (ref) => {
  const bytes = await writeLedgerXlsx(sampleLedger('2026-11-22'));
  const parts = unzipXlsx(bytes);
  const path = Object.keys(parts).find((p) => p.startsWith('xl/tables/') && partText(parts, p)!.includes('name="ZG_Measures"'))!;
  setPartText(parts, path, partText(parts, path)!.replace(/ ref="[^"]*"/g, ` ref="${ref}"`));
  const claimed = openFileStore(zipXlsx(parts), '甲.xlsx');
  const plain = openFileStore(bytes, '甲.xlsx');
  if (isLedgerError(claimed) || isLedgerError(plain)) throw new Error('not opened');
  expect((await claimed.load()).measures).toEqual((await plain.load()).measures);
  await claimed.setStatus('P001-M01', '正在推进');
  const saved = unzipXlsx(claimed.save().bytes);
  const table = findTable(tablesOf(saved), 'ZG_Measures')!;
  expect(table.range.bottom).toBe(findTable(tablesOf(unzipXlsx(bytes)), 'ZG_Measures')!.range.bottom);
});
