// 通报数字 on 巡察信息: a plain block below the named cells — a header row (通报数字 · 数值 · 单位)
// and one row per figure — that a recipient reads without the add-in. Every store finds the block by
// its header text in column A and each figure by its label, never by position: a user may move
// the block, sort it or add rows of their own, and saving an import again updates rows in place.
import { FIGURES_HEADERS, FIGURES_TITLE } from '../ledger/roundFigures';
import type { RoundFigure } from '../ledger/types';
import { readText } from './cells';
import { INFO_CELLS } from './schema';

/** Where a new block goes: one blank row below the last named cell. */
export const FIGURES_HEADER_ROW = INFO_CELLS.length + 3;
/** Rows scanned for the block; a figure block longer than this is not ours. */
export const FIGURE_SCAN_ROWS = 400;

/** The block as read: its header row (null when absent), each figure with its 1-based row, and its last row. */
export type FigureBlock = { header: number | null; rows: { row: number; figure: RoundFigure }[]; end: number };

/** Reads the block through a cell getter (1-based row and column; values as the store holds them). */
export function readFigureBlock(get: (row: number, col: number) => unknown, lastRow: number): FigureBlock {
  const end = Math.min(lastRow, FIGURE_SCAN_ROWS);
  let header: number | null = null;
  for (let r = 1; r <= end && header === null; r++) if (readText(get(r, 1)).trim() === FIGURES_TITLE) header = r;
  if (header === null) return { header: null, rows: [], end: 0 };
  const rows: FigureBlock['rows'] = [];
  const seen = new Set<string>();
  let last = header;
  for (let r = header + 1; r <= end; r++) {
    const label = readText(get(r, 1)).trim();
    if (label === '') break;
    last = r;
    const raw = get(r, 2);
    const value = typeof raw === 'number' ? raw : Number(readText(raw).replace(/[,，]/g, ''));
    // A row a person typed without a number is theirs to finish; the first row of a label wins.
    if (!Number.isFinite(value) || readText(raw).trim() === '' || seen.has(label)) continue;
    seen.add(label);
    rows.push({ row: r, figure: { label, value, unit: readText(get(r, 3)).trim() } });
  }
  return { header, rows, end: last };
}

/** One row to write: [label, value, unit] at a 1-based row (the header row included when new). */
export type FigureWrite = { row: number; values: [string, number | string, string] };

/**
 * The writes that bring the block to `figures` (already merged by label): changed rows in place,
 * new labels below the last row of the block, the header first when the sheet has none. Rows of
 * labels not in `figures` are left alone.
 */
export function planFigureWrites(block: FigureBlock, figures: readonly RoundFigure[], lastRow: number): FigureWrite[] {
  if (figures.length === 0) return [];
  const writes: FigureWrite[] = [];
  let header = block.header;
  if (header === null) {
    header = Math.max(FIGURES_HEADER_ROW, lastRow + 2);
    writes.push({ row: header, values: [...FIGURES_HEADERS] });
  }
  let next = Math.max(header, block.end) + 1;
  for (const f of figures) {
    const at = block.rows.find((r) => r.figure.label === f.label);
    if (at && at.figure.value === f.value && at.figure.unit === f.unit) continue;
    writes.push({ row: at ? at.row : next++, values: [f.label, f.value, f.unit] });
  }
  return writes;
}

/** The block after `writes` were made, for the next save to diff against. */
export function afterWrites(block: FigureBlock, writes: readonly FigureWrite[]): FigureBlock {
  let { header, end } = block;
  const rows = [...block.rows];
  for (const w of writes) {
    end = Math.max(end, w.row);
    if (w.values[0] === FIGURES_TITLE && typeof w.values[1] === 'string') {
      header = w.row;
      continue;
    }
    const figure = { label: w.values[0], value: Number(w.values[1]), unit: w.values[2] };
    const at = rows.findIndex((r) => r.row === w.row);
    if (at >= 0) rows[at] = { row: w.row, figure };
    else rows.push({ row: w.row, figure });
  }
  return { header, rows, end };
}

/** The block of a values grid (row 1 first), as Office.js loads A1:C{FIGURE_SCAN_ROWS}, and its last used row. */
export function figureBlockOfGrid(values: readonly (readonly unknown[])[]): { block: FigureBlock; lastRow: number } {
  let lastRow = 0;
  values.forEach((row, i) => {
    if (row.some((v) => v !== '' && v !== null && v !== undefined)) lastRow = i + 1;
  });
  return { block: readFigureBlock((r, c) => values[r - 1]?.[c - 1], lastRow), lastRow };
}
