// A SheetLayout (整改统计, 汇总统计) rendered into the open workbook through Office.js, as part of the
// caller's Excel.run: queueLayoutLoad before its one load sync, queueLayoutWrite after it, then the
// caller's one write sync. Every cell of the layout's bounding rectangle goes in one `formulas`
// matrix and one `numberFormat` matrix; nothing here syncs.
//
// Which sheet is ours: a workbook name (the caller's `marker`, e.g. ZG_Dashboard) on A1 of the
// sheet we generated. A name is kept in the .xlsx, follows the sheet when the user renames it, and
// Excel 2016, WPS and LibreOffice all keep it (worksheet custom properties need ExcelApi 1.12 and
// are lost by WPS). A sheet carrying one of the layout's chart names (ZG_Chart_…) also counts as
// ours, so a dashboard written into a template file is refreshed in place. A sheet with the
// layout's name but neither sign is the user's: it is never touched, and the layout goes to
// "整改统计 (2)" instead (the caller reports it).
import { officeText } from './cells';
import { reportSheetName } from './excelReport';
import { sheetOfReference } from './excelSetup';
import { columnLetter } from './schema';
import { layoutRowHeights, STYLE_FONT_SIZES, type CellStyle, type ChartKind, type LayoutCell, type SheetLayout } from './sheetLayout';

export type LayoutLoad = {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
};

/** Where the layout went: the sheet's actual name, whether it was new, and whether a foreign sheet had the wanted name. */
export type LayoutPlacement = { sheet: string; created: boolean; renamedFrom: string | null };

/** Queues what queueLayoutWrite needs to know: the sheets (with their charts' names) and the workbook names. */
export function queueLayoutLoad(context: Excel.RequestContext): LayoutLoad {
  const wb = context.workbook;
  return {
    sheets: wb.worksheets.load('items/name,items/charts/items/name'),
    names: wb.names.load('items/name,items/type,items/value'),
  };
}

// ---- pure parts (tested directly) ---------------------------------------------------------------

type Position = { row: number; col: number };

/** 'B6' → { row: 5, col: 1 } (0-based). */
export function cellPosition(address: string): Position {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export type LayoutGrid = {
  /** Top-left of the rectangle, 0-based. */
  top: number;
  left: number;
  /**
   * Range.formulas input: formulas as given, numbers as numbers, text protected by officeText; null
   * (Office.js: leave the cell as it is) for a kept input cell.
   */
  formulas: (string | number | null)[][];
  numberFormats: (string | null)[][];
  /** Runs of same-styled cells in one row, as A1 ranges, to format with one proxy each. */
  styled: { address: string; style: CellStyle }[];
};

/**
 * What a layout's cells become in Office.js. A constant string is text even when Excel would parse
 * it (a number, a date, a leading + - @): only a string starting with '=' is a formula. User text
 * can start with '=' too (a unit called "=1+1" on 汇总统计): cells marked `text` are always text.
 * Array cells are written as ordinary formulas: Excel 2021 / 365 evaluate array maths natively
 * (dynamic arrays) and Office.js has no way to enter a legacy {=…} array; the .xlsx writer marks
 * them as arrays for older Excel, WPS and LibreOffice. With keepInputs (a sheet of ours rewritten
 * in place), `input` cells are null in both matrices: Office.js leaves such a cell as it is.
 */
export function layoutGrid(layout: SheetLayout, options: { keepInputs?: boolean } = {}): LayoutGrid | null {
  if (layout.cells.length === 0) return null;
  const placed = layout.cells.map((cell) => ({ cell, at: cellPosition(cell.address) }));
  const top = Math.min(...placed.map((p) => p.at.row));
  const left = Math.min(...placed.map((p) => p.at.col));
  const rows = Math.max(...placed.map((p) => p.at.row)) - top + 1;
  const cols = Math.max(...placed.map((p) => p.at.col)) - left + 1;
  const formulas: (string | number | null)[][] = Array.from({ length: rows }, () => Array<string | number | null>(cols).fill(''));
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill('General'));
  const styles: (CellStyle | null)[][] = Array.from({ length: rows }, () => Array<CellStyle | null>(cols).fill(null));
  for (const { cell, at } of placed) {
    const r = at.row - top;
    const c = at.col - left;
    if (cell.input && options.keepInputs) {
      formulas[r][c] = null;
      numberFormats[r][c] = null;
    } else {
      formulas[r][c] = formulaInput(cell);
      if (cell.format) numberFormats[r][c] = cell.format;
    }
    styles[r][c] = cell.style ?? null;
  }
  const styled: LayoutGrid['styled'] = [];
  styles.forEach((row, r) => {
    for (let c = 0; c < cols; ) {
      const style = row[c];
      let end = c;
      while (end + 1 < cols && row[end + 1] === style) end++;
      if (style) {
        const from = `${columnLetter(left + c)}${top + r + 1}`;
        const to = `${columnLetter(left + end)}${top + r + 1}`;
        styled.push({ address: from === to ? from : `${from}:${to}`, style });
      }
      c = end + 1;
    }
  });
  return { top, left, formulas, numberFormats, styled };
}

function formulaInput(cell: LayoutCell): string | number {
  if (typeof cell.value === 'number') return Number.isFinite(cell.value) ? cell.value : '';
  return cell.value.startsWith('=') && !cell.text ? cell.value : officeText(cell.value);
}

/** How each style looks in Excel: Excel's own "Title", "Heading" and "Note" looks, kept plain for print. */
export const STYLE_FORMATS: Readonly<Record<CellStyle, { bold?: boolean; size?: number; fill?: string; color?: string }>> = {
  title: { bold: true, size: STYLE_FONT_SIZES.title, color: '#1F4E79' },
  section: { bold: true, size: STYLE_FONT_SIZES.section, color: '#1F4E79' },
  header: { bold: true, fill: '#DDEBF7' },
  label: {},
  value: {},
  note: { size: STYLE_FONT_SIZES.note, color: '#595959' },
  total: { bold: true, fill: '#F2F2F2' },
};

export const CHART_TYPES: Readonly<Record<ChartKind, Excel.ChartType | `${Excel.ChartType}`>> = {
  pie: 'Pie',
  barStacked: 'BarStacked',
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
};

/** Excel widths are characters; Office.js wants points (the same rule as the ledger sheets, excelSetup). */
function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

/** Is `ref` (a name's value) on a sheet that still exists? Then that sheet's name. */
function markedSheet(load: LayoutLoad, marker: string): string | null {
  const item = load.names.items.find((n) => n.name === marker);
  if (!item || item.type !== 'Range') return null;
  const sheet = sheetOfReference(String(item.value));
  return sheet && load.sheets.items.some((s) => s.name === sheet) ? sheet : null;
}

/**
 * Queues the layout's sheet: ours (by the marker name, or by our chart names) is cleared and
 * rewritten, else a new sheet is added — under the layout's name, or "name (2)" when a sheet that
 * is not ours has it. Our old charts (named ZG_…) are deleted first, so a refresh never adds a
 * second copy of a chart. On a sheet rewritten in place the layout's `input` cells (汇总统计's
 * 统计截止日期) are neither cleared nor written: what the user typed there stays, with its format,
 * and no read is needed for it (the sheet is only known after the caller's load sync).
 */
export function queueLayoutWrite(
  context: Excel.RequestContext,
  load: LayoutLoad,
  layout: SheetLayout,
  marker: string,
): LayoutPlacement {
  const wb = context.workbook;
  const chartIds = new Set(layout.charts.map((c) => c.id));
  const hasOurCharts = (ws: Excel.Worksheet) => ws.charts.items.some((c) => chartIds.has(c.name));
  const markerSheet = markedSheet(load, marker);
  const existing =
    load.sheets.items.find((s) => s.name === markerSheet) ??
    load.sheets.items.find((s) => s.name.toLowerCase() === layout.sheet.toLowerCase() && hasOurCharts(s)) ??
    null;

  let ws: Excel.Worksheet;
  let placement: LayoutPlacement;
  if (existing) {
    ws = wb.worksheets.getItem(existing.name);
    // The loaded charts themselves (not getItem by name): two charts may share a name.
    for (const chart of existing.charts.items) if (chart.name.startsWith('ZG_')) chart.delete();
    clearAllBut(ws, layout.cells.filter((c) => c.input).map((c) => cellPosition(c.address)));
    ws.freezePanes.unfreeze();
    placement = { sheet: existing.name, created: false, renamedFrom: null };
  } else {
    const name = reportSheetName(layout.sheet, load.sheets.items.map((s) => s.name));
    ws = wb.worksheets.add(name);
    placement = { sheet: name, created: true, renamedFrom: name === layout.sheet ? null : layout.sheet };
  }
  if (markerSheet !== placement.sheet) {
    // A marker left pointing at a deleted sheet (#REF!) or at nothing is replaced.
    if (load.names.items.some((n) => n.name === marker)) wb.names.getItem(marker).delete();
    wb.names.add(marker, ws.getRange('A1'), `整改台账助手生成的工作表（${layout.sheet}），刷新时整表重写`);
  }
  writeLayout(ws, layout, existing !== null);
  ws.activate();
  return placement;
}

const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

/** Clears the whole sheet but the `keep` cells (0-based), in as few rectangles as the gaps around them. */
function clearAllBut(ws: Excel.Worksheet, keep: readonly Position[]): void {
  if (keep.length === 0) {
    ws.getRange().clear('All');
    return;
  }
  const clear = (row: number, col: number, rows: number, cols: number) => {
    if (rows > 0 && cols > 0) ws.getRangeByIndexes(row, col, rows, cols).clear('All');
  };
  const rows = [...new Set(keep.map((p) => p.row))].sort((a, b) => a - b);
  let nextRow = 0;
  for (const row of rows) {
    clear(nextRow, 0, row - nextRow, SHEET_COLUMNS);
    const cols = [...new Set(keep.filter((p) => p.row === row).map((p) => p.col))].sort((a, b) => a - b);
    let nextCol = 0;
    for (const col of cols) {
      clear(row, nextCol, 1, col - nextCol);
      nextCol = col + 1;
    }
    clear(row, nextCol, 1, SHEET_COLUMNS - nextCol);
    nextRow = row + 1;
  }
  clear(nextRow, 0, SHEET_ROWS - nextRow, SHEET_COLUMNS);
}

/** Cells, formats, row heights, widths, frozen rows and charts of the layout, onto an empty sheet (but for kept inputs). */
function writeLayout(ws: Excel.Worksheet, layout: SheetLayout, keepInputs: boolean): void {
  const grid = layoutGrid(layout, { keepInputs });
  if (grid) {
    const rows = grid.formulas.length;
    const cols = grid.formulas[0].length;
    const range = ws.getRangeByIndexes(grid.top, grid.left, rows, cols);
    // Formats before values, so a date or percentage shows formatted from the first paint.
    range.numberFormat = grid.numberFormats;
    range.formulas = grid.formulas;
    for (const { address, style } of grid.styled) {
      const look = STYLE_FORMATS[style];
      const format = ws.getRange(address).format;
      if (look.bold) format.font.bold = true;
      if (look.size) format.font.size = look.size;
      if (look.color) format.font.color = look.color;
      if (look.fill) format.fill.color = look.fill;
    }
  }
  for (const merged of layout.merges ?? []) ws.getRange(merged).merge(false);
  // A larger font (the title) needs a taller row: Office.js writes do not grow it as typing would.
  for (const [row, height] of layoutRowHeights(layout)) ws.getRange(`A${row}`).format.rowHeight = height;
  layout.widths.forEach((width, c) => {
    const letter = columnLetter(c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(width);
  });
  if (layout.frozenRows > 0) ws.freezePanes.freezeRows(layout.frozenRows);

  for (const spec of layout.charts) {
    const [first, ...more] = spec.series;
    if (!first) continue;
    // 'Columns' is Excel.ChartSeriesBy.columns; the string keeps this module free of the global
    // Excel namespace, which only exists inside Office.
    const chart = ws.charts.add(CHART_TYPES[spec.kind] as Excel.ChartType, ws.getRange(first.values), 'Columns');
    chart.name = spec.id;
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    const series = [chart.series.getItemAt(0), ...more.map((s) => chart.series.add(s.name))];
    spec.series.forEach((s, i) => {
      series[i].name = s.name;
      if (i > 0) series[i].setValues(ws.getRange(s.values));
      // ExcelApi 1.7: the category labels of each series.
      series[i].setXAxisValues(ws.getRange(spec.categories));
    });
    // Counts step by whole numbers (ExcelApi 1.7); Excel's own choice for a small axis is 0.5.
    if (spec.majorUnit !== undefined) chart.axes.valueAxis.majorUnit = spec.majorUnit;
    chart.setPosition(spec.from, spec.to);
  }
}
