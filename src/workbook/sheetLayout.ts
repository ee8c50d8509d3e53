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
};

export type SheetLayout = {
  sheet: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  cells: LayoutCell[];
  charts: LayoutChart[];
  /** Rows frozen at the top (0 = none). */
  frozenRows: number;
};
