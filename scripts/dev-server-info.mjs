// Shared by scripts/start.mjs and scripts/stop.mjs: where the dev server runs and how it was started.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
export const APP = process.env.npm_package_config_app_to_debug || 'excel';
export const MANIFEST = join(ROOT, 'manifest.xml');
/** The dev server npm start spawned on Linux; under node_modules so git never sees it. */
export const PID_FILE = join(ROOT, 'node_modules', '.cache', 'zg-dev-server.pid');
export const CERT_DIR = join(homedir(), '.office-addin-dev-certs');

export const hasDevCerts = () => existsSync(join(CERT_DIR, 'localhost.crt')) && existsSync(join(CERT_DIR, 'localhost.key'));
export const protocol = () => (process.env.DEV_SERVER_HTTP === '1' ? 'http' : 'https');
export const officeDesktopPlatform = () => process.platform === 'win32' || process.platform === 'darwin';

const require = createRequire(join(ROOT, 'package.json'));
export const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * The environment for office-addin-* tools: npm's legacy-peer-deps layout leaves ajv 6 where their
 * ajv-draft-04 wants ajv 8 (see webpack.config.js); schema-utils' own ajv 8 is offered as a last resort.
 */
export function toolEnv() {
  let nested = null;
  try {
    nested = join(dirname(require.resolve('schema-utils/package.json')), 'node_modules');
  } catch {
    // no schema-utils: nothing to offer
  }
  const paths = [process.env.NODE_PATH, nested && existsSync(join(nested, 'ajv')) ? nested : null].filter(Boolean);
  return { ...process.env, NODE_PATH: paths.join(delimiter) };
}
