// A streaming XML scanner for the large parts of a workbook (worksheets, the shared-string table).
// A 5,000-measure ledger's sheets are ~13 MB of XML, most of it formula text; a character-by-character
// parser (saxes) spent ~0.5 s of the page's first render on it. This one jumps from tag to tag with
// indexOf and sticky regular expressions, hands the caller only the raw attribute text, and decodes
// text only where the caller asks for it (the <v> and <t> of cells, not the formulas). It still
// refuses what is not well-formed where it matters: unclosed or mismatched elements, an unterminated
// tag, comment, CDATA section or quoted attribute, `<` inside a tag, undefined entities in text that
// is read, a DTD (no workbook part has one; none is ever expanded), content outside the root element.
// Linear: every step moves past what it looked at; no pattern can look beyond the next `<`.

/** The part is not well-formed XML (the readers turn this into damagedXlsx). */
export class XmlScanError extends Error {
  constructor(what: string, at: number) {
    super(`malformed XML: ${what} at ${at}`);
    this.name = 'XmlScanError';
  }
}

/** The attributes of the start tag being reported: read on demand, straight from the part's text. */
export type TagAttributes = {
  /** The decoded value of an attribute (by its full name, prefix included), undefined when absent. */
  get(name: string): string | undefined;
  /** Several at once, in one pass: out[i] is the value of names[i] (undefined when absent). */
  pick(names: readonly string[], out: (string | undefined)[]): void;
  /** All of them. */
  all(): Record<string, string>;
};

export type ScanHandlers = {
  /**
   * An element starts; `name` without its prefix. `attrs` is valid only during this call. The start
   * tag is xml[start, end) (the rewriters cut rows and cells at these offsets).
   */
  open(name: string, attrs: TagAttributes, start: number, end: number): void;
  /** The element ends: its end tag is xml[start, end) (for an empty element, the start tag again). */
  close(name: string, start: number, end: number): void;
  /** Whether the text at this point is wanted: it is decoded and passed to `text` only then. */
  wantsText(): boolean;
  text(text: string): void;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference's code point, if XML 1.0 allows that character. */
function allowedCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Character data as a parser reports it: line ends normalised to LF, references decoded; an undefined one throws. */
export function decodeText(raw: string, at = 0): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;?)/g, (_, ref: string | undefined, semi: string) => {
    if (!ref || !semi) throw new XmlScanError('bare &', at);
    if (ref[0] !== '#') {
      const named = ENTITIES[ref];
      if (named === undefined) throw new XmlScanError(`undefined entity &${ref};`, at);
      return named;
    }
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!allowedCode(code)) throw new XmlScanError(`character reference ${ref}`, at);
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Whether a raw value needs decoding: a reference, or whitespace a parser turns into spaces. */
function needsDecoding(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x26 /* & */ || c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** Attribute-value normalisation (tab, CR, LF become spaces) and references decoded, as a parser reports a value. */
function attributeValue(raw: string, at: number): string {
  return needsDecoding(raw) ? decodeText(raw.replace(/[\t\n\r]/g, ' '), at) : raw;
}

/**
 * The next attribute in xml[from, to) (a start tag's text after its name), as offsets into `out`
 * (name start, name end, value start, value end); false when there is none. A hand loop rather than
 * a pattern: it runs for every cell of a sheet.
 */
function nextAttribute(xml: string, from: number, to: number, out: number[]): boolean {
  let i = from;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  const nameStart = i;
  while (i < to && xml.charCodeAt(i) !== 0x3d /* = */ && !isSpace(xml.charCodeAt(i))) i++;
  const nameEnd = i;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  if (nameEnd === nameStart || xml.charCodeAt(i) !== 0x3d) return false;
  i++;
  while (i < to && isSpace(xml.charCodeAt(i))) i++;
  const quote = xml.charCodeAt(i);
  if (quote !== 0x22 && quote !== 0x27) return false;
  const close = xml.indexOf(quote === 0x22 ? '"' : "'", i + 1);
  if (close < 0 || close >= to) return false;
  out[0] = nameStart;
  out[1] = nameEnd;
  out[2] = i + 1;
  out[3] = close;
  return true;
}

/** The attributes in xml[from, to), values decoded, prefixes kept. */
function attributesIn(xml: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  const at = [0, 0, 0, 0];
  for (let i = from; nextAttribute(xml, i, to, at); i = at[3] + 1) out[xml.slice(at[0], at[1])] = attributeValue(xml.slice(at[2], at[3]), at[2]);
  return out;
}

/** The attributes of a start tag's attribute text (`r="A1" t="s"`), values decoded, prefixes kept. */
export function attributeMap(raw: string): Record<string, string> {
  return attributesIn(raw, 0, raw.length);
}

/** One reader, re-pointed at each start tag (no allocation per tag). */
class RangeAttributes implements TagAttributes {
  xml = '';
  from = 0;
  to = 0;
  private readonly at = [0, 0, 0, 0];
  get(name: string): string | undefined {
    const { xml, at } = this;
    for (let i = this.from; nextAttribute(xml, i, this.to, at); i = at[3] + 1) {
      if (at[1] - at[0] === name.length && xml.startsWith(name, at[0])) return attributeValue(xml.slice(at[2], at[3]), at[2]);
    }
    return undefined;
  }
  pick(names: readonly string[], out: (string | undefined)[]): void {
    const { xml, at } = this;
    out.fill(undefined);
    for (let i = this.from; nextAttribute(xml, i, this.to, at); i = at[3] + 1) {
      const length = at[1] - at[0];
      for (let k = 0; k < names.length; k++) {
        if (out[k] === undefined && names[k].length === length && xml.startsWith(names[k], at[0])) {
          out[k] = attributeValue(xml.slice(at[2], at[3]), at[2]);
          break;
        }
      }
    }
  }
  all(): Record<string, string> {
    return attributesIn(this.xml, this.from, this.to);
  }
}

const NOT_SPACE = /[^\s]/;
const PI_TARGET = /^[^\s?]*/;
const XML_DECLARATION = /^\s+version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*$/;
/** An XML name, loosely: what a writer could mean, without the DTD-era character tables. */
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][\w.:\u00B7\u00C0-\uFFFD-]*$/;

/** XML name characters, loosely (ASCII exactly; everything from U+00B7 up allowed, as no writer needs finer). */
const isNameStart = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0xc0;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;

const DUPLICATE = -2;

/** The length of the reference at xml[at] (`&amp;`, `&#x41;`), if it is one XML allows; 0 when not. */
function referenceLength(xml: string, at: number): number {
  const c = xml.charCodeAt(at + 1);
  if (c === 0x23 /* # */) {
    const hex = xml.charCodeAt(at + 2) === 0x78;
    let i = at + (hex ? 3 : 2);
    let code = 0;
    const first = i;
    for (; i - first < 8; i++) {
      const d = xml.charCodeAt(i);
      const v = d >= 0x30 && d <= 0x39 ? d - 0x30 : hex && (d | 0x20) >= 0x61 && (d | 0x20) <= 0x66 ? (d | 0x20) - 0x57 : -1;
      if (v < 0) break;
      code = code * (hex ? 16 : 10) + v;
    }
    return i > first && xml.charCodeAt(i) === 0x3b && allowedCode(code) ? i + 1 - at : 0;
  }
  // amp; apos; quot; lt; gt; by their letters (this runs for every `&` of a sheet's formulas: no strings made).
  const c2 = xml.charCodeAt(at + 2);
  const c3 = xml.charCodeAt(at + 3);
  if ((c === 0x6c || c === 0x67) && c2 === 0x74 && c3 === 0x3b) return 4; // lt; gt;
  const c4 = xml.charCodeAt(at + 4);
  if (c === 0x61 && c2 === 0x6d && c3 === 0x70 && c4 === 0x3b) return 5; // amp;
  const c5 = xml.charCodeAt(at + 5);
  if (c === 0x71 && c2 === 0x75 && c3 === 0x6f && c4 === 0x74 && c5 === 0x3b) return 6; // quot;
  return c === 0x61 && c2 === 0x70 && c3 === 0x6f && c4 === 0x73 && c5 === 0x3b ? 6 : 0; // apos;
}

/**
 * The references in text and values nobody reads are checked all the same (a rewriter copies them
 * into the parts it writes): each `&` of the part once, by one forward search through it in all.
 */
class Ampersands {
  private next: number;
  constructor(private readonly xml: string) {
    this.next = xml.indexOf('&');
  }
  /** Throws for an `&` in xml[from, to) that does not start a reference; `from` never less than before. */
  check(from: number, to: number): void {
    const { xml } = this;
    if (this.next >= 0 && this.next < from) this.next = xml.indexOf('&', from);
    while (this.next >= 0 && this.next < to) {
      const length = referenceLength(xml, this.next);
      if (length === 0) throw new XmlScanError('a bare & or an undefined or forbidden reference', this.next);
      this.next = xml.indexOf('&', this.next + length);
    }
  }
}


/** Whether xml[a, a + length) and xml[b, b + length) hold the same characters. */
function sameSpan(xml: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

/**
 * The `>` of a start tag whose attributes begin at `from`, checking them as XML requires — each
 * preceded by whitespace, `name = "value"` quoted either way, no name twice — so that what the
 * rewriters copy from a part is well-formed: -1 when the tag is unterminated or malformed, DUPLICATE
 * for an attribute given twice. `seen` holds the name offsets of the tag (reused from tag to tag).
 */
function startTagEnd(xml: string, from: number, limit: number, seen: number[], amps: Ampersands): number {
  let i = from;
  let count = 0;
  let names: Set<string> | null = null;
  for (;;) {
    const spaced = i;
    while (i < limit && isSpace(xml.charCodeAt(i))) i++;
    if (i >= limit) return -1;
    let c = xml.charCodeAt(i);
    if (c === 0x3e /* > */) return i;
    if (c === 0x2f /* / */) return xml.charCodeAt(i + 1) === 0x3e ? i + 1 : -1;
    if (i === spaced) return -1;
    const nameStart = i;
    if (!isNameStart(c)) return -1;
    while (i < limit && isNameChar(xml.charCodeAt(i))) i++;
    const length = i - nameStart;
    while (i < limit && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 0x3d) return -1;
    i++;
    while (i < limit && isSpace(xml.charCodeAt(i))) i++;
    c = xml.charCodeAt(i);
    if (c !== 0x22 && c !== 0x27) return -1;
    const end = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
    if (end < 0 || end > limit) return -1;
    // A value is decoded only when asked for; its references are checked here all the same.
    amps.check(i + 1, end);
    // A tag has a handful of attributes: compared in place; past 16 (a crafted tag), by a set.
    if (count < 16) {
      for (let k = 0; k < count; k++) if (seen[2 * k + 1] === length && sameSpan(xml, seen[2 * k], nameStart, length)) return DUPLICATE;
      seen[2 * count] = nameStart;
      seen[2 * count + 1] = length;
    } else {
      if (!names) {
        names = new Set();
        for (let k = 0; k < 16; k++) names.add(xml.slice(seen[2 * k], seen[2 * k] + seen[2 * k + 1]));
      }
      const name = xml.slice(nameStart, nameStart + length);
      if (names.has(name)) return DUPLICATE;
      names.add(name);
    }
    count++;
    i = end + 1;
  }
}

/** Scans a whole part, calling the handlers for every element of it in document order. */
export function scanXml(xml: string, handlers: ScanHandlers): void {
  // Open elements: full names (to match end tags) and local names (for the handlers).
  const names: string[] = [];
  const locals: string[] = [];
  const attrs = new RangeAttributes();
  attrs.xml = xml;
  const seen: number[] = [];
  const amps = new Ampersands(xml);
  // Where the declaration may stand: before anything but whitespace (a BOM counts as such).
  const firstMark = xml.search(/\S/);
  const n = xml.length;
  let pos = 0;
  let rootSeen = false;
  let lt = xml.indexOf('<');
  while (pos < n) {
    const end = lt < 0 ? n : lt;
    if (end > pos) {
      if (names.length === 0) {
        if (NOT_SPACE.test(xml.slice(pos, end))) throw new XmlScanError('text outside the root element', pos);
      } else if (handlers.wantsText()) handlers.text(decodeText(xml.slice(pos, end), pos));
      else amps.check(pos, end);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      if (next === 0x3f) {
        const close = xml.indexOf('?>', lt + 2);
        if (close < 0) throw new XmlScanError('unterminated processing instruction', lt);
        // Its target is a name, and `xml` only as the declaration at the very start (the rewriters copy the head).
        const target = PI_TARGET.exec(xml.slice(lt + 2, Math.min(close, lt + 66)))?.[0] ?? '';
        if (!NAME.test(target) || (target.toLowerCase() === 'xml' && (lt !== firstMark || !XML_DECLARATION.test(xml.slice(lt + 5, close))))) {
          throw new XmlScanError('processing instruction', lt);
        }
        pos = close + 2;
      } else if (xml.startsWith('!--', lt + 1)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) throw new XmlScanError('unterminated comment', lt);
        // `--` only as its end (`--->` too is not XML): a comment is copied as it is by the rewriters.
        if (xml.indexOf('--', lt + 4) < close || (close > lt + 4 && xml.charCodeAt(close - 1) === 0x2d)) throw new XmlScanError('-- inside a comment', lt);
        pos = close + 3;
      } else if (xml.startsWith('![CDATA[', lt + 1)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0 || names.length === 0) throw new XmlScanError('CDATA section', lt);
        if (handlers.wantsText()) handlers.text(xml.slice(lt + 9, close).replace(/\r\n?/g, '\n'));
        pos = close + 3;
      } else throw new XmlScanError('a DTD or unknown declaration', lt);
      lt = xml.indexOf('<', pos);
      continue;
    }
    // A tag ends before the next `<`: neither names nor attribute values may hold one.
    const nextLt = xml.indexOf('<', lt + 1);
    const limit = nextLt < 0 ? n : nextLt;
    if (next === 0x2f /* / */) {
      const top = names.pop();
      const close = xml.indexOf('>', lt + 2);
      if (top === undefined || close < 0 || close > limit || !xml.startsWith(top, lt + 2)) throw new XmlScanError('mismatched end tag', lt);
      for (let i = lt + 2 + top.length; i < close; i++) if (!isSpace(xml.charCodeAt(i))) throw new XmlScanError('mismatched end tag', lt);
      handlers.close(locals.pop()!, lt, close + 1);
      pos = close + 1;
      lt = nextLt;
      continue;
    }
    // Start tag: the name, then attributes up to a `>` outside quotes.
    let i = lt + 1;
    let colon = -1;
    for (; i < limit; i++) {
      const c = xml.charCodeAt(i);
      if (c === 0x3e /* > */ || c === 0x2f /* / */ || isSpace(c)) break;
      if (i === lt + 1 ? !isNameStart(c) : !isNameChar(c)) throw new XmlScanError('malformed tag', lt);
      if (c === 0x3a /* : */ && colon < 0) colon = i;
    }
    if (i === lt + 1) throw new XmlScanError('malformed tag', lt);
    const nameEnd = i;
    const close = startTagEnd(xml, i, limit, seen, amps);
    if (close === DUPLICATE) throw new XmlScanError('duplicate attribute', lt);
    if (close < 0) throw new XmlScanError('unterminated or malformed tag', lt);
    if (names.length === 0 && rootSeen) throw new XmlScanError('a second root element', lt);
    rootSeen = true;
    const empty = xml.charCodeAt(close - 1) === 0x2f && close - 1 >= nameEnd;
    const name = xml.slice(lt + 1, nameEnd);
    const local = colon < 0 ? name : name.slice(colon - lt);
    attrs.from = nameEnd;
    attrs.to = empty ? close - 1 : close;
    handlers.open(local, attrs, lt, close + 1);
    if (empty) handlers.close(local, lt, close + 1);
    else {
      names.push(name);
      locals.push(local);
    }
    pos = close + 1;
    lt = nextLt;
  }
  if (names.length > 0) throw new XmlScanError(`unclosed <${names[names.length - 1]}>`, n);
  if (!rootSeen) throw new XmlScanError('no root element', 0);
}

/** Where a start tag at the beginning of `xml` ends its name and itself (the `>` outside quoted values); end -1 when unterminated. */
export function startTagBounds(xml: string): { nameEnd: number; end: number; empty: boolean } {
  let i = 1;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e || c === 0x2f || isSpace(c)) break;
  }
  const nameEnd = i;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return { nameEnd, end: i, empty: xml.charCodeAt(i - 1) === 0x2f && i - 1 >= nameEnd };
    if (c === 0x22 || c === 0x27) {
      i = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (i < 0) break;
    }
  }
  return { nameEnd, end: -1, empty: false };
}

/** A start tag's attribute text with `name` set to `value` (its value replaced in place, or the attribute put first). */
export function withAttribute(attrText: string, name: string, value: string): string {
  const at = [0, 0, 0, 0];
  const quoted = `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  for (let i = 0; nextAttribute(attrText, i, attrText.length, at); i = at[3] + 1) {
    if (at[1] - at[0] === name.length && attrText.startsWith(name, at[0])) return attrText.slice(0, at[2] - 1) + quoted + attrText.slice(at[3] + 1);
  }
  return ` ${name}=${quoted}${attrText}`;
}

/** A start tag's attribute text without the attribute `name` (and the whitespace before it). */
export function withoutAttribute(attrText: string, name: string): string {
  const at = [0, 0, 0, 0];
  for (let i = 0; nextAttribute(attrText, i, attrText.length, at); i = at[3] + 1) {
    if (at[1] - at[0] !== name.length || !attrText.startsWith(name, at[0])) continue;
    let from = at[0];
    while (from > 0 && isSpace(attrText.charCodeAt(from - 1))) from--;
    return attrText.slice(0, from) + attrText.slice(at[3] + 1);
  }
  return attrText;
}
