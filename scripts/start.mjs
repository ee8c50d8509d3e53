#!/usr/bin/env node
// npm start — build (development) and serve the add-in on https://localhost:3000, then:
//   Windows, macOS: sideload manifest.xml into Excel desktop with office-addin-debugging;
//   Linux (no Office desktop; office-addin-debugging says "Platform not supported"): keep serving and
//   print how to use the pane in a browser and how to sideload it into Excel on the web.
// npm stop ends it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import {
  APP, bin, CERT_DIR, hasDevCerts, MANIFEST, officeDesktopPlatform, PID_FILE, PORT, protocol, ROOT, toolEnv,
} from './dev-server-info.mjs';

const base = `${protocol()}://localhost:${PORT}`;

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: 'localhost' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await portOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/**
 * The dev server listens long before its first build is done; webpack-dev-middleware holds a request
 * until the bundle is valid. So the page answering 200 is the build being ready — only then is the
 * box with the URLs true.
 */
function pageReady(url) {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    // Our own dev server with its self-signed or dev certificate, on localhost.
    const req = get(url, { rejectUnauthorized: false, timeout: 10 * 60 * 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => (req.destroy(), resolve(false)));
  });
}

async function waitForBuild(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await pageReady(`${base}/taskpane.html`)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function printHowTo() {
  const certNote = protocol() === 'http'
    ? 'Serving plain http (DEV_SERVER_HTTP=1): fine for the browser preview; Office needs https.'
    : hasDevCerts()
      ? `Certificate: ${CERT_DIR}/localhost.crt (office-addin-dev-certs). On Linux its CA is not trusted:\n    open ${base}/taskpane.html once and accept the certificate, or import ${CERT_DIR}/ca.crt into the browser.`
      : 'Certificate: webpack-dev-server\'s self-signed one (no ~/.office-addin-dev-certs). Open the page once\n    and accept it; `npx office-addin-dev-certs install` makes a trusted one on Windows and macOS.';
  console.log(`
────────────────────────────────────────────────────────────────────────────
 整改台账助手 is served at ${base}/

 In a browser (no Office: the pane runs on an in-memory sample ledger)
    ${base}/taskpane.html            ?lang=en for English
 Help pages
    ${base}/help/index.html

 In Excel on the web (Microsoft 365 or SharePoint/Office Online Server)
    open a workbook → Home → Add-ins (or Insert → Add-ins) → More Add-ins
    → Upload My Add-in → choose ${MANIFEST}

 ${certNote}

 Stop with Ctrl+C here or \`npm stop\` in another terminal.
────────────────────────────────────────────────────────────────────────────`);
}

function startDesktop() {
  // The Office templates' flow: a trusted localhost certificate, then office-addin-debugging starts
  // the dev server, waits for the port, registers the manifest and opens Excel with the add-in.
  if (!hasDevCerts() && protocol() === 'https') {
    console.log('Installing a trusted localhost certificate (office-addin-dev-certs; may ask for your password)…');
    spawnSync(process.execPath, [bin('office-addin-dev-certs', 'cli.js'), 'install'], { stdio: 'inherit', env: toolEnv(), cwd: ROOT });
  }
  const args = [
    bin('office-addin-debugging', 'cli.js'), 'start', MANIFEST, 'desktop', '--app', APP,
    '--dev-server', 'npm run dev-server', '--dev-server-port', String(PORT),
  ];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: toolEnv(), cwd: ROOT });
  if (result.status === 0) printHowTo();
  process.exitCode = result.status ?? 1;
}

async function startServerOnly() {
  if (existsSync(PID_FILE)) {
    const pid = Number(readFileSync(PID_FILE, 'utf8'));
    try {
      process.kill(pid, 0);
      console.log(`The dev server started by npm start is already running (pid ${pid}).`);
      printHowTo();
      return;
    } catch {
      rmSync(PID_FILE, { force: true }); // left over from a server that is gone
    }
  }
  if (await portOpen(PORT)) {
    console.error(`Port ${PORT} is already in use by another program; stop it first (or set npm_package_config_dev_server_port).`);
    process.exitCode = 1;
    return;
  }
  console.log(`Building (development) and starting the dev server on ${base} … the first build takes a minute or two.`);
  // Its own process group, so npm stop can end webpack and everything it started at once.
  const child = spawn(process.execPath, [bin('webpack-cli', 'bin/cli.js'), 'serve', '--mode', 'development'], {
    cwd: ROOT, stdio: 'inherit', detached: true, env: process.env,
  });
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(child.pid));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    rmSync(PID_FILE, { force: true });
    process.exitCode = signal ? 0 : (code ?? 0);
  });
  if (!(await waitForPort(PORT, child, 10 * 60 * 1000))) return;
  console.log(`正在构建… (building; ${base} is listening, the URLs follow once the build is ready)`);
  if (await waitForBuild(child, 10 * 60 * 1000)) printHowTo();
}

if (officeDesktopPlatform()) {
  startDesktop();
} else {
  console.log(`Office desktop does not run on ${process.platform}: serving only (sideload into Excel on the web).`);
  await startServerOnly();
}
