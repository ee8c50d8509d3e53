// The project's manifest check on the real manifest.xml, on the same manifest rewritten for a
// production ADDIN_URL, and on broken copies: each broken copy must fail the check it breaks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEV_ADDIN_URL, fileForUrl, rewriteAddinUrl } from '../../scripts/lib/addin-url';
import { checkManifest } from '../../scripts/lib/manifest-rules';
import type { ManifestProblem, ManifestRule } from '../../scripts/lib/manifest-rules';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const PRODUCTION_URL = 'https://zg.example.gov.cn/addin/';

/** Icons come from the repository's assets/, which mirrors dist/assets/. */
const readFrom = (base: string) => (url: string) => {
  const file = fileForUrl(url, base, ROOT);
  try {
    return file ? readFileSync(file) : null;
  } catch {
    return null;
  }
};

const check = (xml: string, base = DEV_ADDIN_URL) => checkManifest(xml, { expectedBaseUrl: base, readFile: readFrom(base) });
const rules = (problems: ManifestProblem[]) => [...new Set(problems.map((p) => p.rule))].sort();

/** Replaces exactly one occurrence, so a broken copy breaks what the test says and nothing else. */
function breakOnce(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`the test's anchor ${String(from)} occurs ${count} times in manifest.xml`);
  return xml.replace(from, to);
}

describe('manifest.xml', () => {
  it('passes every check', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it('passes every check once rewritten for a production ADDIN_URL, with no localhost left', () => {
    const production = rewriteAddinUrl(MANIFEST, PRODUCTION_URL);
    expect(production).not.toContain('localhost');
    expect(check(production, PRODUCTION_URL)).toEqual([]);
  });

  it('is rejected as a production manifest while it still points at localhost', () => {
    const problems = checkManifest(MANIFEST, { expectedBaseUrl: PRODUCTION_URL });
    expect(rules(problems)).toEqual(['url']);
    // Every URL is named: the icons, the pane, the function metadata and its zh-CN override, help.
    expect(problems).toHaveLength((MANIFEST.match(/="https:\/\/localhost:3000\//g) ?? []).length);
  });

  it('names the shared runtime, the ZG namespace and the requirement sets', () => {
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="ZG"\/>/);
    for (const set of ['SharedRuntime', 'ExcelApi', 'CustomFunctionsRuntime']) expect(MANIFEST).toContain(`<Set Name="${set}"`);
    expect(MANIFEST).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(MANIFEST).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });
});

/** `alsoFires`: rules the breakage legitimately trips as well (an icon on a CDN is also missing). */
type BrokenCopy = { what: string; rule: ManifestRule; broken: () => string; alsoFires?: ManifestRule[] };

const cjk = (n: number) => '整'.repeat(n);

const BROKEN: BrokenCopy[] = [
  { what: 'an unclosed element', rule: 'xml', broken: () => breakOnce(MANIFEST, '</Hosts>\n  <!--', '\n  <!--') },
  { what: 'an unknown entity', rule: 'xml', broken: () => breakOnce(MANIFEST, '整改台账助手项目组', '整改&nbsp;') },
  { what: 'Version after ProviderName', rule: 'order', broken: () => breakOnce(MANIFEST, /  <Version>0\.1\.0\.0<\/Version>\n(  <ProviderName>.*<\/ProviderName>\n)/, '$1  <Version>0.1.0.0</Version>\n') },
  { what: 'Permissions before DefaultSettings', rule: 'order', broken: () => breakOnce(MANIFEST, /(  <DefaultSettings>[\s\S]*?<\/DefaultSettings>\n)(  <Permissions>ReadWriteDocument<\/Permissions>\n)/, '$2$1') },
  { what: 'no Permissions', rule: 'order', broken: () => breakOnce(MANIFEST, '  <Permissions>ReadWriteDocument</Permissions>\n', '') },
  { what: 'Supertip before Label in the button', rule: 'order', broken: () => breakOnce(MANIFEST, /(\s*<Label resid="OpenPane.Label"\/>)(\s*<Supertip>[\s\S]*?<\/Supertip>)/, '$2$1') },
  { what: 'DesktopFormFactor before AllFormFactors', rule: 'order', broken: () => breakOnce(MANIFEST, /(\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>)(\s*<DesktopFormFactor>[\s\S]*?<\/DesktopFormFactor>)/, '$2$1') },
  { what: 'a resid that is not defined', rule: 'resid', broken: () => breakOnce(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>') },
  { what: 'a tooltip pointing at a short string', rule: 'resid', broken: () => breakOnce(MANIFEST, '<Description resid="OpenPane.Tooltip"/>', '<Description resid="Group.Label"/>') },
  { what: 'a resource id defined twice', rule: 'resid', broken: () => breakOnce(MANIFEST, '<bt:String id="GetStarted.Title"', '<bt:String id="Group.Label"') },
  { what: 'an http URL', rule: 'url', broken: () => breakOnce(MANIFEST, 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"') },
  { what: 'an icon on another origin', rule: 'url', alsoFires: ['icon'], broken: () => breakOnce(MANIFEST, 'DefaultValue="https://localhost:3000/assets/icon-80.png"', 'DefaultValue="https://cdn.example.com/assets/icon-80.png"') },
  { what: 'a DisplayName of 126 characters', rule: 'length', broken: () => breakOnce(MANIFEST, '<DisplayName DefaultValue="整改台账助手">', `<DisplayName DefaultValue="${cjk(126)}">`) },
  { what: 'an en-US Description of 251 characters', rule: 'length', broken: () => breakOnce(MANIFEST, /(<Override Locale="en-US" Value=")Keep an inspection[^"]*(")/, `$1${'a'.repeat(251)}$2`) },
  { what: 'a long string of 251 characters', rule: 'length', broken: () => breakOnce(MANIFEST, /(<bt:String id="OpenPane.Tooltip" DefaultValue=")[^"]*(")/, `$1${cjk(251)}$2`) },
  { what: 'a short string of 126 characters', rule: 'length', broken: () => breakOnce(MANIFEST, '<bt:String id="Group.Label" DefaultValue="整改台账">', `<bt:String id="Group.Label" DefaultValue="${cjk(126)}">`) },
  { what: 'a resource id of 33 characters', rule: 'length', broken: () => MANIFEST.split('GetStarted.LearnMoreUrl').join(`GetStarted.${'L'.repeat(22)}`) },
  { what: 'a 16 px icon declared as 32 px', rule: 'icon', broken: () => breakOnce(MANIFEST, '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<bt:Image id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"/>') },
  { what: 'an icon file that does not exist', rule: 'icon', broken: () => breakOnce(MANIFEST, '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-65.png"/>') },
  { what: 'a group icon without its 80 px image', rule: 'icon', broken: () => breakOnce(MANIFEST, /(<bt:Image size="32" resid="Icon.32x32"\/>\s*)<bt:Image size="80" resid="Icon.80x80"\/>(\s*<\/Icon>\s*<Control)/, '$1$2') },
  { what: 'a Chinese string without its en-US override', rule: 'locale', broken: () => breakOnce(MANIFEST, '\n          <bt:Override Locale="en-US" Value="Rectification"/>', '') },
  { what: 'a runtime that does not live long', rule: 'runtime', broken: () => breakOnce(MANIFEST, 'lifetime="long"', 'lifetime="short"') },
  { what: 'custom functions on their own page', rule: 'runtime', broken: () => breakOnce(MANIFEST, /(<Page>\s*<SourceLocation resid=")Taskpane.Url/, '$1Functions.Script.Url') },
  { what: 'a bt:Image written without its namespace', rule: 'structure', broken: () => breakOnce(MANIFEST, '<bt:Image id="Icon.64x64" DefaultValue="https://localhost:3000/assets/icon-64.png"/>', '<Image id="Icon.64x64" DefaultValue="https://localhost:3000/assets/icon-64.png"/>') },
  { what: 'an Id that is not a GUID', rule: 'structure', broken: () => breakOnce(MANIFEST, '<Id>cab38198-bcae-4871-827b-3efe1da0bbff</Id>', '<Id>zhenggai</Id>') },
];

describe.each([
  ['the development manifest', DEV_ADDIN_URL],
  ['the production manifest', PRODUCTION_URL],
])('a broken copy of %s fails the check it breaks', (_name, base) => {
  it.each(BROKEN)('$what → $rule', ({ rule, broken, alsoFires = [] }) => {
    const problems = check(rewriteAddinUrl(broken(), base), base);
    expect(problems.map((p) => p.rule)).toContain(rule);
    // The breakage is local: only the broken rule (and, for a dropped image, the resource now unused) fires.
    const expected = new Set<ManifestRule>([rule, 'resid', ...alsoFires]);
    expect(rules(problems).filter((r) => !expected.has(r))).toEqual([]);
  });
});

describe('problems point at the line that is wrong', () => {
  it('reports the undefined resid on its own line', () => {
    const broken = breakOnce(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    const line = broken.split('\n').findIndex((l) => l.includes('Group.Missing')) + 1;
    expect(check(broken)).toContainEqual(expect.objectContaining({ rule: 'resid', line }));
  });

  it('counts Chinese characters, not bytes: 125 pass, 126 fail', () => {
    const withName = (n: number) => breakOnce(MANIFEST, '<DisplayName DefaultValue="整改台账助手">', `<DisplayName DefaultValue="${cjk(n)}">`);
    expect(check(withName(125))).toEqual([]);
    expect(rules(check(withName(126)))).toEqual(['length']);
  });
});

describe('the check never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const problems = checkManifest(text);
        expect(problems.length).toBeGreaterThan(0);
      }),
    );
  });

  it('on the manifest with a random slice cut out', () => {
    fc.assert(
      fc.property(fc.nat(MANIFEST.length), fc.nat(400), (start, length) => {
        const cut = MANIFEST.slice(0, start) + MANIFEST.slice(start + length);
        expect(Array.isArray(checkManifest(cut, { readFile: readFrom(DEV_ADDIN_URL) }))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
