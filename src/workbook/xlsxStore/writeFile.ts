// What a save writes: the difference between the ledger as the file held it and as it is now, cell
// by cell — rows of ZG_Problems / ZG_Measures found by their 编号 (never by position), the 巡察信息
// cells behind the ZG_* names, and new 变更记录 rows. Cells whose value did not change keep their
// bytes; parts nothing changed in are not touched at all.
import { FIGURES_TITLE } from '../../ledger/roundFigures';
import { afterWrites, planFigureWrites, type FigureWrite } from '../infoFigures';
import { fromSerial1900, type DateSystem } from '../../ledger/dates';
import type { ChangeEntry } from '../../ledger/store';
import type { Ledger } from '../../ledger/types';
import { cellValue, changeRow } from '../cells';
import { columnLetter, INFO_CELLS, type ColumnDef } from '../schema';
import { partText, setPartText, type XlsxParts } from '../xlsx/package';
import { dateStyles } from '../xlsx/sheetCells';
import type { LedgerFileModel, TableSlot } from './readFile';
import { cellStyle, cellXml, joinSheet, rowXml, splitSheet, withCells, type CellContent } from './rowsXml';
import { rewriteTableBody, type BodyPlan, type RowCells } from './tableBody';

/** A value as the cell content the file stores: dates as serials of the workbook's system, flags 是/否, text as text. */
export function contentOf(column: ColumnDef, value: unknown, system: DateSystem = '1900'): CellContent {
  const v = cellValue(column, value, 'xlsx');
  if (v === '') return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: column.kind === 'date' || column.kind === 'datetime' ? fromSerial1900(v, system) : v };
  return { kind: 'text', text: String(v) };
}

function same(a: CellContent, b: CellContent): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'text') return a.text === (b as typeof a).text;
  if (a.kind === 'number') return a.value === (b as typeof a).value;
  if (a.kind === 'formula') return a.formula === (b as typeof a).formula;
  return true;
}

type Row = Record<string, unknown> & { id: string };

/** The schema column of each table column (by header; a user's own column has none). */
function columnsOf(slot: TableSlot): (ColumnDef | undefined)[] {
  return slot.table.columns.map((h) => slot.def.columns.find((c) => c.header === h.trim() && c.field !== null));
}

/**
 * Rows of `now` against `before`, by 编号: changed cells, rows gone, rows new. A new row that follows
 * a kept row in `now` (a measure added to an existing problem) goes right after that row in the
 * table, so ZG_Measures stays in problem order; after the last item, and for new problems, below.
 */
export function planRows(slot: TableSlot, before: readonly Row[], now: readonly Row[], system: DateSystem = '1900'): BodyPlan {
  const columns = columnsOf(slot);
  const was = new Map(before.map((r) => [r.id, r]));
  const is = new Map(now.map((r) => [r.id, r]));
  const hasItems = now.length > 0;
  const seen = new Set<string>();
  const keep: BodyPlan['keep'] = [];
  /** 编号 → its position in `keep`. */
  const kept = new Map<string, number>();
  slot.rows.forEach((row, index) => {
    if (row.id === '') {
      // The template's blank row goes once the table has items; anything typed there stays.
      if (!(row.empty && hasItems)) keep.push({ index, cells: new Map() });
      return;
    }
    if (seen.has(row.id)) return keep.push({ index, cells: new Map() }); // a duplicate 编号: not ours
    seen.add(row.id);
    const current = is.get(row.id);
    if (!current) return; // deleted
    const old = was.get(row.id);
    const cells = new Map<number, CellContent>();
    kept.set(row.id, keep.length);
    // ledger-ops replaces the rows it changes and keeps the others: the same object is unchanged.
    if (old === current) return keep.push({ index, cells });
    columns.forEach((column, i) => {
      if (!column) return;
      const next = contentOf(column, current[column.field!], system);
      if (!old || !same(next, contentOf(column, old[column.field!], system))) cells.set(i, next);
    });
    keep.push({ index, cells });
  });
  let lastItem = -1; // a loop, not Math.max(...kept): a spread of a large table's rows would overflow the stack
  for (const k of kept.values()) lastItem = Math.max(lastItem, k);
  const add: RowCells[] = [];
  const insert = new Map<number, RowCells[]>();
  let after = -1; // the keep position the previous row of `now` sits at (or follows), -1: below
  for (const r of now) {
    const at = kept.get(r.id);
    if (at !== undefined) {
      after = at === lastItem ? -1 : at;
      continue;
    }
    if (seen.has(r.id)) continue;
    const cells = new Map<number, CellContent>();
    columns.forEach((column, i) => {
      if (column) cells.set(i, contentOf(column, r[column.field!], system));
    });
    if (after < 0) add.push(cells);
    else insert.set(after, [...(insert.get(after) ?? []), cells]);
  }
  return insert.size > 0 ? { keep, add, insert } : { keep, add };
}

/** New 变更记录 lines appended below the rows already there (the blank template row goes). */
function planLog(slot: TableSlot, entries: readonly ChangeEntry[], system: DateSystem): BodyPlan {
  const columns = columnsOf(slot);
  const keep = slot.rows.flatMap((row, index) => (row.empty && row.id === '' && entries.length > 0 ? [] : [{ index, cells: new Map() }]));
  const add = entries.map((entry) => {
    const row = changeRow(entry) as Record<string, unknown>;
    const cells = new Map<number, CellContent>();
    columns.forEach((column, i) => {
      if (column) cells.set(i, contentOf(column, row[column.field!], system));
    });
    return cells as ReadonlyMap<number, CellContent>;
  });
  return { keep, add };
}

/** 巡察信息: each ZG_* value that changed, written into the cell its name points at. */
function writeInfo(parts: XlsxParts, model: LedgerFileModel, now: Ledger): string[] {
  const edits = new Map<string, Map<number, Map<number, CellContent>>>();
  for (const cell of INFO_CELLS) {
    const at = model.info.get(cell.name);
    if (!cell.field || !at) continue;
    const column: ColumnDef = { header: cell.label, field: cell.field, kind: cell.kind === 'date' ? 'date' : cell.kind === 'number' ? 'number' : 'text', width: 0 };
    const next = contentOf(column, now.round[cell.field], model.dateSystem);
    if (same(next, contentOf(column, model.ledger.round[cell.field], model.dateSystem))) continue;
    let sheet = edits.get(at.path);
    if (!sheet) edits.set(at.path, (sheet = new Map()));
    let row = sheet.get(at.row);
    if (!row) sheet.set(at.row, (row = new Map()));
    row.set(at.col, next);
  }
  for (const w of figureWrites(model, now)) {
    const path = model.figures!.path;
    let sheet = edits.get(path);
    if (!sheet) edits.set(path, (sheet = new Map()));
    const row = new Map<number, CellContent>();
    w.values.forEach((v, i) => row.set(i + 1, typeof v === 'number' ? { kind: 'number', value: v } : contentOf(TEXT_COLUMN, v)));
    sheet.set(w.row, row);
  }
  if (edits.size === 0) return [];
  const dates = dateStyles(parts);
  const anyDate = dates.indexOf(true);
  for (const [path, rows] of edits) {
    const sheet = splitSheet(partText(parts, path) ?? '');
    for (const [r, cells] of rows) {
      let k = sheet.rows.findIndex((row) => row.r >= r);
      if (k < 0 || sheet.rows[k].r !== r) {
        const row = { r, attrs: '', cells: [], xml: rowXml(sheet.prefix, r, '', []) };
        k = k < 0 ? sheet.rows.length : k;
        sheet.rows.splice(k, 0, row);
      }
      const row = sheet.rows[k];
      const replaced = new Map<number, string>();
      for (const [col, content] of cells) {
        const existing = row.cells.find((c) => c.col === col);
        let style = existing ? cellStyle(existing.xml) : undefined;
        // A date needs a date format: the cell's own when it has one, else one the workbook has.
        if (content.kind === 'number' && Number.isInteger(content.value) && (style === undefined || !dates[style]) && isDateCell(col, r, path, model)) {
          if (anyDate >= 0) style = anyDate;
        }
        replaced.set(col, cellXml(sheet.prefix, `${columnLetter(col - 1)}${r}`, style, content));
      }
      sheet.rows[k] = withCells(sheet.prefix, row, replaced);
    }
    setPartText(parts, path, joinSheet(sheet));
  }
  return [...edits.keys()];
}

const TEXT_COLUMN: ColumnDef = { header: FIGURES_TITLE, field: null, kind: 'text', width: 0 };

/** The 通报数字 rows to write: only when the round's figures changed and the file has a 巡察信息. */
function figureWrites(model: LedgerFileModel, now: Ledger): FigureWrite[] {
  const figures = now.round.figures;
  if (!model.figures || !figures || figures === model.ledger.round.figures) return [];
  const lastRow = Math.max(model.figures.block.end, ...[...model.info.values()].filter((a) => a.path === model.figures!.path).map((a) => a.row));
  return planFigureWrites(model.figures.block, figures, lastRow);
}

function isDateCell(col: number, row: number, path: string, model: LedgerFileModel): boolean {
  return INFO_CELLS.some((c) => {
    const at = model.info.get(c.name);
    return c.kind === 'date' && at !== undefined && at.path === path && at.row === row && at.col === col;
  });
}

/**
 * Writes the edit into `parts`. Returns the paths of the parts it rewrote, and the model of the
 * package as it now is (the ledger as written, the tables' rows where they now are), so the next
 * save diffs against it without reading the file again.
 */
export function writeEdit(parts: XlsxParts, model: LedgerFileModel, now: Ledger, log: readonly ChangeEntry[]): { touched: string[]; model: LedgerFileModel } {
  const touched = new Set<string>();
  const asRows = (rows: readonly object[]) => rows as unknown as Row[];
  const problems = rewriteTableBody(parts, model.problems, planRows(model.problems, asRows(model.ledger.problems), asRows(now.problems), model.dateSystem));
  const measures = rewriteTableBody(parts, model.measures, planRows(model.measures, asRows(model.ledger.measures), asRows(now.measures), model.dateSystem));
  const figureEdits = figureWrites(model, now);
  for (const p of [...problems.touched, ...measures.touched, ...writeInfo(parts, model, now)]) touched.add(p);
  const figures = model.figures && figureEdits.length > 0 ? { ...model.figures, block: afterWrites(model.figures.block, figureEdits) } : model.figures;
  let changes = model.changes;
  if (changes && log.length > 0) {
    const written = rewriteTableBody(parts, changes, planLog(changes, log, model.dateSystem));
    for (const p of written.touched) touched.add(p);
    changes = written.slot;
  }
  return { touched: [...touched], model: { ...model, ledger: now, problems: problems.slot, measures: measures.slot, changes, figures } };
}
