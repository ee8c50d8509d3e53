// Cell formulas follow the rows a save moves (rowMap.ts), in every worksheet of the workbook, as
// Excel adjusts them when rows are inserted or deleted: on the table's own sheet its unqualified
// references and those naming it, elsewhere those naming it (ZG_Measures!H5, '整改 台账'!$B$7:$B$9).
// A shared formula (<f t="shared" si> — Excel writes one whenever a formula is filled down) stores
// its text once, in its first cell, and every other cell reads it shifted by its own offset; when
// any of its cells moves or any of its texts changes, each cell gets its own text instead (what the
// group meant, written out), since one text can no longer say it. An array formula's range moves
// with its cells. Chart series (<c:f>) naming the sheet follow too.
//
// Cached results (<v>) of the formulas rewritten stay: a reference that follows its row still
// points at the same content, so its result is unchanged; a range that grew with the table has a
// result as stale as that of any formula over the table (ZG_Measures[…], 整改统计) after a save
// changed rows. Whether a spreadsheet recalculates on open is calcPr's business — the template sets
// fullCalcOnLoad, Excel drops it when it saves — and calcPr is left as the user's file has it
// (issue 13). Dropping <v> would not make Excel recalculate either: it would show
// an empty cell instead of the right value in the common case.
import { strToU8 } from 'fflate';
import { attributes, decodeXml, partText, setPartText, worksheets, type XlsxParts } from '../xlsx/package';
import { offsetFormula, shiftFormula } from './formulaRefs';
import type { RowMap } from './rowMap';
import { joinSheet, splitSheet, withCells, type RowXml } from './rowsXml';

const F_TAG = /<(?:[\w.-]+:)?f[\s>/]/;
// A formula's text holds no '<' (it is escaped): a match never runs past the next tag.
const F_ELEMENT = /<((?:[\w.-]+:)?)f(\s[^<>]*?)?(?:\/>|>([^<]*)<\/\1f>)/;
const F_ALL = new RegExp(F_ELEMENT.source, 'g');

/** Whether `needle` occurs in `bytes` (the native indexOf finds each candidate start). */
function hasBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  for (let i = bytes.indexOf(needle[0]); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

const MAY_REFER = /[A-Za-z]\$?\d|\d:\$?\d/;

const encodeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Formula = { k: number; cell: number; r: number; col: number; whole: string; prefix: string; attrs: Record<string, string>; attrText: string; text: string };

/** The range of an array formula moved with its rows (each end on its own; kept when an end is gone). */
function movedRef(ref: string, map: RowMap): string {
  return ref.replace(/(\$?[A-Za-z]{1,3}\$?)(\d{1,7})/g, (whole, col: string, row: string) => {
    const r = map.row(Number(row));
    return r === null ? whole : `${col}${r}`;
  });
}

/**
 * The rows of a worksheet with their formulas following `map` (rows not renumbered here: the
 * caller moves them). Returns the same array when no formula changed.
 */
export function shiftRowFormulas(rows: RowXml[], prefix: string, sheet: string, onSheet: boolean, map: RowMap): RowXml[] {
  if (map.identity) return rows;
  const upper = sheet.toUpperCase();
  // A cell reference has a letter before a digit (A1, $A$1), a row range a digit before a colon (5:7):
  // formulas without either (the table's own, all structured references) are not scanned at all.
  // Elsewhere only a formula naming the sheet can point into it.
  const mayChange = (text: string) => MAY_REFER.test(text) && (onSheet || text.toUpperCase().includes(upper));
  // Shared and array formulas, and those that may change: the rest (most of a large ledger's) are not even decoded.
  const wanted = (attrText: string, raw: string) => /\st\s*=/.test(attrText) || mayChange(raw);
  const formulas: Formula[] = [];
  rows.forEach((row, k) => {
    if (!F_TAG.test(row.xml)) return;
    let any = false;
    for (const m of row.xml.matchAll(F_ALL)) if ((any = wanted(m[2] ?? '', m[3] ?? ''))) break;
    if (!any) return;
    row.cells.forEach((c, cell) => {
      const m = F_ELEMENT.exec(c.xml);
      if (!m || !wanted(m[2] ?? '', m[3] ?? '')) return;
      const attrs = attributes(m[2] ?? '');
      formulas.push({ k, cell, r: row.r, col: c.col, whole: m[0], prefix: m[1], attrs, attrText: m[2] ?? '', text: decodeXml(m[3] ?? '') });
    });
  });
  if (formulas.length === 0) return rows;
  const replaced = new Map<number, Map<number, string>>();
  const put = (f: Formula, xml: string) => {
    if (xml === f.whole) return;
    let row = replaced.get(f.k);
    if (!row) replaced.set(f.k, (row = new Map()));
    const c = rows[f.k].cells[f.cell];
    row.set(c.col, c.xml.replace(f.whole, () => xml));
  };
  const element = (f: Formula, attrText: string, text: string) => `<${f.prefix}f${attrText}>${encodeText(text)}</${f.prefix}f>`;

  const groups = new Map<string, Formula[]>();
  for (const f of formulas) {
    if (f.attrs.t === 'shared' && f.attrs.si !== undefined) {
      const group = groups.get(f.attrs.si);
      if (group) group.push(f);
      else groups.set(f.attrs.si, [f]);
      continue;
    }
    const text = mayChange(f.text) ? shiftFormula(f.text, sheet, onSheet, map) : f.text;
    let attrText = f.attrText;
    if (onSheet && f.attrs.t === 'array' && f.attrs.ref) attrText = attrText.replace(/(\sref\s*=\s*["'])([^"']*)/, (_, a: string, ref: string) => `${a}${movedRef(ref, map)}`);
    if (text !== f.text || attrText !== f.attrText) put(f, element(f, attrText, text));
  }
  for (const group of groups.values()) {
    const master = group.find((f) => f.attrs.ref !== undefined && f.text !== '');
    if (!master) continue; // no text to read the group by: left as the file has it
    const moves = onSheet && group.some((f) => map.row(f.r) !== f.r);
    const changes = mayChange(master.text) && group.some((f) => {
      const own = offsetFormula(master.text, f.r - master.r, f.col - master.col);
      return shiftFormula(own, sheet, onSheet, map) !== own;
    });
    if (!moves && !changes) continue;
    // Each cell its own formula: the group's attributes (t, ref, si) go, others (ca) stay.
    const keep = master.attrText.replace(/\s(?:t|ref|si)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
    for (const f of group) put(f, element(f, keep, shiftFormula(offsetFormula(master.text, f.r - master.r, f.col - master.col), sheet, onSheet, map)));
  }
  if (replaced.size === 0) return rows;
  return rows.map((row, k) => {
    const cells = replaced.get(k);
    return cells ? withCells(prefix, row, cells) : row;
  });
}

/**
 * The formulas of every worksheet but the table's own (which the caller rewrites with its rows),
 * and the chart series, following the rows of `sheet`; returns the parts rewritten.
 */
export function shiftWorkbookFormulas(parts: XlsxParts, sheetPath: string, sheet: string, map: RowMap): string[] {
  if (map.identity) return [];
  const touched: string[] = [];
  const upper = sheet.toUpperCase();
  // A part that names the sheet nowhere has no formula pointing into it. Looked for in the part's
  // bytes, so a large sheet is not decoded for nothing (names with &, ' or " are written escaped:
  // their longest plain stretch is looked for; a name with Latin letters in any case, as a reader
  // would accept it).
  const plain = sheet.split(/[&'"<>]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const needles = [...new Set([plain, plain.toUpperCase(), plain.toLowerCase()])].map((n) => strToU8(n));
  const caseFree = plain.toUpperCase() === plain.toLowerCase();
  const mentions = (path: string) => {
    const bytes = parts[path];
    if (!bytes) return false;
    if (needles.some((n) => hasBytes(bytes, n))) return true;
    return !caseFree && (partText(parts, path) ?? '').toUpperCase().includes(plain.toUpperCase());
  };
  for (const ws of worksheets(parts)) {
    if (ws.path === sheetPath) continue;
    if (!mentions(ws.path)) continue;
    const xml = partText(parts, ws.path);
    if (xml === null || !F_TAG.test(xml)) continue;
    let split;
    try {
      split = splitSheet(xml);
    } catch {
      continue; // not a worksheet this writer can split: left as it is
    }
    const rows = shiftRowFormulas(split.rows, split.prefix, sheet, false, map);
    if (rows === split.rows) continue;
    setPartText(parts, ws.path, joinSheet({ ...split, rows }));
    touched.push(ws.path);
  }
  for (const path of Object.keys(parts)) {
    if (!/^xl\/charts\/chart[^/]*\.xml$/.test(path)) continue;
    if (!mentions(path)) continue;
    const xml = partText(parts, path);
    if (xml === null) continue;
    const next = xml.replace(/(<((?:[\w.-]+:)?)f>)([^<]*)(<\/\2f>)/g, (whole, a: string, _p: string, text: string, b: string) => {
      const f = decodeXml(text);
      if (!f.toUpperCase().includes(upper)) return whole;
      const shifted = shiftFormula(f, sheet, false, map);
      return shifted === f ? whole : `${a}${encodeText(shifted)}${b}`;
    });
    if (next !== xml) {
      setPartText(parts, path, next);
      touched.push(path);
    }
  }
  return touched;
}
