// The 分发/回收/催办 commands' contracts that need no other client: output lines, file names,
// refusals of bad arguments. (The whole loop through LibreOffice: test/distribute/loop.test.ts.)
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleLedger } from '../workbook/sample';
import { writeLedgerXlsx } from '../workbook/xlsxWriter';
import type { CliIo } from './io';
import { main } from './ledger';

jest.setTimeout(60_000);
const TODAY = '2026-12-06';

function io(out: string[], err: string[]): CliIo {
  return { out: (t) => void out.push(t), err: (t) => void err.push(t), today: () => TODAY, writeFile: (f, d) => writeFileSync(f, d), readFile: (f) => new Uint8Array(readFileSync(f)) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'zg-cli-distribute-'));
const ledgerFile = path.join(dir, '台账.xlsx');
beforeAll(async () => writeFileSync(ledgerFile, await writeLedgerXlsx(sampleLedger(TODAY))));

test('distribute writes one file per unit and prints one line per file', async () => {
  const out: string[] = [];
  const err: string[] = [];
  expect(await main(['distribute', ledgerFile, '-o', path.join(dir, 'out'), '--by', '责任单位'], io(out, err))).toBe(0);
  const lines = out.join('').trim().split('\n');
  expect(lines).toContain('办公室.xlsx\t4条措施');
  expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(lines.map((l) => l.split('\t')[0]).sort());
  expect(err.join('')).toBe(`已写出${lines.length}个文件到 ${path.join(dir, 'out')}\n`);
});

test.each([
  [['collect', ledgerFile, ledgerFile, '-o', ledgerFile], '-o 不能是输入文件'],
  [['collect', ledgerFile, '-o', path.join(dir, 'x.xlsx')], '请指定台账和交回的文件'],
  [['distribute', ledgerFile, '-o', path.join(dir, 'o'), '--by', '牵头单位'], '“--by”只能是 责任单位、责任领导、责任人'],
  [['remind', ledgerFile, '--days', '-1'], '“--days”后面要写0到365的整数天数'],
])('%j is refused', async (args, message) => {
  const err: string[] = [];
  expect(await main(args, io([], err))).toBe(1);
  expect(err.join('')).toContain(message);
});

test('remind prints a 督办提醒 per unit with overdue or due-soon items', async () => {
  const out: string[] = [];
  expect(await main(['remind', ledgerFile, '--as-of', TODAY], io(out, []))).toBe(0);
  const text = out.join('');
  expect(text.match(/^督办提醒$/gm)?.length).toBeGreaterThan(0);
  expect(text).toMatch(/（截止日期：\d{4}年\d{1,2}月\d{1,2}日，(已逾期\d+天，红灯|还剩\d+天，黄灯|今天到期，黄灯)）/);
});
