// The importer's worst cases (test/import/hostile.ts) beside ordinary reports, each text scaled to
// about 100 KB of UTF-8: median time of importReport, the floor on the same text (split into lines
// plus one regex scan per line, the least any importer does) and the ratio to it. Issue 12's
// target: no text of ≤ 100 KB above 200 ms. A case far above the ordinary texts' ratio is a stage
// that is not linear.
import { performance } from 'node:perf_hooks';
import { importReport } from '../../src/ledger/import';
import { HOSTILE } from '../import/hostile';

export const HOSTILE_BYTES = 100 * 1024;
export const HOSTILE_LIMIT_MS = 200;

export type HostileRow = { name: string; bytes: number; ms: number; floorMs: number; ratio: number; withinLimit: boolean };

/** The case at the scale that makes it just under `bytes` of UTF-8 (sizes grow linearly with scale). */
export function scaled(make: (scale: number) => string, bytes = HOSTILE_BYTES): string {
  const unit = Buffer.byteLength(make(1), 'utf8');
  let scale = bytes / unit;
  let text = make(scale);
  while (Buffer.byteLength(text, 'utf8') > bytes && scale > 0.01) text = make((scale *= 0.97));
  return text;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function timed(fn: () => unknown, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function benchHostile(ordinary: readonly { name: string; text: string }[], floor: (text: string) => number, runs = 5): HostileRow[] {
  const texts = [...ordinary, ...HOSTILE.map((c) => ({ name: c.name, text: scaled(c.make) }))];
  return texts.map(({ name, text }) => {
    const ms = timed(() => importReport(text), runs);
    const floorMs = timed(() => floor(text), runs);
    return {
      name,
      bytes: Buffer.byteLength(text, 'utf8'),
      ms: Math.round(ms * 10) / 10,
      floorMs: Math.round(floorMs * 100) / 100,
      ratio: Math.round((ms / Math.max(floorMs, 0.01)) * 10) / 10,
      withinLimit: ms <= HOSTILE_LIMIT_MS,
    };
  });
}

export function printHostile(rows: readonly HostileRow[]): void {
  console.log(`\nimport, worst cases at ≤ ${HOSTILE_BYTES / 1024} KB (median of 5; limit ${HOSTILE_LIMIT_MS} ms)`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const kb = (r.bytes / 1024).toFixed(0).padStart(4);
    console.log(`  ${r.name.padEnd(width)}  ${kb} KB  ${r.ms.toFixed(1).padStart(7)} ms  floor ${r.floorMs.toFixed(2).padStart(6)} ms  ${`${r.ratio}×`.padStart(7)}  ${r.withinLimit ? '' : 'OVER'}`);
  }
  console.log(`  all within ${HOSTILE_LIMIT_MS} ms: ${rows.every((r) => r.withinLimit) ? 'yes' : 'NO'}`);
}
