// Raw cell blocks as spreadsheets hand them over: a rectangular matrix of rows (`unknown[][]`),
// one column or many, blanks ('' or null) included. The statistics scan such blocks in place,
// reading cell i of a block in row-major order, so a whole column of a million cells is counted
// without building an object per cell.

/** A rectangular block of raw cell values, rows of columns (what Excel passes for a range). */
export type CellGrid = readonly (readonly unknown[])[];

/** Where an error value sits in a block: 1-based item number and its code such as "#DIV/0!". */
export type ErrorCell = { item: number; code: string };

/** Number of columns of a block (0 for an empty one). */
export function gridWidth(grid: CellGrid): number {
  return grid.length === 0 ? 0 : grid[0].length;
}

/** Number of cells of a block. */
export function gridSize(grid: CellGrid): number {
  return grid.length * gridWidth(grid);
}

/** Cell i (row-major) of a block whose width is `width`; a one-column block is read without division. */
export function cellAt(grid: CellGrid, width: number, i: number): unknown {
  if (width === 1) return grid[i][0];
  return grid[(i / width) | 0][i % width];
}

/** Blank: empty, whitespace-only text, null or undefined. Whole-column references end in blanks. */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && value.trim() === '';
}

/**
 * The code of an error value (Excel passes errors in a range as objects with a `code` such as
 * "#N/A"; a LedgerError carries `kind`), or null when the cell is not an error.
 */
export function errorCode(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  const record = value as { code?: unknown; kind?: unknown; errorCode?: unknown; type?: unknown };
  for (const candidate of [record.code, record.kind, record.errorCode, record.type]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate.startsWith('#') ? candidate : `#${candidate}`;
  }
  return '#VALUE!';
}

/** Whether the cells from `from` (row-major) to the end of a block are all blank. */
export function tailIsBlank(grid: CellGrid, from: number): boolean {
  const width = gridWidth(grid);
  const size = grid.length * width;
  for (let i = from; i < size; i++) if (!isBlankCell(cellAt(grid, width, i))) return false;
  return true;
}

/** A single value as a 1×1 block; a block stays as it is. */
export function asGrid(value: unknown): CellGrid {
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return Array.isArray(value[0]) ? (value as unknown[][]) : (value as unknown[]).map((v) => [v]);
  }
  return [[value]];
}

/** Writes cell i (row-major) of a writable block whose width is `width`. */
export function setCellAt(grid: unknown[][], width: number, i: number, value: unknown): void {
  if (width === 1) grid[i][0] = value;
  else grid[(i / width) | 0][i % width] = value;
}
