// 发送副本 of a workbook carrying external links (generated here, never committed): a DDE link that
// starts `cmd /c calc`, an OLE link, a link to another workbook on a share, formulas and a defined
// name pointing into them. The copy keeps none of them and says what went; LibreOffice opens it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { linkedWorkbookEntries as linkedEntries, minimalWorkbookEntries, rawZip, type RawEntry } from '../../../test/support/hostile';
import { describeWithLibreOffice, openAsCsv } from '../../../test/support/libreoffice';
import { freezeSummary } from '../../cli/freeze';
import { isLedgerError } from '../../ledger/errors';
import { freezeZgFormulas, type FreezeResult } from './freeze';
import { refersToOtherWorkbook } from './freezeXml';
import { partText, unzipXlsx } from './package';

function freeze(entries: RawEntry[]): FreezeResult {
  const result = freezeZgFormulas(rawZip(entries), '台账.xlsx');
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

describe('refersToOtherWorkbook', () => {
  test.each([
    ['[1]Sheet1!A1', true],
    ["'[2]Other Sheet'!B2", true],
    ['SUM([3]!Total)', true],
    ["'C:\\x\\[Book.xlsx]Sheet 1'!A1", true],
    ["[1]!'!A0'", true],
    ['"[1]Sheet1!A1"', false],
    ['ZG_Measures[整改状态]', false],
    ['ZG_Measures[[#This Row],[2024]]', false],
    ['COUNTIFS(T[1],"x")', false],
    ["'整改台账'!A1", false],
  ])('%s → %s', (formula, expected) => expect(refersToOtherWorkbook(formula)).toBe(expected));
});

describe('external links in the 发送副本', () => {
  test('DDE, OLE and workbook links go with their rels, content types and references, each named', () => {
    const result = freeze(linkedEntries());
    expect(result.externalLinks).toEqual([
      { kind: 'DDE', target: 'cmd|/c calc' },
      { kind: 'workbook', target: 'file:///\\\\share\\secret\\账本.xlsx' },
      { kind: 'OLE', target: 'Package file:///C:/evil.exe' },
    ]);
    expect(result.linkNames).toEqual(['LinkedTotal']);
    const parts = unzipXlsx(result.bytes);
    expect(Object.keys(parts).filter((p) => p.includes('externalLink'))).toEqual([]);
    expect(partText(parts, 'xl/_rels/workbook.xml.rels')).not.toContain('externalLink');
    expect(partText(parts, 'xl/_rels/workbook.xml.rels')).toContain('sharedStrings');
    expect(partText(parts, '[Content_Types].xml')).not.toContain('externalLink');
    const workbook = partText(parts, 'xl/workbook.xml') ?? '';
    expect(workbook).not.toMatch(/externalReference|LinkedTotal/);
    expect(workbook).toContain('<definedName name="Kept">Sheet1!$D$1</definedName>');
  });

  test('formulas into the links (directly, shared, through a name) become their values; others stay', () => {
    const result = freeze(linkedEntries());
    expect(result.live).toEqual(['A1', 'B1', 'C1', 'E1', 'E2'].map((ref) => ({ cell: `Sheet1!${ref}`, kind: 'LINK' })));
    const sheet = partText(unzipXlsx(result.bytes), 'xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).not.toContain('[');
    expect(sheet).toContain('<c r="A1"><v>42</v></c>');
    expect(sheet).toContain('<c r="B1" t="inlineStr"><is><t xml:space="preserve">7 yuan</t></is></c>');
    expect(sheet).toContain('<c r="C1"><v>84</v></c>');
    expect(sheet).toContain('<f>SUM(1,2)</f>');
    // Text that merely looks like a reference is text.
    expect(partText(unzipXlsx(result.bytes), 'xl/sharedStrings.xml')).toContain('[1]Sheet1!A1 只是文字');
  });

  test('ledger freeze names each link removed and each cell frozen', () => {
    const text = freezeSummary(freeze(linkedEntries()), '台账.xlsx', '台账（发送副本）.xlsx');
    expect(text).toContain('已去掉3个外部链接：DDE 链接“cmd|/c calc”、链接到工作簿“file:///\\\\share\\secret\\账本.xlsx”、OLE 链接“Package file:///C:/evil.exe”');
    expect(text).toContain('已删除指向外部链接的名称：LinkedTotal');
    expect(text).toContain('Sheet1!A1 引用其他工作簿');
  });

  test('a workbook without links is left byte for byte', () => {
    const bytes = rawZip(minimalWorkbookEntries());
    const result = freezeZgFormulas(bytes, '台账.xlsx');
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.externalLinks).toEqual([]);
    expect(result.bytes).toBe(bytes);
  });
});

describeWithLibreOffice('the copy without its links in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zg-links-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('opens and, recalculating everything, shows the kept values', async () => {
    writeFileSync(path.join(dir, 'copy.xlsx'), freeze(linkedEntries()).bytes);
    const csv = readFileSync(await openAsCsv(path.join(dir, 'copy.xlsx'), path.join(dir, 'lo'), 'always'), 'utf8');
    // The CSV's last column is the shared-strings cell of row 2, blank on row 1.
    expect(csv.split(/\r?\n/)[0]).toBe('42,7 yuan,84,3,0,');
  }, 300_000);
});
