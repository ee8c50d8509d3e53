// Rewriting the body of one table (ZG_Problems, ZG_Measures, ZG_Changes) in its worksheet part:
// rows kept in their order (cells changed where asked, the rest byte for byte), rows dropped, rows
// inserted after a kept row or appended; the rows below move with it, and the table's ref (and autoFilter) grows or shrinks.
// New cells take the style of the same column in the rows already there, so a date lands with the
// column's date format and styles.xml stays as it is.
import { columnLetter, expandThisRow } from '../schema';
import { partText, setPartText, attributes, type XlsxParts } from '../xlsx/package';
import { dateStyles, parseRange, tablePartOf } from '../xlsx/sheetCells';
import type { TableSlot } from './readFile';
import { shiftCalcChain } from './calcChain';
import { rowMap, type RowMap } from './rowMap';
import { shiftRowBreaks, shiftSheetAnchors, shiftSheetTail, withTableRefs } from './shiftBelow';
import { shiftRowFormulas, shiftWorkbookFormulas } from './shiftFormulas';
import { cellStyle, cellXml, joinSheet, moveRow, rowXml, splitSheet, withCells, type CellContent, type CellXml, type RowXml, type SheetXml } from './rowsXml';

/** Cells by 0-based table column. */
export type RowCells = ReadonlyMap<number, CellContent>;

export type BodyPlan = {
  /** Body rows to keep, by index into slot.rows, in the order they end up; cells to rewrite. */
  keep: { index: number; cells: RowCells }[];
  /** Rows appended below, each cell by table column (formula columns are filled in here). */
  add: RowCells[];
  /** New rows that go right after the kept row at this position of `keep` (a measure of a problem). */
  insert?: ReadonlyMap<number, readonly RowCells[]>;
};

/** For each table column, the style its cells have (the lowest body row that has one wins). */
function columnStyles(sheet: SheetXml, slot: TableSlot, parts: XlsxParts): (number | undefined)[] {
  const { table } = slot;
  const styles: (number | undefined)[] = table.columns.map(() => undefined);
  const bodyRows = new Set(slot.rows.map((r) => r.r));
  for (let k = sheet.rows.length - 1; k >= 0; k--) {
    const row = sheet.rows[k];
    if (!bodyRows.has(row.r)) continue;
    for (const c of row.cells) {
      const i = c.col - table.range.left;
      if (i < 0 || i >= styles.length || styles[i] !== undefined) continue;
      styles[i] = cellStyle(c.xml);
    }
  }
  // Columns without a styled cell: the <col> default, then (for dates) any date style of the workbook.
  const cols = Array.from(sheet.head.matchAll(/<(?:[\w.-]+:)?col(\s[^>]*?)\/?>/g), (m) => attributes(m[1]));
  const dates = dateStyles(parts);
  table.columns.forEach((header, i) => {
    if (styles[i] !== undefined) return;
    const at = table.range.left + i;
    const col = cols.find((c) => Number(c.min) <= at && at <= Number(c.max) && c.style !== undefined);
    if (col) styles[i] = Number(col.style);
    const kind = slot.def.columns.find((c) => c.header === header.trim())?.kind;
    if ((kind === 'date' || kind === 'datetime') && (styles[i] === undefined || !dates[styles[i]!])) {
      const any = dates.indexOf(true);
      if (any >= 0) styles[i] = any;
    }
  });
  return styles;
}

/** The formula of each calculated column: the table's own, else the schema's. */
function columnFormulas(tableXml: string, slot: TableSlot): (string | null)[] {
  const own = tablePartOf(tableXml)?.columns.map((c) => c.formula) ?? [];
  return slot.table.columns.map((header, i) => {
    if (own[i]) return own[i];
    const column = slot.def.columns.find((c) => c.header === header.trim());
    return column?.formula ? expandThisRow(column.formula, slot.def.table) : null;
  });
}

/**
 * A range of the table part with its last row moved by `delta`, written as Excel writes one (A1:X30),
 * whatever form it had (X29:A1, A0:X0, a single cell): a table that only grew textually would leave
 * the new rows outside it. Unreadable refs are left as they are.
 */
function shiftEnd(ref: string, delta: number): string {
  const range = parseRange(ref);
  if (!range) return ref;
  const col = (c: number) => columnLetter(c - 1);
  return `${col(range.left)}${range.top}:${col(range.right)}${Math.max(range.top, range.bottom + delta)}`;
}

/** Where each body row goes under the plan (rows kept in order, new ones after them or at the end): a RowMap. */
function rowMapOf(slot: TableSlot, plan: BodyPlan, bodyFirst: number, bodyLast: number): RowMap {
  const moved: (number | null)[] = new Array<null>(slot.rows.length).fill(null);
  let next = bodyFirst;
  plan.keep.forEach((keep, k) => {
    const at = slot.rows[keep.index].r - bodyFirst;
    if (at >= 0 && at < moved.length) moved[at] = next;
    next += 1 + (plan.insert?.get(k)?.length ?? 0);
  });
  const length = Math.max(1, next - bodyFirst + plan.add.length); // an emptied table keeps a blank row
  const { left, right } = slot.table.range;
  return rowMap({ first: bodyFirst, last: bodyLast, moved, delta: length - (bodyLast - bodyFirst + 1), left, right });
}

export type Rewritten = {
  /** The parts rewritten. */
  touched: string[];
  /** The table as the package now holds it (rows, 编号, range): the baseline for the next edit. */
  slot: TableSlot;
};

/** Applies a plan to the table's sheet and table parts. */
export function rewriteTableBody(parts: XlsxParts, slot: TableSlot, plan: BodyPlan): Rewritten {
  const { table } = slot;
  const sheetPath = table.sheet.path;
  const tableXml = partText(parts, slot.path) ?? '';
  const unchanged = plan.add.length === 0 && !plan.insert?.size && plan.keep.length === slot.rows.length && plan.keep.every((k, i) => k.index === i && k.cells.size === 0);
  if (unchanged) return { touched: [], slot };
  const bodyFirst = table.range.top + table.headerRows;
  const bodyLast = table.range.bottom - table.totalsRows;
  const map = rowMapOf(slot, plan, bodyFirst, bodyLast);
  const split = splitSheet(partText(parts, sheetPath) ?? '');
  const { prefix } = split;
  // The sheet's formulas follow their rows before the rows move (a shared formula is read by where its cells were).
  const sheet = { ...split, rows: shiftRowFormulas(split.rows, prefix, table.sheet.name, true, map) };
  // Found only when a cell needs one: most saves change a few cells that have their own.
  let found: (number | undefined)[] | null = null;
  const styleOf = (i: number) => (found ??= columnStyles(sheet, slot, parts))[i];
  const formulas = columnFormulas(tableXml, slot);
  const byR = new Map(sheet.rows.map((row) => [row.r, row]));
  const ref = (i: number, r: number) => `${columnLetter(table.range.left + i - 1)}${r}`;
  const cellOf = (i: number, r: number, content: CellContent, style: number | undefined) => cellXml(prefix, ref(i, r), style ?? styleOf(i), content);

  let dates: boolean[] | null = null;
  const kinds = table.columns.map((h) => slot.def.columns.find((c) => c.header === h.trim())?.kind);
  const isDateColumn = (i: number) => kinds[i] === 'date' || kinds[i] === 'datetime';
  const body: RowXml[] = [];
  const slotRows: TableSlot['rows'] = [];
  const fresh = (cells: RowCells) => {
    const r = bodyFirst + body.length;
    const out: CellXml[] = [];
    table.columns.forEach((_, i) => {
      const f = formulas[i];
      const content: CellContent = f ? { kind: 'formula', formula: f } : (cells.get(i) ?? { kind: 'empty' });
      if (content.kind === 'empty' && styleOf(i) === undefined) return;
      out.push({ col: table.range.left + i, xml: cellOf(i, r, content, undefined) });
    });
    body.push({ r, attrs: '', cells: out, xml: rowXml(prefix, r, '', out) });
  };
  const idCol = table.columns.findIndex((h) => h.trim() === slot.def.idHeader);
  const addRow = (cells: RowCells) => {
    const id = cells.get(idCol);
    slotRows.push({ r: bodyFirst + body.length, id: id?.kind === 'text' ? id.text.trim() : '', empty: false });
    fresh(cells);
  };
  plan.keep.forEach((keep, k) => {
    const r = bodyFirst + body.length;
    const was = slot.rows[keep.index];
    slotRows.push({ r, id: was.id, empty: was.empty && keep.cells.size === 0 });
    const old = byR.get(was.r) ?? { r: was.r, attrs: '', cells: [], xml: '' };
    const moved = moveRow(prefix, old, r);
    const replaced = new Map<number, string>();
    for (const [i, content] of keep.cells) {
      const existing = moved.cells.find((c) => c.col === table.range.left + i);
      let style = existing ? (cellStyle(existing.xml) ?? 0) : undefined;
      // A date into a cell without a date format (typed blank, General) takes the column's date style.
      if (style !== undefined && content.kind === 'number' && isDateColumn(i) && !(dates ??= dateStyles(parts))[style]) style = undefined;
      replaced.set(table.range.left + i, cellOf(i, r, content, style));
    }
    body.push(withCells(prefix, moved.xml === '' ? { ...moved, xml: rowXml(prefix, r, '', []) } : moved, replaced));
    for (const cells of plan.insert?.get(k) ?? []) addRow(cells);
  });
  for (const cells of plan.add) addRow(cells);
  // A table keeps at least one body row (Excel refuses a table without one): a blank one.
  if (body.length === 0) {
    slotRows.push({ r: bodyFirst, id: '', empty: true });
    fresh(new Map());
  }

  const delta = body.length - (bodyLast - bodyFirst + 1);
  const before = sheet.rows.filter((row) => row.r < bodyFirst);
  const after = sheet.rows.filter((row) => row.r > bodyLast).map((row) => moveRow(prefix, row, row.r + delta));
  const rows = [...before, ...body, ...after];
  const lastRow = rows.length > 0 ? rows[rows.length - 1].r : bodyFirst;
  const head = sheet.head.replace(/(<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*["'])([^"']*)(["'])/, (whole, a: string, range: string, b: string) => {
    const [start, end = start] = range.split(':');
    const col = end.replace(/\d+$/, '');
    return col === end ? whole : `${a}${start}:${col}${Math.max(lastRow, 1)}${b}`;
  });
  // What the sheet anchors to rows that moved follows them (merged cells, validation, formatting,
  // hyperlinks, pictures, comments, page breaks), and so do the formulas and names pointing at them,
  // wherever they are.
  const moved = map.identity ? [] : shiftSheetAnchors(parts, sheetPath, table.sheet.name, slot.path, map);
  if (!map.identity) moved.push(...shiftWorkbookFormulas(parts, sheetPath, table.sheet.name, map), ...shiftCalcChain(parts, table.sheet.name, map));
  const tail = map.identity ? sheet.tail : shiftRowBreaks(shiftSheetTail(sheet.tail, map, table.sheet.name), map);
  setPartText(parts, sheetPath, joinSheet({ ...sheet, head, rows, tail }));
  if (delta !== 0) {
    // The table's ref and its autoFilter end where the body now ends (the totals row moves with it).
    const shifted = withTableRefs(tableXml, (ref) => shiftEnd(ref, delta));
    setPartText(parts, slot.path, shifted);
  }
  const next: TableSlot = { ...slot, table: { ...table, range: { ...table.range, bottom: table.range.bottom + delta } }, rows: slotRows };
  return { touched: [sheetPath, ...(delta !== 0 ? [slot.path] : []), ...moved], slot: next };
}
