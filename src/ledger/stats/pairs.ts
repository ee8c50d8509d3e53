// Two or three ranges read side by side, row by row (OVERDUE, ONTIMERATE, LIGHT). They must hold
// the same number of cells, except that one may run on with blanks: whole-column references
// (A:A against B2:B500) end in empty rows that no one should be made to trim.
import { ledgerError, type LedgerError } from '../errors';
import { gridSize, tailIsBlank, type CellGrid } from './cells';

/** The number of paired cells of two blocks, or sizeMismatch when the longer has values past the shorter. */
export function pairedSize(a: CellGrid, b: CellGrid, nameA: string, nameB: string): number | LedgerError {
  const sizeA = gridSize(a);
  const sizeB = gridSize(b);
  if (sizeA === sizeB) return sizeA;
  if (sizeA > sizeB ? tailIsBlank(a, sizeB) : tailIsBlank(b, sizeA)) return Math.min(sizeA, sizeB);
  return ledgerError('sizeMismatch', nameA, nameB, sizeA, sizeB);
}

/** Whether a block is a single cell (broadcast to every row) rather than a range. */
export function isSingleCell(grid: CellGrid): boolean {
  return grid.length === 1 && grid[0].length === 1;
}
