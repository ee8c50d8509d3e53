// The fast scanner against saxes, a complete XML parser (the reader used before, kept as the
// oracle in test/support/saxesCells.ts): on generated worksheets and shared-string tables written
// every way the format allows — prefixes, entity and character references, CDATA, comments,
// processing instructions, CRLF, either quote, `>` inside values, cells and rows without r — both
// read the same cells; on broken ones the scanner never reads what saxes refuses, and never hangs.
import fc from 'fast-check';
import { saxesSharedStrings, saxesSheetCells } from '../../../test/support/saxesCells';
import { escapeText, rows, sheetXml, style, text } from '../../../test/support/sheetXml';
import { readSheetCells, sharedStringsOf, type SheetCells } from './sheetCells';
import { attributeMap, decodeText, scanXml, XmlScanError } from './xmlScan';

const STRINGS = ['问题编号', '甲 & 乙', ''];
const DATES = [false, true];

function cellsOf(sheet: SheetCells): unknown[] {
  const out: unknown[] = [];
  sheet.each!((r, c, value) => out.push([r, c, value]));
  return [sheet.lastRow, out];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const read = (xml: string) => cellsOf(readSheetCells(xml, STRINGS, DATES));
const oracle = (xml: string) => cellsOf(saxesSheetCells(xml, STRINGS, DATES));
const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: e };
  }
};

describe('scanXml reads worksheets as saxes does', () => {
  test('generated worksheets, written every way the format allows', () => {
    fc.assert(fc.property(rows, style, (data, st) => {
      const xml = sheetXml(data, st);
      // A row without r whose later cell names another row than the one it follows is refused by both.
      const theirs = outcome(() => oracle(xml));
      if ('error' in theirs) expect(outcome(() => read(xml))).toEqual({ error: expect.any(XmlScanError) });
      else expect(read(xml)).toEqual(theirs.ok);
    }), { numRuns: 400 });
  });

  test('shared-string tables with rich text, phonetic runs and every escape', () => {
    fc.assert(fc.property(fc.array(fc.tuple(text, text, fc.boolean()), { maxLength: 6 }), style, (items, st) => {
      const p = st.prefix;
      const t = (v: string) => escapeText(v, st.escape);
      const si = items.map(([a, b, rich]) => rich
        ? `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${t(a)}</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>x</${p}t></${p}rPh><${p}r><${p}t>${t(b)}</${p}t></${p}r></${p}si>`
        : `<${p}si><${p}t${st.space}xml:space=${st.quote}preserve${st.quote}>${t(a)}</${p}t></${p}si>`);
      const xml = `<?xml version="1.0"?><${p}sst xmlns${p ? ':x' : ''}="urn:x">${si.join(st.comments ? '<!-- -->' : '')}</${p}sst>`;
      expect(sharedStringsOf(xml)).toEqual(saxesSharedStrings(xml));
    }), { numRuns: 300 });
  });

  test('broken worksheets (cut short, a character changed): never read what saxes refuses, never hang', () => {
    fc.assert(fc.property(rows, style, fc.nat(), fc.constantFrom('', '<', '>', '&', '"', "'", '/', '=', ' ', 'x', ']]>', '<!--', '</'), (data, st, at, insert) => {
      const whole = sheetXml(data, st);
      const k = at % (whole.length + 1);
      for (const xml of [whole.slice(0, k), whole.slice(0, k) + insert + whole.slice(k + 1)]) {
        const ours = outcome(() => read(xml));
        const theirs = outcome(() => oracle(xml));
        if ('error' in ours) expect(ours.error).toBeInstanceOf(XmlScanError);
        // Where saxes reads the text, the scanner reads the same cells — except where saxes itself
        // goes wrong: it takes a comment left open at the end of the part as the end (the scanner
        // refuses the part as cut short), and a lone surrogate swallows the character after it.
        const openComment = xml.lastIndexOf('<!--') > xml.lastIndexOf('-->');
        if ('ok' in theirs && !openComment && !LONE_SURROGATE.test(xml)) expect(ours).toEqual(theirs);
      }
    }), { numRuns: 400 });
  });
});

describe('scanXml refuses what saxes refuses, for the constructs a rewriter would copy', () => {
  // Inserted anywhere in a generated worksheet: inside text, a value, a tag, a comment or CDATA.
  const hostile = fc.constantFrom('&#0;', '&#xFFFF;', '&#x110000;', '&#99999999999;', '&#xD800;', '&bogus;', '& ', ' a="1" a="2"', ' r="A1"', ' q="1"q="2"', ' b=1', ' c');
  test('a reference XML forbids, an undefined entity, a duplicate or malformed attribute: refused wherever saxes refuses it', () => {
    fc.assert(fc.property(rows, style, fc.nat(), hostile, (data, st, at, insert) => {
      const whole = sheetXml(data, st);
      const k = at % (whole.length + 1);
      const xml = whole.slice(0, k) + insert + whole.slice(k);
      const theirs = outcome(() => oracle(xml));
      const ours = outcome(() => read(xml));
      if ('error' in ours) expect(ours.error).toBeInstanceOf(XmlScanError);
      // (A lone surrogate, made by inserting inside a pair, never comes out of UTF-8 decoding.)
      if (LONE_SURROGATE.test(xml)) return;
      if ('error' in theirs && !('error' in outcome(() => oracle(whole)))) expect('error' in ours ? 'refused' : xml).toBe('refused');
      else if ('ok' in theirs) expect(ours).toEqual(theirs);
    }), { numRuns: 1000 });
  });
});

describe('scanXml', () => {
  const events = (xml: string) => {
    const out: string[] = [];
    scanXml(xml, { open: (n, a) => out.push(`<${n} ${JSON.stringify(a.all())}`), close: (n) => out.push(`/${n}`), wantsText: () => true, text: (t) => out.push(JSON.stringify(t)) });
    return out;
  };

  test('events, attributes, text', () => {
    expect(events(`<?xml version="1.0"?><x:a b='1 > 0' c="&amp;&#x41;"><!-- <no> --><b/>t&lt;<![CDATA[<&>]]></x:a>`)).toEqual([
      '<a {"b":"1 > 0","c":"&A"}', '<b {}', '/b', '"t<"', '"<&>"', '/a',
    ]);
  });

  test.each([
    ['', 'no root'], ['<a>', 'unclosed'], ['<a></b>', 'mismatched'], ['<a></ab>', 'mismatched'], ['<a b="<">', 'lt in value'],
    ['<a b="1></a>', 'unterminated quote'], ['<a><!-- x</a>', 'unterminated comment'], ['<a/><b/>', 'two roots'], ['x<a/>', 'text outside'],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 'DTD'], ['<a>&e;</a>', 'undefined entity'], ['<a>&#0;</a>', 'forbidden character'], ['<a>a & b</a>', 'bare &'],
    ['< a/>', 'space before the name'], ['<a><![CDATA[x</a>', 'unterminated CDATA'],
    // What the rewriters would copy into a part they write, though no cell value reads it:
    ['<a b="1" b="2"/>', 'duplicate attribute'], ['<x:a x:b="1" c="0" x:b="2"/>', 'duplicate prefixed attribute'],
    [`<a ${Array.from({ length: 40 }, (_, i) => `n${i}="1"`).join(' ')} n33="2"/>`, 'duplicate among 40 attributes'],
    ['<a b="1"c="2"/>', 'no space between attributes'], ['<a b=1/>', 'unquoted value'], ['<a b/>', 'attribute without a value'],
    ['<a / >', 'space inside />'], ['<a b="&bogus;"/>', 'undefined entity in a value nobody reads'], ['<a><f>x &bogus; y</f></a>', 'undefined entity in text nobody reads'],
    ['<a><f>1 & 2</f></a>', 'bare & in text nobody reads'], ['<a b="&#0;"/>', 'forbidden character reference in a value'], ['<a>&#x110000;</a>', 'reference past U+10FFFF'],
    ['<a>&#99999999999999999999;</a>', 'huge decimal reference'], ['<a>&#xFFFF;</a>', 'U+FFFF by reference'],
    ['<a><?xml version="1.0"?></a>', 'a declaration not at the start'], ['<?xml version="1.0" a="1"?><a/>', 'a malformed declaration'],
    ['<a><?&x y?></a>', 'a processing instruction without a name'], ['<a><!-- a -- b --></a>', '-- inside a comment'], ['<a><!-- a ---></a>', 'a comment ending --->'],
    ['<a &#0;b="1"/>', 'a reference as an attribute name'], ['<1a/>', 'an element name starting with a digit'],
  ])('%j is refused (%s)', (xml) => {
    expect(() => events(xml)).toThrow(XmlScanError);
    // Refused too when no text is wanted and no attribute asked for: the sheet rewriters scan so.
    expect(() => scanXml(xml, { open: () => undefined, close: () => undefined, wantsText: () => false, text: () => undefined })).toThrow(XmlScanError);
  });

  test('forty distinct attributes, references in values and text nobody reads: accepted', () => {
    expect(() => events(`<a ${Array.from({ length: 40 }, (_, i) => `n${i}="&amp;&#x41;"`).join(' ')}><f>a&quot;b&lt;&#9;</f></a>`)).not.toThrow();
  });

  test('decodeText and attributeMap', () => {
    expect(decodeText('a\r\nb\rc&#13;&#x1F600;')).toBe('a\nb\nc\r😀');
    expect(attributeMap(' r="A1"  t=\'s\' x:y = "a&#9;b\tc"')).toEqual({ r: 'A1', t: 's', 'x:y': 'a\tb c' });
  });

  test('any text: an answer or an XmlScanError, never a hang', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '?', '-', '[', ']', '"', "'", '=', '&', ';', 'a', ' ', 'CDATA'), maxLength: 60 }), (xml) => {
      const result = outcome(() => events(xml));
      if ('error' in result) expect(result.error).toBeInstanceOf(XmlScanError);
    }), { numRuns: 2000 });
  });
});
