#!/usr/bin/env node
// A newcomer's first hour, automated: clone the committed HEAD into an empty folder (no shared fixtures folder
// beside it, nothing installed by hand), run the README's two commands there, and fail on anything a
// newcomer would trip over:
//   1. `npm install` must leave the work tree clean (no rewritten package-lock.json);
//   2. `npm start` must build, serve the pane and print its how-to box (then `npm stop` ends it);
//   3. `npm test` must pass from the repository alone.
// Run by .ci/run; by hand: `npm run check:clone`. It tests what is committed, not the work tree.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const START_TIMEOUT_MS = 10 * 60 * 1000;
const keep = process.argv.includes('--keep');

function fail(message) {
  console.error(`\n✗ fresh clone: ${message}`);
  process.exit(1);
}

function run(cmd, args, cwd, env = process.env) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) fail(`\`${[cmd, ...args].join(' ')}\` exited with ${r.status ?? r.signal}`);
}

function gitStatus(cwd) {
  return spawnSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' }).stdout.trim();
}

/** GET over https, accepting the dev server's self-signed certificate; resolves the status code. */
function httpsStatus(url) {
  return new Promise((resolve) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** `npm start` in the clone until its how-to box is printed and taskpane.html answers 200; then `npm stop`. */
async function startAndStop(repo) {
  console.log(`\n$ npm start   (in ${repo})`);
  const child = spawn('npm', ['start'], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DEV_SERVER_HTTP: '' } });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    process.stdout.write(chunk);
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  let served = false;
  while (Date.now() < deadline && child.exitCode === null) {
    if (out.includes('is served at') && (await httpsStatus('https://localhost:3000/taskpane.html')) === 200) {
      served = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  const exited = child.exitCode;
  run('npm', ['stop'], repo);
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  if (!served) fail(exited !== null ? `npm start exited (${exited}) before serving the pane` : 'npm start did not serve taskpane.html within 10 minutes');
  if (!out.includes('taskpane.html')) fail('npm start served the pane but its how-to box does not name taskpane.html');
}

const parent = mkdtempSync(join(tmpdir(), 'zg-fresh-clone-'));
const repo = join(parent, 'repo');
try {
  run('git', ['clone', '-q', ROOT, repo], parent);
  // The point of the check: a clone has nothing beside it (no shared fixtures folder).
  if (readdirSync(parent).join() !== 'repo') fail(`${parent} is not empty besides the clone`);

  run('npm', ['install', '--no-progress'], repo, { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' });
  const dirty = gitStatus(repo);
  if (dirty) fail(`npm install changed the work tree:\n${dirty}`);
  console.log('✓ npm install leaves the tree clean');

  await startAndStop(repo);
  console.log('✓ npm start serves the pane; npm stop ends it');

  run('npm', ['test', '--', '--ci'], repo);
  const after = gitStatus(repo);
  if (after) fail(`npm test left files in the work tree:\n${after}`);
  console.log('✓ npm test passes from the repository alone');
} finally {
  if (!keep) rmSync(parent, { recursive: true, force: true });
}
