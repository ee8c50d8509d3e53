// The rules the build-output test applies, fed metadata that breaks each one: a check that cannot
// fail would prove nothing about the build.
import { associationProblems, localizedProblems, metadataProblems, type RulesContext } from '../../scripts/lib/functions-rules';
import { syntaxProblem } from '../../scripts/lib/built-bundle';

const URL = 'https://zg.example/addin/';
const ctx: RulesContext = { file: 'functions.json', addinUrl: URL, exists: (p) => p === 'help/x.html' };
const param = { name: 'range', description: 'cells to read', type: 'any', dimensionality: 'matrix' };
const good = { id: 'COMPLETIONRATE', name: 'COMPLETIONRATE', description: 'rate', helpUrl: `${URL}help/x.html`, parameters: [param], result: { type: 'number' } };
const meta = (fn: Record<string, unknown>, top: Record<string, unknown> = { allowErrorForDataTypeAny: true }) => ({ ...top, functions: [{ ...good, ...fn }] });

it('passes metadata that keeps every rule, Chinese names included', () => {
  expect(metadataProblems(meta({}), ctx)).toEqual([]);
  expect(metadataProblems(meta({ name: '完成率' }), ctx)).toEqual([]);
  expect(metadataProblems(meta({ name: '预警灯' }), ctx)).toEqual([]);
});

it.each<[string, Record<string, unknown>, RegExp]>([
  ['a two-character Chinese name (ZG.预警)', { name: '预警' }, /must start with a letter and be 3\+/],
  ['a name starting with a digit', { name: '1ABC' }, /name/],
  ['a name with a space', { name: 'AB C' }, /name/],
  ['a name with a hyphen', { name: 'AB-C' }, /name/],
  ['a lower-case id', { id: 'rate' }, /id must/],
  ['an id with a Chinese character', { id: 'RATE完成' }, /id must/],
  ['a two-letter id', { id: 'AB' }, /id must/],
  ['an id of 129 characters', { id: `A${'B'.repeat(128)}` }, /longer than 128/],
  ['a name of 129 characters', { name: `A${'B'.repeat(128)}` }, /longer than 128/],
  ['no description', { description: '' }, /no description/],
  ['a help URL on another origin', { helpUrl: 'https://elsewhere.example/help.html' }, /not under the add-in/],
  ['a help URL to a page the build lacks', { helpUrl: `${URL}help/missing.html` }, /does not contain/],
  ['an option that is top-level', { options: { allowErrorForDataTypeAny: true } }, /not an option/],
  ['stream with volatile', { options: { stream: true, volatile: true } }, /stream and volatile/],
  ['requiresStreamAddress without stream', { options: { requiresStreamAddress: true } }, /needs stream/],
  ['requiresParameterAddresses with a scalar result', { options: { requiresParameterAddresses: true } }, /matrix result/],
  ['a non-Boolean option', { options: { volatile: 'yes' } }, /Boolean/],
  ['an unknown parameter type', { parameters: [{ ...param, type: 'date' }] }, /type "date"/],
  ['a required parameter after an optional one', { parameters: [{ ...param, optional: true }, { ...param, name: 'b' }] }, /required after an optional/],
  ['two parameters with one name', { parameters: [param, param] }, /used twice/],
  ['a parameter without description', { parameters: [{ ...param, description: ' ' }] }, /no description/],
  ['no result', { result: undefined }, /result is required/],
])('finds %s', (_, fn, problem) => {
  expect(metadataProblems(meta(fn), ctx).join('\n')).toMatch(problem);
});

it('wants allowErrorForDataTypeAny (top-level, Boolean) when a parameter is any', () => {
  expect(metadataProblems(meta({}, {}), ctx).join('\n')).toMatch(/allowErrorForDataTypeAny is not true/);
  expect(metadataProblems(meta({}, { allowErrorForDataTypeAny: 'true' }), ctx).join('\n')).toMatch(/must be a Boolean/);
  expect(metadataProblems(meta({ parameters: [{ ...param, type: 'number' }] }, {}), ctx)).toEqual([]);
});

it('finds two functions with one id or one name', () => {
  const twice = { allowErrorForDataTypeAny: true, functions: [good, { ...good, name: 'OTHER' }] };
  expect(metadataProblems(twice, ctx).join('\n')).toMatch(/id used twice/);
  const sameName = { allowErrorForDataTypeAny: true, functions: [good, { ...good, id: 'OTHER', name: 'completionrate' }] };
  expect(metadataProblems(sameName, ctx).join('\n')).toMatch(/used twice/);
});

it('compares a localized file with the English one', () => {
  const en = meta({});
  expect(localizedProblems(en, meta({ name: '完成率', description: '比率', parameters: [{ ...param, name: '状态', description: '状态' }] }), 'zh.json')).toEqual([]);
  expect(localizedProblems(en, meta({ options: { volatile: true } }), 'zh.json').join('\n')).toMatch(/differ/);
  expect(localizedProblems(en, meta({}, {}), 'zh.json').join('\n')).toMatch(/top-level/);
  expect(localizedProblems(en, meta({ id: 'OTHER' }), 'zh.json').join('\n')).toMatch(/ids differ/);
});

it.each<[string[], RegExp | null]>([
  [['A1B', 'CDE'], null],
  [['A1B', 'CDE', 'A1B'], /A1B is associated 2 times/],
  [['A1B'], /CDE is associated 0 times/],
  [['A1B', 'CDE', 'XYZ'], /XYZ is associated but not/],
])('associations %j', (calls, problem) => {
  const problems = associationProblems(['A1B', 'CDE'], calls).join('\n');
  if (problem) expect(problems).toMatch(problem);
  else expect(problems).toBe('');
});

it.each<[string, number, boolean]>([
  ['a ??= b;', 2020, false],
  ['a ??= b;', 2021, true],
  ['class A { static { x(); } }', 2021, false],
  ['class A { static { x(); } }', 2022, true],
  ['class A { x = 1 }', 2021, false],
  ['a?.b ?? c;', 2020, true],
])('%s parses as ES%i: %s', (code, year, ok) => {
  expect(syntaxProblem(code, year as 2020) === null).toBe(ok);
});
