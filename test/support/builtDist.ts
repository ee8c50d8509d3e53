// The production build the build-output tests inspect: made once per test file into a temp dir
// with the project's webpack config, or taken from BUILT_DIST / PANE_DIST when it holds one (CI
// can build first and point both the tests and the e2e run at it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export async function builtDist(): Promise<string> {
  for (const reuse of [process.env.BUILT_DIST, process.env.PANE_DIST]) {
    if (reuse && existsSync(join(reuse, 'taskpane.html'))) return reuse;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'zg-built-'));
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [cli, '--mode', 'production', '--output-path', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`webpack exited with ${code}:\n${output.slice(-4000)}`))));
  });
  return outDir;
}
