// Workbook-file bench: what the 汇总 reader and the 发送副本 freeze cost on a large ledger (5,000
// measures, the size DESIGN §8 gives for one unit), each beside a baseline run on the same bytes in
// the same process, alternating:
//   readLedgerFile  vs  ExcelJS's own xlsx.load (a maintained library reading the whole file)
//   freeze          vs  unzip + zip of the same package (work any rewrite of the file must do)
// and the heap each leaves allocated while its result is alive (with --expose-gc, else null).
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { performance } from 'node:perf_hooks';
import { isLedgerError } from '../../src/ledger/errors';
import { generateLedger } from '../../src/workbook/sample';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { freezeZgFormulas } from '../../src/workbook/xlsx/freeze';
import { partText, setPartText, unzipXlsx, worksheets, zipXlsx } from '../../src/workbook/xlsx/package';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { hostileCases } from './hostile';
import { withoutColumnFormulas } from '../support/excelJs';

const MEASURES = 5000;
const RUNS = 7;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Medians of ours and the baseline, run alternately so machine load falls on both alike. */
async function pair(ours: () => unknown, baseline: () => unknown): Promise<{ ours: number; baseline: number }> {
  await ours();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await ours();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await baseline();
    b.push(performance.now() - t0);
  }
  return { ours: median(a), baseline: median(b) };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap still held while the result is alive, in MiB; null without --expose-gc. */
async function retainedMiB(make: () => unknown): Promise<number | null> {
  if (!gc) return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = await make();
  gc();
  const after = process.memoryUsage().heapUsed;
  void result;
  return Math.round(((after - before) / 1048576) * 10) / 10;
}

/** The ledger file with a ZG.DAYSLEFT formula beside every measure, as Excel saves them (cached values). */
function withZgFormulas(xlsx: Uint8Array): Uint8Array {
  const parts = unzipXlsx(xlsx);
  const sheet = worksheets(parts).find((s) => s.name === '整改台账');
  if (!sheet) throw new Error('no 整改台账 sheet');
  let n = 0;
  const xml = (partText(parts, sheet.path) ?? '').replace(/<c r="A(\d+)"/g, (whole, row: string) => {
    if (row === '1') return whole;
    n++;
    return `<c r="ZZ${row}"><f>_xldudf_ZG_DAYSLEFT(I${row})</f><v>${n % 40}</v></c>${whole}`;
  });
  setPartText(parts, sheet.path, xml);
  return zipXlsx(parts);
}

export async function run(opts: { json: boolean }): Promise<Record<string, unknown>> {
  const ledger = generateLedger(MEASURES);
  const file = await writeLedgerXlsx(ledger);
  // ExcelJS cannot load the table parts' column formulas (test/support/excelJs.ts): it gets the file without them.
  const excelJsFile = withoutColumnFormulas(file);
  const read = readLedgerFile(file, 'bench.xlsx');
  if (isLedgerError(read) || read.ledger.measures.length !== MEASURES) throw new Error('the bench ledger did not read back');
  const reading = await pair(
    () => readLedgerFile(file, 'bench.xlsx'),
    () => new ExcelJS.Workbook().xlsx.load(Buffer.from(excelJsFile) as unknown as ExcelJS.Buffer),
  );

  const zgFile = withZgFormulas(file);
  const frozen = freezeZgFormulas(zgFile, 'bench.xlsx');
  if (isLedgerError(frozen) || frozen.replaced !== MEASURES) throw new Error('the bench freeze did not replace every formula');
  const freezing = await pair(
    () => freezeZgFormulas(zgFile, 'bench.xlsx'),
    () => zipSync(unzipSync(zgFile)),
  );

  const summary = {
    measures: MEASURES,
    fileKiB: Math.round(file.length / 1024),
    runs: RUNS,
    readMs: Math.round(reading.ours),
    excelJsLoadMs: Math.round(reading.baseline),
    readRatioToExcelJs: Math.round((reading.ours / reading.baseline) * 100) / 100,
    freezeMs: Math.round(freezing.ours),
    unzipZipMs: Math.round(freezing.baseline),
    freezeRatioToUnzipZip: Math.round((freezing.ours / freezing.baseline) * 100) / 100,
    readRetainedMiB: await retainedMiB(() => readLedgerFile(file, 'bench.xlsx')),
    excelJsRetainedMiB: await retainedMiB(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(excelJsFile) as unknown as ExcelJS.Buffer)),
    // Hostile files (zip bombs, huge claimed ranges, 100,000 comments) as ratios to reading the ordinary file.
    hostile: await hostileCases(),
  };
  if (!opts.json) {
    console.log(`\nworkbook files: ${MEASURES} measures, ${summary.fileKiB} KiB, median of ${RUNS} runs, alternating`);
    console.log(`  readLedgerFile ${summary.readMs} ms  vs ExcelJS load ${summary.excelJsLoadMs} ms  (${summary.readRatioToExcelJs}×)`);
    console.log(`  freeze ${summary.freezeMs} ms  vs unzip+zip ${summary.unzipZipMs} ms  (${summary.freezeRatioToUnzipZip}×)`);
    if (summary.readRetainedMiB === null) console.log('  heap held: not measured (needs node --expose-gc, as npm run bench passes)');
    else console.log(`  heap held while the result is alive: reader ${summary.readRetainedMiB} MiB, ExcelJS ${summary.excelJsRetainedMiB} MiB`);
    const { cases } = summary.hostile as { cases: Record<string, { fileKiB: number; ms: number; ratioToOrdinaryRead: number }> };
    for (const [name, c] of Object.entries(cases)) console.log(`  hostile ${name} (${c.fileKiB} KiB): ${c.ms} ms (${c.ratioToOrdinaryRead}× the ordinary read)`);
  }
  return summary;
}

if (require.main === module) void run({ json: process.argv.includes('--json') });
