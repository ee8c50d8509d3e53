// The A1 references in a cell formula as the file stores it (no leading '='), found by a small
// one-pass scanner rather than a pattern over the whole text: string literals ("…", "" inside),
// quoted sheet names ('…', '' inside), structured references (ZG_Measures[[#This Row],[列]], with
// ' escaping a bracket), error literals (#REF!) and function names (LOG10(…)) are stepped over, so
// a reference is only ever recognised where Excel would read one. Each character is looked at a
// bounded number of times and nothing throws, whatever the text: formulas come from strangers.
// Rewrites replace only the references that change; a formula with none keeps its exact text.
import { columnLetter } from '../schema';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from '../xlsx/sheetCells';
import type { RowMap } from './rowMap';

/** One end of a reference: col 0 for whole rows (5:7), row 0 for whole columns (A:C). */
export type RefEnd = { col: number; colText: string; colAbs: boolean; row: number; rowAbs: boolean };

export type FormulaRef = {
  /** The span of the reference itself, after any sheet prefix. */
  start: number;
  end: number;
  /** The sheet the prefix names (quotes undone), null when there is none. */
  sheet: string | null;
  /** The prefix names another workbook ([1]Sheet!A1) or a sheet range (Sheet1:Sheet3!A1): not this sheet's cells. */
  foreign: boolean;
  a: RefEnd;
  /** The other end of a range; null for a single cell. */
  b: RefEnd | null;
  kind: 'cell' | 'cols' | 'rows';
};

// Characters that end a name or a reference: operators, separators, quotes, brackets.
const DELIMS = new Set(' \t\r\n\u00a0+-*/^&=<>(),;:{}%!"\'[]#@~|');
const isDelim = (c: string) => DELIMS.has(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A run of name characters as one end of a reference, or null. Runs are short before a pattern sees them. */
function endOf(run: string, kind: FormulaRef['kind']): RefEnd | null {
  if (run.length > 12) return null;
  let m: RegExpExecArray | null;
  if (kind === 'cell' && (m = CELL.exec(run))) {
    const col = colNumber(m[2]);
    const row = Number(m[4]);
    return col <= EXCEL_MAX_COLS && row >= 1 && row <= EXCEL_MAX_ROWS ? { col, colText: m[2], colAbs: m[1] === '$', row, rowAbs: m[3] === '$' } : null;
  }
  if (kind === 'cols' && (m = COL.exec(run))) {
    const col = colNumber(m[2]);
    return col <= EXCEL_MAX_COLS ? { col, colText: m[2], colAbs: m[1] === '$', row: 0, rowAbs: false } : null;
  }
  if (kind === 'rows' && (m = ROW.exec(run))) {
    const row = Number(m[2]);
    return row >= 1 && row <= EXCEL_MAX_ROWS ? { col: 0, colText: '', colAbs: false, row, rowAbs: m[1] === '$' } : null;
  }
  return null;
}

/** The end of a run of name characters starting at i. */
function runEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && !isDelim(f[j])) j++;
  return j;
}

/** After a quote at i: the index of the closing quote (a doubled one is part of the text), or f.length. */
function closing(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] !== q) return j;
      j += 2;
    } else j++;
  }
  return f.length;
}

/** After a '[' at i: the index past its matching ']' (nested brackets; ' escapes the next character). */
function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    const c = f[j];
    if (c === "'") j++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j + 1;
  }
  return f.length;
}

/** The references of a formula, in order. */
export function formulaRefs(f: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  const n = f.length;
  let i = 0;
  while (i < n) {
    const c = f[i];
    if (c === '"') {
      i = closing(f, i, '"') + 1;
      continue;
    }
    if (c === '[') {
      i = bracketEnd(f, i);
      continue;
    }
    if (c === '#') {
      // An error literal (#REF!, #N/A, #DIV/0!): its '!' is no sheet prefix.
      i++;
      while (i < n && /[A-Za-z0-9/_]/.test(f[i])) i++;
      if (f[i] === '!' || f[i] === '?') i++;
      continue;
    }
    let sheet: string | null = null;
    let foreign = false;
    let at = i;
    if (c === "'") {
      const close = closing(f, i, "'");
      if (f[close + 1] !== '!') {
        i = close + 1;
        continue;
      }
      sheet = f.slice(i + 1, close).replace(/''/g, "'");
      foreign = sheet.includes(']') || sheet.includes(':');
      at = close + 2;
    } else if (isDelim(c)) {
      i++;
      continue;
    } else {
      const j = runEnd(f, i);
      if (f[j] === '!') {
        sheet = f.slice(i, j);
        // [1]Sheet!A1 (another workbook) or Sheet1:Sheet3!A1 (a sheet range).
        foreign = f[i - 1] === ']' || f[i - 1] === ':';
        at = j + 1;
      }
    }
    const ref = refAt(f, at, sheet, foreign);
    if (ref) refs.push(ref);
    // Past the reference, or past the run that was no reference (a name, a function, a number).
    i = ref ? ref.end : Math.max(at === i ? numberOrRunEnd(f, i) : at, i + 1);
  }
  return refs;
}

/** Past a number (1.5E+10: the sign belongs to it) or a run of name characters. */
function numberOrRunEnd(f: string, i: number): number {
  let j = runEnd(f, i);
  if ((isDigit(f[i]) || f[i] === '.') && /[eE]$/.test(f.slice(i, j)) && (f[j] === '+' || f[j] === '-') && isDigit(f[j + 1])) {
    j++;
    while (isDigit(f[j])) j++;
  }
  return Math.max(j, i + 1);
}

/** The reference starting at `at` (a cell, a range, whole columns or rows), or null. */
function refAt(f: string, at: number, sheet: string | null, foreign: boolean): FormulaRef | null {
  if (at >= f.length || isDelim(f[at])) return null;
  const j = runEnd(f, at);
  const next = f[j];
  // A function (LOG10(), a table (T1[…]), a sheet prefix, a number with an exponent: not a reference.
  if (next === '(' || next === '[' || next === '!') return null;
  if ((next === '+' || next === '-') && /^[\d.]/.test(f[at]) && /[eE]$/.test(f.slice(at, j))) return null;
  const run = f.slice(at, j);
  if (next === ':') {
    const k = runEnd(f, j + 1);
    const after = f[k];
    if (after === '!') return null; // the first sheet of a sheet range (S1:S3!A1)
    if (k > j + 1 && after !== '(' && after !== '[') {
      const run2 = f.slice(j + 1, k);
      for (const kind of ['cell', 'cols', 'rows'] as const) {
        const a = endOf(run, kind);
        const b = a && endOf(run2, kind);
        if (a && b) return { start: at, end: k, sheet, foreign, a, b, kind };
      }
    }
  }
  const a = endOf(run, 'cell');
  return a ? { start: at, end: j, sheet, foreign, a, b: null, kind: 'cell' } : null;
}

/** The formula with each reference `replace` returns text for rewritten (undefined: kept); the same string when none is. */
export function rewriteRefs(f: string, replace: (ref: FormulaRef) => string | undefined): string {
  let out = '';
  let from = 0;
  for (const ref of formulaRefs(f)) {
    const text = replace(ref);
    if (text === undefined) continue;
    out += f.slice(from, ref.start) + text;
    from = ref.end;
  }
  return from === 0 ? f : out + f.slice(from);
}

const endText = (e: RefEnd, kind: FormulaRef['kind']) =>
  (kind === 'rows' ? '' : `${e.colAbs ? '$' : ''}${e.colText}`) + (kind === 'cols' ? '' : `${e.rowAbs ? '$' : ''}${e.row}`);

function refText(ref: FormulaRef, a: RefEnd, b: RefEnd | null): string {
  return b ? `${endText(a, ref.kind)}:${endText(b, ref.kind)}` : endText(a, ref.kind);
}

/**
 * A formula after rows of `sheet` moved as `map` says: references into that sheet — unqualified
 * ones too when the formula is on it (`onSheet`) — follow their rows (a removed cell becomes #REF!,
 * as in Excel). Whole columns, other sheets, other workbooks are left as they are.
 */
export function shiftFormula(f: string, sheet: string, onSheet: boolean, map: RowMap): string {
  if (map.identity) return f;
  const name = sheet.toUpperCase();
  return rewriteRefs(f, (ref) => {
    if (ref.foreign || ref.kind === 'cols' || (ref.sheet === null ? !onSheet : ref.sheet.toUpperCase() !== name)) return undefined;
    if (!ref.b) {
      const r = map.row(ref.a.row);
      return r === ref.a.row ? undefined : r === null || r > EXCEL_MAX_ROWS ? '#REF!' : refText(ref, { ...ref.a, row: r }, null);
    }
    const down = ref.a.row <= ref.b.row;
    const [top, bottom] = down ? [ref.a.row, ref.b.row] : [ref.b.row, ref.a.row];
    const left = ref.kind === 'rows' ? 1 : Math.min(ref.a.col, ref.b.col);
    const right = ref.kind === 'rows' ? EXCEL_MAX_COLS : Math.max(ref.a.col, ref.b.col);
    const moved = map.range(top, bottom, left, right);
    if (moved && moved.top === top && moved.bottom === bottom) return undefined;
    if (!moved || moved.bottom > EXCEL_MAX_ROWS) return '#REF!';
    const [ra, rb] = down ? [moved.top, moved.bottom] : [moved.bottom, moved.top];
    return refText(ref, { ...ref.a, row: ra }, { ...ref.b, row: rb });
  });
}

/**
 * A shared formula's text for a cell `dr` rows and `dc` columns from its master: the relative parts
 * of every reference move by that much (absolute ones stay); one pushed off the sheet is #REF!.
 */
export function offsetFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  const move = (e: RefEnd, kind: FormulaRef['kind']): RefEnd | null => {
    const col = kind === 'rows' || e.colAbs ? e.col : e.col + dc;
    const row = kind === 'cols' || e.rowAbs ? e.row : e.row + dr;
    if ((kind !== 'rows' && (col < 1 || col > EXCEL_MAX_COLS)) || (kind !== 'cols' && (row < 1 || row > EXCEL_MAX_ROWS))) return null;
    return { ...e, col, colText: col === e.col ? e.colText : columnLetter(col - 1), row };
  };
  return rewriteRefs(f, (ref) => {
    const a = move(ref.a, ref.kind);
    const b = ref.b ? move(ref.b, ref.kind) : null;
    if (!a || (ref.b && !b)) return '#REF!';
    const text = refText(ref, a, b);
    return text === f.slice(ref.start, ref.end) ? undefined : text;
  });
}
