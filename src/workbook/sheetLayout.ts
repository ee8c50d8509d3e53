// A generated sheet (整改统计, 汇总统计) as data: cells with labels and native formulas, column
// widths and native charts. One layout is rendered three ways — into Excel through Office.js
// (excelDashboard), into an .xlsx file (xlsxWriter + xlsx/charts) and into HyperFormula in the tests —
// so the formulas a recipient sees are exactly the ones the tests evaluated.

/** How a cell looks; the renderers map these to fonts and fills. */
export type CellStyle = 'title' | 'section' | 'header' | 'label' | 'value' | 'note' | 'total';

export type LayoutCell = {
  /** A1 address on the layout's sheet, e.g. 'B6'. */
  address: string;
  /**
   * A constant label/number, or a formula starting with '='. Formulas use only functions that
   * Excel 2010+, WPS and LibreOffice share, structured references (`ZG_Measures[整改状态]`) and the
   * workbook names of 巡察信息 (`ZG_AsOf`); never `[@列]` and never a ZG.* custom function.
   */
  value: string | number;
  /**
   * User text (a 来源单位 on 汇总统计): always written as text, even when it starts with '=' —
   * without it a string starting with '=' is a formula.
   */
  text?: boolean;
  /** A single-cell array formula (`{=…}`): older Excel, WPS and LibreOffice need it for array maths. */
  array?: boolean;
  /** Excel number format, e.g. '0.0%', 'yyyy-mm-dd', '0'. */
  format?: string;
  style?: CellStyle;
  /**
   * A cell for the user to type into (汇总统计's 统计截止日期): written when the sheet is made, but a
   * renderer that rewrites a sheet of ours in place leaves what the user put there — value and
   * number format — as it is.
   */
  input?: boolean;
};

export type ChartKind = 'pie' | 'barStacked' | 'barClustered' | 'columnClustered';

export type LayoutSeries = {
  /** The series name as shown in the legend (also the header cell's text). */
  name: string;
  /** A1 range of the values on the layout's sheet, e.g. 'C20:C29'. */
  values: string;
};

export type LayoutChart = {
  /** Stable name, unique in the workbook (Excel chart name), e.g. 'ZG_Chart_Status'. */
  id: string;
  kind: ChartKind;
  title: string;
  /** A1 range of the category labels on the layout's sheet, e.g. 'A20:A29'. */
  categories: string;
  series: LayoutSeries[];
  /** Top-left and bottom-right cells of the chart's box, e.g. 'H2' and 'O18'. */
  from: string;
  to: string;
  /** Step of the value axis (a whole number for counts); the renderer's own choice when absent. */
  majorUnit?: number;
};

export type SheetLayout = {
  sheet: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  cells: LayoutCell[];
  charts: LayoutChart[];
  /** Rows frozen at the top (0 = none). */
  frozenRows: number;
  /** Ranges shown as one cell, e.g. 'B2:G2' (a long value stays inside its box). */
  merges?: readonly string[];
};

// ---- font sizes and row heights ----------------------------------------------------------------

/** The workbook's default font size (pt): Excel's and WPS's 11 pt 等线 / Calibri. */
const DEFAULT_FONT_PT = 11;

/** Font size (pt) of the styles that are not the default; both renderers take their sizes from here. */
export const STYLE_FONT_SIZES: Readonly<Partial<Record<CellStyle, number>>> = { title: 16, section: 12, note: 9 };

/**
 * The row height (pt) a style's text needs, where the default row (15 pt, made for 11 pt text) would
 * cut it off; null where the default row is enough. Excel grows a row for a larger font typed by
 * hand, but not for one set by ExcelJS or Office.js, and LibreOffice and WPS keep the stored height.
 * CJK fonts (等线, 宋体, Noto Sans CJK) need about 1.5 × their size; heights snap to 0.75 pt (1 px).
 */
export function styleRowHeight(style: CellStyle): number | null {
  const size = STYLE_FONT_SIZES[style];
  if (size === undefined || size <= DEFAULT_FONT_PT) return null;
  return Math.ceil((size * 1.5) / 0.75) * 0.75;
}

/** Rows (1-based) of the layout that need more than the default height: the tallest style in each. */
export function layoutRowHeights(layout: SheetLayout): Map<number, number> {
  const heights = new Map<number, number>();
  for (const cell of layout.cells) {
    const height = cell.style ? styleRowHeight(cell.style) : null;
    if (height === null) continue;
    const row = Number(/\d+$/.exec(cell.address)?.[0]);
    if (!Number.isInteger(row) || row < 1) throw new Error(`not a cell address: ${cell.address}`);
    heights.set(row, Math.max(height, heights.get(row) ?? 0));
  }
  return heights;
}
