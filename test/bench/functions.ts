// Each ZG.* function against (a) the floor, a minimal hand-written loop over the same cells, and
// (b) HyperFormula computing the same answer with native formulas on the same data. Ours and the
// floor run in this process over the cells Excel would pass (rows of one cell, JSON round-tripped);
// HyperFormula gets the same columns and is timed on the formula alone (its sheet is built first).
import { PerformanceObserver } from 'node:perf_hooks';
import { HyperFormula } from 'hyperformula';
import { setClock } from '../../src/functions/context';
import { countTable } from '../../src/functions/summary-table';
import * as zg from '../../src/functions/zg';
import { isLedgerError } from '../../src/ledger/errors';
import { AS_OF_SERIAL, freshCopy, makeColumns, type LedgerColumns } from './data';
import * as floor from './floors';

export type FunctionBench = {
  name: string;
  cells: number;
  ms: number;
  floorMs: number;
  hyperFormulaMs: number | null;
  overheadVsFloor: number;
  speedupVsHyperFormula: number | null;
  /** Young-generation collections during our timed runs: per-cell allocation would show here. */
  minorGcsPerRun: number;
  /** Our answer equals the floor's (and HyperFormula's, where it ran). */
  agrees: boolean;
};

type Case = {
  name: string;
  cells: number;
  /** Inputs for one run (copied when the function writes its answer into them). */
  prepare: () => unknown[];
  ours: (...inputs: unknown[]) => unknown;
  floor: (...inputs: unknown[]) => unknown;
  /** Column data for HyperFormula, the formula, and how to read its answer back. */
  hyperFormula: { columns: unknown[][][]; formula: (rows: number) => string; spills: boolean } | null;
  same: (ours: unknown, floor: unknown) => boolean;
};

const AS_OF = AS_OF_SERIAL;
const col = (letter: string, rows: number) => `${letter}1:${letter}${rows}`;

function sameNumber(a: unknown, b: unknown): boolean {
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-12;
}

function sameColumn(a: unknown, b: unknown): boolean {
  const x = a as unknown[][];
  const y = b as unknown[][];
  if (!Array.isArray(x) || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i][0] !== y[i][0]) return false;
  return true;
}

function cases(data: LedgerColumns): Case[] {
  const n = data.rows;
  const tableRows = Math.max(1, Math.floor(n / 5));
  const header = ['问题编号', '整改状态', '长期坚持', '截止日期', '销号状态'];
  const table: unknown[][] = [header];
  for (let i = 0; i < tableRows; i++) {
    table.push([data.problemIds[i][0], data.statuses[i][0], data.flags[i][0], data.deadlines[i][0], data.closeStates[i][0]]);
  }
  const tableCopy = freshCopy(table);
  return [
    {
      name: 'COMPLETIONRATE', cells: n,
      prepare: () => [data.statuses],
      ours: (s) => zg.completionRate(s),
      floor: (s) => floor.completionRateFloor(s as unknown[][]),
      hyperFormula: { columns: [data.statuses], formula: (r) => `=COUNTIF(${col('A', r)},"已完成")/COUNTA(${col('A', r)})`, spills: false },
      same: sameNumber,
    },
    {
      name: 'LONGTERMSHARE', cells: n,
      prepare: () => [data.flags],
      ours: (f) => zg.longTermShare(f),
      floor: (f) => floor.longTermShareFloor(f as unknown[][]),
      hyperFormula: { columns: [data.flags], formula: (r) => `=COUNTIF(${col('A', r)},"是")/COUNTA(${col('A', r)})`, spills: false },
      same: sameNumber,
    },
    {
      name: 'OVERDUE', cells: 2 * n,
      prepare: () => [data.deadlines, data.statuses],
      ours: (d, s) => zg.overdue(d, s, AS_OF),
      floor: (d, s) => floor.overdueFloor(d as unknown[][], s as unknown[][], AS_OF),
      hyperFormula: { columns: [data.deadlines, data.statuses], formula: (r) => `=COUNTIFS(${col('A', r)},"<${AS_OF}",${col('B', r)},"<>已完成")`, spills: false },
      same: sameNumber,
    },
    {
      name: 'ONTIMERATE', cells: 3 * n,
      prepare: () => [data.deadlines, data.doneDates, data.statuses],
      ours: (d, f, s) => zg.onTimeRate(d, f, s, AS_OF),
      floor: (d, f, s) => floor.onTimeRateFloor(d as unknown[][], f as unknown[][], s as unknown[][], AS_OF),
      hyperFormula: {
        columns: [data.deadlines, data.doneDates, data.statuses],
        formula: (r) =>
          `=SUMPRODUCT((${col('A', r)}<=${AS_OF})*(${col('A', r)}<>"")*(${col('C', r)}="已完成")*(${col('B', r)}<>"")*(${col('B', r)}<=${col('A', r)}))/COUNTIF(${col('A', r)},"<=${AS_OF}")`,
        spills: false,
      },
      same: sameNumber,
    },
    {
      name: 'DAYSLEFT', cells: n,
      prepare: () => [freshCopy(data.deadlines)],
      ours: (d) => zg.daysLeft(d, AS_OF),
      floor: (d) => floor.daysLeftFloor(d as unknown[][], AS_OF),
      hyperFormula: { columns: [data.deadlines], formula: (r) => `=IF(${col('A', r)}="","",${col('A', r)}-${AS_OF})`, spills: true },
      same: sameDaysLeft,
    },
    {
      name: 'LIGHT', cells: 3 * n,
      prepare: () => [freshCopy(data.deadlines), data.statuses, data.flags],
      ours: (d, s, f) => zg.light(d, s, f, AS_OF),
      floor: (d, s, f) => floor.lightFloor(d as unknown[][], s as unknown[][], f as unknown[][], AS_OF),
      hyperFormula: {
        columns: [data.deadlines, data.statuses, data.flags],
        formula: (r) =>
          `=IF(${col('B', r)}="已完成","蓝",IF(${col('A', r)}="",IF(${col('C', r)}="是","灰",""),IF(${col('A', r)}<${AS_OF},"红",IF(${col('A', r)}-${AS_OF}<=7,"黄","绿"))))`,
        spills: true,
      },
      same: sameColumn,
    },
    {
      name: 'DEADLINE', cells: n,
      prepare: () => [freshCopy(data.deadlineTexts)],
      ours: (t) => zg.deadline(t, AS_OF),
      floor: (t) => floor.deadlineFloor(t as unknown[][]),
      hyperFormula: {
        columns: [data.deadlineTexts],
        formula: (r) => `=IF(${col('A', r)}="","",EOMONTH(DATE(VALUE(LEFT(${col('A', r)},4)),VALUE(MID(${col('A', r)},6,FIND("月",${col('A', r)})-6)),1),0))`,
        spills: true,
      },
      same: sameColumn,
    },
    {
      name: 'STATUS', cells: n,
      prepare: () => [freshCopy(data.statusPhrases)],
      ours: (t) => zg.status(t),
      floor: (t) => floor.statusFloor(t as unknown[][]),
      hyperFormula: {
        columns: [data.statusPhrases],
        formula: (r) => {
          const a = col('A', r);
          return `=IF(${a}="","",IF(ISNUMBER(SEARCH("未",${a})),"未启动",IF(ISNUMBER(SEARCH("部分",${a})),"部分完成",IF(ISNUMBER(SEARCH("基本",${a})),"基本完成",IF(ISNUMBER(SEARCH("正在",${a})),"正在推进","已完成")))))`;
        },
        spills: true,
      },
      same: sameColumn,
    },
    {
      name: 'SUMMARY', cells: table.length * header.length,
      prepare: () => [tableCopy],
      ours: (t) => zg.summary(t),
      floor: (t) => floor.summaryFloor(t as unknown[][], AS_OF),
      // Native formulas can count the measures; the problem roll-up has no native equivalent short
      // of one COUNTIFS per problem, so HyperFormula is timed on the measure counts only.
      hyperFormula: {
        columns: [table.slice(1).map((r) => [r[1]]), table.slice(1).map((r) => [r[3]]), table.slice(1).map((r) => [r[4]]), table.slice(1).map((r) => [r[2]])],
        formula: (r) =>
          `=COUNTA(${col('A', r)})&"/"&COUNTIF(${col('A', r)},"已完成")&"/"&COUNTIFS(${col('B', r)},"<${AS_OF}",${col('A', r)},"<>已完成")&"/"&COUNTIF(${col('C', r)},"已销号")&"/"&COUNTIF(${col('D', r)},"是")`,
        spills: false,
      },
      same: (ours, floorAnswer) => {
        const counts = countTable(tableCopy, AS_OF - 25569);
        if (isLedgerError(counts) || typeof ours !== 'string') return false;
        const mine = `${counts.problems}/${counts.problemsDone}/${counts.problemsLongTerm}/${counts.measures}/${counts.measuresDone}/${counts.overdue}/${counts.closed}`;
        return mine === floorAnswer && ours.includes(`制定的${counts.measures}条整改措施`);
      },
    },
  ];
}

function sameDaysLeft(a: unknown, b: unknown): boolean {
  return sameColumn(a, b);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Young-generation GCs seen while `fn` runs (entries arrive asynchronously, hence the await). */
async function countMinorGcs(fn: () => void): Promise<number> {
  let minor = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as unknown as { detail?: { kind?: number } }).detail;
      if (detail?.kind === 1) minor++; // NODE_PERFORMANCE_GC_MINOR
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  fn();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return minor;
}

/**
 * Ours and the floor, each on its own fresh inputs, run alternately so that load from other
 * processes on the machine falls on both alike; the median of `runs` after one warm-up each.
 */
function timePair(
  prepare: () => unknown[],
  ours: (...inputs: unknown[]) => unknown,
  floorFn: (...inputs: unknown[]) => unknown,
  runs: number,
): { ours: { ms: number; answer: unknown }; floor: { ms: number; answer: unknown } } {
  const oursInputs = Array.from({ length: runs + 1 }, prepare);
  const floorInputs = Array.from({ length: runs + 1 }, prepare);
  // Warm-up: two calls each so that both run optimized code when timed.
  let oursAnswer = ours(...prepare());
  let floorAnswer = floorFn(...prepare());
  oursAnswer = ours(...oursInputs[0]);
  floorAnswer = floorFn(...floorInputs[0]);
  const oursTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 1; i <= runs; i++) {
    let t = performance.now();
    oursAnswer = ours(...oursInputs[i]);
    oursTimes.push(performance.now() - t);
    t = performance.now();
    floorAnswer = floorFn(...floorInputs[i]);
    floorTimes.push(performance.now() - t);
  }
  return { ours: { ms: median(oursTimes), answer: oursAnswer }, floor: { ms: median(floorTimes), answer: floorAnswer } };
}

function timeHyperFormula(spec: NonNullable<Case['hyperFormula']>): { ms: number; sample: unknown[] } {
  const rows = spec.columns[0].length;
  const sheet: unknown[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (const column of spec.columns) row.push(column[r][0] === '' ? null : column[r][0]);
    sheet[r] = row;
  }
  const hf = HyperFormula.buildFromArray(sheet as (string | number | null)[][], {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    maxRows: Math.max(rows, 1000) + 10,
  });
  const at = { sheet: 0, col: spec.columns.length + 1, row: 0 };
  const t = performance.now();
  hf.setCellContents(at, [[spec.formula(rows)]]);
  const ms = performance.now() - t;
  const sample: unknown[] = [];
  const step = Math.max(1, Math.floor(rows / 1000));
  for (let r = 0; r < (spec.spills ? rows : 1); r += step) sample.push(hf.getCellValue({ ...at, row: r }));
  hf.destroy();
  return { ms, sample };
}

function hyperFormulaAgrees(c: Case, ours: unknown, sample: unknown[]): boolean {
  if (!c.hyperFormula) return true;
  if (c.name === 'SUMMARY') return typeof sample[0] === 'string';
  // HyperFormula rounds results to 10 significant digits (its precisionRounding).
  if (!c.hyperFormula.spills) return typeof ours === "number" && typeof sample[0] === "number" && Math.abs(ours - sample[0]) < 1e-9;
  const column = ours as unknown[][];
  const rows = column.length;
  const step = Math.max(1, Math.floor(rows / 1000));
  return sample.every((v, k) => {
    const mine = column[k * step][0];
    if (c.name === 'DAYSLEFT' || c.name === 'DEADLINE') return mine === '' ? v === '' || v === null : mine === v;
    return mine === (v ?? '');
  });
}

export type FunctionBenchOptions = { cells: number; hyperFormula?: boolean; runs?: number; log?: (line: string) => void };

export async function benchFunctions(options: FunctionBenchOptions): Promise<FunctionBench[]> {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 9;
  setClock(() => new Date(Date.UTC(2025, 5, 30, 4)));
  const data = makeColumns(options.cells);
  const results: FunctionBench[] = [];
  for (const c of cases(data)) {
    const { ours, floor: floorRun } = timePair(c.prepare, c.ours, c.floor, runs);
    if (isLedgerError(ours.answer)) throw new Error(`${c.name}: ${ours.answer.message}`);
    const inputs = c.prepare();
    const minorGcs = await countMinorGcs(() => c.ours(...inputs));
    let hyperFormulaMs: number | null = null;
    let agrees = c.same(ours.answer, floorRun.answer);
    if (options.hyperFormula !== false && c.hyperFormula) {
      log(`${c.name}: HyperFormula…`);
      const hf = timeHyperFormula(c.hyperFormula);
      hyperFormulaMs = hf.ms;
      agrees = agrees && hyperFormulaAgrees(c, ours.answer, hf.sample);
    }
    results.push({
      name: c.name,
      cells: c.cells,
      ms: round(ours.ms),
      floorMs: round(floorRun.ms),
      hyperFormulaMs: hyperFormulaMs === null ? null : round(hyperFormulaMs),
      overheadVsFloor: round(ours.ms / floorRun.ms),
      speedupVsHyperFormula: hyperFormulaMs === null ? null : round(hyperFormulaMs / ours.ms),
      minorGcsPerRun: minorGcs,
      agrees,
    });
    log(`${c.name}: ${round(ours.ms)} ms (floor ${round(floorRun.ms)} ms)`);
  }
  setClock(null);
  return results;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
