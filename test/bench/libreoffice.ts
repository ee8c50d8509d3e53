// The 整改统计 bench: how much LibreOffice's recalculation on load adds to opening a generated
// ledger (generateLedger, the CLI's `template --sample --measures N`) of 1,000, 3,000 and 5,000
// measures. Each size is opened with recalculation forced on and with it off (cached results
// trusted; the file carries none, so nothing on 整改统计 is computed), alternating so machine load
// falls on both alike; the figure is the median of each. The target (issue 10): recalculation adds
// at most 30% at 5,000 measures — the sheet must recalculate in time linear in the ledger. Both the
// wall time and the CPU time soffice used are reported; the target is judged on CPU time, which
// other work on the machine does not inflate (wall times on a busy machine swung by ±40%).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLedger } from '../../src/workbook/sample';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openAsCsv, sofficePath, type RecalcOnLoad } from '../support/libreoffice';

const SIZES = [1000, 3000, 5000] as const;
const RUNS = 3;
const TARGET = 0.3;

export type OpenBench = {
  measures: number; problems: number; onMs: number; offMs: number; added: number;
  /** CPU milliseconds soffice used, and what recalculation adds by them. */
  onCpuMs: number; offCpuMs: number; addedCpu: number;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function timed(file: string, dir: string, recalc: RecalcOnLoad): Promise<{ wall: number; cpu: number }> {
  let cpu = NaN;
  const t0 = performance.now();
  await openAsCsv(file, path.join(dir, `out-${recalc}`), recalc, { timeoutMs: 600_000, cpu: (ms) => (cpu = ms) });
  return { wall: performance.now() - t0, cpu };
}

const share = (on: number, off: number) => Math.round(((on - off) / off) * 100) / 100;

export async function run(opts: { json: boolean; sizes?: readonly number[] }): Promise<Record<string, unknown>> {
  if (!sofficePath()) return { skipped: 'LibreOffice (soffice) is not installed' };
  if (!opts.json) console.log('\nLibreOffice opening a generated ledger, recalculation on vs off (median of 3, alternating):');
  const dir = mkdtempSync(path.join(tmpdir(), 'zg-bench-lo-'));
  const results: OpenBench[] = [];
  try {
    for (const measures of opts.sizes ?? SIZES) {
      const ledger = generateLedger(measures);
      const file = path.join(dir, `ledger-${measures}.xlsx`);
      writeFileSync(file, await writeLedgerXlsx(ledger));
      const on: { wall: number; cpu: number }[] = [];
      const off: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        off.push(await timed(file, dir, 'never'));
        on.push(await timed(file, dir, 'always'));
      }
      const ms = (runs: typeof on, key: 'wall' | 'cpu') => Math.round(median(runs.map((x) => x[key])));
      const [onMs, offMs, onCpuMs, offCpuMs] = [ms(on, 'wall'), ms(off, 'wall'), ms(on, 'cpu'), ms(off, 'cpu')];
      const r: OpenBench = { measures, problems: ledger.problems.length, onMs, offMs, added: share(onMs, offMs), onCpuMs, offCpuMs, addedCpu: share(onCpuMs, offCpuMs) };
      results.push(r);
      if (!opts.json) {
        console.log(
          `  ${measures} measures (${r.problems} problems): recalculation on ${r.onMs} ms, off ${r.offMs} ms, adds ${Math.round(r.added * 100)}%` +
            ` | CPU on ${r.onCpuMs} ms, off ${r.offCpuMs} ms, adds ${Math.round(r.addedCpu * 100)}%`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const largest = results[results.length - 1];
  return { runs: RUNS, results, target: `recalculation adds ≤ ${TARGET * 100}% of CPU time at ${largest?.measures}`, met: largest ? largest.addedCpu <= TARGET : null };
}

if (require.main === module) {
  const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  void run({ json: false, ...(sizes.length > 0 ? { sizes } : {}) }).then((r) => console.log(JSON.stringify(r)));
}
