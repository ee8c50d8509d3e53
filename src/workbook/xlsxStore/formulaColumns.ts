// The schema's formula columns a ledger file lacks (a ledger made before the roll-up helper columns
// of ZG_Problems existed), added to its tables before 整改统计 is written over them — as the Excel
// store does before its refresh (excelSetup.queueMissingFormulaColumns): the header, a calculated
// column in the table part, the formula on every body row. Only into empty columns right of the
// table: where the user has cells there, the table is left as it is.
import { columnLetter, expandThisRow, numberFormatOf, type ColumnDef } from '../schema';
import { partText, setPartText, startTags, type XlsxParts } from '../xlsx/package';
import type { TableSlot } from './readFile';
import { cellStyle, cellXml, joinSheet, rowXml, splitSheet, withCells } from './rowsXml';
import type { StyleResolver } from './stylesXml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Adds the missing formula columns of the slot's table; returns the slot as the package now holds it. */
export function addFormulaColumns(parts: XlsxParts, slot: TableSlot, styles: StyleResolver): TableSlot {
  const { table, def } = slot;
  const have = new Set(table.columns.map((h) => h.trim()));
  const missing = (def.columns as readonly ColumnDef[]).filter((c) => c.formula && !have.has(c.header));
  if (missing.length === 0 || table.headerRows !== 1) return slot;
  const { top, bottom, right } = table.range;
  const sheet = splitSheet(partText(parts, table.sheet.path) ?? '');
  const inTable = sheet.rows.filter((row) => row.r >= top && row.r <= bottom);
  if (inTable.some((row) => row.cells.some((c) => c.col > right && c.col <= right + missing.length))) return slot;
  const headerStyle = inTable.find((row) => row.r === top)?.cells.find((c) => c.col === right);
  const header = headerStyle ? cellStyle(headerStyle.xml) : undefined;
  const looks = missing.map((c) => styles.id({}, numberFormatOf(c)));
  // Rows the sheet has, at most: a table claiming A1:X1048576 is not filled with a million formulas.
  const last = Math.min(bottom - table.totalsRows, Math.max(top + 1, sheet.rows.length > 0 ? sheet.rows[sheet.rows.length - 1].r : 0));
  const byR = new Map(sheet.rows.map((row, k) => [row.r, k]));
  for (let r = top; r <= last; r++) {
    const cells = new Map<number, string>();
    missing.forEach((column, j) => {
      const col = right + 1 + j;
      const ref = `${columnLetter(col - 1)}${r}`;
      cells.set(col, r === top
        ? cellXml(sheet.prefix, ref, header, { kind: 'text', text: column.header })
        : cellXml(sheet.prefix, ref, looks[j], { kind: 'formula', formula: expandThisRow(column.formula!, def.table) }));
    });
    const k = byR.get(r);
    if (k === undefined) {
      const at = sheet.rows.findIndex((row) => row.r > r);
      const row = withCells(sheet.prefix, { r, attrs: '', cells: [], xml: rowXml(sheet.prefix, r, '', []) }, cells);
      sheet.rows.splice(at < 0 ? sheet.rows.length : at, 0, row);
      sheet.rows.forEach((row2, i) => byR.set(row2.r, i));
    } else {
      sheet.rows[k] = withCells(sheet.prefix, sheet.rows[k], cells);
    }
  }
  setPartText(parts, table.sheet.path, joinSheet(sheet));

  const newRight = right + missing.length;
  const xml = partText(parts, slot.path) ?? '';
  const ids = startTags(xml, 'tableColumn').map((a) => Number(a.id) || 0);
  const prefix = /<((?:[\w.-]+:)?)tableColumns[\s>]/.exec(xml)?.[1] ?? '';
  const added = missing
    .map((c, j) => `<${prefix}tableColumn id="${Math.max(0, ...ids) + 1 + j}" name="${escapeXml(c.header)}"><${prefix}calculatedColumnFormula>${escapeXml(expandThisRow(c.formula!, def.table))}</${prefix}calculatedColumnFormula></${prefix}tableColumn>`)
    .join('');
  const endCol = (ref: string) => ref.replace(/:([A-Z]+)(\d+)$/, (_, __, row: string) => `:${columnLetter(newRight - 1)}${row}`);
  const next = xml
    .replace(/(<(?:[\w.-]+:)?(?:table|autoFilter)\s[^>]*?ref\s*=\s*["'])([^"']*)(["'])/g, (_, a: string, ref: string, b: string) => `${a}${endCol(ref)}${b}`)
    .replace(/(<(?:[\w.-]+:)?tableColumns[^>]*?count\s*=\s*["'])(\d+)(["'])/, (_, a: string, n: string, b: string) => `${a}${Number(n) + missing.length}${b}`)
    .replace(`</${prefix}tableColumns>`, `${added}</${prefix}tableColumns>`);
  setPartText(parts, slot.path, next);
  return { ...slot, table: { ...table, columns: [...table.columns, ...missing.map((c) => c.header)], range: { ...table.range, right: newRight } } };
}
