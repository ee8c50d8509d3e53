// The generated sheets of the file store, written into the package in place: 整改统计 (统计), a 通报
// sheet (报告 → 写入新工作表) and 汇总统计 (汇总, with summaryParts). The layouts are the ones the
// Excel store renders through Office.js (dashboard.ts, summaryDashboard.ts, excelReport's
// reportLayout), so the page writes what the pane writes. The rules of excelLayout hold here too:
// a sheet is ours by its workbook name (ZG_Dashboard, ZG_SummaryDashboard) or by our chart names;
// ours is rewritten whole but for its `input` cells (a typed 统计截止日期 stays); a sheet of the
// user's with the wanted name is never touched, the layout goes to "整改统计 (2)". Every part the
// operation does not need keeps its bytes.
import type { Ledger } from '../../ledger/types';
import { DASHBOARD_NAME, dashboardLayout, dashboardSlots } from '../dashboard';
import { reportLayout, reportSheetName, REPORT_FONT, sanitizeSheetName } from '../excelReport';
import { styleRowHeight, type SheetLayout } from '../sheetLayout';
import type { CellLook } from '../sheetLooks';
import { partText, setPartText, worksheets, type XlsxParts } from '../xlsx/package';
import { addFormulaColumns } from './formulaColumns';
import { layoutSpec, worksheetXml, type SheetCell } from './layoutXml';
import type { TableSlot } from './readFile';
import { splitSheet } from './rowsXml';
import { addWorksheet, chartNamesOn, placeCharts, setSheetName, sheetOfName } from './sheetParts';
import { styleResolver } from './stylesXml';

export type Placement = { sheet: string; path: string; created: boolean };

/** Elements of a replaced sheet that point at parts we keep (the comments' VML). */
function keptElements(xml: string): string[] {
  return Array.from(xml.matchAll(/<(?:[\w.-]+:)?legacyDrawing(?:HF)?(?=\s)[^>]*\/>/g), (m) => m[0]);
}

/** The XML of the layout's `input` cells as they stand in the old sheet, by address. */
function inputCells(xml: string, layout: SheetLayout): Map<string, string> {
  const inputs = layout.cells.filter((c) => c.input).map((c) => c.address);
  const kept = new Map<string, string>();
  if (inputs.length === 0) return kept;
  const sheet = splitSheet(xml);
  for (const address of inputs) {
    const row = Number(/\d+$/.exec(address)?.[0]);
    const cell = sheet.rows.find((r) => r.r === row)?.cells.find((c) => new RegExp(`\\sr\\s*=\\s*["']${address}["']`).test(c.xml));
    if (cell) kept.set(address, cell.xml);
  }
  return kept;
}

/** Writes a layout as its sheet (ours rewritten in place, else a new sheet) with its charts and marker name. */
export function writeLayoutSheet(parts: XlsxParts, layout: SheetLayout, marker: string): Placement {
  const sheets = worksheets(parts);
  const chartIds = layout.charts.map((c) => c.id);
  const ours =
    sheetOfName(parts, marker) ??
    sheets.find((s) => s.name.toLowerCase() === layout.sheet.toLowerCase() && chartNamesOn(parts, s.path).some((n) => chartIds.includes(n))) ??
    null;
  const styles = styleResolver(parts);
  let placement: Placement;
  let kept = new Map<string, string>();
  let keep: string[] = [];
  if (ours) {
    const old = partText(parts, ours.path) ?? '';
    kept = inputCells(old, layout);
    keep = keptElements(old);
    placement = { sheet: ours.name, path: ours.path, created: false };
  } else {
    const name = reportSheetName(layout.sheet, sheets.map((s) => s.name));
    placement = { sheet: name, path: addWorksheet(parts, name, ''), created: true };
  }
  const drawing = placeCharts(parts, placement.path, placement.sheet, layout.charts);
  setPartText(parts, placement.path, worksheetXml({ ...layoutSpec(layout, styles, kept), drawing, keep }));
  setSheetName(parts, marker, placement.sheet);
  styles.commit();
  return placement;
}

/**
 * 统计: 整改统计 for the ledger as it now is, after the formula columns its formulas read were added
 * to the ledger's tables where the file lacks them. Returns the tables as the package now holds them.
 */
export function writeDashboard(parts: XlsxParts, ledger: Ledger, tables: readonly TableSlot[]): Placement & { charts: number; tables: TableSlot[] } {
  const styles = styleResolver(parts);
  const now = tables.map((slot) => addFormulaColumns(parts, slot, styles));
  styles.commit();
  const layout = dashboardLayout(dashboardSlots(ledger));
  return { ...writeLayoutSheet(parts, layout, DASHBOARD_NAME), charts: layout.charts.length, tables: now };
}

/** Excel widths are characters; reportLayout gives points (the Office.js rule, excelLayout, inverted). */
const widthChars = (points: number) => Math.round(((points - 5) / 5.6) * 100) / 100;

/** 写入新工作表: the rows as a new sheet under a free name, every cell text; returns the name. */
export function writeReportSheet(parts: XlsxParts, wanted: string, rows: readonly (readonly string[])[]): string {
  sanitizeSheetName(wanted); // a blank name fails before the package is touched
  const name = reportSheetName(wanted, worksheets(parts).map((s) => s.name));
  const layout = reportLayout(rows);
  const styles = styleResolver(parts);
  const bold = new Set(layout.boldRows);
  const titles = new Set(layout.titleRows);
  const cells: SheetCell[] = [];
  rows.forEach((row, r) => {
    layout.columns.forEach((column, c) => {
      const text = String(row[c] ?? '');
      const look: CellLook = {
        font: REPORT_FONT.name, size: titles.has(r) ? REPORT_FONT.titleSize : REPORT_FONT.size, vertical: 'top',
        ...(bold.has(r) ? { bold: true } : {}), ...(column.wrap ? { wrap: true } : {}),
      };
      cells.push({ row: r + 1, col: c + 1, style: styles.id(look), content: text === '' ? { kind: 'empty' } : { kind: 'text', text } });
    });
  });
  // The 标题's larger font needs a taller row: nothing grows a row when the file opens.
  const heights = new Map(layout.titleRows.map((r) => [r + 1, styleRowHeight('title') ?? 24]));
  const path = addWorksheet(parts, name, '');
  setPartText(parts, path, worksheetXml({ cells, widths: layout.columns.map((c) => widthChars(c.widthPoints)), heights }));
  styles.commit();
  return name;
}
