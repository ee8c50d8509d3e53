import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { mergeSummary, placeExtraColumns, summaryFigures, summaryUnits, type SummaryFigures } from '../ledger/consolidate';
import { isLedgerError } from '../ledger/errors';
import type { Ledger } from '../ledger/types';
import { generateLedger, sampleLedger } from '../workbook/sample';
import { SUMMARY_AS_OF_INPUT, SUMMARY_DASHBOARD_SHEET, summaryDashboardPlan } from '../workbook/summaryDashboard';
import { DATE_FORMAT, SUMMARY, columnLetter } from '../workbook/schema';
import { writeSummaryXlsx } from '../workbook/summaryXlsx';
import { encodeXml, partText, setPartText, unzipXlsx, worksheets, zipXlsx } from '../workbook/xlsx/package';
import { readLedgerFile } from '../workbook/xlsx/readLedger';
import { readSummaryFile } from '../workbook/xlsx/readSummary';
import { dateStyles, parseA1, readSheetCells, sharedStrings } from '../workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../workbook/xlsxWriter';
import { describeWithLibreOffice, recalculate, SOFFICE_TIMEOUT_MS } from '../../test/support/libreoffice';
import { runConsolidate, type ConsolidateIo } from './consolidate';
import { CliError } from './io';
import { excelJsInput } from '../../test/support/excelJs';

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

/**
 * What a 巡察办 does in Excel: adds a column to the 汇总 table and types into some of its rows (by
 * sheet row, 1-based). Done on the file's XML, as Excel would save it: ExcelJS cannot add a column
 * to a table it has loaded. `style`: the cell style (s) of the values, e.g. a date style.
 */
function addColumnByHand(bytes: Uint8Array, header: string, values: ReadonlyMap<number, string | number>, style?: string): Uint8Array {
  const parts = unzipXlsx(bytes);
  const tablePath = Object.keys(parts).find((p) => p.startsWith('xl/tables/') && partText(parts, p)!.includes('name="ZG_Summary"'))!;
  const table = partText(parts, tablePath)!;
  const count = Number(/<tableColumns count="(\d+)"/.exec(table)![1]);
  const letter = columnLetter(count);
  setPartText(parts, tablePath, table
    .replace(/ref="A1:[A-Z]+(\d+)"/g, `ref="A1:${letter}$1"`)
    .replace(/<tableColumns count="\d+">/, `<tableColumns count="${count + 1}">`)
    .replace('</tableColumns>', `<tableColumn id="${count + 1}" name="${encodeXml(header)}"/></tableColumns>`));
  const sheetPath = worksheets(parts).find((w) => w.name === '汇总')!.path;
  let sheet = partText(parts, sheetPath)!;
  const put = (row: number, cell: string) => {
    const at = new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`);
    if (!at.test(sheet)) throw new Error(`no row ${row}`);
    sheet = sheet.replace(at, `$1${cell}$2`);
  };
  put(1, `<c r="${letter}1" t="inlineStr"><is><t>${encodeXml(header)}</t></is></c>`);
  for (const [row, v] of values) {
    const s = style ? ` s="${style}"` : '';
    put(row, typeof v === 'number' ? `<c r="${letter}${row}"${s}><v>${v}</v></c>` : `<c r="${letter}${row}"${s} t="inlineStr"><is><t>${encodeXml(v)}</t></is></c>`);
  }
  setPartText(parts, sheetPath, sheet);
  return zipXlsx(parts);
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

  test('two files of one unit in one batch: only the later is marked ✓, the earlier is said to be left out', async () => {
    // Without --replace the run stops and names the pair (see 'two files of one unit in the same run also need --replace').
    const fs = await files();
    const io = memoryIo(fs);
    expect(await runConsolidate(['in/教育局.xlsx', 'in/教育局（第二版）.xlsx', '-o', '汇总.xlsx', '--replace'], io)).toBe(0);
    const lines = io.stdout.join('').split('\n');
    const first = lines.find((l) => l.includes('教育局.xlsx →')) ?? '';
    expect(first).not.toContain('✓');
    expect(first).toContain('同一单位的“教育局（第二版）.xlsx”在后，按它汇总，本文件未计入');
    expect(lines.filter((l) => l.includes('✓'))).toEqual([expect.stringContaining('✓ 教育局（第二版）.xlsx → 清源县教育局党组')]);
  });

  test('the same unit imported again replaces its rows in the existing summary (exit 0)', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    const io = memoryIo(fs);
    expect(await runConsolidate(['in/教育局（第二版）.xlsx', '-o', '汇总.xlsx', '--replace'], io)).toBe(0);
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
    await wb.xlsx.load(excelJsInput(fs.get('汇总.xlsx')!));
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

  test('columns the 巡察办 added to 汇总 are read by row identity and written back after the schema columns, on the same rows', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    const first = summaryOf(fs.get('汇总.xlsx'));
    expect(first.extra.headers).toEqual([]);
    const sheetRow = (unit: string, measureId: string) => 2 + first.rows.findIndex((r) => r.sourceUnit === unit && r.measureId === measureId);
    const [wjw, jyj] = ['清源县卫生健康委员会党组', '清源县教育局党组'];
    // P010-M04 and P011-M01 are in the first 教育局 ledger only; P001-M01 in both.
    const notes = new Map<number, string | number>([
      [sheetRow(wjw, 'P001-M01'), '已核实'], [sheetRow(jyj, 'P001-M01'), '=1+1'], [sheetRow(jyj, 'P011-M01'), '待核查'], [sheetRow(jyj, 'P010-M04'), 7],
    ]);
    // The date style the writer gives 截止日期 (column O), for a 核查日期 typed as a date.
    const dateStyle = /<c r="O2" s="(\d+)"/.exec(partText(unzipXlsx(fs.get('汇总.xlsx')!), worksheets(unzipXlsx(fs.get('汇总.xlsx')!)).find((w) => w.name === '汇总')!.path)!)![1];
    let edited = addColumnByHand(fs.get('汇总.xlsx')!, '核查意见', notes);
    edited = addColumnByHand(edited, '核查日期', new Map([[sheetRow(jyj, 'P001-M01'), 46100]]), dateStyle);

    const read = summaryOf(edited);
    expect(read.rows).toEqual(first.rows);
    expect(read.extra.headers).toEqual(['核查意见', '核查日期']);
    expect(read.extra.formats).toEqual([null, DATE_FORMAT]);

    // 教育局 sent again (fewer measures), then the file rewritten with the extra columns.
    const merged = mergeSummary(read.rows, [unitLedger(fs.get('in/教育局（第二版）.xlsx')!, '教育局（第二版）.xlsx')], '2026-03-16 10:00:00').rows;
    const back = summaryOf(await writeSummaryXlsx(merged, read.asOf, read.extra));
    expect(back.rows).toEqual(merged);
    expect(back.extra.headers).toEqual(['核查意见', '核查日期']);
    expect(back.extra.formats).toEqual([null, DATE_FORMAT]);
    const placed = placeExtraColumns(back.extra, back.rows);
    const typed = back.rows.flatMap((r, i) => (placed[i]?.some((v) => v !== '') ? [[r.sourceUnit, r.measureId, r.sourceFile, ...placed[i]!]] : []));
    expect(typed).toEqual([
      [wjw, 'P001-M01', '卫健委.xlsx', '已核实', ''],
      // The re-imported unit's row (new file) keeps its note and date; the note typed as “=1+1” is text.
      [jyj, 'P001-M01', '教育局（第二版）.xlsx', '=1+1', 46100],
    ]);
  });

  test('a re-run keeps what the 巡察办 typed into their own columns of 汇总 (on the rows still there)', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    const rows = summaryOf(fs.get('汇总.xlsx')).rows;
    const sheetRow = (unit: string, measureId: string) => 2 + rows.findIndex((r) => r.sourceUnit === unit && r.measureId === measureId);
    const [wjw, jyj] = ['清源县卫生健康委员会党组', '清源县教育局党组'];
    fs.set('汇总.xlsx', addColumnByHand(fs.get('汇总.xlsx')!, '核查意见', new Map([
      [sheetRow(wjw, 'P002-M01'), '已核实'], [sheetRow(jyj, 'P002-M01'), '乙的意见'], [sheetRow(jyj, 'P011-M01'), '随措施删除'],
    ])));
    expect(await runConsolidate(['in/教育局（第二版）.xlsx', '-o', '汇总.xlsx', '--replace'], memoryIo(fs))).toBe(0);
    const written = summaryOf(fs.get('汇总.xlsx'));
    expect(written.extra.headers).toEqual(['核查意见']);
    const placed = placeExtraColumns(written.extra, written.rows);
    expect(written.rows.flatMap((r, i) => (placed[i]?.[0] ? [[r.sourceUnit, r.measureId, placed[i]![0]]] : []))).toEqual([
      [wjw, 'P002-M01', '已核实'],
      [jyj, 'P002-M01', '乙的意见'],
    ]);
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
        // Units whose names a COUNTIFS criterion would misread: a wildcard matching both others, an operator, a formula.
        const odd = ['清源县*党组', '<待定>', '=1+1'];
        for (const [i, name] of odd.entries()) fs.set(`in/odd${i}.xlsx`, await writeLedgerXlsx(withOrg(generateLedger(9 + i, 30 + i), name)));
        await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', ...odd.map((_, i) => `in/odd${i}.xlsx`), '-o', '汇总.xlsx'], memoryIo(fs));
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
        expect(figures.units.map((u) => u.unit)).toEqual(['清源县卫生健康委员会党组', '清源县教育局党组', ...odd]);
        expect(figures.total.measures).toBe(A.measures.length + B.measures.length + odd.reduce((n, _, i) => n + generateLedger(9 + i, 30 + i).measures.length, 0));
        expect(value(plan.cells.check)).toBe('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SOFFICE_TIMEOUT_MS,
  );
});

describe('a re-run never destroys what the 巡察办 added, and never replaces a unit silently', () => {
  async function edited(fs: Map<string, Uint8Array>, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(fs.get('汇总.xlsx')!));
    edit(wb);
    fs.set('汇总.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  test.each([
    ['a formula in their own 核查意见 column', (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet('汇总')!;
      ws.getCell(3, SUMMARY.columns.length + 1).value = { formula: 'IF(A3="","",A3&"：待核")', result: '' };
    }, /“汇总”表[A-Z]+3（第3行，核查意见）：公式/],
    ['a note typed below the 汇总 table', (wb: ExcelJS.Workbook) => {
      wb.getWorksheet('汇总')!.getCell('B400').value = '备注：乙单位材料待补';
    }, /“汇总”表B400（第400行）/],
    ['a note typed beside the 汇总统计 figures', (wb: ExcelJS.Workbook) => {
      wb.getWorksheet(SUMMARY_DASHBOARD_SHEET)!.getCell('T40').value = '已向领导汇报';
    }, /“汇总统计”表T40（第40行）/],
  ])('%s: refused before writing, the cell named, exit 1', async (_, edit, named) => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    fs.set('汇总.xlsx', addColumnByHand(fs.get('汇总.xlsx')!, '核查意见', new Map([[2, '已核实']])));
    await edited(fs, edit);
    const before = fs.get('汇总.xlsx');
    const io = memoryIo(fs);
    const error = await runConsolidate(['in/教育局.xlsx', '-o', '汇总.xlsx'], io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe(1);
    expect((error as CliError).message).toMatch(named);
    expect((error as CliError).message).toContain('未写出文件');
    expect(fs.get('汇总.xlsx')).toBe(before);
    expect(io.stdout.join('')).not.toContain('✓');
  });

  test('a file carrying another unit’s 被巡察单位: who replaces whom, nothing written without --replace', async () => {
    const fs = await files();
    await runConsolidate(['in/卫健委.xlsx', 'in/教育局.xlsx', '-o', '汇总.xlsx'], memoryIo(fs));
    const before = fs.get('汇总.xlsx');
    fs.set('in/乙单位.xlsx', await writeLedgerXlsx(withOrg(generateLedger(5, 9), '清源县教育局党组')));
    const io = memoryIo(fs);
    await expect(runConsolidate(['in/乙单位.xlsx', '-o', '汇总.xlsx'], io)).rejects.toMatchObject({ code: 1 });
    expect(io.stdout.join('')).toContain('“乙单位.xlsx”的被巡察单位是“清源县教育局党组”，会替换“教育局.xlsx”报来的“清源县教育局党组”数据');
    expect(fs.get('汇总.xlsx')).toBe(before);
    expect(await runConsolidate(['in/乙单位.xlsx', '-o', '汇总.xlsx', '--replace'], memoryIo(fs))).toBe(0);
  });

  test('two files of one unit in the same run also need --replace', async () => {
    const fs = await files();
    await expect(runConsolidate(['in/教育局.xlsx', 'in/教育局（第二版）.xlsx', '-o', '汇总.xlsx'], memoryIo(fs))).rejects.toMatchObject({ code: 1 });
    expect(fs.has('汇总.xlsx')).toBe(false);
  });
});
