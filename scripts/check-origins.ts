// Proves a built dist/ makes no request to another origin (DESIGN §10: 内网 PCs reach nothing else):
//
//   tsx scripts/check-origins.ts [dist] [--addin-url URL]      (default: $ADDIN_URL or localhost)
//
// 1. Every text file the add-in serves is scanned for absolute URLs off the ADDIN_URL origin; what
//    counts and what does not is written down in lib/origin-scan.ts.
// 2. Office.js must find every file it loads relative to itself (Excel host files, UI strings for
//    zh-CN and en-US, its telemetry sink), so it never reaches for a CDN.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normalizeAddinUrl, originOf } from './lib/addin-url';
import { findForeignUrls, isScannable, missingOfficeJsFiles } from './lib/origin-scan';
import type { OriginFinding } from './lib/origin-scan';

const OFFICE_JS_DIR = 'office-js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function main(): number {
  const args = process.argv.slice(2);
  const urlAt = args.indexOf('--addin-url');
  const addinUrl = normalizeAddinUrl(urlAt >= 0 ? args[urlAt + 1] : process.env.ADDIN_URL);
  const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--addin-url') ?? 'dist';
  if (!existsSync(join(dist, 'taskpane.html'))) {
    console.error(`${dist}/taskpane.html does not exist: run npm run build first`);
    return 2;
  }
  const origin = originOf(addinUrl);
  const findings: OriginFinding[] = [];
  let scanned = 0;
  for (const path of filesUnder(dist)) {
    const file = relative(dist, path).split(sep).join('/');
    // Office.js is Microsoft's loader, checked by part 2; license files are legal text nobody requests.
    if (file.startsWith(`${OFFICE_JS_DIR}/`) || file.endsWith('.LICENSE.txt') || !isScannable(file)) continue;
    scanned++;
    findings.push(...findForeignUrls(file, readFileSync(path, 'utf8'), origin));
  }
  for (const f of findings) console.error(`${f.file}:${f.line}: refers to another origin: ${f.url}`);

  const officeJs = join(dist, OFFICE_JS_DIR, 'office.js');
  const missing = existsSync(officeJs)
    ? missingOfficeJsFiles(readFileSync(officeJs, 'utf8'), (p) => existsSync(join(dist, OFFICE_JS_DIR, p)), ['zh-CN', 'en-US'])
    : [`${OFFICE_JS_DIR}/office.js`];
  for (const m of missing) console.error(`Office.js would not find ${m} on this origin`);

  if (findings.length > 0 || missing.length > 0) {
    console.error(`${findings.length + missing.length} problem(s): dist/ must load everything from ${origin}`);
    return 1;
  }
  console.log(`ok: ${scanned} files refer to no origin but ${origin}; Office.js finds its host files and strings locally`);
  return 0;
}

process.exitCode = main();
