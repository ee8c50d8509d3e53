// How each CellStyle of a generated sheet looks in a file, as plain data: the template writer
// (xlsxWriter, through ExcelJS) and the file store (which edits styles.xml itself) both take their
// look from here, so a sheet the page refreshes looks like the one the template came with — and the
// file store finds the template's own style ids for it instead of adding new ones.
import { STYLE_FONT_SIZES, type CellStyle } from './sheetLayout';

export type CellLook = {
  bold?: boolean;
  /** Font size in pt; the workbook's default when absent. */
  size?: number;
  /** Font colour, '#RRGGBB'. */
  color?: string;
  /** Solid fill colour, '#RRGGBB'. */
  fill?: string;
  /** A thin grey border on every side. */
  border?: boolean;
  horizontal?: 'center' | 'right';
  vertical?: 'center' | 'top';
  wrap?: boolean;
  /** Font name; the workbook's default when absent. */
  font?: string;
};

export const BORDER_COLOUR = '#BFBFBF';

export const FILE_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: STYLE_FONT_SIZES.title },
  section: { bold: true, size: STYLE_FONT_SIZES.section, color: '#1F4E79' },
  header: { bold: true, fill: '#DDEBF7', border: true, horizontal: 'center', vertical: 'center', wrap: true },
  label: { border: true, vertical: 'center' },
  value: { border: true, horizontal: 'right', vertical: 'center' },
  note: { size: STYLE_FONT_SIZES.note, color: '#7F7F7F' },
  total: { bold: true, fill: '#F2F2F2', border: true },
};
