// The start-up JavaScript budget of each page, measured on a built dist/:
//
//   tsx scripts/check-bundle.ts [dist] [--budget-kib 165]
//
// Counts, gzip -9, every script taskpane.html loads (the webpack runtime, the split vendor chunks,
// functions.js and taskpane.js); Office.js is listed but not counted (see lib/bundle-size.ts). The
// page over a file (app.html) has the same budget for what it loads. Lazily loaded chunks (the
// .docx writer, the report parser, the file store) are listed for information.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKiB, gzipSize, isOfficeJs, judgeBudget, scriptSources, TASKPANE_BUDGET_BYTES } from './lib/bundle-size';
import type { SizedFile } from './lib/bundle-size';

/** The pages whose start-up scripts are budgeted. */
const PAGES = ['taskpane.html', 'app.html'];

function main(): number {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf('--budget-kib');
  const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) * 1024 : TASKPANE_BUDGET_BYTES;
  const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--budget-kib') ?? 'dist';
  const everyPageLoads = new Set(PAGES.flatMap((name) => (existsSync(join(dist, name)) ? scriptSources(readFileSync(join(dist, name), 'utf8')) : [])));
  const codes = PAGES.map((name) => checkPage(dist, name, budget));
  const size = (file: string): SizedFile => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzip: gzipSize(bytes) };
  };
  const lazy = readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !everyPageLoads.has(f))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  if (lazy.length > 0) {
    console.log('loaded on demand (not counted):');
    lazy.forEach((f) => console.log(`  ${f.file.padEnd(32)} ${formatKiB(f.bytes).padStart(11)} ${formatKiB(f.gzip).padStart(11)} gzip`));
  }
  return Math.max(...codes);
}

function checkPage(dist: string, name: string, budget: number): number {
  const page = join(dist, name);
  if (!existsSync(page)) {
    console.error(`${page} does not exist: run npm run build first`);
    return 2;
  }
  const sources = scriptSources(readFileSync(page, 'utf8'));
  const size = (file: string): SizedFile => {
    const bytes = readFileSync(join(dist, file));
    return { file, bytes: bytes.length, gzip: gzipSize(bytes) };
  };
  const missing = sources.filter((src) => /^[a-z]+:|^\/\//i.test(src) || !existsSync(join(dist, src)));
  if (missing.length > 0) {
    console.error(`${name} loads scripts that are not files in ${dist}: ${missing.join(', ')}`);
    return 1;
  }
  const initial = sources.filter((src) => !isOfficeJs(src)).map(size);
  const verdict = judgeBudget(initial, budget);
  const row = (f: SizedFile) => `  ${f.file.padEnd(32)} ${formatKiB(f.bytes).padStart(11)} ${formatKiB(f.gzip).padStart(11)} gzip`;

  console.log(`${name} start-up JavaScript (${dist}):`);
  initial.forEach((f) => console.log(row(f)));
  for (const src of sources.filter(isOfficeJs)) console.log(`${row(size(src))}  (Office.js, not counted)`);
  const summary = `${name}: start-up total ${formatKiB(verdict.total)} gzip, budget ${formatKiB(verdict.budget)}`;
  if (verdict.over) {
    console.error(`OVER BUDGET: ${summary}. Move heavy code behind import() (see README, "Bundle budget").`);
    return 1;
  }
  console.log(`ok: ${summary}`);
  return 0;
}

process.exitCode = main();
