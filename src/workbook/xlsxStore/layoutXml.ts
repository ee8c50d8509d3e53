// A generated sheet's worksheet part, written straight as XML for the file store: a SheetLayout
// (整改统计, 汇总统计 — the same layout the Excel store and the template writer render) or the rows of
// a 通报 draft. Constants as values, text always as inline strings (never a formula, and the shared
// strings stay as they are), '='-formulas without a cached value (the workbook computes them when
// opened), array cells as <f t="array">, the look of each cell from sheetLooks through the workbook's
// own style ids. Element order follows CT_Worksheet, which Excel insists on.
import { columnLetter } from '../schema';
import { layoutRowHeights, type LayoutCell, type SheetLayout } from '../sheetLayout';
import { FILE_LOOKS, type CellLook } from '../sheetLooks';
import { parseA1 } from '../xlsx/sheetCells';
import { cellXml, type CellContent } from './rowsXml';
import type { StyleResolver } from './stylesXml';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A cell to write: its content and style id; `xml` instead when a cell is kept as it was (a typed 统计截止日期). */
export type SheetCell = { row: number; col: number; style?: number; content?: CellContent; xml?: string };

export type SheetXmlSpec = {
  cells: SheetCell[];
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Row heights (pt) by 1-based row. */
  heights?: ReadonlyMap<number, number>;
  frozenRows?: number;
  merges?: readonly string[];
  /** Landscape A4, one page wide (the dashboards); portrait otherwise. */
  landscape?: boolean;
  /** The r:id of the sheet's drawing (its charts), if any. */
  drawing?: string | null;
  /** Elements carried over from the sheet being replaced (<legacyDrawing> of its comments). */
  keep?: readonly string[];
};

/** The worksheet part of a spec. */
export function worksheetXml(spec: SheetXmlSpec): string {
  const rows = new Map<number, SheetCell[]>();
  for (const cell of spec.cells) {
    const row = rows.get(cell.row);
    if (row) row.push(cell);
    else rows.set(cell.row, [cell]);
  }
  for (const r of spec.heights?.keys() ?? []) if (!rows.has(r)) rows.set(r, []);
  const order = [...rows.keys()].sort((a, b) => a - b);
  const lastCol = Math.max(1, ...spec.cells.map((c) => c.col));
  const lastRow = Math.max(1, ...order);
  const body = order.map((r) => {
    const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
    const height = spec.heights?.get(r);
    const attrs = height ? ` ht="${height}" customHeight="1"` : '';
    const inner = cells.map((c) => c.xml ?? cellXml('', `${columnLetter(c.col - 1)}${r}`, c.style, c.content ?? { kind: 'empty' })).join('');
    return inner ? `<row r="${r}"${attrs}>${inner}</row>` : `<row r="${r}"${attrs}/>`;
  });
  const frozen = spec.frozenRows ?? 0;
  const view = frozen > 0
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = spec.widths.length > 0 ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = spec.merges && spec.merges.length > 0 ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const page = spec.landscape
    ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    : '<pageSetup paperSize="9" orientation="portrait"/>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    (spec.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${columnLetter(lastCol - 1)}${lastRow}"/>${view}<sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${body.join('')}</sheetData>${merges}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    page +
    (spec.drawing ? `<drawing r:id="${spec.drawing}"/>` : '') +
    (spec.keep ?? []).join('') +
    '</worksheet>'
  );
}

/** What a layout cell holds: text stays text, '=' starts a formula unless the cell is marked text. */
function contentOf(cell: LayoutCell): CellContent {
  if (typeof cell.value === 'number') return Number.isFinite(cell.value) ? { kind: 'number', value: cell.value } : { kind: 'empty' };
  if (cell.value.startsWith('=') && !cell.text) return { kind: 'formula', formula: cell.value.slice(1) };
  return cell.value === '' ? { kind: 'empty' } : { kind: 'text', text: cell.value };
}

const NO_LOOK: CellLook = {};

/**
 * The cells of a layout with their style ids. `kept` gives, by A1 address, the XML of input cells to
 * keep as the user left them (the sheet is being rewritten in place). Every cell of a merged box gets
 * the look of its first cell, so the box has its border on every side.
 */
export function layoutCells(layout: SheetLayout, styles: StyleResolver, kept: ReadonlyMap<string, string> = new Map()): SheetCell[] {
  const out = new Map<string, SheetCell>();
  for (const cell of layout.cells) {
    const at = parseA1(cell.address);
    if (!at) throw new Error(`not a cell address: ${cell.address}`);
    const style = styles.id(cell.style ? FILE_LOOKS[cell.style] : NO_LOOK, cell.format);
    const keep = cell.input ? kept.get(cell.address) : undefined;
    if (keep !== undefined) {
      out.set(cell.address, { ...at, xml: keep });
      continue;
    }
    const content = contentOf(cell);
    if (content.kind === 'formula' && cell.array) {
      const f = content.formula.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      out.set(cell.address, { ...at, xml: `<c r="${cell.address}"${style > 0 ? ` s="${style}"` : ''}><f t="array" ref="${cell.address}">${f}</f></c>` });
    } else {
      out.set(cell.address, { ...at, style, content });
    }
  }
  for (const range of layout.merges ?? []) {
    const [from, to] = range.split(':').map(parseA1);
    const first = layout.cells.find((c) => c.address === range.split(':')[0]);
    if (!from || !to || !first?.style) continue;
    const style = styles.id(FILE_LOOKS[first.style], first.format);
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        const address = `${columnLetter(c - 1)}${r}`;
        if (!out.has(address)) out.set(address, { row: r, col: c, style, content: { kind: 'empty' } });
      }
    }
  }
  return [...out.values()];
}

/** The worksheet spec of a layout (charts are the caller's: it knows the drawing's r:id). */
export function layoutSpec(layout: SheetLayout, styles: StyleResolver, kept?: ReadonlyMap<string, string>): SheetXmlSpec {
  return {
    cells: layoutCells(layout, styles, kept),
    widths: layout.widths,
    heights: layoutRowHeights(layout),
    frozenRows: layout.frozenRows,
    merges: layout.merges,
    landscape: true,
  };
}
