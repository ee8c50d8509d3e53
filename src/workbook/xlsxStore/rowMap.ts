// Where every row of a worksheet goes when a save rewrites a table's body (tableBody.ts): rows above
// the body stay, the body's rows go where the rewrite put them (or are gone), rows below move by
// the change in the body's length. Formulas, page breaks and comments follow their rows through it,
// as Excel moves them when rows are inserted or deleted. A range keeps its first and last surviving
// row; one that reaches the table's last row in its columns grows and shrinks with the table, as
// shiftRange (shiftBelow.ts) does for the anchors below it.
import type { RowShift } from './shiftBelow';

export type RowMap = {
  /** The body's first and last row before the rewrite. */
  readonly first: number;
  readonly last: number;
  /** How far the rows below the body move. */
  readonly delta: number;
  /** Whether no row moves at all. */
  readonly identity: boolean;
  /** A row's new number; null when it was removed. */
  row(r: number): number | null;
  /** A range's new first and last row (columns stay); null when none of its rows is left. */
  range(top: number, bottom: number, left: number, right: number): { top: number; bottom: number } | null;
};

export type RowMapSpec = {
  first: number;
  last: number;
  /** New row of body row first + i; rows past the array's end up to `last` are removed. */
  moved: readonly (number | null)[];
  delta: number;
  /** The table's columns. */
  left: number;
  right: number;
};

export function rowMap(spec: RowMapSpec): RowMap {
  const { first, last, moved, delta, left, right } = spec;
  const n = Math.min(moved.length, Math.max(0, last - first + 1));
  // Nearest kept body row at or after / at or before each index: a range's ends in O(1).
  const next = new Int32Array(n + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) next[i] = moved[i] !== null ? i : next[i + 1];
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) prev[i] = moved[i] !== null ? i : i > 0 ? prev[i - 1] : -1;
  let identity = delta === 0 && n === last - first + 1;
  for (let i = 0; identity && i < n; i++) identity = moved[i] === first + i;

  const row = (r: number): number | null => {
    if (r < first) return r;
    if (r > last) return r + delta;
    return r - first < n ? moved[r - first] : null;
  };
  const range = (top: number, bottom: number, l: number, r: number) => {
    const grows = bottom > last || (bottom === last && l <= right && r >= left);
    if (identity || (bottom < first && !grows)) return { top, bottom };
    if (top > last) return { top: top + delta, bottom: bottom + delta };
    let newTop: number | null = top;
    if (top >= first) {
      const k = top - first < n ? next[top - first] : -1;
      if (k >= 0 && first + k <= bottom) newTop = moved[k];
      else if (bottom > last) newTop = last + delta + 1;
      // The whole body's column, every row of it rewritten: the column of the new body.
      else if (grows && top === first) newTop = first;
      else newTop = null;
    }
    let newBottom: number;
    if (grows) newBottom = bottom + delta;
    else {
      const i = Math.min(bottom - first, n - 1);
      const k = i >= 0 ? prev[i] : -1;
      newBottom = k >= 0 && first + k >= top ? moved[k]! : first - 1;
    }
    return newTop === null || newBottom < newTop ? null : { top: newTop, bottom: newBottom };
  };
  return { first, last, delta, identity, row, range };
}

/** The map of a RowShift: rows inserted after `after`, or the |delta| rows ending at `after` removed. */
export function rowMapOfShift(s: RowShift): RowMap {
  const removed = Math.min(s.delta, 0);
  return rowMap({ first: s.after + removed + 1, last: s.after, moved: new Array<null>(-removed).fill(null), delta: s.delta, left: s.left, right: s.right });
}
