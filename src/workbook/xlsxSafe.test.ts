// Every writer's text goes through one sanitiser: no character XML 1.0 forbids reaches a part, no
// cell passes 32,767 characters, `_x0041_` typed by a user reads back as typed; each change named by cell.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { isLedgerError } from '../ledger/errors';
import { EXCEL_CELL_MAX_CHARS, decodeXstring, escapeXstring, xmlSafeText } from '../ledger/xmlText';
import { sampleLedger } from './sample';
import { writeLedgerXlsx } from './xlsxWriter';
import { writeSummaryXlsx } from './summaryXlsx';
import { partText, unzipXlsx } from './xlsx/package';
import { readLedgerFile } from './xlsx/readLedger';
import { readSummaryFile } from './xlsx/readSummary';
import { mergeSummary } from '../ledger/consolidate';

/** Throws when a part is not well-formed XML (saxes is strict about forbidden characters). */
function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const HOSTILE = `甲\uFFFF乙\uFFFE丙\u0001丁\uD800戊\uDC00己\u000B庚😀`;
const SAFE = '甲乙丙丁戊己\n庚😀';

describe('xmlSafeText', () => {
  test('drops what XML 1.0 forbids, keeps pairs, turns vertical tab into a line break', () => {
    expect(xmlSafeText(HOSTILE)).toEqual({ text: SAFE, removed: 6 });
    expect(xmlSafeText('正常文字\t\n\r')).toEqual({ text: '正常文字\t\n\r', removed: 0 });
  });

  test('any string, once made safe, is well-formed inside an element (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => {
        const safe = xmlSafeText(s).text;
        expect(() => wellFormed(`<t>${safe.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t>`)).not.toThrow();
        expect(xmlSafeText(safe)).toEqual({ text: safe, removed: 0 });
      }),
      { numRuns: 500 },
    );
  });

  test('_xHHHH_ escapes round-trip (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('_x0041_', '_x', '_', 'x005F_', '甲', '_xFFFF_', 'a')).map((a) => a.join('')), (s) => {
        expect(decodeXstring(escapeXstring(s))).toBe(s);
      }),
    );
  });
});

describe('the ExcelJS writers', () => {
  const ledger = sampleLedger('2026-03-15');
  const long = '长'.repeat(EXCEL_CELL_MAX_CHARS + 100);
  const hostile = {
    ...ledger,
    measures: ledger.measures.map((m, i) => (i === 0 ? { ...m, text: HOSTILE } : i === 1 ? { ...m, progress: long } : i === 2 ? { ...m, note: '见_x0041_号' } : m)),
  };

  test('import -o / template: parts well-formed, cells named in warnings, text read back as written', async () => {
    const warnings: string[] = [];
    const bytes = await writeLedgerXlsx(hostile, { onWarning: (w) => warnings.push(w.message) });
    const parts = unzipXlsx(bytes);
    for (const p of Object.keys(parts).filter((n) => n.endsWith('.xml'))) wellFormed(partText(parts, p) ?? '');
    expect(warnings).toEqual([
      expect.stringMatching(/^“整改台账”表第2行[A-Z]+列（整改措施）：去掉了6个 XML 不允许的字符/),
      expect.stringMatching(/^“整改台账”表第3行[A-Z]+列（[^）]+）：文字有32867个字符，超过 Excel 单元格上限32767个，只写入前32767个$/),
    ]);
    const read = readLedgerFile(bytes, 'x.xlsx');
    if (isLedgerError(read)) throw new Error(read.message);
    expect(read.ledger.measures[0].text).toBe(SAFE);
    expect(read.ledger.measures[1].progress).toHaveLength(EXCEL_CELL_MAX_CHARS);
    expect(read.ledger.measures[2].note).toBe('见_x0041_号');
  });

  test('consolidate: a U+FFFF from a unit’s file never reaches the 汇总, and the 汇总 reads back', async () => {
    const merged = mergeSummary([], [{ unit: '甲单位', fileName: '甲.xlsx', ledger: hostile }], '2026-03-15T08:00:00');
    const warnings: string[] = [];
    const bytes = await writeSummaryXlsx(merged.rows, null, undefined, (w) => warnings.push(w.message));
    const parts = unzipXlsx(bytes);
    for (const p of Object.keys(parts).filter((n) => n.endsWith('.xml'))) wellFormed(partText(parts, p) ?? '');
    expect(warnings.some((w) => w.startsWith('“汇总”表第') && w.includes('去掉了6个'))).toBe(true);
    const back = readSummaryFile(bytes, '汇总.xlsx');
    if (isLedgerError(back)) throw new Error(back.message);
    expect(back.rows.map((r) => r.measureText)).toContain(SAFE);
  });
});
