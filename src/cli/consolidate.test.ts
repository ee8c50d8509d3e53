import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { mergeSummary, summaryFigures, summaryUnits, type SummaryFigures } from '../ledger/consolidate';
import { isLedgerError } from '../ledger/errors';
import type { Ledger } from '../ledger/types';
import { generateLedger, sampleLedger } from '../workbook/sample';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_SHEET, summaryDashboardPlan } from '../workbook/summaryDashboard';
import { partText, unzipXlsx, worksheets } from '../workbook/xlsx/package';
import { readLedgerFile } from '../workbook/xlsx/readLedger';
import { readSummaryFile } from '../workbook/xlsx/readSummary';
import { dateStyles, parseA1, readSheetCells, sharedStrings } from '../workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../workbook/xlsxWriter';
import { describeWithLibreOffice, recalculate, SOFFICE_TIMEOUT_MS } from '../../test/support/libreoffice';
import { runConsolidate, type ConsolidateIo } from './consolidate';
import { CliError } from './io';

const NOW = new Date(2026, 2, 15, 9, 30, 0);

function memoryIo(files: Map<string, Uint8Array>): ConsolidateIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout, stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    writeFile: (f, d) => files.set(f, d),
    readFile: (f) => {
      const bytes = files.get(f);
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
      return bytes;
    },
    today: () => '2026-03-15',
    now: () => NOW,
  };
}

const withOrg = (ledger: Ledger, org: string): Ledger => ({ ...ledger, round: { ...ledger.round, org } });
const A = withOrg(sampleLedger('2026-03-15'), '清源县卫生健康委员会党组');
const B = withOrg(generateLedger(30, 7), '清源县教育局党组');
const B2 = withOrg(generateLedger(20, 8), '清源县教育局党组');
const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });

async function files(): Promise<Map<string, Uint8Array>> {
  return new Map([
    ['in/卫健委.xlsx', await writeLedgerXlsx(A)],
    ['in/教育局.xlsx', await writeLedgerXlsx(B)],
    ['in/教育局（第二版）.xlsx', await writeLedgerXlsx(B2)],
    ['in/整改报告.docx', docx],
  ]);
}

function summaryOf(bytes: Uint8Array | undefined) {
  if (!bytes) throw new Error('no output written');
  const s = readSummaryFile(bytes, '汇总.xlsx');
  if (isLedgerError(s)) throw new Error(s.message);
  return s;
}

function unitLedger(bytes: Uint8Array, fileName: string) {
  const u = readLedgerFile(bytes, fileName);
  if (isLedgerError(u)) throw new Error(u.message);
  return u;
}

describe('ledger consolidate', () => {
  test('two ledgers and a Word file: the ledgers are merged, the Word file reported and skipped (exit 2)', async () => {
    const fs = await files();
    const io = memoryIo(fs);
    const code = await runConsolidate(['in/卫健委.xlsx', 'in/整改报告.docx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], io);
    expect(code).toBe(2);
    const out = io.stdout.join('');
    expect(out).toContain('✓ 卫健委.xlsx → 清源县卫生健康委员会党组：12个问题，28条措施（新增）');
    expect(out).toContain('✗ 整改报告.docx：“整改报告.docx”不是 Excel 工作簿（.xlsx），无法读取，已跳过');
    expect(out).toContain('✓ 教育局.xlsx → 清源县教育局党组');
    expect(out.indexOf('卫健委.xlsx')).toBeLessThan(out.indexOf('整改报告.docx'));
    expect(out.indexOf('整改报告.docx')).toBeLessThan(out.indexOf('教育局.xlsx'));
    expect(io.stderr.join('')).toContain('有1个文件未能汇总');

    const written = summaryOf(fs.get('汇总.xlsx'));
    const expected = mergeSummary([], [unitLedger(fs.get('in/卫健委.xlsx')!, '卫健委.xlsx'), unitLedger(fs.get('in/教育局.xlsx')!, '教育局.xlsx')], '2026-03-15 09:30:00').rows;
    expect(written.rows).toEqual(expected);
    expect(written.sheets).toEqual(['汇总统计', '汇总']);
  });

  test('the same unit imported again replaces its rows in the existing summary (exit 0)', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    const io = memoryIo(fs);
    expect(await runConsolidate(['in/教育局（第二版）.xlsx', '-o', '汇总.xlsx'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('（替换“教育局.xlsx”的数据）');
    const rows = summaryOf(fs.get('汇总.xlsx')).rows;
    expect(summaryUnits(rows)).toEqual(['清源县卫生健康委员会党组', '清源县教育局党组']);
    expect(rows.filter((r) => r.sourceUnit === '清源县教育局党组').every((r) => r.sourceFile === '教育局（第二版）.xlsx')).toBe(true);
    expect(rows.filter((r) => r.measureId !== '')).toHaveLength(A.measures.length + B2.measures.length);
  });

  test('a 统计截止日期 typed on 汇总统计 survives the next run and is the date the figures count by', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    // What a user does in Excel: type a date into the input cell and save.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fs.get('汇总.xlsx')!) as unknown as ExcelJS.Buffer);
    wb.getWorksheet(SUMMARY_DASHBOARD_SHEET)!.getCell(SUMMARY_AS_OF_INPUT).value = new Date(Date.UTC(2026, 0, 31));
    fs.set('汇总.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(summaryOf(fs.get('汇总.xlsx')).asOf).toBe('2026-01-31');

    const io = memoryIo(fs);
    expect(await runConsolidate(['in/教育局.xlsx', '-o', '汇总.xlsx'], io)).toBe(0);
    const written = summaryOf(fs.get('汇总.xlsx'));
    expect(written.asOf).toBe('2026-01-31');
    const figures = summaryFigures(written.rows, '2026-01-31');
    expect(io.stdout.join('')).toContain(`合计（截至2026-01-31）：${figures.total.problems}个问题`);
    expect(summaryFigures(written.rows, '2026-03-15').total.overdue).not.toBe(figures.total.overdue);
  });

  test('nothing readable: no file is written (exit 2)', async () => {
    const fs = await files();
    const io = memoryIo(fs);
    await expect(runConsolidate(['in/整改报告.docx', 'in/没有这个文件.xlsx', '-o', '汇总.xlsx'], io)).rejects.toMatchObject({ code: 2 });
    expect(fs.has('汇总.xlsx')).toBe(false);
    expect(io.stdout.join('')).toContain('✗ 没有这个文件.xlsx：找不到文件或无法读取，已跳过');
  });

  test.each([
    [['in/卫健委.xlsx'], '请用 -o 指定汇总工作簿'],
    [['-o', '汇总.xlsx'], '请指定要汇总的台账文件'],
    [['in/卫健委.xlsx', '-o'], '“-o”后面要写汇总工作簿的文件名'],
    [['in/卫健委.xlsx', '--fast', '-o', 'x.xlsx'], '不认识的选项“--fast”'],
  ])('usage errors: %j', async (args, message) => {
    const error = await runConsolidate(args, memoryIo(await files())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code: 1 });
    expect((error as Error).message).toContain(message);
  });

  test('--help prints the usage', async () => {
    const io = memoryIo(new Map());
    expect(await runConsolidate(['--help'], io)).toBe(0);
    expect(io.stdout.join('')).toContain('consolidate <台账.xlsx>… -o 汇总.xlsx');
  });

  test('an output file that is not a summary workbook is never overwritten', async () => {
    const fs = await files();
    const before = fs.get('in/卫健委.xlsx');
    const error = await runConsolidate(['in/教育局.xlsx', '-o', 'in/卫健委.xlsx'], memoryIo(fs)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as Error).message).toContain('不是汇总工作簿');
    expect(fs.get('in/卫健委.xlsx')).toBe(before);
  });
});

describeWithLibreOffice('the summary workbook in LibreOffice', () => {
  test(
    'LibreOffice computes the 汇总统计 figures the core computes',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'zg-summary-'));
      try {
        const fs = await files();
        await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
        mkdirSync(path.join(dir, 'in'));
        const input = path.join(dir, 'in', '汇总.xlsx');
        writeFileSync(input, fs.get('汇总.xlsx')!);
        const parts = unzipXlsx(new Uint8Array(readFileSync(await recalculate(input, path.join(dir, 'out')))));
        const sheet = worksheets(parts).find((s) => s.name === '汇总统计')!;
        const cells = readSheetCells(partText(parts, sheet.path)!, sharedStrings(parts), dateStyles(parts));
        const value = (address: string) => {
          const at = parseA1(address)!;
          return cells.get(at.row, at.col)?.value ?? '';
        };
        const rows = summaryOf(fs.get('汇总.xlsx')).rows;
        const plan = summaryDashboardPlan(summaryUnits(rows));
        // 统计截止日期 is blank, so LibreOffice counts as of its today: the core is asked for the same day.
        const asOf = value(plan.cells.asOf) as number;
        const figures = summaryFigures(rows, new Date(Math.round((asOf - 25569) * 86400000)).toISOString().slice(0, 10));
        const check = (cellsOf: Record<string, string>, f: SummaryFigures) => {
          for (const [key, want] of Object.entries(f)) {
            const got = value(cellsOf[key]);
            if (want === null) expect({ key, got }).toEqual({ key, got: '' });
            else expect({ key, got: Math.abs((got as number) - want) < 1e-9 ? want : got }).toEqual({ key, got: want });
          }
        };
        plan.cells.units.forEach((u, i) => {
          expect(value(u.label)).toBe(figures.units[i].unit);
          check(u.figures, figures.units[i].figures);
        });
        check(plan.cells.total.figures, figures.total);
        expect(figures.total.measures).toBe(A.measures.length + B.measures.length);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SOFFICE_TIMEOUT_MS,
  );
});
