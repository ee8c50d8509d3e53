// The files the page's browser test (page.mjs) opens, and the checks on what it saved — run with
// tsx, so they use the project's own readers and LibreOffice helper:
//
//   tsx test/e2e/pageFiles.ts make <dir>                 writes the inputs, prints their paths (JSON)
//   tsx test/e2e/pageFiles.ts check <input> <saved> [--libreoffice]
//   tsx test/e2e/pageFiles.ts sheets <input> <saved> [--libreoffice]   after 统计 and 写入新工作表
//
// `check` prints JSON: the parts that differ between input and saved (must be only the sheets and
// table parts of the ledger's own tables), each measure's 整改状态 as saved, and with --libreoffice the 整改统计 headline figures
// LibreOffice recalculated from the saved file beside the core's from the same ledger.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isLedgerError } from '../../src/ledger/errors';
import { dashboardFigures } from '../../src/ledger/stats/dashboard-figures';
import type { IsoDate, Ledger } from '../../src/ledger/types';
import { DASHBOARD_SHEET, dashboardPlan, dashboardSlots } from '../../src/workbook/dashboard';
import { dashboardExpected } from '../../src/workbook/dashboardValues';
import { sampleLedger } from '../../src/workbook/sample';
import { unzipXlsx, worksheets, type XlsxParts } from '../../src/workbook/xlsx/package';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { findTable, parseA1, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { workbookReader } from '../../src/workbook/xlsx/readLedger';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { recalculate } from '../support/libreoffice';
import { unrelatedWorkbook } from '../support/ledgerXlsx';
import { excelJsInput } from '../support/excelJs';

/** 统计截止日期 of the sample, so TODAY() on the test machine does not move the figures. */
export const AS_OF: IsoDate = '2026-03-15';

async function make(dir: string): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const sample = sampleLedger('2026-03-10');
  sample.round = { ...sample.round, asOf: AS_OF };
  const bytes = await writeLedgerXlsx(sample);
  const files: Record<string, string> = {
    sample: path.join(dir, '示例单位台账.xlsx'),
    withOwnSheet: path.join(dir, '带自用工作表的台账.xlsx'),
    unrelated: path.join(dir, '人员名单.xlsx'),
    damaged: path.join(dir, '损坏的台账.xlsx'),
  };
  writeFileSync(files.sample, bytes);
  // A unit's own sheet with a comment, added in Excel (here ExcelJS) after the template was sent.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excelJsInput(bytes));
  const own = wb.addWorksheet('本单位备忘');
  own.getCell('A1').value = '督办联系人：王芳';
  own.getCell('A1').note = '每月5日前报送';
  writeFileSync(files.withOwnSheet, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  writeFileSync(files.unrelated, await unrelatedWorkbook());
  writeFileSync(files.damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  return files;
}

function changedParts(a: XlsxParts, b: XlsxParts): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !a[k] || !b[k] || Buffer.compare(Buffer.from(a[k]), Buffer.from(b[k])) !== 0).sort();
}

/** The parts a ledger edit may rewrite: the sheets and table parts of ZG_Problems, ZG_Measures, ZG_Changes and 巡察信息. */
function ledgerParts(parts: XlsxParts): Set<string> {
  const allowed = new Set<string>();
  for (const name of ['ZG_Problems', 'ZG_Measures', 'ZG_Changes']) {
    const table = findTable(tablesOf(parts), name);
    if (table) allowed.add(table.sheet.path);
  }
  for (const path of Object.keys(parts)) if (/^xl\/tables\/table\d+\.xml$/.test(path)) allowed.add(path);
  const info = worksheets(parts).find((s) => s.name === '巡察信息');
  if (info) allowed.add(info.path);
  return allowed;
}

async function headline(saved: string, original: Ledger, ledger: Ledger): Promise<{ libreoffice: unknown[]; core: unknown[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zg-page-lo-'));
  try {
    const out = readFileSync(await recalculate(saved, dir));
    const parts = unzipXlsx(out);
    const sheet = worksheets(parts).find((s) => s.name === DASHBOARD_SHEET)!;
    const cells = workbookReader(parts).cellsOf(sheet.path);
    // The dashboard's cells sit where the template put them, sized for the ledger it was written with.
    const t = dashboardPlan(dashboardSlots(original)).cells.totals;
    const keys = ['problems', 'problemsDone', 'measures', 'measuresDone', 'problemsLongTerm', 'overdue', 'dueSoon'] as const;
    const at = (address: string) => {
      const a = parseA1(address)!;
      return cells.get(a.row, a.col)?.value ?? null;
    };
    const figures = dashboardFigures(ledger, ledger.round.asOf ?? AS_OF);
    const rate = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
    return {
      libreoffice: [...keys.map((k) => at(t[k])), rate(at(t.measureRate)), rate(at(t.problemRate))],
      core: [...keys.map((k) => figures[k]), rate(figures.measureRate), rate(figures.problemRate)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function check(input: string, saved: string, withLibreOffice: boolean): Promise<unknown> {
  const before = unzipXlsx(readFileSync(input));
  const after = unzipXlsx(readFileSync(saved));
  const changed = changedParts(before, after);
  const allowed = ledgerParts(before);
  const read = (file: string) => {
    const r = readLedgerFile(readFileSync(file), path.basename(file));
    if (isLedgerError(r)) throw new Error(r.message);
    return r.ledger;
  };
  return {
    changed,
    outside: changed.filter((p) => !allowed.has(p)),
    unchanged: Object.keys(before).length - changed.length,
    ledger: { problems: read(saved).problems.length, measures: read(saved).measures.length },
    status: Object.fromEntries(read(saved).measures.map((m) => [m.id, m.status])),
    figures: withLibreOffice ? await headline(saved, read(input), read(saved)) : null,
  };
}

/**
 * After 统计 and 写入新工作表: the parts changed beyond the ledger's own, 整改统计 and its drawing and
 * charts, and the new sheet with what a new sheet needs (workbook, its rels, content types, styles);
 * with --libreoffice, the 整改统计 cells LibreOffice computed otherwise than the core.
 */
async function sheets(input: string, saved: string, withLibreOffice: boolean): Promise<unknown> {
  const before = unzipXlsx(readFileSync(input));
  const after = unzipXlsx(readFileSync(saved));
  const allowed = ledgerParts(before);
  allowed.add(worksheets(before).find((s) => s.name === DASHBOARD_SHEET)!.path);
  const added = worksheets(after).filter((s) => !worksheets(before).some((b) => b.path === s.path));
  for (const s of added) allowed.add(s.path);
  for (const p of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']) allowed.add(p);
  const changed = changedParts(before, after);
  let wrong: string[] = [];
  let checked = 0;
  if (withLibreOffice) {
    const r = readLedgerFile(readFileSync(saved), path.basename(saved));
    if (isLedgerError(r)) throw new Error(r.message);
    const dir = mkdtempSync(path.join(tmpdir(), 'zg-page-lo-'));
    try {
      const out = unzipXlsx(readFileSync(await recalculate(saved, dir)));
      const cells = workbookReader(out).cellsOf(worksheets(out).find((s) => s.name === DASHBOARD_SHEET)!.path);
      const expected = dashboardExpected(r.ledger, r.ledger.round.asOf ?? AS_OF, dashboardSlots(r.ledger));
      checked = expected.size;
      wrong = [...expected].flatMap(([address, want]) => {
        const a = parseA1(address)!;
        const got = cells.get(a.row, a.col)?.value ?? '';
        const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want;
        return same ? [] : [`${address}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`];
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    outside: changed.filter((p) => !allowed.has(p) && !/^xl\/(charts\/chart\d+|drawings\/drawing\d+|drawings\/_rels\/drawing\d+\.xml)\.(xml|rels)$/.test(p)),
    sheets: worksheets(after).map((s) => s.name),
    wrong,
    checked,
  };
}

async function main(): Promise<void> {
  const [command, a, b, flag] = process.argv.slice(2);
  if (command === 'make') console.log(JSON.stringify(await make(a)));
  else if (command === 'check') console.log(JSON.stringify(await check(a, b, flag === '--libreoffice')));
  else if (command === 'sheets') console.log(JSON.stringify(await sheets(a, b, flag === '--libreoffice')));
  else throw new Error('usage: pageFiles.ts make <dir> | check|sheets <input> <saved> [--libreoffice]');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
