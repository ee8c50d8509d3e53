// The production build against Microsoft's rules: functions.json and functions.zh-cn.json as the
// build emits them (scripts/lib/functions-rules.ts cites the document of each rule), every function
// id associated exactly once by the built scripts, and the start-up scripts parsing as the ECMAScript
// version webpack.config.js declares. Builds once (~30 s; BUILT_DIST reuses a build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { declaredEsTarget, runFunctionScripts, startupScripts, syntaxProblem } from '../../scripts/lib/built-bundle';
import { associationProblems, localizedProblems, metadataProblems, type RulesContext } from '../../scripts/lib/functions-rules';
import { DEV_ADDIN_URL } from '../../scripts/lib/addin-url';
import { builtDist } from '../support/builtDist';

const ROOT = resolve(__dirname, '..', '..');
let dist = '';
const read = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as { functions: { id: string }[] };
const ctx = (file: string): RulesContext => ({ file, addinUrl: DEV_ADDIN_URL, exists: (p) => existsSync(join(dist, p)) });

beforeAll(async () => {
  dist = await builtDist();
}, 600_000);

describe('functions metadata as built', () => {
  it.each(['functions.json', 'functions.zh-cn.json'])('%s keeps every published rule', (file) => {
    expect(metadataProblems(read(file), ctx(file))).toEqual([]);
  });

  it('functions.zh-cn.json has the same ids, options, types and top-level properties as functions.json', () => {
    expect(localizedProblems(read('functions.json'), read('functions.zh-cn.json'), 'functions.zh-cn.json')).toEqual([]);
  });
});

describe('registration in the built bundle', () => {
  it('associates every id of functions.json exactly once inside Excel', () => {
    const run = runFunctionScripts(dist, true);
    expect(run.thrown).toEqual([]);
    expect(associationProblems(read('functions.json').functions.map((f) => f.id), run.calls)).toEqual([]);
  });

  it('associates nothing and throws nothing where CustomFunctions is missing (the browser preview)', () => {
    expect(runFunctionScripts(dist, false)).toEqual({ calls: [], thrown: [] });
  });
});

describe('ECMAScript target', () => {
  const target = declaredEsTarget(readFileSync(join(ROOT, 'webpack.config.js'), 'utf8'));

  it('is a year acorn knows', () => {
    expect(target).toBeGreaterThanOrEqual(2017);
    expect(target).toBeLessThanOrEqual(2022);
  });

  it('every start-up script parses as the declared target', () => {
    const scripts = startupScripts(dist);
    expect(scripts).toContain('functions.js');
    const problems = scripts.map((src) => [src, syntaxProblem(readFileSync(join(dist, src), 'utf8'), target as 2020)]).filter(([, p]) => p !== null);
    expect(problems).toEqual([]);
  });

  it('so does every other script the build emits (lazy chunks, other pages); Office.js is Microsoft\'s', () => {
    const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(startupScripts(dist).length);
    const problems = scripts.map((src) => [src, syntaxProblem(readFileSync(join(dist, src), 'utf8'), target as 2020)]).filter(([, p]) => p !== null);
    expect(problems).toEqual([]);
  });
});
