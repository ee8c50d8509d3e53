// The task pane's start-up JavaScript budget, measured on a built dist/:
//
//   tsx scripts/check-bundle.ts [dist] [--budget-kib 165]
//
// Counts, gzip -9, every script taskpane.html loads (the webpack runtime, the split vendor chunks,
// functions.js and taskpane.js); Office.js is listed but not counted (see lib/bundle-size.ts).
// Lazily loaded chunks (the .docx writer, the report parser) are listed for information.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatKiB, gzipSize, isOfficeJs, judgeBudget, scriptSources, TASKPANE_BUDGET_BYTES } from './lib/bundle-size';
import type { SizedFile } from './lib/bundle-size';

function main(): number {
  const args = process.argv.slice(2);
  const budgetAt = args.indexOf('--budget-kib');
  const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) * 1024 : TASKPANE_BUDGET_BYTES;
  const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--budget-kib') ?? 'dist';
  const page = join(dist, 'taskpane.html');
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
    console.error(`taskpane.html loads scripts that are not files in ${dist}: ${missing.join(', ')}`);
    return 1;
  }
  const initial = sources.filter((src) => !isOfficeJs(src)).map(size);
  const verdict = judgeBudget(initial, budget);
  const row = (f: SizedFile) => `  ${f.file.padEnd(32)} ${formatKiB(f.bytes).padStart(11)} ${formatKiB(f.gzip).padStart(11)} gzip`;

  console.log(`taskpane.html start-up JavaScript (${dist}):`);
  initial.forEach((f) => console.log(row(f)));
  for (const src of sources.filter(isOfficeJs)) console.log(`${row(size(src))}  (Office.js, not counted)`);
  const lazy = readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !sources.includes(f))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  if (lazy.length > 0) {
    console.log('loaded on demand (not counted):');
    lazy.forEach((f) => console.log(row(f)));
  }
  const summary = `start-up total ${formatKiB(verdict.total)} gzip, budget ${formatKiB(verdict.budget)}`;
  if (verdict.over) {
    console.error(`OVER BUDGET: ${summary}. Move heavy code behind import() (see README, "Bundle budget").`);
    return 1;
  }
  console.log(`ok: ${summary}`);
  return 0;
}

process.exitCode = main();
