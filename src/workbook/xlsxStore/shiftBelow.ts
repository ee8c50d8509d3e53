// When a save grows or shrinks a table's body, every row below it moves (tableBody.ts), and what
// the sheet anchors to those rows must move with them, or a merged cell, a drop-down list or a
// colour rule would land on other rows than the user gave them: merged cells, data validation and
// conditional formatting ranges (their x14 copies too), hyperlinks, other tables of the sheet,
// drawings (charts, pictures) anchored there, and the workbook's defined names pointing into the
// sheet. A range reaching into the table's last row grows and shrinks with it, as Excel grows a
// table's validation and formatting. Comments below the table are not moved: the save is refused
// with a message naming them (their VML anchors are beyond what this writer rewrites safely).
import { ledgerError } from '../../ledger/errors';
import { LedgerStoreError } from '../../ledger/store';
import { columnLetter } from '../schema';
import { decodeXml, encodeXml, partText, relationshipsOf, setPartText, startTags, type XlsxParts } from '../xlsx/package';
import { parseA1, type CellRange } from '../xlsx/sheetCells';
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

/** A row's new number; null when it was removed. */
function moveRow(r: number, s: RowShift): number | null {
  if (r <= s.after + Math.min(s.delta, 0)) return r;
  if (r > s.after) return r + s.delta;
  return null;
}

/** A range after the shift; null when every row of it was removed. */
export function shiftRange(range: CellRange, s: RowShift): CellRange | null {
  const { top, bottom } = range;
  if (bottom < s.after) return range;
  if (s.delta > 0) {
    if (top > s.after) return { ...range, top: top + s.delta, bottom: bottom + s.delta };
    // Reaching into the table's last row (in its columns) or past it: grows with the table.
    const touchesTable = bottom > s.after || (range.left <= s.right && range.right >= s.left);
    return touchesTable ? { ...range, bottom: bottom + s.delta } : range;
  }
  const newTop = moveRow(top, s) ?? (bottom > s.after ? s.after + 1 + s.delta : null);
  const newBottom = moveRow(bottom, s) ?? s.after + s.delta;
  return newTop === null || newBottom < newTop ? null : { ...range, top: newTop, bottom: newBottom };
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
function shiftList(list: string, s: RowShift): string {
  const out: string[] = [];
  for (const ref of list.trim().split(/\s+/)) {
    const range = parseRef(ref);
    if (!range) {
      out.push(ref);
      continue;
    }
    const moved = shiftRange(range, s);
    if (moved) out.push(moved === range ? ref : refText(moved));
  }
  return out.length > 0 ? out.join(' ') : list;
}

/** The sheet's own anchors after <sheetData>: merged cells, validation, formatting, hyperlinks (x14 copies included). */
export function shiftSheetTail(tail: string, s: RowShift): string {
  return tail
    .replace(/(<(?:[\w.-]+:)?(?:mergeCell|hyperlink)\s[^<>]*?\bref\s*=\s*")([^"]*)(")/g, (_, a: string, v: string, b: string) => `${a}${shiftList(v, s)}${b}`)
    .replace(/(<(?:[\w.-]+:)?(?:dataValidation|conditionalFormatting)\s[^<>]*?\bsqref\s*=\s*")([^"]*)(")/g, (_, a: string, v: string, b: string) => `${a}${shiftList(v, s)}${b}`)
    .replace(/(<(?:[\w.-]+:)?sqref>)([^<]*)(<\/(?:[\w.-]+:)?sqref>)/g, (_, a: string, v: string, b: string) => `${a}${shiftList(v, s)}${b}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** References to `sheet` in a defined name's formula, shifted (whole columns and rows left as they are). */
export function shiftNameFormula(formula: string, sheet: string, s: RowShift): string {
  // The sheet's own name, quoted or bare, then `!`: a literal to search for, so a long formula costs
  // one pass (a pattern for any sheet name would retry from every character).
  const quoted = escapeRegExp(`'${sheet.replace(/'/g, "''")}'`);
  const re = new RegExp(`(?:${quoted}|(?<![^\\s(),=+\\-*/&^<>:;{}])${escapeRegExp(sheet)})!(\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?)`, 'g');
  return formula.replace(re, (whole, ref: string) => {
    const range = parseRef(ref.replace(/\$/g, ''));
    const moved = range ? shiftRange(range, s) : null;
    return moved && moved !== range ? `${whole.slice(0, whole.length - ref.length)}${refText(moved, ref.includes('$'))}` : whole;
  });
}

/**
 * Moves what the sheet anchors below row `after` in the parts other than the sheet itself; returns
 * the parts rewritten. Throws a LedgerStoreError (saved nothing) when comments lie below.
 */
export function shiftSheetAnchors(parts: XlsxParts, sheetPath: string, sheetName: string, ownTablePath: string, s: RowShift): string[] {
  const touched: string[] = [];
  const rels = relationshipsOf(parts, sheetPath);
  for (const rel of rels) {
    const xml = partText(parts, rel.target);
    if (xml === null) continue;
    if (rel.type.endsWith('/comments') || rel.type.endsWith('/threadedComment')) {
      const below = startTags(xml, rel.type.endsWith('/comments') ? 'comment' : 'threadedComment').map((a) => parseA1(a.ref ?? '')).filter((at) => at && at.row > s.after + Math.min(s.delta, 0));
      if (below.length > 0) throw new LedgerStoreError(ledgerError('commentsBelowTable', sheetName, below.map((at) => `${columnLetter(at!.col - 1)}${at!.row}`).slice(0, 5).join('、')));
    } else if (rel.type.endsWith('/table') && rel.target !== ownTablePath) {
      const next = withTableRefs(xml, (ref) => shiftList(ref, s));
      if (next !== xml) {
        setPartText(parts, rel.target, next);
        touched.push(rel.target);
      }
    } else if (rel.type.endsWith('/drawing')) {
      // Anchors count rows from 0: <xdr:row>N</xdr:row> is sheet row N + 1.
      // At most a few tags between <from> and its <row> (col, colOff): bounded, whatever the part holds.
      const next = xml.replace(/(<(xdr:|[\w.-]*:)?(from|to)>(?:<[^<>]*>[^<]*){0,8}?<\2row>)(\d+)(<\/\2row>)/g, (whole, a: string, _p: string, _t: string, n: string, b: string) => {
        const moved = moveRow(Number(n) + 1, s);
        return moved === null ? `${a}${s.after + s.delta}${b}` : moved === Number(n) + 1 ? whole : `${a}${moved - 1}${b}`;
      });
      if (next !== xml) {
        setPartText(parts, rel.target, next);
        touched.push(rel.target);
      }
    }
  }
  const workbook = partText(parts, 'xl/workbook.xml');
  if (workbook) {
    const next = workbook.replace(/(<(?:[\w.-]+:)?definedName(?=[\s>])[^<>]*>)([^<]*)(<\/(?:[\w.-]+:)?definedName>)/g, (whole, a: string, f: string, b: string) => {
      const formula = decodeXml(f);
      const shifted = shiftNameFormula(formula, sheetName, s);
      return shifted === formula ? whole : `${a}${encodeXml(shifted)}${b}`;
    });
    if (next !== workbook) {
      setPartText(parts, 'xl/workbook.xml', next);
      touched.push('xl/workbook.xml');
    }
  }
  return touched;
}
