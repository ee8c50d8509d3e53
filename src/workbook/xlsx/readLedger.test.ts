import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { zipSync, strToU8 } from 'fflate';
import { isLedgerError, type LedgerError } from '../../ledger/errors';
import type { Ledger } from '../../ledger/types';
import { generateLedger, sampleLedger } from '../sample';
import { MEASURES, PROBLEMS } from '../schema';
import { writeLedgerXlsx } from '../xlsxWriter';
import { partText, unzipXlsx } from './package';
import { readLedgerFile, type LedgerFile } from './readLedger';
import {
  dataHeaders, handMadeLedger, inlineAllStrings, rewrite, richTextWithPhonetic, setCellXml, unrelatedWorkbook,
} from '../../../test/support/ledgerXlsx';
import { describeWithLibreOffice, recalculate, SOFFICE_TIMEOUT_MS } from '../../../test/support/libreoffice';

const TODAY = '2026-03-15';
const sample = sampleLedger(TODAY);

function read(bytes: Uint8Array, fileName = '台账.xlsx'): LedgerFile {
  const result = readLedgerFile(bytes, fileName);
  if (isLedgerError(result)) throw new Error(`expected a ledger, got: ${result.message}`);
  return result;
}

function error(bytes: Uint8Array, fileName = '台账.xlsx'): LedgerError {
  const result = readLedgerFile(bytes, fileName);
  if (!isLedgerError(result)) throw new Error('expected a LedgerError, got a ledger');
  return result;
}

describe('files written by writeLedgerXlsx read back unchanged', () => {
  test('the sample ledger', async () => {
    const file = read(await writeLedgerXlsx(sample));
    expect(file.ledger).toEqual(sample);
    expect(file.unit).toBe(sample.round.org);
    expect(file.warnings).toEqual([]);
  });

  test.each([1, 2, 3])('a generated ledger (seed %i)', async (seed) => {
    const ledger = generateLedger(80, seed);
    expect(read(await writeLedgerXlsx(ledger)).ledger).toEqual(ledger);
  });

  test('an empty ledger: the blank template row is not an item', async () => {
    const empty: Ledger = { round: { ...sample.round }, problems: [], measures: [] };
    expect(read(await writeLedgerXlsx(empty)).ledger).toEqual(empty);
  });
});

describe('files as users leave them', () => {
  const shuffled = (headers: string[]) => [...headers].reverse();

  test('columns moved, columns of their own added, tables not at A1', async () => {
    const bytes = await handMadeLedger(
      sample,
      { headers: ['我的备注', ...shuffled(dataHeaders(PROBLEMS))], at: { row: 3, col: 2 }, override: (h, v) => (h === '我的备注' ? '自填内容' : v) },
      { headers: [...shuffled(dataHeaders(MEASURES)), '督办人'], at: { row: 2, col: 3 }, override: (h, v) => (h === '督办人' ? 123 : v) },
    );
    const file = read(bytes);
    expect(file.ledger).toEqual(sample);
    expect(file.warnings).toEqual([]);
  });

  test('text dates (2024-03-15, 2024年3月15日) in a date column', async () => {
    const ledger: Ledger = { ...sample, measures: sample.measures.slice(0, 2).map((m) => ({ ...m, deadline: null })), problems: sample.problems.slice(0, 1) };
    const texts = ['2024-03-15', '2024年3月15日'];
    const bytes = await handMadeLedger(
      ledger,
      { headers: dataHeaders(PROBLEMS) },
      { headers: dataHeaders(MEASURES), override: (h, v, r) => (h === '截止日期' ? texts[r] : v) },
    );
    expect(read(bytes).ledger.measures.map((m) => m.deadline)).toEqual(['2024-03-15', '2024-03-15']);
  });

  test('a missing optional column is read as blank and reported', async () => {
    const bytes = await handMadeLedger(sample, { headers: dataHeaders(PROBLEMS).filter((h) => h !== '备注') }, { headers: dataHeaders(MEASURES) });
    const file = read(bytes);
    expect(file.warnings.map((w) => w.code)).toEqual(['ledgerOptionalColumns']);
    expect(file.warnings[0].message).toContain('备注');
  });

  test('a missing required column refuses the file and names the column', async () => {
    const bytes = await handMadeLedger(sample, { headers: dataHeaders(PROBLEMS) }, { headers: dataHeaders(MEASURES).filter((h) => h !== '整改状态' && h !== '截止日期') });
    const e = error(bytes, '某单位.xlsx');
    expect(e.code).toBe('ledgerMissingColumns');
    expect(e.message).toBe('“某单位.xlsx”的表格“整改台账（ZG_Measures）”缺少必需的列：截止日期、整改状态');
  });

  test('a blank 被巡察单位 is refused: a file name cannot tell units apart', async () => {
    const ledger = { ...sample, round: { ...sample.round, org: '  ' } };
    const e = error(await writeLedgerXlsx(ledger), 'D:\\收件\\整改台账.xlsx');
    expect(e.code).toBe('unitMissing');
    expect(e.message).toContain('“整改台账.xlsx”的“巡察信息”中没有填写被巡察单位');
  });

  test('measures whose problem is missing are kept and reported', async () => {
    const ledger = { ...sample, problems: sample.problems.slice(1) };
    const file = read(await writeLedgerXlsx(ledger));
    expect(file.ledger.measures).toHaveLength(sample.measures.length);
    expect(file.warnings.map((w) => w.code)).toEqual(['orphanMeasures']);
  });
});

describe('cell encodings', () => {
  test('inline strings read as shared strings do', async () => {
    const bytes = rewrite(await writeLedgerXlsx(sample), inlineAllStrings);
    const parts = unzipXlsx(bytes);
    expect(parts['xl/sharedStrings.xml']).toBeUndefined();
    expect(partText(parts, 'xl/worksheets/sheet3.xml')).toContain('t="inlineStr"');
    expect(read(bytes).ledger).toEqual(sample);
  });

  test('rich-text runs are joined and phonetic runs left out', async () => {
    const bytes = rewrite(await writeLedgerXlsx(sample), (parts) => richTextWithPhonetic(parts, sample.round.org, 4, 'ちゅうきょう'));
    expect(read(bytes).unit).toBe(sample.round.org);
  });

  test('formula cells give their cached value; error cells read as blank', async () => {
    const bytes = rewrite(await writeLedgerXlsx(sample), (parts) => {
      setCellXml(parts, 'xl/worksheets/sheet1.xml', 'B2', '<c r="B2" t="str"><f>"清源县"&amp;"教育局"</f><v>清源县教育局</v></c>');
      setCellXml(parts, 'xl/worksheets/sheet3.xml', 'I2', '<c r="I2" t="e"><v>#N/A</v></c>');
      setCellXml(parts, 'xl/worksheets/sheet3.xml', 'K2', '<c r="K2" t="b"><v>1</v></c>');
    });
    const file = read(bytes);
    expect(file.unit).toBe('清源县教育局');
    expect(file.ledger.measures[0]).toMatchObject({ deadline: null, longTerm: true });
  });

  test('a date typed into a text column reads as its date, not its serial', async () => {
    const bytes = rewrite(await writeLedgerXlsx(sample), (parts) => {
      // s="2" is the writer's yyyy-mm-dd style (the 截止日期 cells use it); H2 is 整改时限.
      setCellXml(parts, 'xl/worksheets/sheet3.xml', 'H2', '<c r="H2" s="2"><v>45382</v></c>');
    });
    expect(read(bytes).ledger.measures[0].deadlineText).toBe('2024-03-31');
  });
});

describe('files that are not ledgers', () => {
  test('a Word document (a zip without a workbook)', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const e = error(docx, '整改报告.docx');
    expect(e.code).toBe('notXlsx');
    expect(e.message).toBe('“整改报告.docx”不是 Excel 工作簿（.xlsx），无法读取');
  });

  test('a PDF renamed to .xlsx', () => {
    expect(error(strToU8('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), '台账.xlsx').code).toBe('notXlsx');
  });

  test('an old .xls asks to save as .xlsx', () => {
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = error(xls, '台账.xls');
    expect(e.code).toBe('oldXls');
    expect(e.message).toContain('另存为 .xlsx');
  });

  test('a password-protected .xlsx (an OLE2 file with an EncryptedPackage) says so', () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat(), 1200);
    expect(error(bytes).code).toBe('encryptedXlsx');
  });

  test('a workbook with unrelated tables', async () => {
    const e = error(await unrelatedWorkbook(), '人员名单.xlsx');
    expect(e.code).toBe('notALedgerFile');
    expect(e.message).toBe('这个工作簿不是整改台账：没有找到“问题清单（ZG_Problems）”和“整改台账（ZG_Measures）”表格（人员名单.xlsx）');
  });

  test('a workbook part that is not XML', async () => {
    const bytes = rewrite(await writeLedgerXlsx(sample), (parts) => {
      parts['xl/worksheets/sheet2.xml'] = strToU8('<worksheet><sheetData><row><c r="A1"');
    });
    expect(error(bytes).code).toBe('damagedXlsx');
  });

  test('garbage never throws: random bytes, zip-looking bytes, damaged ledgers', async () => {
    const good = await writeLedgerXlsx(sampleLedger(TODAY));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(isLedgerError(readLedgerFile(bytes, 'x.xlsx'))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        expect(isLedgerError(readLedgerFile(bytes, 'x.xlsx'))).toBe(true);
      }),
      { numRuns: 300 },
    );
    // A damaged download: some bytes of a real ledger changed. Either an error or a ledger, never a throw.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = good.slice();
        for (const [i, b] of edits) bytes[i] = b;
        const result = readLedgerFile(bytes, 'x.xlsx');
        expect(isLedgerError(result) || Array.isArray(result.ledger.problems)).toBe(true);
      }),
      { numRuns: 150 },
    );
    // Arbitrary text in the places XML should be.
    fc.assert(
      fc.property(fc.constantFrom('xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/styles.xml'), fc.string({ maxLength: 300 }), (part, text) => {
        const bytes = rewrite(good, (parts) => {
          parts[part] = strToU8(text);
        });
        const result = readLedgerFile(bytes, 'x.xlsx');
        expect(isLedgerError(result) || Array.isArray(result.ledger.problems)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describeWithLibreOffice('a ledger that went through LibreOffice', () => {
  test(
    'reads back the same ledger after LibreOffice rewrote the package',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'zg-read-'));
      try {
        const input = path.join(dir, 'in', '台账.xlsx');
        mkdirSync(path.dirname(input));
        writeFileSync(input, await writeLedgerXlsx(sample));
        const converted = await recalculate(input, path.join(dir, 'out'));
        const bytes = new Uint8Array(readFileSync(converted));
        // The package really was rewritten: LibreOffice names itself in the workbook part.
        expect(partText(unzipXlsx(bytes), 'xl/workbook.xml')).toContain('appName="Calc"');
        const file = read(bytes);
        expect(file.ledger).toEqual(sample);
        expect(file.warnings).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SOFFICE_TIMEOUT_MS,
  );
});
