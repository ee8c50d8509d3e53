// The XML half of 生成发送副本: recognising a ZG.* call in a formula, and rewriting the elements of
// a worksheet, table or workbook part that hold one. String surgery on the element's own text, not
// a parse-and-serialise round trip, so everything around it stays byte for byte as the writer left it.
import { attributes, decodeXml } from './package';
import { withAttribute, withoutAttribute } from './xmlScan';

/**
 * How a ZG.* call can appear in a saved formula: Excel saves add-in functions as
 * `_xldudf_ZG_NAME(` (the namespace's dot becomes `_`); a known Excel bug puts an external-link
 * qualifier in front (`[2]!_xldudf_ZG_NAME(`, `Addin.xla!_xldudf_…`), which the `!` before the
 * prefix allows; a formula typed while the add-in was not loaded stays as typed, `ZG.NAME(`.
 * Not preceded by a letter, digit, `_` or `.`, so the table names ZG_Problems / ZG_Measures and
 * names such as `XZG.A(` never match.
 */
const ZG_CALL = /(?:^|[^\w.])(?:_xldudf_ZG[._]|ZG\.)[A-Za-z_][\w.]*\s*\(/i;

/** String literals and quoted sheet names, whichever starts first: their text is not formula. */
const QUOTED = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/** Whether a formula (plain text, entities already decoded) calls a function of the ZG namespace. */
export function callsZg(formula: string): boolean {
  return ZG_CALL.test(formula.replace(QUOTED, (q) => q[0] + q[0]));
}

/**
 * Formulas that reach outside the workbook when a recipient opens or clicks the copy: WEBSERVICE
 * (and FILTERXML fed by it) and RTD fetch from a server, a DDE reference (`cmd|'/c calc'!A0`)
 * starts a program, HYPERLINK to anything but a place in the workbook (`"#Sheet!A1"`) opens it,
 * and a reference into another workbook (`[1]Sheet1!A1`) makes Excel offer to update the link.
 * A copy meant to be mailed out keeps their last values instead.
 */
const LIVE_CALL = /(?:^|[^\w.])(?:_xlfn\.)?(?:WEBSERVICE|RTD)\s*\(/i;
/** A DDE reference: application|topic!item, the topic often quoted. */
const DDE_REF = /(?:^|[^\w.'"])[A-Za-z_][\w.]*\|(?:'(?:[^']|'')*'|[\w.]+)!/;
const HYPERLINK_CALL = /(?:^|[^\w.])HYPERLINK\s*\(\s*("(?:[^"]|"")*"|[^,)]*)/gi;

/** A reference into another workbook: `[1]Sheet1!A1`, `[1]!Name`, `'C:\x\[Book.xlsx]Sheet 1'!A1`. */
const EXTERNAL_REF = /(?:^|[^\w.\]])\[[^[\]'"]+\][^\s!'"(),[\]]*!|'[^']*\[[^\]']+\](?:[^']|'')*'!/;

/** Whether a formula (plain text) refers into another workbook (an external link). String literals do not count. */
export function refersToOtherWorkbook(formula: string): boolean {
  return EXTERNAL_REF.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

/** LINK: a reference into another workbook, whose link the copy drops (externalLinks.ts). */
export type LiveKind = 'WEBSERVICE' | 'DDE' | 'HYPERLINK' | 'LINK';

/** Why a formula (plain text) must not stay live in a copy sent out, or null. */
export function liveFormula(formula: string): LiveKind | null {
  return liveKindOf(formula);
}

function liveKindOf(formula: string): LiveKind | null {
  const bare = formula.replace(QUOTED, (q) => q[0] + q[0]);
  if (LIVE_CALL.test(bare)) return 'WEBSERVICE';
  // The DDE topic is usually quoted ('/c calc'), so it is looked for in the formula as written.
  if (DDE_REF.test(formula.replace(/"(?:[^"]|"")*"/g, '""'))) return 'DDE';
  if (refersToOtherWorkbook(formula)) return 'LINK';
  for (const m of formula.matchAll(HYPERLINK_CALL)) {
    // Only a literal "#…" is a place inside this workbook; anything else may be a URL or a file.
    if (!/^"#/.test(m[1].trim())) return 'HYPERLINK';
  }
  return null;
}

/** Whether a formula's text, as it stands inside an XML element, needs the add-in. */
export type NeedsAddin = (xmlText: string) => boolean;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A use of one of `names` as a name (not inside a longer name, not a function call). */
function nameUse(names: readonly string[]): RegExp | null {
  if (names.length === 0) return null;
  return new RegExp(`(?:^|[^\\w.\\u0080-\\uffff])(?:${names.map(escapeRegExp).join('|')})(?![\\w.(\\u0080-\\uffff])`, 'i');
}

/**
 * The test for "needs the add-in": calls ZG, or uses a defined name that does (`zgNames`), since
 * such a formula computes to #NAME? without the add-in just as a direct call does.
 */
export function needsAddin(zgNames: readonly string[] = []): NeedsAddin {
  const uses = nameUse(zgNames);
  return (xmlText) => {
    const formula = decodeXml(xmlText);
    if (callsZg(formula)) return true;
    return uses !== null && uses.test(formula.replace(QUOTED, (q) => q[0] + q[0]));
  };
}

/**
 * The defined names that need the add-in: those whose formula calls ZG, and then those that use
 * such a name, until no more are found.
 */
export function zgDefinedNames(names: readonly { name: string; formula: string }[]): string[] {
  const found = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    const test = needsAddin([...found]);
    for (const n of names) {
      if (found.has(n.name) || !test(n.formula)) continue;
      found.add(n.name);
      grew = true;
    }
  }
  return [...found];
}

type ElementMatch = { whole: string; prefix: string; attrs: string; inner: string | null };

/**
 * Every element `localName` (any namespace prefix; `<c>` never matches `<col>`), with its attribute
 * text and its content (null when self-closed). These elements do not nest in themselves.
 *
 * Linear on any input: the attribute text stops at `<` or `>` and the content at the next start or
 * end tag of the same element, so a match that fails (an unclosed `<c>`, 100,000 of them in XML
 * comments) gives up at the next candidate instead of scanning to the end of the part each time.
 * The content is an unrolled loop (`[^<]*` then `<` not opening or closing this element), which
 * cannot backtrack into itself.
 */
function elementSource(localName: string): string {
  const content = `[^<]*(?:<(?!/?\\1${localName}[\\s/>])[^<]*)*`;
  // Quoted values whole (a `/>` or `>` inside one ends nothing); each alternative starts with its own character, so no backtracking.
  return `<((?:[\\w.-]+:)?)${localName}(\\s(?:[^<>"']|"[^<"]*"|'[^<']*')*?)?(?:/>|>(${content})</\\1${localName}>)`;
}

// Compiled once per element name: a sheet has a hundred thousand cells, each looked into.
const FIRST = new Map<string, RegExp>();

function toMatch(m: RegExpMatchArray): ElementMatch {
  return { whole: m[0], prefix: m[1], attrs: m[2] ?? '', inner: m[3] ?? null };
}

/** Rewrites each element `localName` through `rewrite` (return `whole` to keep it). */
export function rewriteElements(xml: string, localName: string, rewrite: (el: ElementMatch) => string): string {
  return xml.replace(new RegExp(elementSource(localName), 'g'), (...m: string[]) => rewrite(toMatch(m as unknown as RegExpMatchArray)));
}

export function findElements(xml: string, localName: string): ElementMatch[] {
  return Array.from(xml.matchAll(new RegExp(elementSource(localName), 'g')), toMatch);
}

function firstElement(xml: string, localName: string): ElementMatch | null {
  let re = FIRST.get(localName);
  if (!re) FIRST.set(localName, (re = new RegExp(elementSource(localName))));
  const m = re.exec(xml);
  return m ? toMatch(m) : null;
}

// By the scanner's attribute reader: ` t='str'` inside another attribute's value is not an attribute.
const dropAttr = withoutAttribute;
const setAttr = withAttribute;

const HAS_F = /<(?:[\w.-]+:)?f[\s/>]/;

/** `cells` needed the add-in; `live` reached outside the workbook (see liveFormula), both now values. */
export type FrozenCells = { xml: string; cells: string[]; uncached: string[]; live: { ref: string; kind: LiveKind }[] };

/**
 * One worksheet: every cell whose formula calls ZG loses its `<f>` (and its dynamic-array `cm`)
 * and keeps its cached value. A shared formula goes with its master: every dependent of a ZG master
 * (same `si`) goes too. A string result (`t="str"`, valid only on formula cells) becomes an inline
 * string; numbers, booleans and errors keep their `<v>` and `t`. Live formulas (liveFormula, or a
 * use of one of `linkNames`, names pointing into another workbook) become values the same way.
 * A cell never calculated (no `<v>`,
 * or the `#NAME?` Excel caches when the add-in was missing) is listed in `uncached`.
 */
export function freezeSheetCells(xml: string, zg: NeedsAddin = needsAddin(), linkNames: readonly string[] = []): FrozenCells {
  // A formula using a defined name that points into another workbook reaches out just as well.
  const usesLink = nameUse(linkNames);
  const liveFormula = (formula: string): LiveKind | null =>
    liveKindOf(formula) ?? (usesLink !== null && usesLink.test(formula.replace(QUOTED, (q) => q[0] + q[0])) ? 'LINK' : null);
  const zgShared = new Set<string>();
  const liveShared = new Map<string, LiveKind>();
  for (const f of findElements(xml, 'f')) {
    const a = attributes(f.attrs);
    if (a.t !== 'shared' || a.si === undefined || !f.inner) continue;
    if (zg(f.inner)) zgShared.add(a.si);
    const kind = liveFormula(decodeXml(f.inner));
    if (kind) liveShared.set(a.si, kind);
  }
  const cells: string[] = [];
  const uncached: string[] = [];
  const live: FrozenCells['live'] = [];
  const out = rewriteElements(xml, 'c', (cell) => {
    if (cell.inner === null || !HAS_F.test(cell.inner)) return cell.whole;
    const f = firstElement(cell.inner, 'f');
    if (!f) return cell.whole;
    const fa = attributes(f.attrs);
    const shared = fa.t === 'shared' && fa.si !== undefined ? fa.si : null;
    const frozen = f.inner ? zg(f.inner) : shared !== null && zgShared.has(shared);
    const kind = f.inner ? liveFormula(decodeXml(f.inner)) : shared !== null ? (liveShared.get(shared) ?? null) : null;
    if (!frozen && !kind) return cell.whole;
    const ref = attributes(cell.attrs).r ?? '?';
    if (frozen) cells.push(ref);
    else if (kind) live.push({ ref, kind });
    return frozenCell(cell, f, ref, uncached);
  });
  return { xml: out, cells, uncached, live };
}

function frozenCell(cell: ElementMatch, f: ElementMatch, ref: string, uncached: string[]): string {
  let attrs = dropAttr(cell.attrs, 'cm');
  // Function replacers throughout: a cell's text may hold `$&`, which a replacement string would expand.
  let inner = (cell.inner ?? '').replace(f.whole, () => '');
  const v = firstElement(inner, 'v');
  const type = attributes(cell.attrs).t ?? 'n';
  if (!v || v.inner === null) {
    uncached.push(ref);
    attrs = dropAttr(attrs, 't');
    if (v) inner = inner.replace(v.whole, () => '');
  } else if (type === 'str') {
    attrs = setAttr(attrs, 't', 'inlineStr');
    const p = v.prefix;
    const text = v.inner;
    inner = inner.replace(v.whole, () => `<${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is>`);
  } else if (type === 'e' && decodeXml(v.inner).trim().toUpperCase() === '#NAME?') {
    uncached.push(ref);
  }
  return inner.trim() === '' ? `<${cell.prefix}c${attrs}/>` : `<${cell.prefix}c${attrs}>${inner}</${cell.prefix}c>`;
}

/** The formula texts inside a rule element: <formula>, <formula1>, <formula2>, <xm:f>, and cfvo values. */
function ruleNeedsAddin(inner: string | null, zg: NeedsAddin): boolean {
  if (!inner) return false;
  const texts = ['formula', 'formula1', 'formula2', 'f'].flatMap((name) => findElements(inner, name).map((e) => e.inner ?? ''));
  texts.push(...findElements(inner, 'cfvo').map((e) => attributes(e.attrs).val ?? ''));
  return texts.some(zg);
}

/**
 * Conditional formats and data validations cannot hold a value instead of a formula: a rule whose
 * formula calls ZG would only show #NAME? (or never fire) without the add-in, so it is removed, and
 * a container left without rules goes too. Returns how many rules went.
 */
export function dropZgRules(xml: string, zg: NeedsAddin = needsAddin()): { xml: string; removed: number } {
  let removed = 0;
  const pruneIn = (container: string, rule: string) => (el: ElementMatch) => {
    if (el.inner === null) return el.whole;
    let kept = 0;
    const inner = rewriteElements(el.inner, rule, (r) => {
      if (!ruleNeedsAddin(r.inner, zg)) {
        kept++;
        return r.whole;
      }
      removed++;
      return '';
    });
    if (inner === el.inner) return el.whole;
    if (kept === 0) return '';
    const attrs = /\scount\s*=/.test(el.attrs) ? setAttr(el.attrs, 'count', String(kept)) : el.attrs;
    return `<${el.prefix}${container}${attrs}>${inner}</${el.prefix}${container}>`;
  };
  let out = rewriteElements(xml, 'conditionalFormatting', pruneIn('conditionalFormatting', 'cfRule'));
  out = rewriteElements(out, 'dataValidations', pruneIn('dataValidations', 'dataValidation'));
  return { xml: out, removed };
}

/**
 * A table's calculated column keeps its formula in the table part as well as in every cell: left
 * there, Excel fills the column with the formula again. Drops `<calculatedColumnFormula>` and
 * `<totalsRowFormula>` elements that call ZG (a custom totals function goes back to none).
 */
export function dropZgTableFormulas(xml: string, zg: NeedsAddin = needsAddin()): { xml: string; removed: number } {
  let removed = 0;
  const out = rewriteElements(xml, 'tableColumn', (col) => {
    if (col.inner === null) return col.whole;
    let attrs = col.attrs;
    let inner = rewriteElements(col.inner, 'calculatedColumnFormula', (e) => (zg(e.inner ?? '') ? (removed++, '') : e.whole));
    inner = rewriteElements(inner, 'totalsRowFormula', (e) => {
      if (!zg(e.inner ?? '')) return e.whole;
      removed++;
      attrs = dropAttr(attrs, 'totalsRowFunction');
      return '';
    });
    if (inner === col.inner) return col.whole;
    return inner.trim() === '' ? `<${col.prefix}tableColumn${attrs}/>` : `<${col.prefix}tableColumn${attrs}>${inner}</${col.prefix}tableColumn>`;
  });
  return { xml: out, removed };
}

/**
 * Defined names that need the add-in (`zgNames`, see zgDefinedNames) are removed: a name has no
 * cached value to keep, and in the copy it could only evaluate to #NAME?. The formulas using them
 * need the add-in too, so they are frozen to values as well. Returns the names removed.
 */
export function dropZgDefinedNames(workbookXml: string, zgNames: readonly string[]): { xml: string; names: string[] } {
  const names: string[] = [];
  const drop = new Set(zgNames);
  let out = rewriteElements(workbookXml, 'definedName', (el) => {
    const name = attributes(el.attrs).name ?? '';
    if (!drop.has(name)) return el.whole;
    names.push(name);
    return '';
  });
  if (names.length > 0) out = rewriteElements(out, 'definedNames', (el) => ((el.inner ?? '').trim() === '' ? '' : el.whole));
  return { xml: out, names };
}
