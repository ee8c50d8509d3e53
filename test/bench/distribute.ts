// 分发/回收 bench: a 5,000-measure ledger split among 40 责任单位, beside a baseline in the same run
// on the same data, alternating:
//   distribute  vs  ExcelJS alone writing the same 40 workbooks (the same rows as plain sheets)
//   collect     vs  ExcelJS alone loading the same 40 returned files
// Collect reads each file, compares it with the ledger and applies the changes (5 per file)
// through the memory store, as the command line does. Times only: the ratio is what to watch.
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { collectUnattended, type CollectInput } from '../../src/ledger/distribute/report';
import { splitLedger } from '../../src/ledger/distribute/split';
import { isLedgerError } from '../../src/ledger/errors';
import type { Ledger } from '../../src/ledger/types';
import { distributeLedger } from '../../src/workbook/distributeXlsx';
import { createMemoryStore } from '../../src/workbook/memoryStore';
import { generateLedger } from '../../src/workbook/sample';
import { MEASURES, PROBLEMS } from '../../src/workbook/schema';
import { readReturnedFile } from '../../src/workbook/xlsx/readReturned';
import { excelJsInput } from '../support/excelJs';

const MEASURE_COUNT = 5000;
const UNITS = 40;
const RUNS = 3;
const TODAY = '2026-12-06';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

async function pair(ours: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<{ ours: number; baseline: number }> {
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

function benchLedger(): Ledger {
  const ledger = generateLedger(MEASURE_COUNT);
  ledger.round = { ...ledger.round, org: '中共某县某局党组', inspector: '县委第一巡察组' };
  ledger.measures = ledger.measures.map((m, i) => ({ ...m, unit: `第${(i % UNITS) + 1}科室` }));
  return ledger;
}

/** The department's work: five status changes and a progress line in each file. */
async function fillIn(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excelJsInput(bytes));
  const ws = wb.getWorksheet(MEASURES.sheet)!;
  const col = (h: string) => MEASURES.columns.findIndex((c) => c.header === h) + 1;
  for (let r = 2; r < 7; r++) {
    ws.getCell(r, col('整改状态')).value = '基本完成';
    ws.getCell(r, col('整改进展')).value = `${TODAY}：已完成主要工作。\n${String(ws.getCell(r, col('整改进展')).value ?? '')}`;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function run(opts: { json: boolean }): Promise<Record<string, unknown>> {
  const ledger = benchLedger();
  const options = { by: '责任单位' as const, asOf: TODAY, date: TODAY, due: null };
  const { files } = await distributeLedger(ledger, options);
  if (files.length !== UNITS) throw new Error(`expected ${UNITS} files, got ${files.length}`);
  const parts = splitLedger(ledger, '责任单位').parts;
  const distributing = await pair(
    () => distributeLedger(ledger, options),
    async () => {
      for (const part of parts) {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet(PROBLEMS.sheet).addRows(part.ledger.problems.map((p) => PROBLEMS.columns.map((c) => (c.field ? String(p[c.field] ?? '') : ''))));
        wb.addWorksheet(MEASURES.sheet).addRows(part.ledger.measures.map((m) => MEASURES.columns.map((c) => (c.field ? String(m[c.field] ?? '') : ''))));
        await wb.xlsx.writeBuffer();
      }
    },
  );

  const returned = await Promise.all(files.map((f) => fillIn(f.bytes)));
  const collectOnce = async () => {
    const inputs: CollectInput[] = returned.map((bytes, i) => {
      const read = readReturnedFile(bytes, files[i].fileName);
      return isLedgerError(read) ? { fileName: files[i].fileName, error: read } : read;
    });
    const store = createMemoryStore(ledger, { now: () => new Date(2026, 11, 6) });
    return collectUnattended(store, inputs, TODAY);
  };
  const check = await collectOnce();
  if (check.json.applied.length < UNITS * 5) throw new Error(`expected at least ${UNITS * 5} applied changes, got ${check.json.applied.length}`);
  const collecting = await pair(collectOnce, async () => {
    for (const bytes of returned) await new ExcelJS.Workbook().xlsx.load(excelJsInput(bytes));
  });

  const summary = {
    measures: MEASURE_COUNT,
    units: UNITS,
    runs: RUNS,
    distributeMs: Math.round(distributing.ours),
    excelJsWriteMs: Math.round(distributing.baseline),
    distributeRatioToExcelJs: Math.round((distributing.ours / distributing.baseline) * 100) / 100,
    collectMs: Math.round(collecting.ours),
    excelJsLoadMs: Math.round(collecting.baseline),
    collectRatioToExcelJs: Math.round((collecting.ours / collecting.baseline) * 100) / 100,
    appliedChanges: check.json.applied.length,
  };
  if (!opts.json) {
    console.log(`\n分发/回收: ${MEASURE_COUNT} measures, ${UNITS} units, median of ${RUNS} runs, alternating`);
    console.log(`  distribute ${summary.distributeMs} ms  vs ExcelJS writing the same rows ${summary.excelJsWriteMs} ms  (${summary.distributeRatioToExcelJs}×)`);
    console.log(`  collect ${summary.collectMs} ms  vs ExcelJS loading the same files ${summary.excelJsLoadMs} ms  (${summary.collectRatioToExcelJs}×)`);
  }
  return summary;
}

if (require.main === module) void run({ json: process.argv.includes('--json') });
