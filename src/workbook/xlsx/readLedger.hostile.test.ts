// Rows that must never vanish silently, and table ranges that must never cost more than the cells
// that exist: generated from a sample ledger by rewriting its package.
import { isLedgerError } from '../../ledger/errors';
import { sampleLedger } from '../sample';
import { MEASURES, PROBLEMS } from '../schema';
import { dataHeaders, handMadeLedger, rewrite } from '../../../test/support/ledgerXlsx';
import { partText, setPartText, type XlsxParts } from './package';
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

});
