// Shared by the browser tests (run.mjs) and the pane bench (test/bench/pane.ts): build the add-in
// with the project's webpack config into a temp dir, serve it from 127.0.0.1 with a tiny static
// server, and drive Debian's Chromium through playwright-core (no downloaded browsers).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Builds into a fresh temp dir (or reuses PANE_DIST when it holds a build) and returns the dir.
 * Production by default: the bench must measure what users get.
 */
export async function buildPane({ mode = 'production', log = () => {} } = {}) {
  const reuse = process.env.PANE_DIST;
  if (reuse && existsSync(join(reuse, 'taskpane.html'))) {
    log(`using the build in ${reuse}`);
    return reuse;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'zg-pane-'));
  log(`building the add-in (${mode}) into ${outDir} …`);
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  await new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, '--mode', mode, '--output-path', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`webpack exited with ${code}:\n${output.slice(-4000)}`))));
  });
  if (!existsSync(join(outDir, 'taskpane.html'))) throw new Error(`webpack wrote no taskpane.html into ${outDir}`);
  return outDir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves `dir` on http://127.0.0.1:<free port>; resolves { origin, close }. */
export function serve(dir) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, pathname === '/' ? 'taskpane.html' : pathname));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Records every request whose origin is not the page's own (data: and blob: stay in the page). */
export function watchForeignRequests(page, origin) {
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/**
 * A fresh pane page at one width (zh-CN), watched for what the scenarios assert at the end:
 * requests to another origin and script errors.
 */
export async function openPanePage(browser, origin, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  const foreign = watchForeignRequests(page, origin);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { context, page, foreign, pageErrors };
}
