// Row-level surgery on a worksheet part: split <sheetData> into its <row> elements and their <c>
// cells, renumber a row, replace one cell, build the XML of a new cell. String surgery on each
// element's own text (as the 发送副本 does), so every row and cell the edit does not touch keeps its
// bytes. Element names may carry a namespace prefix. Pure: no DOM, no Node I/O.
import { columnLetter } from '../schema';
import { parseA1 } from '../xlsx/sheetCells';

export type CellXml = { col: number; xml: string };
/** A row; its cells are split out of `xml` only when asked for (most rows are copied whole). */
export type RowXml = { r: number; attrs: string; readonly cells: CellXml[]; xml: string };

function lazyRow(r: number, attrs: string, inner: string, xml: string): RowXml {
  let cells: CellXml[] | null = null;
  return {
    r,
    attrs,
    xml,
    get cells() {
      return (cells ??= splitCells(inner, r));
    },
  };
}

/** The sheet split around its <sheetData> content; rows in document order. */
export type SheetXml = { head: string; rows: RowXml[]; tail: string; prefix: string };

const ROW = /<((?:[\w.-]+:)?)row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1row>)/g;
const CELL = /<((?:[\w.-]+:)?)c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const R_ATTR = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

// Compiled once per attribute name: a sheet has a hundred thousand cells.
const ATTR_RES = new Map<string, RegExp>();

function attrValue(attrs: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function cellStyle(cellXml: string): number | undefined {
  const head = /^<(?:[\w.-]+:)?c(\s[^>]*?)?\/?>/.exec(cellXml);
  const s = head ? attrValue(head[1] ?? '', 's') : undefined;
  return s === undefined ? undefined : Number(s);
}

function splitCells(inner: string, row: number): CellXml[] {
  const cells: CellXml[] = [];
  let col = 0;
  for (const m of inner.matchAll(CELL)) {
    const ref = attrValue(m[2] ?? '', 'r');
    const at = ref ? parseA1(ref) : null;
    col = at && at.row === row ? at.col : col + 1;
    cells.push({ col, xml: m[0] });
  }
  return cells;
}

/** Splits a worksheet part. A sheet without <sheetData> content gets an empty one (kept in place). */
export function splitSheet(xml: string): SheetXml {
  const open = /<((?:[\w.-]+:)?)sheetData(\s[^>]*?)?(\/?)>/.exec(xml);
  if (!open) throw new Error('worksheet without sheetData');
  const prefix = open[1];
  if (open[3] === '/') {
    const at = open.index;
    return { head: `${xml.slice(0, at)}<${prefix}sheetData${open[2] ?? ''}>`, rows: [], tail: `</${prefix}sheetData>${xml.slice(at + open[0].length)}`, prefix };
  }
  const start = open.index + open[0].length;
  const close = xml.indexOf(`</${prefix}sheetData>`, start);
  if (close < 0) throw new Error('unterminated sheetData');
  const rows: RowXml[] = [];
  let r = 0;
  for (const m of xml.slice(start, close).matchAll(ROW)) {
    const attrs = m[2] ?? '';
    const given = Number(attrValue(attrs, 'r'));
    r = Number.isInteger(given) && given > 0 ? given : r + 1;
    rows.push(lazyRow(r, attrs, m[3] ?? '', m[0]));
  }
  return { head: xml.slice(0, start), rows, tail: xml.slice(close), prefix };
}

export function joinSheet(sheet: SheetXml): string {
  let body = '';
  for (const row of sheet.rows) body += row.xml;
  return sheet.head + body + sheet.tail;
}

/** A row's XML from its attributes and cells (after an edit or a renumbering). */
export function rowXml(prefix: string, r: number, attrs: string, cells: readonly CellXml[]): string {
  const a = R_ATTR.test(attrs) ? attrs.replace(R_ATTR, ` r="${r}"`) : ` r="${r}"${attrs}`;
  return cells.length === 0 ? `<${prefix}row${a}/>` : `<${prefix}row${a}>${cells.map((c) => c.xml).join('')}</${prefix}row>`;
}

/** A cell moved to row `r`: its `r` attribute follows (the column stays). */
export function moveCell(cell: CellXml, r: number): CellXml {
  const xml = cell.xml.replace(/^(<(?:[\w.-]+:)?c(?=\s)[^>]*?\sr\s*=\s*["'])([A-Za-z]+)\d+(["'])/, `$1$2${r}$3`).replace(/^(<(?:[\w.-]+:)?c)(?=[\s/>])(?![^>]*\sr\s*=)/, `$1 r="${columnLetter(cell.col - 1)}${r}"`);
  return { col: cell.col, xml };
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
