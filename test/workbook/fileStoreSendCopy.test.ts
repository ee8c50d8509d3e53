// The page's 生成发送副本 (the file store's makeSendCopy): the report carries what the freeze found,
// so the pane can warn about a live formula or an external link as it does for a chosen file.
import { isLedgerError } from '../../src/ledger/errors';
import type { SendCopyReport } from '../../src/ledger/store';
import { sampleLedger } from '../../src/workbook/sample';
import { DASHBOARD_SHEET } from '../../src/workbook/dashboard';
import { partText, setPartText, unzipXlsx, worksheets, zipXlsx } from '../../src/workbook/xlsx/package';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore } from '../../src/workbook/xlsxStore/fileStore';

test('makeSendCopy reports the WEBSERVICE formula it froze, and the copy holds its value', async () => {
  const parts = unzipXlsx(await writeLedgerXlsx(sampleLedger('2026-11-22')));
  const sheet = worksheets(parts).find((s) => s.name === DASHBOARD_SHEET)!;
  const cell = '<row r="200"><c r="A200" t="str"><f>WEBSERVICE("http://evil.example/")</f><v>取回的文字</v></c></row>';
  setPartText(parts, sheet.path, (partText(parts, sheet.path) ?? '').replace('</sheetData>', () => `${cell}</sheetData>`));
  const delivered: { bytes: Uint8Array; name: string }[] = [];
  const store = openFileStore(zipXlsx(parts), '整改台账.xlsx', { deliver: (bytes, name) => delivered.push({ bytes, name }) });
  if (isLedgerError(store)) throw new Error(store.message);
  const report: SendCopyReport = await store.makeSendCopy!();
  expect(report.live).toEqual([{ cell: `${DASHBOARD_SHEET}!A200`, kind: 'WEBSERVICE' }]);
  expect(report).toMatchObject({ delivery: 'downloaded', fileName: '整改台账（发送副本）.xlsx', macros: 'none', externalLinks: [], unsafeEntries: [] });
  const copy = unzipXlsx(delivered[0].bytes);
  const xml = partText(copy, sheet.path) ?? '';
  expect(xml).not.toContain('WEBSERVICE');
  expect(xml).toContain('取回的文字');
});
