import { performance } from 'node:perf_hooks';
import { isLedgerError } from './src/ledger/errors';
import { generateLedger } from './src/workbook/sample';
import { openFileStore } from './src/workbook/xlsxStore/fileStore';
import { writeLedgerXlsx } from './src/workbook/xlsxWriter';
import { unzipXlsx, partText } from './src/workbook/xlsx/package';
import { findTable, tablesOf } from './src/workbook/xlsx/sheetCells';
import { splitSheet } from './src/workbook/xlsxStore/rowsXml';
import { shiftRowFormulas } from './src/workbook/xlsxStore/shiftFormulas';
import { rowMapOfShift } from './src/workbook/xlsxStore/rowMap';
(async () => {
  const ledger = generateLedger(5000);
  const bytes = await writeLedgerXlsx(ledger);
  const parts = unzipXlsx(bytes);
  const t = findTable(tablesOf(parts), 'ZG_Measures')!;
  const xml = partText(parts, t.sheet.path)!;
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const s = splitSheet(xml);
    const a = performance.now();
    shiftRowFormulas(s.rows, s.prefix, t.sheet.name, true, rowMapOfShift({ after: 100, delta: 1, left: 1, right: 24 }));
    times.push(performance.now() - a);
  }
  console.log('shiftRowFormulas on the 5000-row sheet ms', times.map(Math.round));
  const saves: number[] = [];
  for (let i = 0; i < 4; i++) {
    const store = openFileStore(bytes, 'b.xlsx');
    if (isLedgerError(store)) throw new Error(store.message);
    const p = ledger.problems[3];
    await store.addMeasures(p.id, [{ ...ledger.measures.find((m) => m.problemId === p.id)!, id: undefined as never, content: '新措施' } as never]);
    const a = performance.now();
    store.save();
    saves.push(performance.now() - a);
  }
  console.log('save with a measure inserted mid-table ms', saves.map(Math.round));
})();
