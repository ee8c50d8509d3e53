#!/usr/bin/env node
// npm stop — ends what npm start began: on Windows and macOS office-addin-debugging stops the dev
// server and removes the sideloaded add-in; on Linux the dev server recorded in the pid file is ended.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { bin, MANIFEST, officeDesktopPlatform, PID_FILE, ROOT, toolEnv } from './dev-server-info.mjs';

if (officeDesktopPlatform()) {
  const result = spawnSync(process.execPath, [bin('office-addin-debugging', 'cli.js'), 'stop', MANIFEST], {
    stdio: 'inherit', env: toolEnv(), cwd: ROOT,
  });
  process.exitCode = result.status ?? 1;
}

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  try {
    if (process.platform === 'win32') {
      spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'inherit' });
    } else {
      process.kill(-pid, 'SIGTERM'); // the whole group: webpack and what it spawned
    }
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log(`The dev server (pid ${pid}) was no longer running.`);
  }
  rmSync(PID_FILE, { force: true });
} else if (!officeDesktopPlatform()) {
  console.log('No dev server started by npm start is running.');
}
