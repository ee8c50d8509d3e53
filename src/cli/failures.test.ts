// Every command-line failure speaks Chinese with its documented exit code: no raw ENOENT when -o
// points into a missing folder, no ✓ for a file before a run fails, and a crash is exit 3, never
// the 1 (usage, files) or 2 (bad input) a script would act on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleLedger } from '../workbook/sample';
import { writeLedgerXlsx } from '../workbook/xlsxWriter';
import { defaultIo, type CliIo } from './io';
import { main } from './ledger';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ledger-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captured(overrides: Partial<CliIo> = {}): CliIo & { text: () => string } {
  const lines: string[] = [];
  return {
    ...defaultIo,
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    text: () => lines.join(''),
    ...overrides,
  };
}

describe('-o into a folder that does not exist', () => {
  let ledger: string;
  beforeAll(async () => {
    ledger = path.join(dir, '甲.xlsx');
    writeFileSync(ledger, await writeLedgerXlsx({ ...sampleLedger('2026-03-15'), round: { ...sampleLedger('2026-03-15').round, org: '甲单位' } }));
  });
  const missing = () => path.join(dir, '没有这个文件夹', 'out.xlsx');

  test.each([
    ['consolidate', () => ['consolidate', ledger, '-o', missing()]],
    ['freeze', () => ['freeze', ledger, '-o', missing()]],
    ['template', () => ['template', missing()]],
  ])('%s: a Chinese message, exit 1, and no ✓ printed', async (_, args) => {
    const io = captured();
    expect(await main(args(), io)).toBe(1);
    expect(io.text()).toContain('所在文件夹不存在');
    expect(io.text()).not.toMatch(/ENOENT|✓/);
  });

  test('import -o', async () => {
    const report = path.join(dir, '反馈意见.txt');
    writeFileSync(report, readFileSync(path.join(__dirname, '../../test/import/texts', 'fankui-xinwen.txt')));
    const io = captured();
    const code = await main(['import', report, '-o', missing()], io);
    expect(code).toBe(1);
    expect(io.text()).toContain('所在文件夹不存在');
    expect(io.text()).not.toContain('ENOENT');
  });
});

test('a crash is exit 3 with a Chinese message, never 1 or 2', async () => {
  const lines: string[] = [];
  const io = captured({
    out: () => {
      throw new TypeError('unforeseen');
    },
    err: (t) => lines.push(t),
  });
  expect(await main(['--help'], io)).toBe(3);
  expect(lines.join('')).toMatch(/^内部错误：unforeseen。这不是所给文件或参数的问题/);
});
