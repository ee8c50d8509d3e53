// `npm run validate` — checks manifest.xml without the internet (office-addin-manifest validate needs it).
//
//   tsx scripts/validate-manifest.ts [manifest.xml] [--addin-url URL] [--root DIR] [--require-files]
//
// --addin-url  every URL must start with this (default: the development URL, https://localhost:3000/)
// --root       the folder the add-in URL maps to, for icons (default: the manifest's folder; the
//              sources keep assets/ beside manifest.xml exactly as dist/ does)
// --require-files  every URL must name a file under --root (use on a built dist/manifest.xml)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileForUrl, normalizeAddinUrl } from './lib/addin-url';
import { checkManifest } from './lib/manifest-rules';

type Args = { manifest: string; addinUrl: string; root: string; requireFiles: boolean };

function parseArgs(argv: string[]): Args {
  let manifest = 'manifest.xml';
  let addinUrl: string | undefined;
  let root: string | undefined;
  let requireFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--addin-url') addinUrl = argv[++i];
    else if (arg === '--root') root = argv[++i];
    else if (arg === '--require-files') requireFiles = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else manifest = arg;
  }
  return { manifest, addinUrl: normalizeAddinUrl(addinUrl), root: resolve(root ?? dirname(manifest)), requireFiles };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const xml = readFileSync(args.manifest, 'utf8');
  const problems = checkManifest(xml, {
    expectedBaseUrl: args.addinUrl,
    requireFiles: args.requireFiles,
    readFile: (url) => {
      const file = fileForUrl(url, args.addinUrl, args.root);
      return file && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null;
    },
  });
  if (problems.length === 0) {
    console.log(`${args.manifest}: valid (order, resource ids, https URLs under ${args.addinUrl}, lengths, icons, locales, shared runtime)`);
    return;
  }
  for (const p of problems) console.error(`${args.manifest}:${p.line ?? '?'}: [${p.rule}] ${p.message}`);
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${args.manifest}`);
  process.exitCode = 1;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
