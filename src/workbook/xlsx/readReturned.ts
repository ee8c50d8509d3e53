// A file a department sent back (回收): the ledger subset it holds, read like any ledger file
// (tables by name, columns by header, so Excel, WPS and LibreOffice saves read alike), plus the
// stamp and 底稿 on the hidden 分发底稿 sheet. The sheet is found through the ZG_DistStamp name
// first (LibreOffice keeps names though it drops their hidden flag and turns a very hidden sheet
// into a hidden one), then by its sheet name. Bad files are answered with a LedgerError. Pure.
import type { ReturnedFile } from '../../ledger/distribute/collect';
import { MEASURE_FIELDS, stampFromRows, type BaseRow } from '../../ledger/distribute/stamp';
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import { MEASURE_LABELS } from '../../ledger/ledger-diff';
import type { MeasureRow } from '../../ledger/types';
import { readText } from '../cells';
import { openXlsx } from './open';
import { definedNames, partText, worksheets, type XlsxParts } from './package';
import { cellFor, readLedgerTables, workbookReader } from './readLedger';
import { parseA1, type SheetCells } from './sheetCells';

/** The hidden sheet of a distributed file, its names, and where its parts start. */
export const STAMP_SHEET = '分发底稿';
export const STAMP_NAME = 'ZG_DistStamp';
export const BASE_NAME = 'ZG_DistBase';
/** The 底稿 is bounded by the stamp's own sheet: at most this many rows are read. */
const MAX_BASE_ROWS = 100_000;

const FIELD_OF_HEADER = new Map(MEASURE_FIELDS.map((f) => [MEASURE_LABELS[f] as string, f]));

function sheetOfName(parts: XlsxParts, name: string): { sheet: string; row: number; col: number } | null {
  const n = definedNames(parts).find((d) => d.name.toLowerCase() === name.toLowerCase());
  const m = n && /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(n.formula.trim());
  const at = m && parseA1(m[3]);
  return m && at ? { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ...at } : null;
}

const text = (cells: SheetCells, row: number, col: number) => readText(cellFor(cells.get(row, col), undefined));

/** The stamp (label/value rows) and the 底稿 (a header row of field labels, one row per measure). */
function readStampSheet(parts: XlsxParts, cellsOf: (path: string) => SheetCells) {
  const paths = new Map(worksheets(parts).map((s) => [s.name, s.path]));
  const stampAt = sheetOfName(parts, STAMP_NAME);
  const path = paths.get(stampAt?.sheet ?? STAMP_SHEET) ?? paths.get(STAMP_SHEET);
  if (!path) return null;
  const cells = cellsOf(path);
  const rows = new Map<string, string>();
  const top = stampAt?.row ?? 1;
  let baseHeader = sheetOfName(parts, BASE_NAME)?.row ?? 0;
  for (let r = top; r < top + 40; r++) {
    const label = text(cells, r, 1);
    if (label === MEASURE_LABELS.id && !baseHeader) baseHeader = r;
    if (label && !rows.has(label)) rows.set(label, text(cells, r, 2));
  }
  const stamp = stampFromRows(rows);
  if (!stamp || !baseHeader) return null;
  const columns: { col: number; field: keyof MeasureRow }[] = [];
  for (let c = 1; c <= MEASURE_FIELDS.length + 5; c++) {
    const field = FIELD_OF_HEADER.get(text(cells, baseHeader, c));
    if (field) columns.push({ col: c, field });
  }
  const base = new Map<string, BaseRow>();
  for (let r = baseHeader + 1; r <= baseHeader + MAX_BASE_ROWS; r++) {
    const row = Object.fromEntries(MEASURE_FIELDS.map((f) => [f, ''])) as BaseRow;
    for (const { col, field } of columns) row[field] = text(cells, r, col).replace(/\r\n?/g, '\n');
    if (!row.id) break;
    base.set(row.id, row);
  }
  return { stamp, base };
}

/** The day in docProps/core.xml's dcterms:modified (the last save), or null. */
function savedOn(parts: XlsxParts): string | null {
  const core = partText(parts, 'docProps/core.xml') ?? '';
  const m = /<dcterms:modified[^>]*>\s*(\d{4}-\d{2}-\d{2})/.exec(core);
  return m ? m[1] : null;
}

/** A returned file, or why it cannot be collected. */
export function readReturnedFile(bytes: Uint8Array, fileName: string): ReturnedFile | LedgerError {
  const parts = openXlsx(bytes, fileName);
  if (isLedgerError(parts)) return parts;
  try {
    const tables = readLedgerTables(parts, fileName);
    if (isLedgerError(tables)) return tables;
    const stamped = readStampSheet(parts, workbookReader(parts).cellsOf);
    if (!stamped) return ledgerError('collectNoStamp', fileName);
    return { fileName, stamp: stamped.stamp, base: stamped.base, measures: tables.measureRows, unnumbered: tables.unnumbered, savedOn: savedOn(parts) };
  } catch {
    return ledgerError('damagedXlsx', fileName);
  }
}

