// The command line: JSON on stdout only, a workbook with -o, Chinese errors and exit codes 1/2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/ledger';
import type { CliIo } from '../../src/cli/io';
import { defaultFixtureDir } from '../../scripts/eval-import';
import { isLedgerError } from '../../src/ledger/errors';
import { openLedgerFile } from '../../src/workbook/xlsxStore/readFile';
import { REAL_DIR } from './unseen-score';

jest.setTimeout(30_000);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, Uint8Array>();
  const fake: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), writeFile: (f, d) => files.set(f, d), readFile: (f) => new Uint8Array(readFileSync(f)), today: () => '2024-01-01' };
  return { fake, out, err, files };
}

const fixture = path.join(defaultFixtureDir(), '004_6ea2e224f2d0a03a.txt');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-'));

describe('ledger import', () => {
  it('--json prints only the JSON of the import', async () => {
    const { fake, out, err } = io();
    expect(await main(['import', fixture, '--json'], fake)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(Object.keys(json)).toEqual(['round', 'problems', 'figures', 'warnings']);
    expect(json.round).toEqual({
      org: '中共清丰县紧密型县域医共体委员会',
      inspector: '县委第七巡察组',
      inspectionStart: '2022-04-11',
      inspectionEnd: '2022-06-10',
      feedbackDate: '2022-07-21',
      reportDate: '2022-10-18',
    });
    expect(json.problems).toHaveLength(5);
    expect(Object.keys(json.problems[0])).toEqual(['number', 'category', 'group', 'finding', 'status', 'longTerm', 'deadline', 'deadlineText', 'measures']);
    expect(json.problems[3]).toMatchObject({ status: '已完成', longTerm: true, deadline: '2022-12-31' });
    expect(json.figures).toContainEqual({ text: '纳入长期坚持15项', label: '纳入长期坚持问题数', value: 15, unit: '项' });
    expect(err).toEqual([]);
  });

  it('-o writes a ledger workbook', async () => {
    const { fake, files } = io();
    const target = path.join(tmp, 'ledger.xlsx');
    expect(await main(['import', fixture, '-o', target], fake)).toBe(0);
    const zip = await JSZip.loadAsync(files.get(target) as Uint8Array);
    const sheets = await zip.file('xl/workbook.xml')?.async('string');
    expect(sheets).toContain('问题清单');
    expect(sheets).toContain('整改台账');
  });

  it('-o keeps the figures of a figure-only text on 巡察信息, readable from the file', async () => {
    const { fake, files, err } = io();
    const target = path.join(tmp, 'figures.xlsx');
    expect(await main(['import', path.join(REAL_DIR, 'km-qu-jinzhan.txt'), '-o', target], fake)).toBe(0);
    expect(err.join('')).toMatch(/0个问题，\d+个通报数字（巡察信息）/);
    const opened = openLedgerFile(files.get(target) as Uint8Array, 'figures.xlsx');
    if (isLedgerError(opened)) throw new Error(opened.message);
    const figures = opened.model.ledger.round.figures ?? [];
    expect(figures).toContainEqual({ label: '反馈问题总数', value: 697, unit: '个' });
    expect(figures).toContainEqual({ label: '整改完成率', value: 98.71, unit: '%' });
    expect(new Set(figures.map((f) => f.label)).size).toBe(figures.length);
  });

  it('reads GBK text files', async () => {
    const { fake, out } = io();
    const gbk = path.join(tmp, 'gbk.txt');
    // "某局党组关于巡察整改情况的通报 / （1）制度执行不严格。/ 整改情况：已完成整改。/ 某局党组 / 2022年9月1日" in GBK.
    writeFileSync(gbk, Buffer.from('c4b3bed6b5b3d7e9b9d8d3dad1b2b2ecd5fbb8c4c7e9bff6b5c4cda8b1a80aa3a831a3a9d6c6b6c8d6b4d0d0b2bbd1cfb8f1a1a30ad5fbb8c4c7e9bff6a3bad2d1cdeab3c9d5fbb8c4a1a30ac4b3bed6b5b3d7e90a32303232c4ea39d4c231c8d5', 'hex'));
    expect(await main(['import', gbk, '--json'], fake)).toBe(0);
    expect(JSON.parse(out.join('')).problems[0].status).toBe('已完成');
  });

  it('reads Notepad "Unicode" (UTF-16 LE with BOM) and Big5 files', async () => {
    const text = '某局党组关于巡察整改情况的通报\n（1）制度执行不严格。\n整改情况：已完成整改。\n某局党组\n2022年9月1日\n';
    const utf16 = path.join(tmp, 'unicode.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const first = io();
    expect(await main(['import', utf16, '--json'], first.fake)).toBe(0);
    expect(JSON.parse(first.out.join('')).problems[0].status).toBe('已完成');
    // "某局黨組關於巡察整改情況的通報 / （1）制度執行不嚴格。/ 整改情況：已完成整改。" in Big5 (iconv -t big5).
    const big5 = path.join(tmp, 'big5.txt');
    writeFileSync(big5, Buffer.from('ac59a7bdc4d2b2d5c3f6a9f3a8b5b9eebee3a7efb1a1aa70aabab371b3f80aa15d31a15ea8eeabd7b0f5a6e6a4a3c459aee6a1430abee3a7efb1a1aa70a147a477a7b9a6a8bee3a7efa1430a', 'hex'));
    const second = io();
    const code = await main(['import', big5, '--json'], second.fake);
    expect(second.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(second.out.join('')).problems[0].finding).toBe('制度执行不严格。');
  });

  it('names the encodings it tried when none reads the file', async () => {
    const bad = path.join(tmp, 'bad.txt');
    writeFileSync(bad, Buffer.from([0xff, 0xff, 0xff, 0x81, 0x0a]));
    const { fake, err } = io();
    expect(await main(['import', bad, '--json'], fake)).toBe(2);
    expect(err.join('')).toContain('试过 UTF-8、GBK（GB18030）、Big5');
  });

  it.each([
    [['import', '/no/such/file.txt', '--json'], 1, '找不到文件'],
    [['import'], 1, '请指定要导入的文件'],
    [['import', fixture, '--bogus'], 1, '不认识的选项'],
    [['frobnicate'], 1, '不认识的命令'],
  ])('%j exits %i with a Chinese error', async (argv, code, message) => {
    const { fake, out, err } = io();
    expect(await main(argv, fake)).toBe(code);
    expect(err.join('')).toContain(message);
    expect(out).toEqual([]);
  });

  it('exits 2 for text that is not a report, and for a Word file', async () => {
    const garbage = path.join(tmp, 'garbage.txt');
    writeFileSync(garbage, '购物清单\n1. 苹果\n2. 香蕉\n');
    const docx = path.join(tmp, 'report.docx');
    writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    for (const [file, message] of [[garbage, '不像巡察反馈意见'], [docx, '另存为纯文本']]) {
      const { fake, err } = io();
      expect(await main(['import', file, '--json'], fake)).toBe(2);
      expect(err.join('')).toContain(message);
    }
  });

  it('--help prints the usage', async () => {
    const { fake, out } = io();
    expect(await main(['--help'], fake)).toBe(0);
    expect(out.join('')).toContain('import <文件> --json');
  });
});
