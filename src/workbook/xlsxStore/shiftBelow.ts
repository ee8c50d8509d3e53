// When a save grows or shrinks a table's body, every row below it moves (tableBody.ts) — and rows
// inside it when a measure goes in or out in the middle (rowMap.ts) — and what the sheet anchors to
// those rows must move with them, or a merged cell, a drop-down list or a
// colour rule would land on other rows than the user gave them: merged cells, data validation and
// conditional formatting ranges (their x14 copies too), hyperlinks, other tables of the sheet,
// drawings (charts, pictures) anchored there, and the workbook's defined names pointing into the
// sheet. A range reaching into the table's last row grows and shrinks with it, as Excel grows a
// table's validation and formatting. Comments follow their cells (shiftComments.ts), cell formulas
// their rows (shiftFormulas.ts).
import { columnLetter } from '../schema';
import { attributes, decodeXml, encodeXml, partText, relationshipsOf, setPartText, type XlsxParts } from '../xlsx/package';
import { parseA1, type CellRange } from '../xlsx/sheetCells';
import { shiftFormula } from './formulaRefs';
import { rowMapOfShift, type RowMap } from './rowMap';
import { shiftComments } from './shiftComments';
import { attributeMap, scanXml, startTagBounds, withAttribute } from '../xlsx/xmlScan';

const TABLE_REF_ELEMENTS = new Set(['table', 'autoFilter', 'sortState']);

/**
 * A table part with the ref of its <table>, <autoFilter> and <sortState> replaced by `shift(ref)`:
 * tags found by the scanner, so a `>` or a `ref=` inside another quoted value is no place to write.
 */
export function withTableRefs(xml: string, shift: (ref: string) => string): string {
  const tags: [number, number][] = [];
  scanXml(xml, {
    open(name, a, start, end) {
      if (TABLE_REF_ELEMENTS.has(name) && a.get('ref') !== undefined) tags.push([start, end]);
    },
    close: () => undefined,
    wantsText: () => false,
    text: () => undefined,
  });
  let out = xml;
  for (const [start, end] of tags.reverse()) {
    const tag = out.slice(start, end);
    const { nameEnd, end: close, empty } = startTagBounds(tag);
    const attrEnd = empty ? close - 1 : close;
    const attrs = tag.slice(nameEnd, attrEnd);
    const ref = attributeMap(attrs).ref;
    const next = shift(ref);
    if (next !== ref) out = out.slice(0, start) + tag.slice(0, nameEnd) + withAttribute(attrs, 'ref', next) + tag.slice(attrEnd) + out.slice(end);
  }
  return out;
}

/** Rows `after + delta + 1 … after` removed (delta < 0) or `delta` rows inserted after row `after` (delta > 0). */
export type RowShift = { after: number; delta: number; left: number; right: number };

/** A range after the shift (its rows as rowMapOfShift moves them); null when every row of it was removed. */
export function shiftRange(range: CellRange, s: RowShift): CellRange | null {
  const moved = rowMapOfShift(s).range(range.top, range.bottom, range.left, range.right);
  return moved === null ? null : moved.top === range.top && moved.bottom === range.bottom ? range : { ...range, ...moved };
}

const refText = (r: CellRange, absolute = false) => {
  const d = absolute ? '$' : '';
  const a = `${d}${columnLetter(r.left - 1)}${d}${r.top}`;
  const b = `${d}${columnLetter(r.right - 1)}${d}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
};

function parseRef(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const from = parseA1(a);
  const to = parseA1(b);
  return from && to ? { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) } : null;
}

/** A space-separated list of ranges (sqref) after the shift; ranges removed entirely drop out (all of them: kept as it was). */
function shiftList(list: string, map: RowMap): string {
  const out: string[] = [];
  for (const ref of list.trim().split(/\s+/)) {
    const range = parseRef(ref);
    if (!range) {
      out.push(ref);
      continue;
    }
    const moved = map.range(range.top, range.bottom, range.left, range.right);
    if (moved) out.push(moved.top === range.top && moved.bottom === range.bottom ? ref : refText({ ...range, ...moved }));
  }
  return out.length > 0 ? out.join(' ') : list;
}

/**
 * The sheet's own anchors after <sheetData>: merged cells, validation, formatting, hyperlinks (x14
 * copies included), and the references in the rules' formulas (a colour rule reading the cell
 * beside it, a list drawn from rows below), as Excel moves them with the rows.
 */
export function shiftSheetTail(tail: string, map: RowMap, sheet: string): string {
  const list = (_: string, a: string, v: string, b: string) => `${a}${shiftList(v, map)}${b}`;
  return tail
    .replace(/(<(?:[\w.-]+:)?(?:mergeCell|hyperlink)\s[^<>]*?\bref\s*=\s*")([^"]*)(")/g, list)
    .replace(/(<(?:[\w.-]+:)?(?:dataValidation|conditionalFormatting)\s[^<>]*?\bsqref\s*=\s*")([^"]*)(")/g, list)
    .replace(/(<(?:[\w.-]+:)?sqref>)([^<]*)(<\/(?:[\w.-]+:)?sqref>)/g, list)
    .replace(/(<((?:[\w.-]+:)?)(formula|formula1|formula2|f)>)([^<]*)(<\/\2\3>)/g, (whole, a: string, _p: string, _t: string, text: string, b: string) => {
      const formula = decodeXml(text);
      const shifted = shiftFormula(formula, sheet, true, map);
      return shifted === formula ? whole : `${a}${encodeXml(shifted)}${b}`;
    });
}

/** References to `sheet` in a defined name's formula, following their rows (whole columns left as they are). */
export function shiftNameFormula(formula: string, sheet: string, s: RowShift | RowMap): string {
  return shiftFormula(formula, sheet, false, 'row' in s ? s : rowMapOfShift(s));
}

/**
 * Manual row page breaks (<brk id="N">: a page starts at row N + 1) move with the row that starts
 * the page; a break whose row is gone goes too, and the counts say what is left.
 */
export function shiftRowBreaks(tail: string, map: RowMap): string {
  return tail.replace(/<((?:[\w.-]+:)?)rowBreaks(?=[\s>/])([^<>]*?)(?:\/>|>([\s\S]*?)<\/\1rowBreaks>)/, (whole, p: string, attrs: string, inner: string | undefined) => {
    if (!inner) return whole;
    let changed = false;
    const breaks: string[] = [];
    for (const m of inner.matchAll(/<(?:[\w.-]+:)?brk(?=[\s/>])[^<>]*?\/?>(?:<\/(?:[\w.-]+:)?brk>)?/g)) {
      const id = Number(attributes(m[0].replace(/^<[\w.:-]+|\/?>[\s\S]*$/g, '')).id);
      const row = Number.isInteger(id) && id >= 0 ? map.row(id + 1) : id + 1;
      if (row === id + 1 || Number.isNaN(row)) {
        breaks.push(m[0]);
        continue;
      }
      if (row !== null) breaks.push(m[0].replace(/(\sid\s*=\s*["'])\d+/, `$1${row - 1}`));
      changed = true;
    }
    if (!changed) return whole;
    const manual = breaks.filter((b) => /\sman\s*=\s*["'](?:1|true)["']/.test(b)).length;
    const counted = attrs.replace(/(\scount\s*=\s*["'])\d*/, `$1${breaks.length}`).replace(/(\smanualBreakCount\s*=\s*["'])\d*/, `$1${manual}`);
    return breaks.length === 0 ? `<${p}rowBreaks${counted}/>` : `<${p}rowBreaks${counted}>${breaks.join('')}</${p}rowBreaks>`;
  });
}

/**
 * Moves what the sheet anchors to rows that `map` moves, in the parts other than the sheet itself
 * (other tables, drawings, comments), and the defined names pointing into it; returns the parts
 * rewritten.
 */
export function shiftSheetAnchors(parts: XlsxParts, sheetPath: string, sheetName: string, ownTablePath: string, map: RowMap): string[] {
  const touched: string[] = [];
  const rels = relationshipsOf(parts, sheetPath);
  for (const rel of rels) {
    const xml = partText(parts, rel.target);
    if (xml === null) continue;
    if (rel.type.endsWith('/table') && rel.target !== ownTablePath) {
      const next = withTableRefs(xml, (ref) => shiftList(ref, map));
      if (next !== xml) {
        setPartText(parts, rel.target, next);
        touched.push(rel.target);
      }
    } else if (rel.type.endsWith('/drawing')) {
      // Anchors count rows from 0: <xdr:row>N</xdr:row> is sheet row N + 1.
      // At most a few tags between <from> and its <row> (col, colOff): bounded, whatever the part holds.
      const next = xml.replace(/(<(xdr:|[\w.-]*:)?(from|to)>(?:<[^<>]*>[^<]*){0,8}?<\2row>)(\d+)(<\/\2row>)/g, (whole, a: string, _p: string, _t: string, n: string, b: string) => {
        // An anchor on a removed row lands on the first row below the body.
        const moved = map.row(Number(n) + 1);
        return moved === null ? `${a}${map.last + map.delta}${b}` : moved === Number(n) + 1 ? whole : `${a}${moved - 1}${b}`;
      });
      if (next !== xml) {
        setPartText(parts, rel.target, next);
        touched.push(rel.target);
      }
    }
  }
  touched.push(...shiftComments(parts, sheetPath, map));
  const workbook = partText(parts, 'xl/workbook.xml');
  if (workbook) {
    const next = workbook.replace(/(<(?:[\w.-]+:)?definedName(?=[\s>])[^<>]*>)([^<]*)(<\/(?:[\w.-]+:)?definedName>)/g, (whole, a: string, f: string, b: string) => {
      const formula = decodeXml(f);
      const shifted = shiftNameFormula(formula, sheetName, map);
      return shifted === formula ? whole : `${a}${encodeXml(shifted)}${b}`;
    });
    if (next !== workbook) {
      setPartText(parts, 'xl/workbook.xml', next);
      touched.push('xl/workbook.xml');
    }
  }
  return touched;
}
