// Row-level surgery on a worksheet part: split <sheetData> into its <row> elements and their <c>
// cells, renumber a row, replace one cell, build the XML of a new cell. String surgery on each
// element's own text (as the 发送副本 does), so every row and cell the edit does not touch keeps its
// bytes. The elements are found by ./xmlScan, the reader's own scanner — not by pattern — so a
// comment, a processing instruction or a CDATA section holding `<row>` or `</c>`, or a `>` inside a
// quoted value, cuts a row where the reader sees it, never elsewhere. Element names may carry a
// namespace prefix. Pure: no DOM, no Node I/O.
import { columnLetter } from '../schema';
import { parseA1, rowNumberOf } from '../xlsx/sheetCells';
import { attributeMap, scanXml, startTagBounds, withAttribute, type TagAttributes } from '../xlsx/xmlScan';

export type CellXml = { col: number; xml: string };
/** A row; its cells are split out of `xml` only when asked for (most rows are copied whole). */
export type RowXml = { r: number; attrs: string; readonly cells: CellXml[]; xml: string };

/** A row whose cells are cut from its XML when asked for, at the offsets the sheet's scan found (start, end pairs). */
function lazyRow(r: number, attrs: string, xml: string, spans: readonly number[]): RowXml {
  let cells: CellXml[] | null = null;
  return {
    r,
    attrs,
    xml,
    get cells() {
      return (cells ??= cellsAt(xml, spans, r));
    },
  };
}

/** The sheet split around its <sheetData> content; rows in ascending order, one per row number. */
export type SheetXml = { head: string; rows: RowXml[]; tail: string; prefix: string };

const RAW_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const RAW_FORBIDDEN_ALL = new RegExp(RAW_FORBIDDEN.source, 'g');

/** A start tag's attribute text (after the name, before `>` or `/>`). */
function attrTextOf(tag: string): string {
  const { nameEnd, end, empty } = startTagBounds(tag);
  return tag.slice(nameEnd, empty ? end - 1 : end);
}

export function cellStyle(cellXml: string): number | undefined {
  const s = attributeMap(attrTextOf(cellXml)).s;
  return s === undefined ? undefined : Number(s);
}

/** The cells of one row's XML at the scanned offsets; a cell without a usable r follows the previous one. */
function cellsAt(rowXml: string, spans: readonly number[], row: number): CellXml[] {
  const cells: CellXml[] = [];
  let col = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const xml = rowXml.slice(spans[k], spans[k + 1]);
    const ref = attributeMap(attrTextOf(xml)).r;
    const cell = ref ? parseA1(ref) : null;
    col = cell && cell.row === row ? cell.col : col + 1;
    cells.push({ col, xml });
  }
  return cells;
}

/**
 * Splits a worksheet part. A sheet without <sheetData> content gets an empty one (kept in place).
 * Rows are numbered as the reader numbers them (readSheetCells): a row's r, else its first cell's,
 * else the row after the previous one. Two rows with one number are one row to the reader (its cells
 * are merged): merged here too, and rows out of order are put in order, so that a rewrite keeps every
 * cell the reader saw, where it saw it.
 */
export function splitSheet(source: string): SheetXml {
  // A character XML forbids as it stands (a raw control character, U+FFFF), which the reader let
  // through into a value, would make the part written from these rows ill-formed: written as the
  // `_xHHHH_` escape Excel itself uses, which reads back as the same character.
  const xml = RAW_FORBIDDEN.test(source) ? source.replace(RAW_FORBIDDEN_ALL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`) : source;
  let depth = 0;
  let dataStart = -1;
  let dataOpenEnd = -1;
  let dataClose = -1;
  let dataEnd = -1;
  let rowStart = -1;
  let r = 0;
  let pending = false;
  let spans: number[] = [];
  let cellStart = -1;
  const found: { r: number; start: number; end: number; spans: number[] }[] = [];
  scanXml(xml, {
    open(name, a: TagAttributes, start, end) {
      depth++;
      if (depth === 2 && name === 'sheetData' && dataStart < 0) {
        dataStart = start;
        dataOpenEnd = end;
      } else if (depth === 3 && name === 'row' && dataStart >= 0 && dataClose < 0) {
        const given = rowNumberOf(a.get('r'));
        pending = given === null;
        r = given ?? r + 1;
        rowStart = start;
      } else if (depth === 4 && rowStart >= 0 && name === 'c') {
        cellStart = start - rowStart;
        if (pending) {
          const ref = a.get('r');
          const cell = ref ? parseA1(ref) : null;
          if (cell) r = cell.row;
          pending = false;
        }
      }
    },
    close(name, start, end) {
      if (depth === 4 && cellStart >= 0) {
        spans.push(cellStart, end - rowStart);
        cellStart = -1;
      } else if (depth === 3 && rowStart >= 0) {
        found.push({ r, start: rowStart, end, spans });
        spans = [];
        rowStart = -1;
        pending = false;
      } else if (depth === 2 && dataStart >= 0 && dataClose < 0) {
        dataClose = start;
        dataEnd = end;
      }
      depth--;
    },
    wantsText: () => false,
    text: () => undefined,
  });
  if (dataStart < 0) throw new Error('worksheet without sheetData');
  const openTag = xml.slice(dataStart, dataOpenEnd);
  const prefix = /^<((?:[^\s/>:]+:)?)/.exec(openTag)![1];
  if (dataClose === dataStart) {
    // <sheetData/>: opened and closed, so rows can be put in.
    return { head: `${xml.slice(0, dataStart)}<${prefix}sheetData${attrTextOf(openTag)}>`, rows: [], tail: `</${prefix}sheetData>${xml.slice(dataEnd)}`, prefix };
  }
  const byR = new Map<number, RowXml>();
  for (const f of found) {
    const rowText = xml.slice(f.start, f.end);
    const row = lazyRow(f.r, attrTextOf(rowText), rowText, f.spans);
    const earlier = byR.get(f.r);
    if (!earlier) byR.set(f.r, row);
    else {
      // The reader takes the later of two cells in one place: so does the merged row.
      const cells = new Map(earlier.cells.map((c) => [c.col, c] as const));
      for (const c of row.cells) cells.set(c.col, c);
      const merged = [...cells.values()].sort((x, y) => x.col - y.col);
      byR.set(f.r, { r: f.r, attrs: earlier.attrs, cells: merged, xml: rowXml(prefix, f.r, earlier.attrs, merged) });
    }
  }
  const rows = [...byR.values()];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].r < rows[i - 1].r) {
      rows.sort((x, y) => x.r - y.r);
      break;
    }
  }
  return { head: xml.slice(0, dataOpenEnd), rows, tail: xml.slice(dataClose), prefix };
}

export function joinSheet(sheet: SheetXml): string {
  let body = '';
  for (const row of sheet.rows) body += row.xml;
  return sheet.head + body + sheet.tail;
}

/** A row's XML from its attributes and cells (after an edit or a renumbering). */
export function rowXml(prefix: string, r: number, attrs: string, cells: readonly CellXml[]): string {
  const a = withAttribute(attrs.replace(/\s*\/$/, ''), 'r', String(r));
  return cells.length === 0 ? `<${prefix}row${a}/>` : `<${prefix}row${a}>${cells.map((c) => c.xml).join('')}</${prefix}row>`;
}

/** A cell moved to row `r`: its `r` attribute follows (the column stays). */
export function moveCell(cell: CellXml, r: number): CellXml {
  const { nameEnd, end, empty } = startTagBounds(cell.xml);
  const attrEnd = empty ? end - 1 : end;
  const attrs = withAttribute(cell.xml.slice(nameEnd, attrEnd), 'r', `${columnLetter(cell.col - 1)}${r}`);
  return { col: cell.col, xml: cell.xml.slice(0, nameEnd) + attrs + cell.xml.slice(attrEnd) };
}

/** A row moved to `r`, every cell with it. */
export function moveRow(prefix: string, row: RowXml, r: number): RowXml {
  if (row.r === r) return row;
  const cells = row.cells.map((c) => moveCell(c, r));
  return { r, attrs: row.attrs, cells, xml: rowXml(prefix, r, row.attrs, cells) };
}

/** Replaces (or inserts in column order) the cells of a row; untouched cells keep their bytes. */
export function withCells(prefix: string, row: RowXml, replaced: ReadonlyMap<number, string>): RowXml {
  if (replaced.size === 0) return row;
  const byCol = new Map(row.cells.map((c) => [c.col, c] as const));
  for (const [col, xml] of replaced) byCol.set(col, { col, xml });
  const cells = [...byCol.values()].sort((a, b) => a.col - b.col);
  return { r: row.r, attrs: row.attrs, cells, xml: rowXml(prefix, row.r, row.attrs, cells) };
}

// ---- new cell XML ------------------------------------------------------------------------------

/**
 * Characters XML 1.0 forbids (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/FFFF), and CR,
 * which a parser turns into LF: all written as `_xHHHH_` escapes.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as an ST_Xstring: characters XML cannot carry become `_xHHHH_` escapes (Excel's own way),
 * and a literal `_xHHHH_` in the text has its underscore escaped so it reads back unchanged.
 */
export function xstring(text: string): string {
  const escaped = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(FORBIDDEN, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escaped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type CellContent = { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'formula'; formula: string } | { kind: 'empty' };

/**
 * A cell's XML. Text is an inline string (t="inlineStr"): never a formula, and the shared-string
 * table stays byte-identical. A number (a date is its serial) is a plain <v>. A formula has no
 * cached value: the workbook computes it when opened.
 */
export function cellXml(prefix: string, ref: string, style: number | undefined, content: CellContent): string {
  const s = style !== undefined && style > 0 ? ` s="${style}"` : '';
  const c = `${prefix}c`;
  switch (content.kind) {
    case 'empty':
      return `<${c} r="${ref}"${s}/>`;
    case 'number':
      return `<${c} r="${ref}"${s}><${prefix}v>${content.value}</${prefix}v></${c}>`;
    case 'formula':
      return `<${c} r="${ref}"${s}><${prefix}f>${content.formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${prefix}f></${c}>`;
    case 'text': {
      const space = /^\s|\s$|\n/.test(content.text) ? ' xml:space="preserve"' : '';
      return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${xstring(content.text)}</${prefix}t></${prefix}is></${c}>`;
    }
  }
}
