// 写入新工作表: the 通报 draft (报告 tab) as a worksheet of its own. One Excel.run, two syncs: load
// the sheet names → sync → add the sheet under a free name, write every cell as text, format,
// activate → sync. The sheet is never a formula: user and ledger text goes through officeText.
import { ledgerError } from '../ledger/errors';
import { BLOCK_LABELS } from '../ledger/report/output';
import { LedgerStoreError } from '../ledger/store';
import { officeText } from './cells';
import type { ExcelRunner } from './excelSelect';

/** Excel's limit on the length of a sheet name. */
export const SHEET_NAME_MAX = 31;

/** Excel refuses sheet names with these characters; each maps to a look-alike that keeps the name readable. */
const FORBIDDEN: Record<string, string> = { ':': '-', '\\': '-', '/': '-', '?': '', '*': '', '[': '(', ']': ')' };

/** Names Excel keeps for itself (a sheet cannot be called History, in any case). */
const RESERVED = ['history'];

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

/** Trims spaces and the apostrophes Excel refuses at either end of a name. */
function trimName(text: string): string {
  return text.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * A name Excel accepts: forbidden characters replaced, control characters and line breaks made
 * spaces, no apostrophe at either end, at most 31 characters. Blank after that → LedgerStoreError.
 */
export function sanitizeSheetName(wanted: string): string {
  const replaced = Array.from(wanted, (ch) => (ch in FORBIDDEN ? FORBIDDEN[ch] : /[\u0000-\u001f\u007f]/.test(ch) ? ' ' : ch)).join('');
  const name = trimName(cut(trimName(replaced.replace(/\s+/g, ' ')), SHEET_NAME_MAX));
  if (!name) throw new LedgerStoreError(ledgerError('required', '工作表名称'));
  return name;
}

/**
 * The report sheet's actual name: `wanted` sanitised, or `wanted (2)`, `wanted (3)` … when a sheet
 * has it (Excel compares sheet names without case); the base is shortened so the suffix fits.
 */
export function reportSheetName(wanted: string, taken: readonly string[]): string {
  const base = sanitizeSheetName(wanted);
  const used = new Set([...taken.map((s) => s.toLowerCase()), ...RESERVED]);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${trimName(cut(base, SHEET_NAME_MAX - suffix.length))}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

// ---- layout ----------------------------------------------------------------------------------

/**
 * Widths in half-width characters: a prose column is capped and wrapped, a label column fits its
 * text. 60 (30 汉字 a line) keeps 类型 + 内容 within an A4 portrait page at the default margins.
 */
const PROSE_WIDTH = 60;
const MIN_WIDTH = 8;
/** 12 pt 宋体: readable on screen and the usual size for a printed working draft. */
export const REPORT_FONT = { name: '宋体', size: 12, titleSize: 16 } as const;

/** Rows whose first cell names a heading (draftToRows's 类型 column) are bold; 标题 is also larger. */
const HEADING_LABELS: ReadonlySet<string> = new Set([BLOCK_LABELS.heading1, BLOCK_LABELS.heading2, BLOCK_LABELS.heading3, BLOCK_LABELS.heading4]);

export type ReportColumn = { widthPoints: number; wrap: boolean };

export type ReportLayout = {
  /** rows × columns, ragged rows padded with '', every cell escaped for Range.values. */
  values: string[][];
  columns: ReportColumn[];
  /** 0-based rows to set bold: the first row (title or header) and heading rows. */
  boldRows: number[];
  /** 0-based rows of the 标题 (larger font). */
  titleRows: number[];
};

/** Display width in half-width units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

/** Excel column widths are in points; one half-width character of 12 pt text is about 6.6 pt, plus padding. */
function widthPoints(chars: number): number {
  return Math.round(chars * 6.6 + 8);
}

/** What to write and how to format it, decided from the rows alone (pure, so it is tested directly). */
export function reportLayout(rows: readonly (readonly string[])[]): ReportLayout {
  const columnCount = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((row) => Array.from({ length: columnCount }, (_, c) => officeText(String(row[c] ?? ''))));
  const columns = Array.from({ length: columnCount }, (_, c): ReportColumn => {
    const widest = Math.max(0, ...rows.flatMap((row) => String(row[c] ?? '').split(/\r?\n/).map(displayWidth)));
    const wrap = widest > PROSE_WIDTH;
    return { widthPoints: widthPoints(wrap ? PROSE_WIDTH : Math.max(MIN_WIDTH, widest + 2)), wrap };
  });
  const boldRows: number[] = [];
  const titleRows: number[] = [];
  rows.forEach((row, r) => {
    const marker = row.length > 1 ? row[0] : '';
    if (marker === BLOCK_LABELS.title) titleRows.push(r);
    if (r === 0 || marker === BLOCK_LABELS.title || HEADING_LABELS.has(marker)) boldRows.push(r);
  });
  return { values, columns, boldRows, titleRows };
}

// ---- Excel -----------------------------------------------------------------------------------

/** Adds the report sheet and returns its actual name. */
export async function writeReportSheet(excel: ExcelRunner, wanted: string, rows: readonly (readonly string[])[]): Promise<string> {
  // A blank name fails before Excel is touched.
  sanitizeSheetName(wanted);
  const layout = reportLayout(rows);
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const name = reportSheetName(wanted, sheets.items.map((s) => s.name));
    const ws = context.workbook.worksheets.add(name);
    const columnCount = layout.columns.length;
    if (layout.values.length > 0) {
      const used = ws.getRangeByIndexes(0, 0, layout.values.length, columnCount);
      used.values = layout.values;
      used.format.font.name = REPORT_FONT.name;
      used.format.font.size = REPORT_FONT.size;
      used.format.verticalAlignment = 'Top';
      for (const r of layout.boldRows) ws.getRangeByIndexes(r, 0, 1, columnCount).format.font.bold = true;
      for (const r of layout.titleRows) ws.getRangeByIndexes(r, 0, 1, columnCount).format.font.size = REPORT_FONT.titleSize;
    }
    layout.columns.forEach((column, c) => {
      // A width set on any range applies to its whole column; wrapping only where the text is.
      const cells = ws.getRangeByIndexes(0, c, Math.max(layout.values.length, 1), 1);
      cells.format.columnWidth = column.widthPoints;
      if (column.wrap) cells.format.wrapText = true;
    });
    ws.activate();
    await context.sync();
    return name;
  });
}
