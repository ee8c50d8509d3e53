// Test fixture for 生成发送副本 (freeze.test.ts, the freeze CLI test):
// a workbook as Excel saves one with ZG.* formulas in it, built with ExcelJS and then edited at the
// XML level for what ExcelJS cannot write (calcChain, dynamic-array `cm`, calculated columns).
import ExcelJS from 'exceljs';
import { partText, setPartText, unzipXlsx, zipXlsx } from '../../src/workbook/xlsx/package';

export const STATS = '整改统计';
export const MEASURES = '整改台账';

/** Every ZG cell of the fixture and the value Excel had cached for it (null: never calculated). */
export const FROZEN: { sheet: string; address: string; value: ExcelJS.CellValue }[] = [
  { sheet: STATS, address: 'B1', value: 0.75 },
  { sheet: STATS, address: 'B2', value: 3 },
  { sheet: STATS, address: 'B3', value: 4 },
  { sheet: STATS, address: 'B4', value: 5 },
  { sheet: STATS, address: 'C2', value: '红' },
  { sheet: STATS, address: 'D1', value: '已完成 $& <整改>' },
  { sheet: STATS, address: 'D2', value: { error: '#N/A' } as ExcelJS.CellErrorValue },
  { sheet: STATS, address: 'D3', value: true },
  { sheet: STATS, address: 'E1', value: null },
  { sheet: STATS, address: 'E2', value: '2/5 已完成' },
  { sheet: STATS, address: 'E3', value: { error: '#NAME?' } as ExcelJS.CellErrorValue },
  { sheet: STATS, address: 'E4', value: 0.2 },
  // Not a ZG call, but over a name that is one: as dead without the add-in.
  { sheet: STATS, address: 'G1', value: 75 },
  { sheet: MEASURES, address: 'C2', value: -3 },
  { sheet: MEASURES, address: 'C3', value: 12 },
  { sheet: MEASURES, address: 'C4', value: 40 },
];

/** Formulas that are not ZG and must stay formulas, exactly. */
export const KEPT_FORMULAS: { sheet: string; address: string; formula: string }[] = [
  { sheet: STATS, address: 'D4', formula: 'SUM(A1:A3)' },
  { sheet: STATS, address: 'D5', formula: 'B1*100' },
  { sheet: STATS, address: 'D6', formula: 'IF(A1=1,"ZG.COMPLETIONRATE(x)","")' },
  { sheet: STATS, address: 'D7', formula: 'COUNTIFS(ZG_Measures[预警],"红")' },
  { sheet: MEASURES, address: 'D2', formula: 'IF(ZG_Measures[[#This Row],[截止日期]]="","",ZG_Measures[[#This Row],[截止日期]]-ZG_AsOf)' },
];

const DAYS_LEFT = '_xldudf_ZG_DAYSLEFT(ZG_Measures[[#This Row],[截止日期]])';

async function exceljsPart(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const measures = wb.addWorksheet(MEASURES);
  const warn = KEPT_FORMULAS[4].formula;
  measures.addTable({
    name: 'ZG_Measures',
    ref: 'A1',
    columns: [{ name: '编号' }, { name: '截止日期' }, { name: '剩余天数' }, { name: '预警' }],
    rows: [-3, 12, 40].map((days, i) => [`M${i + 1}`, 45000 + days, { formula: DAYS_LEFT, result: days }, { formula: warn, result: days }]),
  });
  const ws = wb.addWorksheet(STATS);
  const set = (address: string, value: unknown) => (ws.getCell(address).value = value as ExcelJS.CellValue);
  ws.getCell('A1').value = 1;
  ws.getCell('A2').value = 2;
  ws.getCell('A3').value = 3;
  set('B1', { formula: '_xldudf_ZG_COMPLETIONRATE(A2:A5)', result: 0.75 });
  set('B2', { formula: '_xldudf_ZG_DAYSLEFT(A2)', result: 3, shareType: 'shared', ref: 'B2:B4' });
  set('B3', { sharedFormula: 'B2', result: 4 });
  set('B4', { sharedFormula: 'B2', result: 5 });
  set('C2', { formula: '_xldudf_ZG_LIGHT(A2:A4)', result: '红', shareType: 'array', ref: 'C2:C4' });
  set('C3', '黄');
  set('C4', '绿');
  set('D1', { formula: '_xldudf_ZG_STATUS(A1)', result: '已完成 $& <整改>' });
  set('D2', { formula: '_xldudf_ZG_DEADLINE(A1)', result: { error: '#N/A' } });
  set('D3', { formula: '_xldudf_ZG_OVERDUE(A1)', result: true });
  for (const kept of KEPT_FORMULAS.filter((k) => k.sheet === STATS)) set(kept.address, { formula: kept.formula, result: 1 });
  set('E1', { formula: '_xldudf_ZG_SUMMARY(A1:A3)' });
  set('E2', { formula: '[1]!_xldudf_ZG_SUMMARY(A1:A3)', result: '2/5 已完成' });
  set('E3', { formula: 'ZG.ONTIMERATE(A1:A3)', result: { error: '#NAME?' } });
  set('E4', { formula: '_xldudf_zg_longtermshare(A1:A3)', result: 0.2 });
  set('G1', { formula: 'ZG_RatePct', result: 75 });
  ws.addConditionalFormatting({
    ref: 'A1:A3',
    rules: [
      { type: 'expression', priority: 1, formulae: ['_xldudf_ZG_OVERDUE(A1)'], style: { font: { bold: true } } },
      { type: 'expression', priority: 2, formulae: ['A1>2'], style: { font: { italic: true } } },
    ],
  });
  ws.getCell('F1').dataValidation = { type: 'custom', allowBlank: true, formulae: ['_xldudf_ZG_STATUS(F1)<>""'] };
  ws.getCell('F2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  wb.definedNames.add(`'${STATS}'!$A$1`, 'ZG_AsOf');
  wb.addWorksheet('说明').getCell('A1').value = '没有公式的工作表';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function edit(parts: Record<string, Uint8Array>, path: string, change: (xml: string) => string): void {
  const xml = partText(parts, path);
  if (xml === null) throw new Error(`fixture: no part ${path}`);
  const next = change(xml);
  if (next === xml) throw new Error(`fixture: edit of ${path} changed nothing`);
  setPartText(parts, path, next);
}

/** The fixture workbook's bytes. */
export async function zgWorkbook(): Promise<Uint8Array> {
  const parts = unzipXlsx(await exceljsPart());
  // Which sheet part is which: ExcelJS numbers them in order of creation.
  const statsPath = 'xl/worksheets/sheet2.xml';
  // A dynamic array (Excel 365) carries cm="1", pointing at xl/metadata.xml.
  edit(parts, statsPath, (x) => x.replace('<c r="C2" t="str">', '<c r="C2" t="str" cm="1">'));
  // A calculated column keeps its formula in the table part too.
  const table = Object.keys(parts).find((p) => p.startsWith('xl/tables/'))!;
  edit(parts, table, (x) =>
    x
      .replace(/(<tableColumn[^>]*name="剩余天数"[^>]*?)\s*\/>/, `$1><calculatedColumnFormula>${DAYS_LEFT}</calculatedColumnFormula></tableColumn>`)
      .replace(/(<tableColumn[^>]*name="预警"[^>]*?)\s*\/>/, `$1><calculatedColumnFormula>${KEPT_FORMULAS[4].formula.replace(/"/g, '&quot;')}</calculatedColumnFormula></tableColumn>`),
  );
  // A defined name over a ZG function, and one over that name.
  edit(parts, 'xl/workbook.xml', (x) =>
    x.replace('</definedNames>', '<definedName name="ZG_Rate">_xldudf_ZG_COMPLETIONRATE(ZG_Measures[剩余天数])</definedName><definedName name="ZG_RatePct">ZG_Rate*100</definedName></definedNames>'),
  );
  // calcChain.xml, as Excel writes it, with its relationship and content type.
  setPartText(parts, 'xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="2"/><c r="B2"/><c r="D4"/></calcChain>');
  edit(parts, 'xl/_rels/workbook.xml.rels', (x) =>
    x.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
  );
  edit(parts, '[Content_Types].xml', (x) =>
    x.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
  );
  return zipXlsx(parts);
}
