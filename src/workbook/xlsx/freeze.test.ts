// 生成发送副本: the frozen copy has no ZG formula left anywhere, keeps every value Excel had cached,
// leaves every other formula and part alone, opens in ExcelJS and LibreOffice, and garbage in is a
// LedgerError out, never a throw.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { isLedgerError, type LedgerError } from '../../ledger/errors';
import { describeWithLibreOffice, recalculate } from '../../../test/support/libreoffice';
import { FROZEN, KEPT_FORMULAS, MEASURES, STATS, zgWorkbook } from '../../../test/workbook/zgWorkbook';
import { sampleLedger } from '../sample';
import { writeLedgerXlsx } from '../xlsxWriter';
import { callsZg, freezeZgFormulas, sendCopyFileName, type FreezeResult } from './freeze';
import { freezeSheetCells, needsAddin, zgDefinedNames } from './freezeXml';
import { partText, setPartText, unzipXlsx, zipXlsx } from './package';
import { excelJsInput } from '../../../test/support/excelJs';

function frozen(bytes: Uint8Array): FreezeResult {
  const result = freezeZgFormulas(bytes, 'x.xlsx');
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excelJsInput(bytes));
  return wb;
}

/** The text of every formula-bearing element of a part (cells, rules, names, table columns). */
function formulaTexts(xml: string): string[] {
  const re = /<(?:\w+:)?(f|formula|formula1|formula2|calculatedColumnFormula|totalsRowFormula|definedName)(?:\s[^>]*)?>([\s\S]*?)<\//g;
  return Array.from(xml.matchAll(re), (m) => m[2].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

/** Cells (whole elements) that carry a formula, in order. */
const formulaCells = (xml: string) => xml.match(/<c\s[^>]*>(?:(?!<\/c>)[\s\S])*?<f[\s>/](?:(?!<\/c>)[\s\S])*<\/c>/g) ?? [];

describe('callsZg: which formulas call a ZG.* function', () => {
  test.each([
    ['_xldudf_ZG_COMPLETIONRATE(A2:A9)', true],
    ['_xldudf_ZG.COMPLETIONRATE(A2:A9)', true],
    ['[2]!_xldudf_ZG_DAYSLEFT(A2)', true],
    ["'BloombergUI.xla'!_xldudf_ZG_LIGHT(A2)", true],
    ['_xldudf_zg_status(A2)', true],
    ['ZG.SUMMARY(ZG_Measures[#All])', true],
    ['zg.ontimerate(A1:A4, B1:B4)', true],
    ['IF(A1>0,_xldudf_ZG_DEADLINE(B1),"")', true],
    ['_xldudf_ZG_NEWFUNCTION (A1)', true],
    ['1+ZG.LONGTERMSHARE(A:A)', true],
    ['COUNTIFS(ZG_Measures[状态],"已完成")', false],
    ['IF([@截止日期]="","",[@截止日期]-ZG_AsOf)', false],
    ['IF(A1=1,"ZG.COMPLETIONRATE(x)","")', false],
    ["'ZG.X('!A1", false],
    ['XZG.COMPLETIONRATE(A1)', false],
    ['_xldudf_CONTOSO_ADD(1,2)', false],
    ['_xldudf_ZGX_ADD(1,2)', false],
    ['SUM(ZG_Problems[编号])', false],
    ['ZG_Rate', false],
  ])('%s → %p', (formula, expected) => expect(callsZg(formula)).toBe(expected));
});

describe('defined names that need the add-in', () => {
  const names = [
    { name: 'ZG_AsOf', formula: "'巡察信息'!$B$8" },
    { name: 'Pct', formula: 'ZG_Rate*100' },
    { name: 'ZG_Rate', formula: '_xldudf_ZG_COMPLETIONRATE(ZG_Measures[状态])' },
    { name: 'Label', formula: '"ZG_Rate"' },
    { name: 'ZG_RateOld', formula: '0.5' },
  ];
  test('a name calling ZG, and names over it, found through any depth', () => expect(zgDefinedNames(names).sort()).toEqual(['Pct', 'ZG_Rate']));
  test.each([
    ['ZG_Rate', true],
    ['Pct+1', true],
    ["'整改统计'!ZG_Rate", true],
    ['ROUND(zg_rate,2)', true],
    ['ZG_RateOld', false],
    ['台账ZG_Rate', false],
    ['"ZG_Rate"', false],
    ['ZG_AsOf', false],
  ])('%s needs the add-in: %p', (formula, expected) => expect(needsAddin(['ZG_Rate', 'Pct'])(formula)).toBe(expected));
});

describe('freezeSheetCells on hand-written sheet XML', () => {
  test('namespace prefixes, cm, an uncached string cell and an empty <v/>', () => {
    const xml =
      '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1">' +
      '<x:c r="A1" s="3" t="str" cm="1"><x:f t="array" ref="A1:A3" aca="1">_xldudf_ZG_LIGHT(B1:B3)</x:f><x:v>红</x:v></x:c>' +
      '<x:c r="B1" t="str"><x:f>_xldudf_ZG_STATUS(C1)</x:f></x:c>' +
      '<x:c r="C1" t="e" vm="2"><x:f>_xldudf_ZG_DEADLINE(D1)</x:f><x:v/></x:c>' +
      '<x:c r="D1" cm="1"><x:f t="array" ref="D1">SEQUENCE(1)</x:f><x:v>1</x:v></x:c>' +
      '</x:row></x:sheetData></x:worksheet>';
    const out = freezeSheetCells(xml);
    expect(out.cells).toEqual(['A1', 'B1', 'C1']);
    expect(out.uncached).toEqual(['B1', 'C1']);
    expect(out.xml).toContain('<x:c r="A1" s="3" t="inlineStr"><x:is><x:t xml:space="preserve">红</x:t></x:is></x:c>');
    expect(out.xml).toContain('<x:c r="B1"/>');
    expect(out.xml).toContain('<x:c r="C1" vm="2"/>');
    // A dynamic array that is not ZG keeps its formula and its cm.
    expect(out.xml).toContain('<x:c r="D1" cm="1"><x:f t="array" ref="D1">SEQUENCE(1)</x:f><x:v>1</x:v></x:c>');
  });

  test('a shared formula goes with its ZG master, and only that group', () => {
    const xml =
      '<sheetData><row r="1">' +
      '<c r="A1"><f t="shared" ref="A1:A3" si="0">_xldudf_ZG_DAYSLEFT(B1)</f><v>1</v></c>' +
      '<c r="C1"><f t="shared" ref="C1:C3" si="1">B1*2</f><v>2</v></c></row><row r="2">' +
      '<c r="A2"><f t="shared" si="0"/><v>5</v></c><c r="C2"><f t="shared" si="1"/><v>4</v></c>' +
      '</row></sheetData>';
    const out = freezeSheetCells(xml);
    expect(out.cells).toEqual(['A1', 'A2']);
    expect(out.xml).toBe(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1"><f t="shared" ref="C1:C3" si="1">B1*2</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>5</v></c><c r="C2"><f t="shared" si="1"/><v>4</v></c></row></sheetData>',
    );
  });
});

describe('freezeZgFormulas on a workbook Excel saved with ZG.* formulas', () => {
  let original: Uint8Array;
  let result: FreezeResult;
  beforeAll(async () => {
    original = await zgWorkbook();
    result = frozen(original);
  });

  test('reports what it replaced, sheet by sheet, and what it could not', () => {
    expect(result.replaced).toBe(FROZEN.length);
    expect(result.sheets).toEqual([
      { sheet: MEASURES, cells: 3 },
      { sheet: STATS, cells: FROZEN.length - 3 },
    ]);
    expect(result.uncached).toEqual([`${STATS}!E1`, `${STATS}!E3`]);
    expect(result.names).toEqual(['ZG_Rate', 'ZG_RatePct']);
    expect(result.rules).toBe(2);
    expect(result.tableFormulas).toBe(1);
  });

  test('no ZG formula is left in any part of the package', () => {
    const before = unzipXlsx(original);
    const after = unzipXlsx(result.bytes);
    // The fixture really had them everywhere: sheets, table, workbook names.
    expect(Object.keys(before).filter((p) => formulaTexts(partText(before, p) ?? '').some(callsZg))).toEqual(
      expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/tables/table1.xml', 'xl/workbook.xml']),
    );
    for (const part of Object.keys(after)) {
      const xml = partText(after, part) ?? '';
      expect({ part, zg: formulaTexts(xml).filter(callsZg) }).toEqual({ part, zg: [] });
      expect({ part, udf: /_xldudf_ZG/i.test(xml) }).toEqual({ part, udf: false });
    }
    // The dynamic array's cell metadata went with its formula.
    expect(partText(before, 'xl/worksheets/sheet2.xml')).toMatch(/<c r="C2"[^>]*\scm="1"/);
    expect(partText(after, 'xl/worksheets/sheet2.xml')).not.toMatch(/<c r="C2"[^>]*\scm=/);
  });

  test('every ZG cell holds the value Excel had cached, and no formula', async () => {
    const wb = await load(result.bytes);
    for (const { sheet, address, value } of FROZEN) {
      const cell = wb.getWorksheet(sheet)!.getCell(address);
      expect({ sheet, address, value: cell.value, formula: cell.formula }).toEqual({ sheet, address, value, formula: undefined });
    }
  });

  test('every other formula stays exactly as it was', async () => {
    const before = unzipXlsx(original);
    const after = unzipXlsx(result.bytes);
    for (const [sheet, part] of [[MEASURES, 'xl/worksheets/sheet1.xml'], [STATS, 'xl/worksheets/sheet2.xml']]) {
      const zg = new Set(FROZEN.filter((f) => f.sheet === sheet).map((f) => `<c r="${f.address}"`));
      const kept = formulaCells(partText(before, part)!).filter((c) => !zg.has(c.slice(0, c.indexOf('"', 6) + 1)));
      expect(kept.length).toBeGreaterThanOrEqual(KEPT_FORMULAS.filter((k) => k.sheet === sheet).length);
      expect(formulaCells(partText(after, part)!)).toEqual(kept);
    }
    const wb = await load(result.bytes);
    for (const { sheet, address, formula } of KEPT_FORMULAS) expect(wb.getWorksheet(sheet)!.getCell(address).formula).toBe(formula);
    const table = partText(after, 'xl/tables/table1.xml')!;
    expect(table).toMatch(/<tableColumn id="3" name="剩余天数" totalsRowFunction="none"\/>/);
    expect(table).toContain('<calculatedColumnFormula>IF(ZG_Measures[[#This Row],[截止日期]]');
    const workbook = partText(after, 'xl/workbook.xml')!;
    expect(workbook).toContain('<definedName name="ZG_AsOf">');
    const stats = partText(after, 'xl/worksheets/sheet2.xml')!;
    expect(stats).toContain('<formula>A1&gt;2</formula>');
    expect(stats).toContain('<dataValidations count="1"><dataValidation type="list"');
  });

  test('calcChain.xml goes, with its relationship and content type; other parts keep their bytes', () => {
    const before = unzipXlsx(original);
    const after = unzipXlsx(result.bytes);
    expect(before['xl/calcChain.xml']).toBeDefined();
    expect(after['xl/calcChain.xml']).toBeUndefined();
    expect(partText(after, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(partText(after, '[Content_Types].xml')).not.toContain('calcChain');
    const rewritten = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/calcChain.xml'];
    for (const part of Object.keys(before).filter((p) => !rewritten.includes(p))) {
      expect({ part, same: Buffer.compare(Buffer.from(before[part]), Buffer.from(after[part])) === 0 }).toEqual({ part, same: true });
    }
  });

  test('freezing the copy again changes nothing', () => {
    const again = frozen(result.bytes);
    expect(again.replaced).toBe(0);
    expect(again.bytes).toBe(result.bytes);
  });
});

describe('workbooks without ZG formulas, and files that are not workbooks', () => {
  test('the sample ledger (native formulas only) comes back byte for byte', async () => {
    const bytes = await writeLedgerXlsx(sampleLedger('2024-06-30'));
    const result = frozen(bytes);
    expect(result).toMatchObject({ replaced: 0, sheets: [], uncached: [], names: [], rules: 0, tableFormulas: 0 });
    expect(result.bytes).toBe(bytes);
  });

  test.each([
    ['text', new TextEncoder().encode('巡察反馈意见'), 'notXlsx'],
    ['empty', new Uint8Array(0), 'notXlsx'],
    ['a zip without a workbook', zipXlsx({ 'word/document.xml': new TextEncoder().encode('<w/>') }), 'notXlsx'],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'oldXls'],
    ['a password-protected .xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, ...Buffer.from('EncryptedPackage', 'utf16le')]), 'encryptedXlsx'],
  ])('%s → %s', (_, bytes, code) => {
    const result = freezeZgFormulas(bytes, '台账.xlsx') as LedgerError;
    expect(isLedgerError(result)).toBe(true);
    expect(result.code).toBe(code);
    expect(result.message).toContain('台账.xlsx');
  });

  test.each([
    ['整改台账.xlsx', '整改台账（发送副本）.xlsx'],
    // Macros are dropped from the copy, so it is a plain workbook; kept, it stays .xlsm.
    ['台账.XLSM', '台账（发送副本）.xlsx'],
    ['台账', '台账（发送副本）.xlsx'],
    ['', '整改台账（发送副本）.xlsx'],
  ])('copy name of %p → %p', (name, copy) => expect(sendCopyFileName(name)).toBe(copy));

  test('a copy that keeps its macros keeps .xlsm', () => {
    expect(sendCopyFileName('台账.XLSM', true)).toBe('台账（发送副本）.xlsm');
    expect(sendCopyFileName('台账.xlsx', true)).toBe('台账（发送副本）.xlsx');
  });
});

describe('garbage in: a LedgerError or a copy, never a throw', () => {
  let fixture: Uint8Array;
  beforeAll(async () => {
    fixture = await zgWorkbook();
  });
  const settled = (result: FreezeResult | LedgerError) => isLedgerError(result) || result.bytes instanceof Uint8Array;

  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => isLedgerError(freezeZgFormulas(bytes))), { numRuns: 300 });
  });

  test('a real file with bytes changed or cut off', () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(edits, fc.option(fc.nat()), (changes, cut) => {
        const bytes = fixture.slice(0, cut === null ? undefined : cut % (fixture.length + 1));
        for (const [at, value] of changes) if (bytes.length > 0) bytes[at % bytes.length] = value;
        return settled(freezeZgFormulas(bytes));
      }),
      { numRuns: 200 },
    );
  });

  test('a real package whose worksheet and table XML are mangled', () => {
    const pieces = fc.constantFrom('<c r="A1">', '<f t="shared" si="0"/>', '<f>', '</f>', '<v>', '</c>', '_xldudf_ZG_X(', 'ZG.A(', '"', '<', '>', '/>', 't="str"', '<x:c', '&amp;', '');
    const mangle = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), pieces), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(mangle, fc.constantFrom('xl/worksheets/sheet2.xml', 'xl/tables/table1.xml', 'xl/workbook.xml'), (changes, part) => {
        const parts = unzipXlsx(fixture);
        let xml = partText(parts, part)!;
        for (const [at, drop, insert] of changes) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + insert + xml.slice(i + drop);
        }
        setPartText(parts, part, xml);
        return settled(freezeZgFormulas(zipXlsx(parts)));
      }),
      { numRuns: 150 },
    );
  });
});

describeWithLibreOffice('the frozen copy in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zg-freeze-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('opens, recalculates, and shows the frozen values where the original shows #NAME?', async () => {
    const original = await zgWorkbook();
    writeFileSync(path.join(dir, 'original.xlsx'), original);
    writeFileSync(path.join(dir, 'copy.xlsx'), frozen(original).bytes);
    const [recalcOriginal, recalcCopy] = [
      await recalculate(path.join(dir, 'original.xlsx'), path.join(dir, 'lo')),
      await recalculate(path.join(dir, 'copy.xlsx'), path.join(dir, 'lo')),
    ];
    const before = await load(new Uint8Array(readFileSync(recalcOriginal)));
    const after = await load(new Uint8Array(readFileSync(recalcCopy)));
    const value = (wb: ExcelJS.Workbook, sheet: string, address: string) => {
      const v = wb.getWorksheet(sheet)!.getCell(address).value;
      // LibreOffice writes text mixing scripts as rich text runs.
      if (v !== null && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
      return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
    };
    // Without the add-in the original's ZG cells are errors: the check below can tell the difference.
    expect(value(before, STATS, 'B1')).toEqual({ error: '#NAME?' });
    for (const { sheet, address, value: expected } of FROZEN.filter((f) => f.value !== null)) {
      expect({ sheet, address, value: value(after, sheet, address) }).toEqual({ sheet, address, value: expected });
    }
    // A native formula over a frozen cell computes from its value (B1 = 0.75).
    expect(value(after, STATS, 'D5')).toBe(75);
  }, 300_000);
});
