// Importer bench: 50 KB of report text (the fixtures, concatenated and cut at 50 KB of UTF-8)
// through importReport, median of several runs, beside a floor on the same text — a plain split
// into lines plus one regex scan per line for markers and dates, the least any importer must do.
// Issue 5 requires 50 KB < 50 ms.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importReport } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { benchHostile, HOSTILE_BYTES, printHostile, scaled } from './importHostile';

const TARGET_BYTES = 50 * 1024;
const LIMIT_MS = 50;

function fixtureDir(): string {
  return process.env.IMPORT_FIXTURES ?? path.resolve(__dirname, '..', 'fixtures', 'reports');
}

function ownTexts(): string[] {
  const dir = path.resolve(__dirname, '..', 'import', 'texts');
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}

/** About 50 KB of UTF-8: the fixtures (then this repo's sample texts) repeated and cut at a line. */
export function benchText(): string {
  let sources: string[] = [];
  try {
    sources = readdirSync(fixtureDir()).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(fixtureDir(), f), 'utf8'));
  } catch {
    sources = [];
  }
  sources.push(...ownTexts());
  if (sources.length === 0) throw new Error('no report texts found for the import bench');
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    for (const line of sources[i % sources.length].split('\n')) {
      const size = Buffer.byteLength(line, 'utf8') + 1;
      if (bytes + size > TARGET_BYTES) return lines.join('\n');
      lines.push(line);
      bytes += size;
    }
  }
  return lines.join('\n');
}

// The floor: what any line-based importer must at least do.
const FLOOR_RE = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])|(\d{4})年(\d{1,2})月(\d{1,2})日|整改情况[：:]/g;
function floor(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r?\n/)) {
    FLOOR_RE.lastIndex = 0;
    while (FLOOR_RE.exec(line)) hits++;
  }
  return hits;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time(fn: () => unknown, runs: number): { median: number; min: number; max: number } {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT and the regex caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export async function run(opts: { json: boolean }): Promise<Record<string, unknown>> {
  const text = benchText();
  const bytes = Buffer.byteLength(text, 'utf8');
  const result = importReport(text);
  const problems = isLedgerError(result) ? 0 : result.problems.length;
  const runs = 21;
  const importer = time(() => importReport(text), runs);
  const baseline = time(() => floor(text), runs);
  const summary = {
    bytes,
    lines: text.split('\n').length,
    problems,
    runs,
    importMedianMs: round(importer.median),
    importMinMs: round(importer.min),
    importMaxMs: round(importer.max),
    floorMedianMs: round(baseline.median),
    ratioToFloor: round(importer.median / Math.max(baseline.median, 1e-6)),
    limitMs: LIMIT_MS,
    withinLimit: importer.median < LIMIT_MS,
  };
  // Ordinary reports at the hostile texts' size, so their ratios to the floor compare.
  const ordinary = [{ name: 'ordinary reports', text: scaled((s) => benchText().repeat(Math.max(1, Math.ceil(s * 2))).slice(0, Math.round(HOSTILE_BYTES * s))) }];
  const hostile = benchHostile(ordinary, floor);
  Object.assign(summary, { hostile, hostileWithinLimit: hostile.every((r) => r.withinLimit) });
  if (!opts.json) {
    printHostile(hostile);
    console.log(`\nimport: ${(bytes / 1024).toFixed(1)} KB, ${summary.lines} lines, ${problems} problems, median of ${runs} runs`);
    console.log(`  importReport      ${summary.importMedianMs.toFixed(2).padStart(8)} ms   (min ${summary.importMinMs.toFixed(2)}, max ${summary.importMaxMs.toFixed(2)})`);
    console.log(`  floor (split+re)  ${summary.floorMedianMs.toFixed(2).padStart(8)} ms`);
    console.log(`  limit ${LIMIT_MS} ms: ${summary.withinLimit ? 'met' : 'NOT met'} (${summary.ratioToFloor}× the floor)`);
  }
  return summary;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (require.main === module) void run({ json: process.argv.includes('--json') });
