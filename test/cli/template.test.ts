// `ledger template`: a blank or sample ledger workbook with the 整改统计 sheet, Chinese usage errors.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CliIo } from '../../src/cli/io';
import { runTemplate } from '../../src/cli/template';
import { isoToSerial } from '../../src/ledger/dates';
import { DASHBOARD_SHEET, dashboardPlan, MIN_SLOTS } from '../../src/workbook/dashboard';
import { isLedgerError } from '../../src/ledger/errors';
import { INFO_SHEET, MEASURES, PROBLEMS } from '../../src/workbook/schema';
import { readLedgerFile } from '../../src/workbook/xlsx/readLedger';
import { excelJsInput } from '../support/excelJs';

jest.setTimeout(30_000);

function io(writeFile?: CliIo['writeFile']) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const fake: CliIo = {
    out: (t) => out.push(t), err: (t) => err.push(t), writeFile: writeFile ?? ((f, d) => files.set(f, d)),
    readFile: () => { throw new Error('not used'); }, today: () => '2026-11-22',
  };
  return { fake, out, err, files };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excelJsInput(bytes));
  return wb;
}

async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

const headerColumn = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

describe('ledger template', () => {
  test('--sample --as-of: the sample ledger, the as-of date in 巡察信息, the dashboard with array formulas', async () => {
    const { fake, files, err } = io();
    expect(await runTemplate(['台账.xlsx', '--sample', '--as-of', '2026-11-22'], fake)).toBe(0);
    expect(err.join('')).toContain('已写出 台账.xlsx（示例台账：12个问题，28条措施');
    const bytes = files.get('台账.xlsx')!;
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INFO_SHEET, PROBLEMS.sheet, MEASURES.sheet, DASHBOARD_SHEET, '节假日', '变更记录']);

    const measures = wb.getWorksheet(MEASURES.sheet)!;
    expect(Object.keys((measures as unknown as { tables: Record<string, unknown> }).tables)).toEqual([MEASURES.table]);
    expect(measures.rowCount).toBe(29);
    const status = measures.getRow(2).getCell(headerColumn(measures, '整改状态'));
    expect(status.dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,正在推进,部分完成,基本完成,已完成"'] });

    const asOf = wb.getWorksheet(INFO_SHEET)!.getCell('B10').value as Date;
    expect(asOf.getTime() / 86_400_000 + 25569).toBe(isoToSerial('2026-11-22'));

    const { layout, cells } = dashboardPlan(MIN_SLOTS);
    const dashboard = wb.getWorksheet(DASHBOARD_SHEET)!;
    expect(dashboard.getCell(cells.asOf).value).toEqual({ formula: 'IF(ZG_AsOf="",TODAY(),ZG_AsOf)' });
    const label = cells.categories.slots[0].label;
    expect(dashboard.getCell(label).value).toMatchObject({ shareType: 'array', ref: label, formula: String(layout.cells.find((c) => c.address === label)!.value).slice(1) });
    expect(dashboard.getCell(cells.totals.measureRate).numFmt).toBe('0.00%');

    const xml = await sheetXml(bytes, DASHBOARD_SHEET);
    const arrays = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f t="array" ref="([A-Z]+\d+)">/g)];
    expect(arrays.length).toBe(layout.cells.filter((c) => c.array).length);
    expect(arrays.every(([, at, ref]) => at === ref)).toBe(true);
    expect(xml).toContain('<drawing r:id=');
    const workbookXml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test('blank: empty tables (one blank row each), ZG_AsOf left blank, the dashboard and its charts', async () => {
    const { fake, files, err } = io();
    expect(await runTemplate(['out/blank.XLSX'], fake)).toBe(0);
    expect(err.join('')).toContain('空白台账');
    const bytes = files.get('out/blank.XLSX')!;
    const wb = await load(bytes);
    const problems = wb.getWorksheet(PROBLEMS.sheet)!;
    expect(problems.getRow(2).getCell(1).value).toBeNull();
    expect(wb.getWorksheet(INFO_SHEET)!.getCell('B10').value).toBeNull();
    expect(wb.getWorksheet(DASHBOARD_SHEET)!.getCell('B7').value).toMatchObject({ formula: expect.stringContaining('COUNTIFS(ZG_Problems[问题编号]') });
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(3);
  });

  test('--org fills 被巡察单位, which is what 汇总 tells units apart by; without it 汇总 refuses the file', async () => {
    const { fake, files, err } = io();
    expect(await runTemplate(['教育局.xlsx', '--org', ' 中共清源县教育局党组 '], fake)).toBe(0);
    expect(err.join('')).toContain('被巡察单位：中共清源县教育局党组');
    const wb = await load(files.get('教育局.xlsx')!);
    expect(wb.getWorksheet(INFO_SHEET)!.getCell('B2').value).toBe('中共清源县教育局党组');
    const read = readLedgerFile(files.get('教育局.xlsx')!, '整改台账.xlsx');
    expect(isLedgerError(read) ? read.code : read.unit).toBe('中共清源县教育局党组');

    expect(await runTemplate(['空白.xlsx'], fake)).toBe(0);
    const blank = readLedgerFile(files.get('空白.xlsx')!, '整改台账.xlsx');
    expect(isLedgerError(blank) ? blank.code : blank.unit).toBe('unitMissing');
  });

  test('--sample --measures N: a generated ledger of N measures that reads back whole', async () => {
    const { fake, files, err } = io();
    expect(await runTemplate(['大台账.xlsx', '--sample', '--measures', '600', '--as-of', '2026-10-01'], fake)).toBe(0);
    expect(err.join('')).toMatch(/已写出 大台账\.xlsx（生成的示例台账：\d+个问题，600条措施/);
    const read = readLedgerFile(files.get('大台账.xlsx')!, '大台账.xlsx');
    if (isLedgerError(read)) throw new Error(read.code);
    expect(read.ledger.measures).toHaveLength(600);
    expect(read.ledger.round.asOf).toBe('2026-10-01');
    // Dated around the as-of day: some measures are overdue, some still ahead.
    const deadlines = read.ledger.measures.map((m) => m.deadline).filter((d): d is string => d !== null);
    expect(deadlines.some((d) => d < '2026-10-01') && deadlines.some((d) => d > '2026-10-01')).toBe(true);
  });

  test('--help prints the usage', async () => {
    const { fake, out, files } = io();
    expect(await runTemplate(['--help'], fake)).toBe(0);
    expect(out.join('')).toContain('template <输出文件.xlsx>');
    expect(files.size).toBe(0);
  });

  test.each([
    [[], '请指定输出文件'],
    [['台账.xls'], '输出文件名要以 .xlsx 结尾'],
    [['台账'], '输出文件名要以 .xlsx 结尾'],
    [['台账.xlsx', '--samples'], '不认识的选项“--samples”'],
    [['台账.xlsx', '--as-of'], '“--as-of”后面要写日期'],
    [['台账.xlsx', '--as-of', '2026-02-30'], '“--as-of”后面要写日期'],
    [['a.xlsx', 'b.xlsx'], '多余的参数“b.xlsx”'],
    [['a.xlsx', '--org'], '“--org”后面要写被巡察单位的名称'],
    [['a.xlsx', '--org', '  '], '“--org”后面要写被巡察单位的名称'],
    [['a.xlsx', '--sample', '--measures'], '“--measures”后面要写措施条数'],
    [['a.xlsx', '--sample', '--measures', '0'], '“--measures”后面要写措施条数'],
    [['a.xlsx', '--sample', '--measures', '1e3'], '“--measures”后面要写措施条数'],
    [['a.xlsx', '--sample', '--measures', '50001'], '“--measures”后面要写措施条数'],
    [['a.xlsx', '--measures', '100'], '“--measures”要与 --sample 一起用'],
  ])('%j is a usage error (exit code 1): %s', async (args, message) => {
    const { fake, files } = io();
    await expect(runTemplate(args, fake)).rejects.toMatchObject({ code: 1, message: expect.stringContaining(message) });
    expect(files.size).toBe(0);
  });

  test('a folder that does not exist is a file error with a Chinese message', async () => {
    const { fake } = io(() => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    });
    await expect(runTemplate(['无此目录/台账.xlsx'], fake)).rejects.toMatchObject({ code: 1, message: expect.stringMatching(/^无法写出“无此目录\/台账\.xlsx”：所在文件夹不存在/) });
  });
});

describe('help', () => {
  test('the overview (ledger --help) names every option each command’s own --help names', async () => {
    const { main } = await import('../../src/cli/ledger');
    const { TEMPLATE_HELP } = await import('../../src/cli/template');
    const { FREEZE_HELP } = await import('../../src/cli/freeze');
    const { CONSOLIDATE_HELP } = await import('../../src/cli/consolidate');
    const { REPORT_USAGE } = await import('../../src/cli/report');
    const { fake, out } = io();
    expect(await main(['--help'], fake)).toBe(0);
    const overview = out.join('');
    const lineOf = (command: string) => overview.split('\n').find((l) => l.includes(`ledger -- ${command} `)) ?? '';
    for (const [command, help] of [['template', TEMPLATE_HELP], ['freeze', FREEZE_HELP], ['consolidate', CONSOLIDATE_HELP], ['report', REPORT_USAGE]] as const) {
      const options = new Set(help.match(/--[a-z][a-z-]+/g) ?? []);
      options.delete('--silent');
      options.delete('--help');
      // `-o, --out` is named by its short form in the one-line overview.
      for (const option of options) expect(`${command}: ${lineOf(command).replace(/(^|\s|\[)-o\b/, '$1--out')}`).toContain(option);
    }
  });
});
