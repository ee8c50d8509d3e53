// The file store's generated sheets at the package level: what a refresh, a 通报 sheet and 汇总 may
// touch and what they must leave — the template's 整改统计 refreshed in place with its own style ids,
// a sheet of the user's that has the name left alone, a shape of the user's kept beside our charts,
// a typed 统计截止日期 kept, user text written as text.
import { isoToSerial } from '../../src/ledger/dates';
import { isLedgerError } from '../../src/ledger/errors';
import type { Ledger } from '../../src/ledger/types';
import { sampleLedger } from '../../src/workbook/sample';
import { definedNames, partText, relationshipsOf, relsPathOf, setPartText, unzipXlsx, worksheets, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { chartNamesOn } from '../../src/workbook/xlsxStore/sheetParts';
import { workbookReader } from '../../src/workbook/xlsx/readLedger';
import { findTable, tablesOf } from '../../src/workbook/xlsx/sheetCells';

const now = () => new Date(2026, 10, 22, 9, 30, 0);
let sample: Uint8Array;
beforeAll(async () => {
  sample = await writeLedgerXlsx(sampleLedger('2026-11-22'));
});

function open(bytes: Uint8Array): FileStore {
  const store = openFileStore(bytes, '整改台账.xlsx', { now });
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
}

const pathOf = (parts: XlsxParts, sheet: string) => worksheets(parts).find((s) => s.name === sheet)?.path;
const same = (a: XlsxParts, b: XlsxParts, path: string) => Buffer.compare(Buffer.from(a[path]), Buffer.from(b[path])) === 0;

describe('统计 in a file', () => {
  test('the template\'s 整改统计 is refreshed in place with the template\'s own styles; a refresh that changes nothing writes nothing', async () => {
    const store = open(sample);
    await expect(store.refreshDashboard()).resolves.toMatchObject({ sheet: '整改统计', created: false, charts: 3 });
    const first = store.save();
    expect(first.parts).toEqual([pathOf(unzipXlsx(sample), '整改统计')]);
    await store.refreshDashboard();
    expect(store.isDirty()).toBe(true);
    const second = store.save();
    expect(second.parts).toEqual([]);
    expect(Buffer.compare(Buffer.from(second.bytes), Buffer.from(first.bytes))).toBe(0);
  });

  test('a sheet of the user\'s called 整改统计 is left alone: the dashboard goes to 整改统计 (2), a sheet with its name, rels, content type and charts', async () => {
    const parts = unzipXlsx(sample);
    // Without our name and our charts the sheet is the user's.
    setPartText(parts, 'xl/workbook.xml', partText(parts, 'xl/workbook.xml')!.replace(/<definedName name="ZG_Dashboard">[^<]*<\/definedName>/, ''));
    const own = pathOf(parts, '整改统计')!;
    setPartText(parts, own, partText(parts, own)!.replace(/<drawing r:id="[^"]*"\/>/, ''));
    delete parts[relsPathOf(own)];
    const input = zipXlsx(parts);
    const store = open(input);
    await expect(store.refreshDashboard()).resolves.toMatchObject({ sheet: '整改统计 (2)', created: true });
    await expect(store.refreshDashboard()).resolves.toMatchObject({ sheet: '整改统计 (2)', created: false });
    const after = unzipXlsx(store.save().bytes);
    const before = unzipXlsx(input);
    expect(same(before, after, own)).toBe(true);
    const added = pathOf(after, '整改统计 (2)')!;
    expect(definedNames(after).find((n) => n.name === 'ZG_Dashboard')?.formula).toBe("'整改统计 (2)'!$A$1");
    expect(partText(after, '[Content_Types].xml')).toContain(`<Override PartName="/${added}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    expect(chartNamesOn(after, added)).toEqual(['ZG_Chart_Status', 'ZG_Chart_Categories', 'ZG_Chart_Units']);
    for (const rel of relationshipsOf(after, relationshipsOf(after, added)[0].target)) expect(after[rel.target]).toBeDefined();
    expect((await open(zipXlsx(after)).load()).measures).toHaveLength(sampleLedger('2026-11-22').measures.length);
  });

  test('a shape of the user\'s on 整改统计 stays when the charts are redrawn for a larger ledger', async () => {
    const parts = unzipXlsx(sample);
    const drawing = relationshipsOf(parts, pathOf(parts, '整改统计')!).find((r) => r.type.endsWith('/drawing'))!.target;
    const shape = '<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>70</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>74</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="我的批注框"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';
    setPartText(parts, drawing, partText(parts, drawing)!.replace('</xdr:wsDr>', `${shape}</xdr:wsDr>`));
    const store = open(zipXlsx(parts));
    await store.addProblem(
      { sourceNumber: '', category: '新方面', description: '新问题', source: '巡察反馈', leader: '', leadUnit: '', note: '' },
      Array.from({ length: 6 }, (_, i) => ({ text: `措施${i}`, leader: '', unit: `新单位${i}`, coUnits: '', owner: '', deadlineText: '', deadline: null, status: '正在推进' as const, longTerm: false, note: '' })),
    );
    await store.refreshDashboard();
    const after = unzipXlsx(store.save().bytes);
    const sheet = pathOf(after, '整改统计')!;
    expect(chartNamesOn(after, sheet)).toEqual(['我的批注框', 'ZG_Chart_Status', 'ZG_Chart_Categories', 'ZG_Chart_Units']);
    expect(partText(after, drawing)).toContain(shape);
    expect(Object.keys(after).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3);
  });
});

describe('写入新工作表 in a file', () => {
  test('every cell is text, =1+1 included; styles are appended after the workbook\'s own, whose ids stay', async () => {
    const store = open(sample);
    const name = await store.writeReportSheet('整改通报20261122', [['类型', '内容'], ['标题', '关于巡察整改情况的通报'], ['正文', '=1+1']]);
    const before = unzipXlsx(sample);
    const after = unzipXlsx(store.save().bytes);
    const xml = partText(after, pathOf(after, name)!)!;
    expect(xml).toMatch(/<c r="B3" s="\d+" t="inlineStr"><is><t>=1\+1<\/t><\/is><\/c>/);
    expect(xml).not.toContain('<f>');
    const xfs = (p: XlsxParts) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(partText(p, 'xl/styles.xml')!)![1];
    expect(xfs(after).startsWith(xfs(before))).toBe(true);
    expect(xfs(after).length).toBeGreaterThan(xfs(before).length);
  });
});

describe('汇总 in a file', () => {
  const unit = (name: string, ledger: Ledger = sampleLedger('2026-11-22')) => ({ unit: name, fileName: `${name}.xlsx`, ledger });

  test('a 统计截止日期 typed on 汇总统计 stays, and is what the report gives back', async () => {
    const store = open(sample);
    await expect(store.consolidate([unit('甲单位')])).resolves.toMatchObject({ asOf: null, unitCount: 1 });
    const parts = unzipXlsx(store.save().bytes);
    const path = pathOf(parts, '汇总统计')!;
    const typed = `<c r="B2" s="7"><v>${isoToSerial('2026-12-31')}</v></c>`;
    setPartText(parts, path, partText(parts, path)!.replace(/<c r="B2"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, typed));
    const again = open(zipXlsx(parts));
    await expect(again.consolidate([unit('乙单位')])).resolves.toMatchObject({ asOf: '2026-12-31', unitCount: 2, rowCount: 56 });
    const after = unzipXlsx(again.save().bytes);
    expect(partText(after, path)).toContain(typed);
    expect(worksheets(after).map((s) => s.name).filter((n) => n.startsWith('汇总'))).toEqual(['汇总', '汇总统计']);
  });

  test('a column the 巡察办 added to the 汇总 table keeps each value on its row, by 来源单位 and 编号, when a unit is sent again', async () => {
    const store = open(sample);
    await store.consolidate([unit('甲单位'), unit('乙单位')]);
    const parts = unzipXlsx(store.save().bytes);
    const table = findTable(tablesOf(parts), 'ZG_Summary')!;
    const tablePart = relationshipsOf(parts, table.sheet.path).find((r) => r.type.endsWith('/table'))!.target;
    const last = table.range.bottom;
    setPartText(parts, tablePart, partText(parts, tablePart)!
      .replace(/ref="A1:T(\d+)"/g, 'ref="A1:U$1"').replace('<tableColumns count="20">', '<tableColumns count="21">')
      .replace('</tableColumns>', '<tableColumn id="21" name="核查意见"/></tableColumns>'));
    const cells = workbookReader(parts).cellsOf(table.sheet.path);
    const rowOf = (unitName: string, measure: string, bottom = last) => {
      for (let r = 2; r <= bottom; r++) if (cells.get(r, 1)?.value === unitName && cells.get(r, 10)?.value === measure) return r;
      throw new Error(`no row for ${unitName} ${measure}`);
    };
    const noted = rowOf('乙单位', 'P002-M01');
    const sheetXml = partText(parts, table.sheet.path)!
      .replace('</row>', '<c r="U1" t="inlineStr"><is><t>核查意见</t></is></c></row>')
      .replace(new RegExp(`(<row r="${noted}"[^>]*>[\\s\\S]*?)</row>`), '$1<c r="U' + noted + '" t="inlineStr"><is><t>=已核实</t></is></c></row>');
    setPartText(parts, table.sheet.path, sheetXml);
    const again = open(zipXlsx(parts));
    const fewer = sampleLedger('2026-11-22');
    const shorter = { ...fewer, problems: fewer.problems.slice(1), measures: fewer.measures.filter((m) => m.problemId !== fewer.problems[0].id) };
    await again.consolidate([unit('甲单位', shorter)]);
    const after = unzipXlsx(again.save().bytes);
    const t = findTable(tablesOf(after), 'ZG_Summary')!;
    expect(t.columns.at(-1)).toBe('核查意见');
    const read = workbookReader(after).cellsOf(t.sheet.path);
    const moved = (() => {
      for (let r = 2; r <= t.range.bottom; r++) if (read.get(r, 1)?.value === '乙单位' && read.get(r, 10)?.value === 'P002-M01') return r;
      return -1;
    })();
    expect(moved).toBeLessThan(noted);
    expect(read.get(moved, 21)?.value).toBe('=已核实');
    expect(read.get(moved, 21)?.formula).toBeFalsy();
    const notes = [];
    for (let r = 2; r <= t.range.bottom; r++) if (read.get(r, 21)?.value) notes.push(r);
    expect(notes).toEqual([moved]);
  });
});
