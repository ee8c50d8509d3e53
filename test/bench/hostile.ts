// Hostile workbook files beside the ordinary 5,000-measure ledger: each case's time as a ratio to
// reading the ordinary file in the same process (generated here, never committed). A bounded reader
// refuses a bomb in about the time it takes to inflate its limit, never the bomb's full size.
import { performance } from 'node:perf_hooks';
import { bombDeflate, minimalWorkbookEntries, rawZip, type RawEntry } from '../support/hostile';
import { generateLedger } from '../../src/workbook/sample';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { freezeZgFormulas } from '../../src/workbook/xlsx/freeze';
import { partText, setPartText, unzipXlsx, zipXlsx } from '../../src/workbook/xlsx/package';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { mergeSummary } from '../../src/ledger/consolidate';
import { isLedgerError } from '../../src/ledger/errors';
import { writeSummaryXlsx } from '../../src/workbook/summaryXlsx';
import { worksheets } from '../../src/workbook/xlsx/package';

const GB = 1024 ** 3;

function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function median(run: () => unknown, runs = 3): number {
  const times = Array.from({ length: runs }, () => timed(run)).sort((a, b) => a - b);
  return times[runs >> 1];
}

export async function hostileCases(): Promise<Record<string, unknown>> {
  const ordinary = await writeLedgerXlsx(generateLedger(5000));
  const [, ...rest] = minimalWorkbookEntries();
  const types = minimalWorkbookEntries()[0];
  const bombSheet: RawEntry[] = [types, ...rest.slice(0, 3), { name: 'xl/worksheets/sheet1.xml', deflated: bombDeflate(1.1 * GB), claimedSize: 4096 }];
  const media: RawEntry[] = [...minimalWorkbookEntries(), ...[1, 2, 3, 4].map((i) => ({ name: `xl/media/image${i}.png`, deflated: bombDeflate(GB) }))];
  const hugeRange = (() => {
    const parts = unzipXlsx(ordinary);
    for (const p of Object.keys(parts).filter((n) => n.startsWith('xl/tables/'))) setPartText(parts, p, (partText(parts, p) ?? '').replace(/ ref="[^"]*"/g, ' ref="A1:XFD1048576"'));
    return zipXlsx(parts);
  })();
  // A sparse 1,048,576-row ledger: 50 measures and one at row 1,048,570, the tables claiming every row.
  const sparse = await (async () => {
    const parts = unzipXlsx(await writeLedgerXlsx(generateLedger(50)));
    for (const p of Object.keys(parts).filter((n) => n.startsWith('xl/tables/'))) setPartText(parts, p, (partText(parts, p) ?? '').replace(/ ref="A1:([A-Z]+)\d+"/g, ' ref="A1:$11048576"'));
    const sheet = worksheets(parts).find((w) => w.name === '整改台账')!;
    const far = '<row r="1048570"><c r="A1048570" t="inlineStr"><is><t>M999</t></is></c><c r="B1048570" t="inlineStr"><is><t>P001</t></is></c></row>';
    setPartText(parts, sheet.path, (partText(parts, sheet.path) ?? '').replace('</sheetData>', () => `${far}</sheetData>`));
    return zipXlsx(parts);
  })();
  const comments = rawZip(minimalWorkbookEntries(`<worksheet><sheetData><row r="1">${'<!--<c r="A1"><f>-->'.repeat(100_000)}<c r="B1"><f>_xldudf_ZG_DAYSLEFT(A1)</f><v>7</v></c></row></sheetData></worksheet>`));

  const base = median(() => readLedgerFile(ordinary, 'x.xlsx'));
  const cases: Record<string, { fileKiB: number; ms: number; ratioToOrdinaryRead: number }> = {};
  const add = (name: string, bytes: Uint8Array, run: (b: Uint8Array) => unknown) => {
    const ms = median(() => run(bytes));
    cases[name] = { fileKiB: Math.round(bytes.length / 1024), ms: Math.round(ms), ratioToOrdinaryRead: Math.round((ms / base) * 100) / 100 };
  };
  const bomb = rawZip(bombSheet);
  const mediaBomb = rawZip(media);
  add('read: sheet inflating to 1.1 GB', bomb, (b) => readLedgerFile(b, 'x.xlsx'));
  add('freeze: sheet inflating to 1.1 GB', bomb, (b) => freezeZgFormulas(b, 'x.xlsx'));
  add('read: 4 unreferenced 1 GB media parts', mediaBomb, (b) => readLedgerFile(b, 'x.xlsx'));
  add('freeze: 4 unreferenced 1 GB media parts', mediaBomb, (b) => freezeZgFormulas(b, 'x.xlsx'));
  add('read: 5,000 measures, tables claiming A1:XFD1048576', hugeRange, (b) => readLedgerFile(b, 'x.xlsx'));
  add('freeze: 100,000 comments holding unclosed tags', comments, (b) => freezeZgFormulas(b, 'x.xlsx'));
  add('read: 50 measures and one at row 1,048,570, tables claiming 1,048,576 rows', sparse, (b) => readLedgerFile(b, 'x.xlsx'));
  // consolidate's whole path (read, merge, write the 汇总 with ExcelJS), timed once: the writer is async.
  const t0 = performance.now();
  const unit = readLedgerFile(sparse, 'x.xlsx');
  if (!isLedgerError(unit)) await writeSummaryXlsx(mergeSummary([], [unit], '2026-11-22 09:00:00').rows);
  const ms = performance.now() - t0;
  cases['consolidate: that sparse ledger read and written as a 汇总'] = { fileKiB: Math.round(sparse.length / 1024), ms: Math.round(ms), ratioToOrdinaryRead: Math.round((ms / base) * 100) / 100 };
  return { ordinaryReadMs: Math.round(base), ordinaryFileKiB: Math.round(ordinary.length / 1024), cases };
}

if (require.main === module) void hostileCases().then((r) => console.log(JSON.stringify(r, null, 2)));
