// The formula of each calculated column in the table parts of an .xlsx that ExcelJS wrote. Excel
// fills a row a user adds at the bottom of a table (typing below it grows the table) with the
// table's column formulas only when the table part names them (<calculatedColumnFormula>), and
// ExcelJS writes none: without this, a hand-added measure has no 剩余天数, 预警 or roll-up helpers,
// and 整改统计 would not count it. Package-level, like the charts (ExcelJS cannot write either).
//
// ExcelJS itself cannot load a table part that carries the element (its tableColumn parser takes the
// child's end tag for its own); nothing in src loads a workbook with ExcelJS — our readers are the
// zip + tag scanners in this folder, which skip it — and the tests that use ExcelJS to look at a
// written file strip the element first (test/support/excelJs.ts).
import { expandThisRow, type TableDef } from '../schema';
import { zipUpdated } from '../xlsxStore/zipUpdate';
import { attributes, decodeXml, encodeXml, partText, setPartText, unzipXlsx } from './package';

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;

/** One table part's XML with <calculatedColumnFormula> in each formula column that has none. */
export function withColumnFormulas(tableXml: string, def: TableDef): string {
  const formulas = new Map(def.columns.filter((c) => c.formula).map((c) => [c.header, expandThisRow(c.formula!, def.table)]));
  // Only self-closed columns are filled: a column with children (a formula already, totals) is left as it is.
  return tableXml.replace(/<((?:[\w.-]+:)?)tableColumn(\s[^<>]*?)\/>/g, (whole, prefix: string, attrText: string) => {
    const formula = formulas.get(decodeXml(attributes(attrText).name ?? ''));
    if (formula === undefined) return whole;
    return `<${prefix}tableColumn${attrText}><${prefix}calculatedColumnFormula>${encodeXml(formula)}</${prefix}calculatedColumnFormula></${prefix}tableColumn>`;
  });
}

/** The .xlsx bytes with the column formulas of `defs` written into their tables (found by table name). */
export function addColumnFormulas(xlsx: Uint8Array, defs: readonly TableDef[]): Uint8Array {
  // Only the table parts are inflated and compressed again; every other entry is copied as it is
  // (a unit's copy of a split ledger is written forty times over, so a whole re-zip would show).
  const parts = unzipXlsx(xlsx, { only: (p) => TABLE_PART.test(p) || p === 'xl/workbook.xml' });
  const changed = new Set<string>();
  for (const path of Object.keys(parts).filter((p) => TABLE_PART.test(p))) {
    const xml = partText(parts, path)!;
    const tag = /<(?:[\w.-]+:)?table\s([^<>]*?)\/?>/.exec(xml);
    const name = tag ? attributes(tag[1]).name : undefined;
    const def = defs.find((d) => d.table === name);
    if (!def) continue;
    setPartText(parts, path, withColumnFormulas(xml, def));
    changed.add(path);
  }
  return zipUpdated(xlsx, parts, changed);
}
