import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { CATALOGUE } from '../../src/functions/catalogue';
import { CUSTOM_FUNCTIONS } from '../../src/functions/functions';
import { completeMetadata, helpPageName, localizeMetadata, renderHelpPages } from '../../src/functions/metadata';

type Param = { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; name: string; description?: string; helpUrl?: string; parameters: Param[]; options?: { volatile?: boolean }; result?: { dimensionality?: string } };
type Metadata = { functions: Fn[] };

const IDS = ['COMPLETIONRATE', 'DAYSLEFT', 'LONGTERMSHARE', 'OVERDUE', 'ONTIMERATE', 'LIGHT', 'DEADLINE', 'STATUS', 'SUMMARY'];
const VOLATILE = new Set(['DAYSLEFT', 'OVERDUE', 'ONTIMERATE', 'LIGHT', 'DEADLINE', 'SUMMARY']);
const SPILLS = new Set(['DAYSLEFT', 'LIGHT', 'DEADLINE', 'STATUS']);
const RANGES: Record<string, string[]> = {
  COMPLETIONRATE: ['statuses'],
  DAYSLEFT: ['deadlines'],
  LONGTERMSHARE: ['flags'],
  OVERDUE: ['deadlines', 'statuses'],
  ONTIMERATE: ['deadlines', 'doneDates', 'statuses'],
  LIGHT: ['deadlines', 'statuses', 'longTerm'],
  DEADLINE: ['text'],
  STATUS: ['text'],
  SUMMARY: ['table'],
};
const OPTIONAL: Record<string, string[]> = {
  COMPLETIONRATE: ['digits', 'countBasic'],
  DAYSLEFT: ['asOf', 'workdays'],
  LONGTERMSHARE: ['digits'],
  OVERDUE: ['asOf'],
  ONTIMERATE: ['asOf', 'digits'],
  LIGHT: ['longTerm', 'asOf', 'warnDays', 'workdays'],
  DEADLINE: ['ref'],
  STATUS: [],
  SUMMARY: [],
};
const ZH_NAMES: Record<string, string> = {
  COMPLETIONRATE: '完成率', DAYSLEFT: '剩余天数', LONGTERMSHARE: '长期坚持占比', OVERDUE: '逾期数', ONTIMERATE: '按期完成率',
  LIGHT: '预警灯', DEADLINE: '解析时限', STATUS: '规范状态', SUMMARY: '整改概况',
};

let generated: Metadata;
let chinese: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(join(__dirname, '../../src/functions/functions.ts'));
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as Metadata;
  chinese = localizeMetadata(generated) as Metadata;
}, 60_000);

describe('functions.json generated from the JSDoc', () => {
  it('lists every function of DESIGN §7, and each is registered under its id', () => {
    expect(generated.functions.map((f) => f.id)).toEqual(IDS);
    expect(Object.keys(CUSTOM_FUNCTIONS)).toEqual(IDS);
  });

  it.each(IDS)('%s: ranges are matrices, optional parameters optional, volatile where today matters', (id) => {
    const fn = generated.functions.find((f) => f.id === id) as Fn;
    for (const p of fn.parameters) {
      expect([p.name, p.dimensionality === 'matrix']).toEqual([p.name, RANGES[id].includes(p.name)]);
      expect([p.name, p.optional === true]).toEqual([p.name, OPTIONAL[id].includes(p.name)]);
      expect(p.description?.length).toBeGreaterThan(10);
    }
    expect(fn.parameters.map((p) => p.name).filter((n) => RANGES[id].includes(n))).toEqual(RANGES[id]);
    expect(fn.options?.volatile === true).toBe(VOLATILE.has(id));
    expect(fn.result?.dimensionality === 'matrix').toBe(SPILLS.has(id));
    expect(fn.helpUrl).toBe(`https://localhost:3000/${helpPageName(id)}`);
  });
});

describe('functions.zh-cn.json', () => {
  it('has the same ids in the same order, with the Chinese names', () => {
    expect(chinese.functions.map((f) => f.id)).toEqual(IDS);
    expect(Object.fromEntries(chinese.functions.map((f) => [f.id, f.name]))).toEqual(ZH_NAMES);
  });

  it.each(IDS)('%s keeps types, matrices, optional and volatile, and translates every name and description', (id) => {
    const en = generated.functions.find((f) => f.id === id) as Fn;
    const zh = chinese.functions.find((f) => f.id === id) as Fn;
    expect(zh.options).toEqual(en.options);
    expect(zh.result).toEqual(en.result);
    expect(zh.helpUrl).toBe(en.helpUrl);
    expect(zh.description).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.parameters).toHaveLength(en.parameters.length);
    zh.parameters.forEach((p, i) => {
      const { name: _n, description: _d, ...shapeZh } = p;
      const { name: _m, description: _e, ...shapeEn } = en.parameters[i];
      expect(shapeZh).toEqual(shapeEn);
      expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('refuses a function or parameter the catalogue does not describe', () => {
    expect(() => localizeMetadata({ functions: [{ id: 'NEWONE', name: 'NEWONE', parameters: [] }] })).toThrow(/NEWONE/);
    expect(() => localizeMetadata({ functions: [{ id: 'STATUS', name: 'STATUS', parameters: [{ name: 'extra', type: 'any' }] }] })).toThrow(/extra/);
    expect(() => localizeMetadata({ nothing: true })).toThrow();
  });

  it('accepts the JSON text as well', () => {
    expect(localizeMetadata(JSON.stringify(generated))).toEqual(chinese);
  });
});

describe('completeMetadata', () => {
  it('lets error cells reach the functions: top-level allowErrorForDataTypeAny, kept by the Chinese file', () => {
    const complete = completeMetadata(generated) as Metadata & { allowErrorForDataTypeAny?: boolean };
    expect(complete.allowErrorForDataTypeAny).toBe(true);
    expect(complete.functions).toEqual(generated.functions);
    expect(complete.functions.some((f) => 'allowErrorForDataTypeAny' in (f.options ?? {}))).toBe(false);
    expect((localizeMetadata(complete) as { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny).toBe(true);
  });

  it.each([
    ['a typed any parameter', [{ name: 'x', type: 'any' }], true],
    ['a parameter without a type (any by default)', [{ name: 'x' }], true],
    ['only numbers and strings', [{ name: 'x', type: 'number' }, { name: 'y', type: 'string' }], false],
    ['no parameters', [], false],
  ])('%s → allowErrorForDataTypeAny %s', (_, parameters, allow) => {
    const out = completeMetadata({ functions: [{ id: 'X', name: 'X', parameters }] }) as { allowErrorForDataTypeAny?: boolean };
    expect(out.allowErrorForDataTypeAny === true).toBe(allow);
  });

  it('refuses what is not metadata', () => {
    expect(() => completeMetadata({ nothing: true })).toThrow();
  });
});

describe('the catalogue agrees with the JSDoc', () => {
  it.each(IDS)('%s: same parameters, same optional ones', (id) => {
    const fn = generated.functions.find((f) => f.id === id) as Fn;
    const doc = CATALOGUE.find((d) => d.id === id);
    expect(doc?.params.map((p) => [p.name, p.optional === true])).toEqual(fn.parameters.map((p) => [p.name, p.optional === true]));
    expect(doc?.volatile).toBe(fn.options?.volatile === true);
    expect(doc?.spills).toBe(SPILLS.has(id));
  });
});

describe('help pages', () => {
  const pages = renderHelpPages();

  it('one page per function plus an index, each named as its @helpurl', () => {
    expect(Object.keys(pages).sort()).toEqual([...IDS.map(helpPageName), 'help/index.html'].sort());
  });

  it.each(Object.entries(pages))('%s is self-contained', (_, html) => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });

  it.each(CATALOGUE.map((d) => [d.id, d] as const))('%s: Chinese, English, parameters and examples', (id, doc) => {
    const html = pages[helpPageName(id)];
    expect(html).toContain(`ZG.${doc.zhName}`);
    expect(html).toContain(`ZG.${id}`);
    expect(html).toContain('lang="en"');
    for (const p of doc.params) {
      expect(html).toContain(p.zhName);
      expect(html).toContain(`<code>${p.name}</code>`);
    }
    expect((html.match(/<tr><td data-label="(?:公式|Formula)"><code>=ZG\./g) ?? []).length).toBe(2 * doc.examples.length);
  });

  // In a 320 px task pane the tables become cards: each cell must say which column it was.
  it.each(Object.entries(pages))('%s labels every table cell for the narrow layout', (_, html) => {
    expect(html).toMatch(/@media \(max-width:36rem\)/);
    expect(html).toMatch(/<td data-label="/);
    expect(html).not.toMatch(/<td>/);
  });

  it.each(CATALOGUE.map((d) => [d.id, d] as const))('%s: recommends table columns and says what a whole column costs; no example uses one', (id, doc) => {
    const html = pages[helpPageName(id)];
    expect(html).toContain('ZG_Measures[整改状态]');
    expect(html).toContain('1,048,576');
    expect(html).toContain('#CALC!');
    for (const e of doc.examples) expect(e.formula).not.toMatch(/(?<![A-Z\]])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}\b/);
  });

  // Every function with a date parameter or a date answer says how a 1904 workbook is read (dateSystem.ts).
  const READS_DATES = new Set(['DAYSLEFT', 'OVERDUE', 'ONTIMERATE', 'LIGHT', 'DEADLINE', 'SUMMARY']);
  it.each(IDS.map((id) => [id, READS_DATES.has(id)] as const))('%s: the 1904 date system note on its page: %p', (id, reads) => {
    const html = pages[helpPageName(id)];
    expect(html.includes('1904 日期系统的工作簿')).toBe(reads);
    expect(html.includes('Workbooks in the 1904 date system')).toBe(reads);
  });
});
