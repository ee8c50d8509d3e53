// English counts go through `{0|one|other}` so that “1 problems” cannot be shown: a count placeholder
// followed by a bare plural noun in any English template is a slip this test names.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const NOUNS = 'problems|measures|items|units|files|rows|days|changes|lines|categories|charts|cells|characters|fields|sheets|warnings|figures';
const BARE_COUNT = new RegExp(`\\{\\d\\} (?:more )?(?:${NOUNS})\\b`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('English counts', () => {
  it('every count placeholder before a plural noun chooses its form', () => {
    const slips = sourceFiles(join(__dirname, '..', '..'))
      .flatMap((path) => readFileSync(path, 'utf8').split('\n').map((line, i) => ({ path, line, n: i + 1 })))
      .filter(({ line }) => BARE_COUNT.test(line) && !/\/\/|throw new Error/.test(line))
      .map(({ path, n, line }) => `${path}:${n}: ${line.trim()}`);
    expect(slips).toEqual([]);
  });
});
