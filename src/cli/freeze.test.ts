// `ledger freeze`: writes the send copy next to the input (or to -o), prints what it replaced per
// sheet in Chinese, and refuses bad arguments and non-workbooks with exit codes 1 and 2.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FROZEN, MEASURES, STATS, zgWorkbook } from '../../test/workbook/zgWorkbook';
import { freezeZgFormulas } from '../workbook/xlsx/freeze';
import { runFreeze } from './freeze';
import { CliError, type CliIo } from './io';
import { excelJsInput } from '../../test/support/excelJs';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const fake: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    writeFile: (f, d) => files.set(f, d),
    readFile: (f) => new Uint8Array(readFileSync(f)),
    today: () => '2024-06-30',
  };
  return { fake, out, err, files };
}

/** The CliError a run ends with (the lead's main() prints it as “错误：…” and exits with its code). */
async function failure(args: string[], fake: CliIo): Promise<CliError> {
  try {
    await runFreeze(args, fake);
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('runFreeze did not fail');
}

let dir: string;
let input: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-freeze-'));
  input = path.join(dir, '清源县卫健委整改台账.xlsx');
  writeFileSync(input, await zgWorkbook());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger freeze', () => {
  test('writes 原名（发送副本）.xlsx beside the input and says what it replaced, sheet by sheet', async () => {
    const { fake, out, files } = io();
    expect(await runFreeze([input], fake)).toBe(0);
    const copy = path.join(dir, '清源县卫健委整改台账（发送副本）.xlsx');
    expect([...files.keys()]).toEqual([copy]);
    const text = out.join('');
    expect(text).toContain(`已写出 ${copy}：${FROZEN.length}个 ZG.* 公式已替换为数值`);
    expect(text).toContain(`  ${MEASURES}：3个\n  ${STATS}：${FROZEN.length - 3}个\n`);
    expect(text).toContain(`提示：以下单元格的 ZG.* 公式在原工作簿中没有算出结果，副本中为空白或 #NAME?：${STATS}!E1、${STATS}!E3`);
    expect(text).toContain('已删除使用 ZG.* 函数的名称：ZG_Rate');
    // The file written is the frozen workbook: it loads, and a ZG cell holds its value.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(files.get(copy)!));
    expect(wb.getWorksheet(STATS)!.getCell('B1').value).toBe(0.75);
  });

  test('-o names the copy', async () => {
    const { fake, files } = io();
    const target = path.join(dir, 'out', '发给被巡察单位.xlsx');
    expect(await runFreeze([input, '-o', target], fake)).toBe(0);
    expect([...files.keys()]).toEqual([target]);
  });

  test('a workbook without ZG formulas is copied as it is, and said so', async () => {
    const plain = path.join(dir, '空白台账.xlsx');
    const frozen = freezeZgFormulas(readFileSync(input));
    if ('tag' in frozen) throw new Error(frozen.message);
    writeFileSync(plain, frozen.bytes);
    const { fake, out, files } = io();
    expect(await runFreeze([plain], fake)).toBe(0);
    expect(out.join('')).toContain('“空白台账.xlsx”中没有 ZG.* 公式，副本与原工作簿内容相同');
    expect(Buffer.compare(Buffer.from(files.values().next().value!), Buffer.from(frozen.bytes))).toBe(0);
  });

  test('--help prints the usage', async () => {
    const { fake, out } = io();
    expect(await runFreeze(['--help'], fake)).toBe(0);
    expect(out.join('')).toContain('ledger -- freeze <台账.xlsx> [-o 副本.xlsx]');
  });

  test.each([
    [[], 1, '请指定工作簿'],
    [['a.xlsx', 'b.xlsx'], 1, '多余的参数“b.xlsx”'],
    [['a.xlsx', '--json'], 1, '不认识的选项“--json”'],
    [['a.xlsx', '-o'], 1, '“-o”后面要写副本的文件名'],
    [['a.xlsx', '-o', './a.xlsx'], 1, '副本不能覆盖原工作簿'],
    [['没有这个文件.xlsx'], 1, '找不到文件：没有这个文件.xlsx'],
  ])('%p → exit %p: %s', async (args, code, message) => {
    const { fake, files } = io();
    const e = await failure(args, fake);
    expect([e.code, e.message]).toEqual([code, expect.stringContaining(message)]);
    expect(files.size).toBe(0);
  });

  test('a folder, a text file and an old .xls are refused with the reason', async () => {
    const folder = path.join(dir, '文件夹.xlsx');
    mkdirSync(folder);
    const text = path.join(dir, '通报.xlsx');
    writeFileSync(text, '巡察反馈意见');
    const xls = path.join(dir, '旧台账.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const { fake, files } = io();
    expect(await failure([folder], fake)).toMatchObject({ code: 1, message: expect.stringContaining('是文件夹') });
    expect(await failure([text], fake)).toMatchObject({ code: 2, message: expect.stringContaining('“通报.xlsx”不是 Excel 工作簿') });
    expect(await failure([xls], fake)).toMatchObject({ code: 2, message: expect.stringContaining('旧版 Excel 文件') });
    expect(files.size).toBe(0);
  });
});
