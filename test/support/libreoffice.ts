// LibreOffice (headless) as a second, independent formula engine and chart renderer for the tests:
// it opens a generated workbook, recalculates every formula and writes it back, so the tests can
// read the values a recipient with LibreOffice sees. Each run gets a fresh, throw-away profile:
// a shared profile would hand the job to an already running soffice, and the profile carries the
// one setting that makes this work at all — LibreOffice's default for .xlsx is to TRUST the cached
// results (Formula/Load/OOXMLRecalcMode = 1, "never recalculate"), which would only echo back
// whatever the writer put in <v>.
import { spawn, spawnSync } from 'child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { pathToFileURL } from 'url';

/** A conversion that takes longer has hung (a modal dialog, a stuck profile lock): it is killed. */
export const SOFFICE_TIMEOUT_MS = 120_000;

const INSTALL_HINT = 'install it with `sudo apt-get install libreoffice-calc` (Debian/Ubuntu) or from libreoffice.org';

// org.openoffice.Office.Calc/Formula/Load (officecfg Calc.xcs): 0 = always recalculate on load,
// 1 = never (the default), 2 = ask. ODF files get the same so a round trip through .ods agrees.
const recalcXcu = (mode: 0 | 1) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/** always: every formula is recalculated on load (what the tests need); never: cached results are trusted. */
export type RecalcOnLoad = 'always' | 'never';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice binary (SOFFICE env, PATH, the usual install folders), or null if there is none. */
export function sofficePath(): string | null {
  if (process.env.SOFFICE) return executable(process.env.SOFFICE) ? process.env.SOFFICE : null;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) for (const name of ['soffice', 'libreoffice']) if (executable(path.join(dir, name))) return path.join(dir, name);
  for (const file of ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) {
    if (executable(file)) return file;
  }
  return null;
}

/**
 * `describe` for tests that need LibreOffice. Without soffice a developer's `npm test` skips them
 * with a note; on CI (process.env.CI set) a missing soffice is a failure, because .ci/run installs it.
 */
export function describeWithLibreOffice(name: string, body: (soffice: string) => void): void {
  const soffice = sofficePath();
  if (soffice) {
    describe(name, () => body(soffice));
  } else if (process.env.CI) {
    describe(name, () => {
      test('LibreOffice is installed (required on CI)', () => {
        throw new Error(`soffice not found on PATH; CI must have LibreOffice: ${INSTALL_HINT} (.ci/run does this)`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": LibreOffice (soffice) is not installed; ${INSTALL_HINT}.`);
    describe.skip(name, () => body(''));
  }
}

function requireSoffice(): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error(`soffice not found; ${INSTALL_HINT}`);
  return soffice;
}

/** Runs one soffice --convert-to with a fresh profile (recalculating unless told); resolves to the output file. */
async function convert(inputPath: string, outDir: string, target: string, outExt: string, timeoutMs = SOFFICE_TIMEOUT_MS, recalc: RecalcOnLoad = 'always', cpu?: (ms: number) => void): Promise<string> {
  const input = path.resolve(inputPath);
  const out = path.resolve(outDir);
  if (!existsSync(input)) throw new Error(`no such file: ${input}`);
  if (path.dirname(input) === out) throw new Error(`outDir must differ from the input's folder (LibreOffice would overwrite ${input})`);
  const soffice = requireSoffice();
  const result = path.join(out, `${path.basename(input, path.extname(input))}.${outExt}`);
  mkdirSync(out, { recursive: true });
  // A file left by an earlier run must not pass for this run's output.
  rmSync(result, { force: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'zg-lo-profile-'));
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), recalcXcu(recalc === 'always' ? 0 : 1));
  const args = [
    '--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to', target, '--outdir', out, input,
  ];
  try {
    const log = await new Promise<string>((resolve, reject) => {
      // Own process group, so a hung conversion is ended with every process soffice started.
      // With `cpu`: through bash, whose `times` prints the CPU its children used (soffice and what it started).
      const child = cpu
        ? spawn('bash', ['-c', '"$0" "$@"; s=$?; times >&2; exit $s', soffice, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
        reject(new Error(`LibreOffice did not finish converting ${input} within ${timeoutMs / 1000} s and was killed.\n${output}`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${soffice}: ${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0) {
          // `times`' last line: the children's user and system time, as 0m1.234s 0m0.567s.
          const used = cpu && /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(output);
          if (used) cpu!((Number(used[1]) * 60 + Number(used[2]) + Number(used[3]) * 60 + Number(used[4])) * 1000);
          resolve(output);
        }
        else reject(new Error(`soffice exited with ${code} converting ${input}:\n${output}`));
      });
    });
    // soffice exits 0 even when it could not load the file ("Error: source file could not be loaded").
    if (!existsSync(result)) throw new Error(`LibreOffice wrote no ${result}:\n${log}`);
    return result;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Opens the .xlsx in LibreOffice, recalculates every formula, saves it as .xlsx in outDir. */
export function recalculate(xlsxPath: string, outDir: string, options: { timeoutMs?: number } = {}): Promise<string> {
  return convert(xlsxPath, outDir, 'xlsx', 'xlsx', options.timeoutMs);
}

/**
 * Opens the .xlsx in LibreOffice and writes its first sheet as CSV (a small, fixed amount of work
 * after the load), with or without recalculating every formula on load: the bench of 整改统计.
 */
export function openAsCsv(xlsxPath: string, outDir: string, recalc: RecalcOnLoad, options: { timeoutMs?: number; cpu?: (ms: number) => void } = {}): Promise<string> {
  return convert(xlsxPath, outDir, 'csv', 'csv', options.timeoutMs, recalc, options.cpu);
}

/**
 * For looking at a workbook (charts, layout): PDF through LibreOffice, then one PNG per page at
 * 60 dpi with poppler's pdftoppm. Returns the PNG paths in page order.
 */
export async function renderPng(xlsxPath: string, outDir: string): Promise<string[]> {
  if (spawnSync('pdftoppm', ['-v']).error) throw new Error('pdftoppm not found: install poppler-utils (`sudo apt-get install poppler-utils`)');
  // One page per sheet, so a dashboard is seen whole rather than cut at the paper's edge.
  const pdf = await convert(xlsxPath, outDir, 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', 'pdf');
  const stem = path.join(path.resolve(outDir), path.basename(pdf, '.pdf'));
  const run = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, stem], { encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS });
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr || run.error?.message}`);
  const prefix = `${path.basename(stem)}-`;
  return readdirSync(path.dirname(stem))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort((a, b) => Number(a.slice(prefix.length, -4)) - Number(b.slice(prefix.length, -4)))
    .map((f) => path.join(path.dirname(stem), f));
}
