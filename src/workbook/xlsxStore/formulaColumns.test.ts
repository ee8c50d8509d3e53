// A table claiming A1:B1048576 (a stranger's file) lacking the schema's formula columns: they are
// added over the rows the sheet has, not written into a million rows.
import { PROBLEMS, type TableDef } from '../schema';
import { partText, setPartText, type XlsxParts } from '../xlsx/package';
import { addFormulaColumns } from './formulaColumns';
import type { TableSlot } from './readFile';
import type { StyleResolver } from './stylesXml';

test('a claimed range of a million rows gets formulas on the rows the sheet has', () => {
  const parts: XlsxParts = {};
  const sheet = 'xl/worksheets/sheet1.xml';
  const table = 'xl/tables/table1.xml';
  setPartText(parts, sheet, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>问题编号</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P001</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>P002</t></is></c></row></sheetData></worksheet>');
  setPartText(parts, table, '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="ZG_Problems" displayName="ZG_Problems" ref="A1:A1048576"><autoFilter ref="A1:A1048576"/><tableColumns count="1"><tableColumn id="1" name="问题编号"/></tableColumns></table>');
  const slot: TableSlot = {
    table: { name: 'ZG_Problems', displayName: 'ZG_Problems', sheet: { name: '问题清单', path: sheet }, range: { top: 1, left: 1, bottom: 1_048_576, right: 1 }, headerRows: 1, totalsRows: 0, columns: ['问题编号'] },
    path: table,
    def: PROBLEMS as TableDef,
    rows: [{ r: 2, id: 'P001', empty: false }, { r: 3, id: 'P002', empty: false }],
  };
  const styles: StyleResolver = { id: () => 0, commit: () => false };
  const formulas = PROBLEMS.columns.filter((c) => c.formula).length;
  expect(formulas).toBeGreaterThan(0);
  addFormulaColumns(parts, slot, styles);
  const rows = Array.from(partText(parts, sheet)!.matchAll(/<row r="(\d+)"/g), (m) => Number(m[1]));
  expect(Math.max(...rows)).toBeLessThanOrEqual(3);
  expect(partText(parts, sheet)!.match(/<f>/g)).toHaveLength(2 * formulas);
});
