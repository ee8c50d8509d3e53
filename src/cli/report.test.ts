// `ledger report`: the 通报 of a saved ledger, as text and .docx, without Excel; Chinese errors and
// the documented exit codes (1 usage or missing file, 2 not a ledger).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { sampleLedger } from '../workbook/sample';
import { writeLedgerXlsx } from '../workbook/xlsxWriter';
import type { CliIo } from './io';
import { main } from './ledger';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const fake: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    writeFile: (f, d) => files.set(f, d),
    readFile: (f) => new Uint8Array(readFileSync(f)),
    today: () => '2026-12-06',
  };
  return { fake, out: () => out.join(''), err: () => err.join(''), files };
}

let dir: string;
let ledgerFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-report-'));
  ledgerFile = path.join(dir, '台账.xlsx');
  writeFileSync(ledgerFile, await writeLedgerXlsx(sampleLedger('2026-12-06')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger report', () => {
  test('prints the 通报 of the saved ledger, with no workflow in it', async () => {
    const r = io();
    expect(await main(['report', ledgerFile, '--as-of', '2026-12-06'], r.fake)).toBe(0);
    const text = r.out();
    expect(text.split('\n')[0]).toBe('中共清源县卫生健康委员会党组关于巡察整改情况的通报');
    expect(text).toContain('截至2026年12月6日，反馈问题12项');
    expect(text).toContain('整改到位率46.43%');
    expect(text).toContain('清退超标准接待费用1.26万元');
    expect(text).not.toMatch(/申请销号|退回|延期|佐证材料/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('2026年12月6日');
  });

  test('--as-of decides the figures; without it, 统计截止日期 or today', async () => {
    const later = io();
    await main(['report', ledgerFile, '--as-of', '2027-06-30'], later.fake);
    expect(later.out()).toContain('截至2027年6月30日');
    const today = io();
    await main(['report', ledgerFile], today.fake);
    expect(today.out()).toContain('截至2026年12月6日');
  });

  test('--docx writes a GB/T 9704 document; --text prints as well', async () => {
    const r = io();
    const out = path.join(dir, '通报.docx');
    expect(await main(['report', ledgerFile, '--docx', out, '--as-of', '2026-12-06'], r.fake)).toBe(0);
    expect(r.out()).toBe('');
    expect(r.err()).toContain(`已写出 ${out}`);
    const xml = strFromU8(unzipSync(r.files.get(out)!)['word/document.xml']);
    expect(xml).toContain('关于巡察整改情况的通报');
    expect(xml).not.toMatch(/申请销号|退回|延期/);
    const both = io();
    await main(['report', ledgerFile, '--docx', out, '--text'], both.fake);
    expect(both.out()).toContain('二、整改落实情况');
  });

  test('--help explains the command and its exit codes', async () => {
    const r = io();
    expect(await main(['report', '--help'], r.fake)).toBe(0);
    expect(r.out()).toContain('退出码：0 成功；1');
    const all = io();
    await main(['--help'], all.fake);
    expect(all.out()).toContain('ledger -- report <台账.xlsx>');
  });

  test.each<[string, string[], number, RegExp]>([
    ['no file', ['report'], 1, /请指定台账文件/],
    ['a missing file', ['report', 'nothere.xlsx'], 1, /找不到文件或无法读取：nothere\.xlsx/],
    ['an unknown option', ['report', 'x.xlsx', '--pdf'], 1, /不认识的选项“--pdf”/],
    ['--docx without a .docx name', ['report', 'x.xlsx', '--docx', 'out.doc'], 1, /“--docx”后面要写 \.docx 文件名/],
    ['an impossible date', ['report', 'x.xlsx', '--as-of', '2026-02-30'], 1, /日期“2026-02-30”不存在/],
    ['a malformed date', ['report', 'x.xlsx', '--as-of', '2026/12/06'], 1, /格式为 YYYY-MM-DD/],
  ])('%s (%j): exit %i with a Chinese message', async (_name, args, code, message) => {
    const r = io();
    expect(await main(args, r.fake)).toBe(code);
    expect(r.err()).toMatch(/^错误：/);
    expect(r.err()).toMatch(message);
  });

  test('a file that is not a ledger: exit 2', async () => {
    const notXlsx = path.join(dir, '说明.xlsx');
    writeFileSync(notXlsx, '不是工作簿');
    const r = io();
    expect(await main(['report', notXlsx], r.fake)).toBe(2);
    expect(r.err()).toMatch(/^错误：说明\.xlsx：/);
  });
});
