// The page's 统计 end to end: a ledger file opened in the file store, edited (a new 问题类别 and
// 责任单位 beyond the template's list, a status), 整改统计 refreshed and saved; LibreOffice opens the
// saved file, recalculates, and every figure of 整改统计 equals the core's. The save touched only the
// ledger rows, 变更记录 and the 整改统计 sheet (and its drawing and charts): every other part keeps its bytes.
// Also 汇总 into a file with no 汇总 table yet (new sheets, table part, names): 汇总统计 recalculates
// to summaryFigures. ZG_LO_PNG=<folder> renders the saved workbook to PNG for a look.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { mergeSummary, summaryFigures, type SummaryFigures } from '../../src/ledger/consolidate';
import { isLedgerError } from '../../src/ledger/errors';
import type { IsoDate, Ledger } from '../../src/ledger/types';
import { DASHBOARD_SHEET, dashboardSlots } from '../../src/workbook/dashboard';
import { dashboardExpected } from '../../src/workbook/dashboardValues';
import { sampleLedger } from '../../src/workbook/sample';
import { summaryDashboardPlan } from '../../src/workbook/summaryDashboard';
import { partText, relationshipsOf, setPartText, unzipXlsx, worksheets, zipXlsx } from '../../src/workbook/xlsx/package';
import { findTable, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { columnLetter, MEASURES, PROBLEMS } from '../../src/workbook/schema';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { rawEntries } from '../../src/workbook/xlsxStore/zipUpdate';
import { describeWithLibreOffice, recalculate, renderPng } from '../support/libreoffice';

jest.setTimeout(240_000);

const AS_OF: IsoDate = '2026-03-15';
const DAY: IsoDate = '2026-03-10';
const now = () => new Date(2026, 2, 15, 9, 0, 0);

function open(bytes: Uint8Array): FileStore {
  const store = openFileStore(bytes, '整改台账.xlsx', { now });
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
}

/** A cell's value as LibreOffice left it (a formula's cached result, else the constant); dates as serials. */
function plain(cell: ExcelJS.Cell): string | number {
  const v = cell.formula ? cell.result : cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Math.round(v.getTime() / 86_400_000 + 25_569);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  return JSON.stringify(v);
}

function wrongCells(sheet: ExcelJS.Worksheet, expected: ReadonlyMap<string, string | number>): string[] {
  const wrong: string[] = [];
  for (const [address, want] of expected) {
    const got = plain(sheet.getCell(address));
    const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want;
    if (!same) wrong.push(`${address}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
  }
  return wrong;
}

async function recalculated(dir: string, name: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const input = path.join(dir, 'in', name);
  mkdirSync(path.dirname(input), { recursive: true });
  writeFileSync(input, bytes);
  if (process.env.ZG_LO_PNG) console.log(name, 'rendered to', await renderPng(input, process.env.ZG_LO_PNG));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await recalculate(input, path.join(dir, 'out'))) as unknown as ExcelJS.Buffer);
  return book;
}

describeWithLibreOffice('the file store\'s 整改统计 and 汇总统计, recalculated by LibreOffice, equal the core', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'zg-lo-file-sheets-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('refresh after edits: every 整改统计 cell agrees; only the edited sheets and 整改统计 changed', async () => {
    const sample = sampleLedger(DAY);
    const input = await writeLedgerXlsx({ ...sample, round: { ...sample.round, asOf: AS_OF } });
    const store = open(input);
    // More 责任单位 than the template's 12 slots, a new 问题类别, and a status: the layout must grow.
    const units = Array.from({ length: 14 }, (_, i) => `新增单位${i + 1}`);
    await store.addProblem(
      { sourceNumber: '', category: '新增方面', description: '新问题', source: '巡察反馈', leader: '', leadUnit: '', note: '' },
      units.map((unit, i) => ({ text: `措施${i + 1}`, leader: '', unit, coUnits: '', owner: '', deadlineText: '', deadline: i % 2 ? '2026-03-01' : '2026-03-20', status: '正在推进', longTerm: false, note: '' })),
    );
    await store.setStatus('P001-M01', '已完成', '2026-03-12');
    const report = await store.refreshDashboard();
    expect(report).toMatchObject({ sheet: DASHBOARD_SHEET, created: false });
    const ledger: Ledger = await store.load();
    const { bytes, parts } = store.save();

    const before = unzipXlsx(input);
    const sheetOf = (name: string) => worksheets(before).find((s) => s.name === name)!.path;
    const allowed = new Set([sheetOf('问题清单'), sheetOf('整改台账'), sheetOf('变更记录'), sheetOf(DASHBOARD_SHEET)]);
    const touched = parts.filter((p) => !allowed.has(p) && !/^xl\/(tables\/table\d+|charts\/chart\d+|drawings\/drawing\d+)\.xml$/.test(p));
    expect(touched).toEqual([]);
    const rawBefore = rawEntries(input)!;
    const rawAfter = rawEntries(bytes)!;
    expect([...rawAfter.keys()]).toEqual([...rawBefore.keys()]);
    for (const [name, entry] of rawBefore) {
      if (!parts.includes(name)) expect([name, Buffer.compare(Buffer.from(rawAfter.get(name)!.data), Buffer.from(entry.data))]).toEqual([name, 0]);
    }
    for (const kept of ['xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/sharedStrings.xml']) expect(parts).not.toContain(kept);

    const book = await recalculated(dir, '整改台账-统计.xlsx', bytes);
    const expected = dashboardExpected(ledger, AS_OF, dashboardSlots(ledger));
    expect(expected.size).toBeGreaterThan(100);
    expect(wrongCells(book.getWorksheet(DASHBOARD_SHEET)!, expected)).toEqual([]);
  });

  test('a ledger from before the roll-up helper columns gets them with 统计, rows added afterwards too; every 整改统计 cell agrees', async () => {
    const sample = sampleLedger(DAY);
    const old = withoutHelpers(await writeLedgerXlsx({ ...sample, round: { ...sample.round, asOf: AS_OF } }));
    expect(findTable(tablesOf(unzipXlsx(old)), PROBLEMS.table)!.columns.at(-1)).toBe('备注');
    const store = open(old);
    await store.refreshDashboard();
    await store.addProblem(
      { sourceNumber: '', category: '新增方面', description: '刷新后新增的问题', source: '巡察反馈', leader: '', leadUnit: '', note: '' },
      [{ text: '新措施', leader: '', unit: '办公室', coUnits: '', owner: '', deadlineText: '', deadline: '2026-03-01', status: '已完成', longTerm: true, note: '' }],
    );
    const ledger = await store.load();
    const { bytes } = store.save();
    const parts = unzipXlsx(bytes);
    for (const def of [PROBLEMS, MEASURES]) expect(findTable(tablesOf(parts), def.table)!.columns).toEqual(def.columns.map((c) => c.header));
    const book = await recalculated(dir, '旧台账-统计.xlsx', bytes);
    expect(wrongCells(book.getWorksheet(DASHBOARD_SHEET)!, dashboardExpected(ledger, AS_OF, dashboardSlots(ledger)))).toEqual([]);
  });

  test('汇总 into a ledger file without a 汇总 table: the new sheets open, and 汇总统计 agrees with summaryFigures', async () => {
    const store = open(await writeLedgerXlsx(sampleLedger(DAY)));
    const a = sampleLedger(DAY);
    const b: Ledger = { ...a, measures: a.measures.map((m, i) => (i % 3 === 0 ? { ...m, status: '已完成', doneDate: DAY } : m)) };
    const units = [{ unit: '甲单位', fileName: '甲.xlsx', ledger: a }, { unit: '=乙单位', fileName: '乙.xlsx', ledger: b }];
    const report = await store.consolidate(units);
    expect(report).toMatchObject({ sheet: '汇总', unitCount: 2 });
    const { bytes } = store.save();
    // The 统计截止日期 is typed on the sheet (a blank would count as of the machine's today).
    const typed = open(bytes);
    const book = await recalculated(dir, '汇总.xlsx', await withAsOf(bytes));
    expect(typed.warnings).toEqual([]);
    const rows = mergeSummary([], units, '2026-03-15 09:00:00').rows;
    const plan = summaryDashboardPlan(['甲单位', '=乙单位']);
    const sheet = book.getWorksheet('汇总统计')!;
    const expected = new Map<string, string | number>();
    const figures = summaryFigures(rows, AS_OF);
    const put = (cells: (typeof plan.cells.units)[number], f: SummaryFigures) => {
      for (const key of ['problems', 'problemsDone', 'measures', 'measuresDone', 'overdue', 'dueSoon', 'problemsLongTerm'] as const) expected.set(cells.figures[key], f[key]);
    };
    plan.cells.units.forEach((cells, i) => {
      expected.set(cells.label, units[i].unit);
      put(cells, figures.units.find((u) => u.unit === units[i].unit)!.figures);
    });
    put(plan.cells.total, figures.total);
    expect(wrongCells(sheet, expected)).toEqual([]);
    expect(book.getWorksheet('汇总')!.getCell('A2').value).toBe('甲单位');
  });
});

/** The saved 汇总 workbook with AS_OF typed into 汇总统计's 统计截止日期, as a user would. */
async function withAsOf(bytes: Uint8Array): Promise<Uint8Array> {
  const { isoToSerial } = await import('../../src/ledger/dates');
  const parts = unzipXlsx(bytes);
  const path = worksheets(parts).find((s) => s.name === '汇总统计')!.path;
  setPartText(parts, path, partText(parts, path)!.replace(/<c r="B2"( s="\d+")?\/>/, `<c r="B2"$1><v>${isoToSerial(AS_OF)}</v></c>`));
  return zipXlsx(parts);
}

/** The file as a ledger made before the helper columns: each table ends at its 备注 column. */
function withoutHelpers(bytes: Uint8Array): Uint8Array {
  const parts = unzipXlsx(bytes);
  for (const def of [PROBLEMS, MEASURES]) {
    const table = findTable(tablesOf(parts), def.table)!;
    const keep = def.columns.findIndex((c) => c.header === '备注') + 1;
    const tablePart = relationshipsOf(parts, table.sheet.path).find((r) => r.type.endsWith('/table') && partText(parts, r.target)!.includes(`name="${def.table}"`))!.target;
    let columns = 0;
    const xml = partText(parts, tablePart)!
      .replace(/<tableColumn [^>]*?(?:\/>|>[\s\S]*?<\/tableColumn>)/g, (m) => (++columns <= keep ? m : ''))
      .replace(/<tableColumns count="\d+"/, `<tableColumns count="${keep}"`)
      .replace(/ref="A1:[A-Z]+(\d+)"/g, `ref="A1:${columnLetter(keep - 1)}$1"`);
    setPartText(parts, tablePart, xml);
    const beyond = (ref: string) => /^[A-Z]+/.exec(ref)![0].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) > keep;
    setPartText(parts, table.sheet.path, partText(parts, table.sheet.path)!.replace(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (m, ref: string) => (beyond(ref) ? '' : m)));
  }
  return zipXlsx(parts);
}
