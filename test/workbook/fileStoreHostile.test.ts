// Worksheets written in ways no Office writer uses but XML allows, or damaged, saved through the
// page's file store: every row the reader took is still there after a save that moves rows, nothing
// hidden in a comment or a processing instruction becomes data, every part written is well-formed
// XML, and what cannot be read is refused with the catalogue's message.
import { SaxesParser } from 'saxes';
import { isLedgerError } from '../../src/ledger/errors';
import { sampleLedger } from '../../src/workbook/sample';
import { partText, setPartText, unzipXlsx, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { findTable, readSheetCells, tablesOf } from '../../src/workbook/xlsx/sheetCells';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore, openFileStoreAsync, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { openLedgerFile } from '../../src/workbook/xlsxStore/readFile';
import { measure } from './storeContract';

let sample: XlsxParts;
beforeAll(async () => {
  sample = unzipXlsx(await writeLedgerXlsx(sampleLedger('2026-11-22')));
});

const measuresSheet = (parts: XlsxParts) => findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path;

function withSheet(edit: (xml: string) => string): Uint8Array {
  const parts = { ...sample };
  const path = measuresSheet(parts);
  const xml = partText(parts, path)!;
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  setPartText(parts, path, edited);
  return zipXlsx(parts);
}

function malformedParts(parts: XlsxParts): string[] {
  return Object.keys(parts).filter((p) => /\.(xml|rels)$/.test(p)).filter((p) => {
    try {
      new SaxesParser({ xmlns: true }).write(partText(parts, p)!).close();
      return false;
    } catch {
      return true;
    }
  });
}

const opened = (store: FileStore | ReturnType<typeof openFileStore>): FileStore => {
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
};

const INJECTED = '<row r="40"><c r="A40" t="inlineStr"><is><t>注入</t></is></c></row>';

describe('a save that moves rows keeps every row the reader took, and writes well-formed XML', () => {
  test.each<[string, (xml: string) => string]>([
    ['a row inside a comment in sheetData', (x) => x.replace('</sheetData>', `<!-- ${INJECTED} --></sheetData>`)],
    ['a processing instruction holding </row>', (x) => x.replace(/(<row r="5"[^>]*>)/, '$1<?x </row>?>')],
    ['CDATA holding </c></row>', (x) => x.replace(/<c r="M5"([^>]*)>[\s\S]*?<\/c>/, '<c r="M5" t="inlineStr"><is><t><![CDATA[a</c></row>b]]></t></is></c>')],
    ['a quoted > in a row’s attributes', (x) => x.replace('<row r="5"', '<row x="a>b" r="5"')],
    ['a quoted > in a cell’s attributes', (x) => x.replace('<c r="M5"', '<c foo="a>b" r="M5"')],
    ['r=… inside another attribute’s value', (x) => x.replace('<row r="5"', `<row x=" r='3'" r="5"`)],
    ['a second row 6 holding a note of the user', (x) => x.replace(/<row r="6"[^>]*>[\s\S]*?<\/row>/, (w) => `${w}<row r="6"><c r="X6" t="inlineStr"><is><t>用户备注</t></is></c></row>`)],
    ['rows out of order', (x) => x.replace(/(<row r="4"[^>]*>[\s\S]*?<\/row>)(<row r="5"[^>]*>[\s\S]*?<\/row>)/, '$2$1')],
    ['rows and cells without r', (x) => x.replace(/<row r="\d+"/g, '<row').replace(/<c r="[A-Z]+\d+"/g, '<c')],
  ])('%s', async (_, edit) => {
    const bytes = withSheet(edit);
    for (const store of [opened(openFileStore(bytes, '甲.xlsx')), opened(await openFileStoreAsync(bytes, '甲.xlsx'))]) {
      const before = await store.load();
      await store.setStatus(before.measures[3].id, '正在推进');
      await store.addMeasures(before.problems[0].id, [measure('新措施', '甲')]);
      const saved = unzipXlsx(store.save().bytes);
      expect(malformedParts(saved)).toEqual([]);
      const after = await opened(openFileStore(zipXlsx(saved), '甲.xlsx')).load();
      expect(after.measures.map((m) => m.id).sort()).toEqual([...before.measures.map((m) => m.id), 'P001-M03'].sort());
      expect(after.measures.find((m) => m.id === before.measures[3].id)?.status).toBe('正在推进');
      const cells = readSheetCells(partText(saved, measuresSheet(saved))!, [], []);
      const texts: unknown[] = [];
      cells.each!((_r, _c, cell) => texts.push(cell.value));
      expect(texts).not.toContain('注入');
      if (_.includes('用户备注')) expect(texts).toContain('用户备注');
    }
  });
});

test('a cell whose r names another row than its own: refused as damaged, not read into the wrong row', async () => {
  const bytes = withSheet((x) => x.replace(/<c r="([A-Z]+)5"/g, '<c r="$19"'));
  for (const store of [openFileStore(bytes, '甲.xlsx'), await openFileStoreAsync(bytes, '甲.xlsx')]) {
    expect(isLedgerError(store) && store.code).toBe('damagedXlsx');
  }
});

describe('generated sheets in a workbook whose styles.xml is missing, incomplete or damaged', () => {
  const STYLES = 'xl/styles.xml';
  test.each<[string, (parts: XlsxParts) => void]>([
    ['no styles.xml (its relationship and content type kept)', (p) => delete p[STYLES]],
    ['no styles.xml, no content type for it', (p) => {
      delete p[STYLES];
      setPartText(p, '[Content_Types].xml', partText(p, '[Content_Types].xml')!.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    }],
    ['no styles.xml and no relationship to it', (p) => {
      delete p[STYLES];
      setPartText(p, 'xl/_rels/workbook.xml.rels', partText(p, 'xl/_rels/workbook.xml.rels')!.replace(/<Relationship [^>]*\/styles"[^>]*\/>/, ''));
    }],
    ['a stylesheet without cellXfs', (p) => setPartText(p, STYLES, partText(p, STYLES)!.replace(/<cellXfs[\s\S]*?<\/cellXfs>/, ''))],
    ['an empty, self-closed stylesheet', (p) => setPartText(p, STYLES, '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')],
    ['a prefixed stylesheet with only fonts', (p) => setPartText(p, STYLES, '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="12"/><x:name val="宋体"/></x:font></x:fonts><x:dxfs count="0"/></x:styleSheet>')],
    ['cellXfs and fonts whose counts lie', (p) => setPartText(p, STYLES, partText(p, STYLES)!.replace(/<cellXfs count="\d+"/, '<cellXfs count="2"').replace(/<fonts count="\d+"/, '<fonts count="99999"'))],
  ])('%s: 整改统计 and a 通报 sheet are written, with the styles they need', async (_, edit) => {
    const parts = { ...sample };
    edit(parts);
    const store = opened(openFileStore(zipXlsx(parts), '甲.xlsx'));
    await store.refreshDashboard();
    await store.writeReportSheet('通报', [['标题'], ['一', '二']]);
    const saved = unzipXlsx(store.save().bytes);
    expect(malformedParts(saved)).toEqual([]);
    expect(partText(saved, '[Content_Types].xml')!.split('PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"')).toHaveLength(2);
    expect(partText(saved, 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    const styles = partText(saved, STYLES)!;
    // Every list in schema order, each once.
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'].map((n) => styles.search(new RegExp(`<(?:x:)?${n}[\\s>/]`))).filter((i) => i >= 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.length).toBeGreaterThanOrEqual(6);
    expect(await opened(openFileStore(zipXlsx(saved), '甲.xlsx')).load()).toEqual(await store.load());
  });

  test('a styles.xml that is not XML: the catalogue’s message, and nothing written', async () => {
    const parts = { ...sample };
    setPartText(parts, STYLES, '<styleSheet><fonts>');
    const bytes = zipXlsx(parts);
    const store = opened(openFileStore(bytes, '甲.xlsx'));
    await expect(store.refreshDashboard()).rejects.toMatchObject({ name: 'LedgerStoreError', error: { code: 'damagedStyles' } });
    expect(store.isDirty()).toBe(false);
    expect(store.save().bytes).toBe(bytes);
  });
});

describe('a ZG_Measures table part that claims odd things: the rows it holds are read, and a new measure lands inside it', () => {
  const tablePath = (parts: XlsxParts) => Object.keys(parts).find((k) => k.startsWith('xl/tables/') && /\sname="ZG_Measures"/.test(partText(parts, k)!))!;
  const withTable = (edit: (xml: string) => string) => {
    const parts = { ...sample };
    const path = tablePath(parts);
    const xml = partText(parts, path)!;
    expect(edit(xml)).not.toBe(xml);
    setPartText(parts, path, edit(xml));
    return zipXlsx(parts);
  };
  test.each<[string, (xml: string) => string, number]>([
    ['its ref written backwards (X29:A1)', (x) => x.replace(/ ref="A1:([A-Z]+)(\d+)"/, ' ref="$1$2:A1"'), 28],
    ['a > inside a quoted attribute of <table>', (x) => x.replace(/<table /, '<table x="a>b" '), 28],
    ['headerRowCount="3" (Excel has one header row or none)', (x) => x.replace(/ headerRowCount="\d+"/, '').replace(/<table /, '<table headerRowCount="3" '), 28],
    ['totalsRowCount="5000" (at most one totals row: the last row)', (x) => x.replace(/<table /, '<table totalsRowCount="5000" '), 27],
    ['a ref of one cell (A1): a header and no body', (x) => x.replace(/ ref="[^"]*"/, ' ref="A1"'), 0],
    ['a ref of row 0 (A0:X0)', (x) => x.replace(/ ref="[^"]*"/, ' ref="A0:X0"'), 0],
    ['a ref below every row (A2000:X2005)', (x) => x.replace(/ ref="[^"]*"/g, ' ref="A2000:X2005"'), 0],
  ])('%s', async (_, edit, count) => {
    const store = opened(openFileStore(withTable(edit), '甲.xlsx'));
    const before = await store.load();
    expect(before.measures).toHaveLength(count);
    await store.addMeasures(before.problems[0].id, [measure('新措施', '甲')]);
    const saved = unzipXlsx(store.save().bytes);
    expect(malformedParts(saved)).toEqual([]);
    const after = await opened(openFileStore(zipXlsx(saved), '甲.xlsx')).load();
    expect(after.measures).toHaveLength(count + 1);
    expect(after.measures.some((m) => m.text === '新措施')).toBe(true);
  });

  test('a calculated column formula with a character reference, a comment and CDATA: read as XML says', async () => {
    const bytes = withTable((x) => x.replace(/<calculatedColumnFormula>[^<]*<\/calculatedColumnFormula>/, '<calculatedColumnFormula>LEN(&quot;&#x41;<!-- x -->&quot;)<![CDATA[&1]]></calculatedColumnFormula>'));
    const store = opened(openFileStore(bytes, '甲.xlsx'));
    await store.addMeasures((await store.load()).problems[0].id, [measure('新措施', '甲')]);
    const saved = unzipXlsx(store.save().bytes);
    expect(partText(saved, measuresSheet(saved))).toContain('<f>LEN("A")&amp;1</f>');
  });
});

test('a ZG_Measures claiming A1:X1048576 with one cell at row 1,048,570: the rows walked are the rows held, and a save keeps every measure', async () => {
  const parts = { ...sample };
  const table = Object.keys(parts).find((k) => k.startsWith('xl/tables/') && /\sname="ZG_Measures"/.test(partText(parts, k)!))!;
  setPartText(parts, table, partText(parts, table)!.replace(/ ref="[^"]*"/g, ' ref="A1:X1048576"'));
  const path = measuresSheet(parts);
  setPartText(parts, path, partText(parts, path)!.replace('</sheetData>', '<row r="1048570"><c r="B1048570" t="inlineStr"><is><t>远处</t></is></c></row></sheetData>'));
  const bytes = zipXlsx(parts);
  const file = openLedgerFile(bytes, '甲.xlsx');
  if (isLedgerError(file)) throw new Error(file.message);
  expect(file.model.measures.rows.length).toBeLessThan(40);
  const store = opened(openFileStore(bytes, '甲.xlsx'));
  const before = await store.load();
  await store.addMeasures(before.problems[0].id, [measure('新措施', '甲')]);
  const after = await opened(openFileStore(store.save().bytes, '甲.xlsx')).load();
  expect(after.measures).toHaveLength(before.measures.length + 1);
});

test('rows the page does not show are named with their row numbers: data without a 措施编号 (or a shared-string index out of range), rows typed below the table', async () => {
  const bytes = withSheet((x) => {
    const bottom = Math.max(...Array.from(x.matchAll(/<row r="(\d+)"/g), (m) => Number(m[1])));
    return x
      .replace(/<c r="A5"( [^>]*)?>[\s\S]*?<\/c>/, '<c r="A5" t="s"><v>99999999</v></c>')
      .replace(/<c r="A7"( [^>]*)?>[\s\S]*?<\/c>/, '')
      .replace('</sheetData>', `<row r="${bottom + 1}"><c r="C${bottom + 1}" t="inlineStr"><is><t>表格下方的措施</t></is></c></row></sheetData>`);
  });
  const store = opened(openFileStore(bytes, '甲.xlsx'));
  const codes = store.warnings.map((w) => [w.code, w.params[2]]);
  expect(codes).toContainEqual(['rowsWithoutIdShown', '第5、7行']);
  expect(codes).toContainEqual(['rowsBelowTableShown', '第30行']);
  // Kept in the file by a save that moves rows.
  const before = await store.load();
  await store.addMeasures(before.problems[0].id, [measure('新措施', '甲')]);
  const saved = unzipXlsx(store.save().bytes);
  const cells = readSheetCells(partText(saved, measuresSheet(saved))!, [], []);
  expect(cells.get(31, 3)?.value).toBe('表格下方的措施');
});

test('a raw control character and U+FFFF in a cell (which XML forbids as they stand): a save that rewrites the sheet writes them as _xHHHH_ escapes, well-formed and read back the same', async () => {
  const bytes = withSheet((x) => x.replace(/<c r="M5"([^>]*)>[\s\S]*?<\/c>/, '<c r="M5" t="inlineStr"><is><t>甲\u0001乙\uFFFF</t></is></c>'));
  const store = opened(openFileStore(bytes, '甲.xlsx'));
  const before = await store.load();
  await store.addMeasures(before.problems[0].id, [measure('新措施', '甲')]);
  const saved = unzipXlsx(store.save().bytes);
  expect(malformedParts(saved)).toEqual([]);
  const cells = readSheetCells(partText(saved, measuresSheet(saved))!, [], []);
  expect(cells.get(6, 13)?.value).toBe('甲\u0001乙\uFFFF');
});

test('a 巡察信息 name pointing past Excel’s last row ($B$2000000): no cell is written there', async () => {
  const parts = { ...sample };
  setPartText(parts, 'xl/workbook.xml', partText(parts, 'xl/workbook.xml')!.replace(/(<definedName name="ZG_Inspector">[^<]*)\$B\$3</, '$1$B$2000000<'));
  const store = opened(openFileStore(zipXlsx(parts), '甲.xlsx'));
  const { round } = await store.load();
  await store.saveRound({ ...round, inspector: '市委第九巡察组' });
  const saved = unzipXlsx(store.save().bytes);
  const info = partText(saved, 'xl/worksheets/sheet1.xml')!;
  expect(info).not.toContain('2000000');
  expect(Math.max(...Array.from(info.matchAll(/<row r="(\d+)"/g), (m) => Number(m[1])))).toBeLessThanOrEqual(1_048_576);
});
