// Rows that must never vanish silently, and table ranges that must never cost more than the cells
// that exist: generated from a sample ledger by rewriting its package.
import { isLedgerError } from '../../ledger/errors';
import { sampleLedger } from '../sample';
import { MEASURES, PROBLEMS } from '../schema';
import { dataHeaders, handMadeLedger, rewrite } from '../../../test/support/ledgerXlsx';
import { mergeSummary } from '../../ledger/consolidate';
import { writeSummaryXlsx } from '../summaryXlsx';
import { SUMMARY } from '../schema';
import { partText, setPartText, unzipXlsx, worksheets, type XlsxParts } from './package';
import { readLedgerFile, type LedgerFile } from './readLedger';

const sample = sampleLedger('2026-03-15');

function read(bytes: Uint8Array): LedgerFile {
  const result = readLedgerFile(bytes, '甲.xlsx');
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

/** Sets the `ref` of the table named `name` (and of its autoFilter). */
function setTableRef(parts: XlsxParts, name: string, ref: string): void {
  const path = Object.keys(parts).find((p) => p.startsWith('xl/tables/') && (partText(parts, p) ?? '').includes(`name="${name}"`));
  if (!path) throw new Error(`no table ${name}`);
  setPartText(parts, path, (partText(parts, path) ?? '').replace(/ ref="[^"]*"/g, ` ref="${ref}"`));
}

const plain = () => handMadeLedger(sample, { headers: dataHeaders(PROBLEMS) }, { headers: dataHeaders(MEASURES) });
const lastCol = (n: number) => String.fromCharCode(64 + n);

describe('rows never vanish silently', () => {
  test('a measure row with content but a blank 措施编号 is reported with its row, not dropped silently', async () => {
    const bytes = await handMadeLedger(sample, { headers: dataHeaders(PROBLEMS) }, {
      headers: dataHeaders(MEASURES),
      override: (h, v, r) => (h === '措施编号' && r === 1 ? null : v),
    });
    const file = read(bytes);
    expect(file.ledger.measures.map((m) => m.id)).toEqual(sample.measures.filter((_, i) => i !== 1).map((m) => m.id));
    expect(file.warnings.map((w) => w.message)).toContain('“甲.xlsx”的“整改台账”表第3行有内容但没有措施编号，未读取；请补填措施编号后重新汇总');
  });

  test('rows typed just below the table (WPS, LibreOffice) are read and named', async () => {
    const n = sample.measures.length;
    const bytes = rewrite(await plain(), (parts) => setTableRef(parts, 'ZG_Measures', `A1:${lastCol(dataHeaders(MEASURES).length)}${n - 1}`));
    const file = read(bytes);
    expect(file.ledger.measures.map((m) => m.id)).toEqual(sample.measures.map((m) => m.id));
    expect(file.warnings.map((w) => w.code)).toEqual(['rowsBelowTable']);
    expect(file.warnings[0].message).toContain(`第${n}、${n + 1}行在表格范围之外`);
  });
});

describe('claimed table ranges are clamped to the cells that exist', () => {
  test.each(['A1:XFD1048576', 'A1:S9999999'])('a ZG_Measures table claiming %s reads the same measures', async (ref) => {
    const bytes = rewrite(await plain(), (parts) => setTableRef(parts, 'ZG_Measures', ref));
    expect(read(bytes).ledger.measures).toEqual(read(await plain()).ledger.measures);
  });

  // A sparse 1,048,576-row ledger: a few real rows and one far down, the table claiming every row.
  // Reading walks the rows that exist (not a million), and the writers number rows afresh, so the
  // 汇总 written from it has as many rows as there are measures. The cost is in npm run bench.
  test('a measure at row 1,048,570 under a table claiming A1:P1048576 is read, and the 汇总 written from it stays small', async () => {
    const far = 1_048_570;
    const bytes = rewrite(await plain(), (parts) => {
      setTableRef(parts, 'ZG_Measures', `A1:${lastCol(dataHeaders(MEASURES).length)}1048576`);
      const sheet = worksheets(parts).find((s) => s.name === MEASURES.sheet)!;
      const cell = (col: string, text: string) => `<c r="${col}${far}" t="inlineStr"><is><t>${text}</t></is></c>`;
      const row = `<row r="${far}">${cell('A', 'M999')}${cell('B', sample.problems[0].id)}${cell('C', '远处的措施')}</row>`;
      setPartText(parts, sheet.path, (partText(parts, sheet.path) ?? '').replace('</sheetData>', () => `${row}</sheetData>`));
    });
    const file = read(bytes);
    expect(file.ledger.measures.map((m) => m.id)).toEqual([...sample.measures.map((m) => m.id), 'M999']);
    const rows = mergeSummary([], [file], '2026-03-15 09:30:00').rows;
    const summary = unzipXlsx(await writeSummaryXlsx(rows));
    const table = Object.keys(summary).map((p) => partText(summary, p) ?? '').find((x) => x.includes(`name="${SUMMARY.table}"`));
    expect(/ ref="A1:[A-Z]+(\d+)"/.exec(table ?? '')?.[1]).toBe(String(rows.length + 1));
  });
});
