// The file store: the LedgerStore contract over a real .xlsx package, and what only a file has —
// untouched parts and zip entries byte for byte, rows found by 编号 after the user sorted them,
// new cells in the column's own style, refusals in Chinese for files it cannot edit.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { isLedgerError, type LedgerError } from '../../src/ledger/errors';
import { EMPTY_ROUND, type Ledger } from '../../src/ledger/types';
import { sampleLedger } from '../../src/workbook/sample';
import { partText, setPartText, unzipXlsx, worksheets, zipXlsx, type XlsxParts } from '../../src/workbook/xlsx/package';
import { dateStyles, tablesOf, findTable } from '../../src/workbook/xlsx/sheetCells';
import { workbookReader } from '../../src/workbook/xlsx/readLedger';
import { writeLedgerXlsx } from '../../src/workbook/xlsxWriter';
import { openFileStore, openFileStoreAsync, type FileStore } from '../../src/workbook/xlsxStore/fileStore';
import { rawEntries } from '../../src/workbook/xlsxStore/zipUpdate';
import { changeEntries } from '../support/changeLog';
import { unrelatedWorkbook } from '../support/ledgerXlsx';
import { describeStoreContract, measure, problem } from './storeContract';
import { MEASURES, columnLetter } from '../../src/workbook/schema';
import { excelJsInput } from '../support/excelJs';

/** The last column of ZG_Measures as the writer lays it out (the roll-up helper columns included). */
const LAST_MEASURE_COLUMN = columnLetter(MEASURES.columns.length - 1);

const now = () => new Date(2026, 10, 22, 9, 30, 0);
const empty: Ledger = { round: { ...EMPTY_ROUND }, problems: [], measures: [] };

let blank: Uint8Array;
let sample: Uint8Array;
beforeAll(async () => {
  blank = await writeLedgerXlsx(empty);
  sample = await writeLedgerXlsx(sampleLedger('2026-11-22'));
});

function open(bytes: Uint8Array, clock = now): FileStore {
  const store = openFileStore(bytes, '整改台账.xlsx', { now: clock });
  if (isLedgerError(store)) throw new Error(store.message);
  return store;
}

/** The 变更记录 rows of a saved file. */
function logOf(bytes: Uint8Array) {
  const parts = unzipXlsx(bytes);
  const table = findTable(tablesOf(parts), 'ZG_Changes')!;
  const cells = workbookReader(parts).cellsOf(table.sheet.path);
  const rows: unknown[][] = [];
  for (let r = table.range.top + 1; r <= table.range.bottom; r++) rows.push(table.columns.map((_, i) => cells.get(r, table.range.left + i)?.value ?? ''));
  return changeEntries(rows);
}

describeStoreContract('.xlsx file', async (clock) => {
  const store = open(blank, clock);
  let saved = blank;
  const persist = () => {
    saved = store.save().bytes;
    return saved;
  };
  return {
    store,
    persisted: () => open(persist()).load(),
    changeLog: async () => logOf(persist()),
    sheets: async () => worksheets(unzipXlsx(persist())).map((w) => w.name),
  };
});

const changedParts = (a: XlsxParts, b: XlsxParts) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !a[k] || !b[k] || Buffer.compare(Buffer.from(a[k]), Buffer.from(b[k])) !== 0).sort();

test('the page’s open (parts inflated by the platform’s zlib) reads what the synchronous open reads, and saves the same bytes', async () => {
  const store = await openFileStoreAsync(sample, '整改台账.xlsx', { now });
  if (isLedgerError(store)) throw new Error(store.message);
  const sync = open(sample);
  expect(await store.load()).toEqual(await sync.load());
  await store.setStatus('P001-M01', '已完成', '2026-11-20');
  await sync.setStatus('P001-M01', '已完成', '2026-11-20');
  expect(store.save().bytes).toEqual(sync.save().bytes);
  const refused = await openFileStoreAsync(new Uint8Array([0x50, 0x4b, 3, 4, 0]), '坏.xlsx');
  expect(isLedgerError(refused) && refused.code).toBe('damagedXlsx');
});

describe('saving changes only what the user changed', () => {
  test('a save without edits gives back the file as it was, byte for byte', () => {
    const store = open(sample);
    expect(store.isDirty()).toBe(false);
    const saved = store.save();
    expect(saved.parts).toEqual([]);
    expect(Buffer.compare(Buffer.from(saved.bytes), Buffer.from(sample))).toBe(0);
  });

  test('one edit rewrites the 整改台账 sheet and writes 变更记录; every other part and zip entry keeps its bytes', async () => {
    const store = open(sample);
    const dirty: boolean[] = [];
    store.onDirtyChange((d) => dirty.push(d));
    await store.updateMeasure('P001-M01', { owner: '王五' });
    expect(store.isDirty()).toBe(true);
    const { bytes, parts } = store.save();
    expect(dirty).toEqual([true, false]);
    const before = unzipXlsx(sample);
    const after = unzipXlsx(bytes);
    const measuresSheet = findTable(tablesOf(before), 'ZG_Measures')!.sheet.path;
    const changesSheet = findTable(tablesOf(before), 'ZG_Changes')!.sheet.path;
    // One 变更记录 line takes the template's blank row: the table keeps its size and its part its bytes.
    expect(changedParts(before, after)).toEqual([measuresSheet, changesSheet].sort());
    expect([...parts].sort()).toEqual(changedParts(before, after));
    const rawBefore = rawEntries(sample)!;
    const rawAfter = rawEntries(bytes)!;
    expect([...rawAfter.keys()]).toEqual([...rawBefore.keys()]);
    for (const [name, entry] of rawBefore) {
      if (parts.includes(name)) continue;
      expect(Buffer.compare(Buffer.from(rawAfter.get(name)!.data), Buffer.from(entry.data))).toBe(0);
    }
    // The unchanged cells of the edited row keep their XML; the owner cell is inline text with its style.
    const xml = partText(after, measuresSheet)!;
    expect(xml).toMatch(/<c r="G2"( s="\d+")? t="inlineStr"><is><t>王五<\/t><\/is><\/c>/);
    expect(partText(before, measuresSheet)!.replace(/<c r="G2"[^>]*?(\/>|>.*?<\/c>)/, '')).toBe(xml.replace(/<c r="G2"[^>]*?(\/>|>.*?<\/c>)/, ''));
    expect(partText(after, 'xl/workbook.xml')).toBe(partText(before, 'xl/workbook.xml'));
  });

  test('the blank template row is taken by the first item; the tables grow and shrink; new cells take the column style', async () => {
    const store = open(blank);
    await store.addProblem(problem('问题一'), [measure('措施一', '甲', { deadline: '2026-12-31' }), measure('措施二')]);
    let parts = unzipXlsx(store.save().bytes);
    const table = (name: string) => partText(parts, `xl/tables/${name}`)!;
    expect(table('table2.xml')).toMatch(new RegExp(`<table [^>]*ref="A1:${LAST_MEASURE_COLUMN}3"`));
    expect(table('table2.xml')).toMatch(new RegExp(`<autoFilter ref="A1:${LAST_MEASURE_COLUMN}3"`));
    const sheet = partText(parts, findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path)!;
    // 截止日期 (I) is a serial in the style the template gave that column; 剩余天数 a formula, not text.
    const blankSheet = partText(unzipXlsx(blank), findTable(tablesOf(unzipXlsx(blank)), 'ZG_Measures')!.sheet.path)!;
    const styleOf = (x: string, ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(x)?.[1];
    expect(styleOf(sheet, 'I2')).toBe(styleOf(blankSheet, 'I2'));
    expect(sheet).toMatch(/<c r="I2" s="\d+"><v>46387<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="Q3" s="\d+"><f>IF\(ZG_Measures\[\[#This Row\],\[截止日期\]\]=""/);
    await store.deleteProblem('P001');
    parts = unzipXlsx(store.save().bytes);
    // Excel needs one body row: an empty one is left, and reads as no item.
    expect(partText(parts, 'xl/tables/table2.xml')).toMatch(new RegExp(`<table [^>]*ref="A1:${LAST_MEASURE_COLUMN}2"`));
    expect((await open(zipXlsx(parts)).load()).measures).toEqual([]);
  });

  test('a date written into a cell without a date format takes the column\'s date style', async () => {
    const parts = unzipXlsx(sample);
    const path = findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path;
    const row = (await open(sample).load()).measures.findIndex((m) => m.status !== '已完成') + 2;
    // 完成日期 is column L: a blank cell typed over in General, as a hand-inserted row has it.
    setPartText(parts, path, partText(parts, path)!.replace(new RegExp(`<c r="L${row}"[^>]*?(/>|>.*?</c>)`), `<c r="L${row}"/>`));
    const store = open(zipXlsx(parts));
    const id = (await store.load()).measures[row - 2].id;
    await store.setStatus(id, '已完成', '2026-11-20');
    const xml = partText(unzipXlsx(store.save().bytes), path)!;
    const style = new RegExp(`<c r="L${row}" s="(\\d+)"><v>46346</v></c>`).exec(xml)?.[1];
    expect(style).toBeDefined();
    expect(dateStyles(parts)[Number(style)]).toBe(true);
  });

  test('a Mac workbook counting from 1904 gets its dates written in its own system', async () => {
    const parts = unzipXlsx(blank);
    const workbook = partText(parts, 'xl/workbook.xml')!;
    setPartText(parts, 'xl/workbook.xml', /<workbookPr/.test(workbook) ? workbook.replace(/<workbookPr/, '<workbookPr date1904="1"') : workbook.replace(/(<workbook[^>]*>)/, '$1<workbookPr date1904="1"/>'));
    const store = open(zipXlsx(parts));
    await store.addProblem(problem('问题'), [measure('措施', '甲', { deadline: '2026-12-31' })]);
    await store.saveRound({ ...EMPTY_ROUND, org: '某单位', feedback: '2026-06-15' });
    const saved = store.save().bytes;
    const sheet = partText(unzipXlsx(saved), findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path)!;
    expect(sheet).toMatch(new RegExp(`<c r="I2" s="\\d+"><v>${46387 - 1462}</v></c>`));
    const back = await open(saved).load();
    expect(back.measures[0].deadline).toBe('2026-12-31');
    expect(back.round.feedback).toBe('2026-06-15');
  });

  test('rows are found by 编号 after the user sorted the sheet', async () => {
    const parts = unzipXlsx(sample);
    const path = findTable(tablesOf(parts), 'ZG_Measures')!.sheet.path;
    // Swap rows 2 and 3 as a sort by hand would.
    const xml = partText(parts, path)!.replace(/<row r="2"([\s\S]*?)<\/row><row r="3"([\s\S]*?)<\/row>/, (_, a: string, b: string) =>
      `<row r="2"${b.replace(/r="([A-Z]+)3"/g, 'r="$12"')}</row><row r="3"${a.replace(/r="([A-Z]+)2"/g, 'r="$13"')}</row>`,
    );
    setPartText(parts, path, xml);
    const store = open(zipXlsx(parts));
    const first = (await store.load()).measures[0].id;
    expect(first).toBe('P001-M02');
    await store.updateMeasure('P001-M01', { owner: '王五' });
    await store.deleteMeasure('P001-M02');
    const back = await open(store.save().bytes).load();
    expect(back.measures.find((m) => m.id === 'P001-M01')!.owner).toBe('王五');
    expect(back.measures.some((m) => m.id === 'P001-M02')).toBe(false);
    expect(back.measures).toHaveLength(sampleLedger('2026-11-22').measures.length - 1);
  });

  test('a user\'s own sheet and a comment survive a save, byte for byte', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(sample));
    const own = wb.addWorksheet('我的备忘');
    own.getCell('A1').value = '本单位自用';
    own.getCell('A1').note = '请勿删除';
    const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const store = open(input);
    await store.setStatus('P002-M01', '已完成', '2026-11-20');
    await store.addProblem(problem('新问题'), [measure('新措施')]);
    const out = store.save().bytes;
    const before = unzipXlsx(input);
    const after = unzipXlsx(out);
    const changed = changedParts(before, after);
    expect(changed.every((p) => /^xl\/(worksheets\/sheet\d+\.xml|tables\/table\d+\.xml)$/.test(p))).toBe(true);
    const comments = Object.keys(before).filter((p) => /comments|vmlDrawing/.test(p));
    expect(comments.length).toBeGreaterThan(0);
    for (const p of comments) expect(changed).not.toContain(p);
    expect((await open(out).load()).measures.find((m) => m.id === 'P002-M01')).toMatchObject({ status: '已完成', doneDate: '2026-11-20' });
  });

  test('a macro project and other binary parts are carried over unread, byte for byte', async () => {
    const parts = unzipXlsx(sample);
    const macro = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    parts['xl/vbaProject.bin'] = macro;
    parts['xl/media/image1.png'] = macro.slice(0, 100);
    const input = zipXlsx(parts);
    const store = open(input);
    await store.updateProblem('P001', { note: '宏保留测试' });
    const out = store.save().bytes;
    const before = rawEntries(input)!;
    const after = rawEntries(out)!;
    for (const name of ['xl/vbaProject.bin', 'xl/media/image1.png', 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml']) {
      expect(Buffer.compare(Buffer.from(after.get(name)!.data), Buffer.from(before.get(name)!.data))).toBe(0);
    }
    expect(unzipXlsx(out)['xl/vbaProject.bin']).toEqual(macro);
  });

  test('any text a user types reads back as that text (property)', async () => {
    const store = open(sample);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => s === s.trim()), async (text) => {
        await store.updateMeasure('P003-M01', { note: text });
        const back = await open(store.save().bytes).load();
        expect(back.measures.find((m) => m.id === 'P003-M01')!.note).toBe(text);
      }),
      { numRuns: 30 },
    );
  });
});

describe('files the page cannot edit are refused with their reason, in Chinese', () => {
  const refuse = (bytes: Uint8Array, name = '台账.xlsx') => {
    const r = openFileStore(bytes, name);
    expect(isLedgerError(r)).toBe(true);
    return r as LedgerError;
  };

  test('not a ledger, damaged, old .xls, password-protected, not a workbook at all', async () => {
    expect(refuse(await unrelatedWorkbook()).message).toBe('这个工作簿不是整改台账：没有找到“问题清单（ZG_Problems）”和“整改台账（ZG_Measures）”表格（台账.xlsx）');
    // Cut short (a broken download or copy): a zip that says it is one, but damaged.
    expect(refuse(sample.subarray(0, sample.length - 200)).message).toBe('“台账.xlsx”已损坏或不是标准的 .xlsx 工作簿，无法读取，请用 Excel 或 WPS 打开后重新保存');
    const broken = unzipXlsx(sample);
    setPartText(broken, 'xl/workbook.xml', partText(broken, 'xl/workbook.xml')!.slice(0, 300));
    expect(refuse(zipXlsx(broken)).code).toBe('notALedgerFile');
    const damagedSheet = unzipXlsx(sample);
    const path = findTable(tablesOf(damagedSheet), 'ZG_Measures')!.sheet.path;
    setPartText(damagedSheet, path, partText(damagedSheet, path)!.replace('</sheetData>', '<row><c r="A9"><v>1</x></c></row></sheetData>'));
    expect(refuse(zipXlsx(damagedSheet)).message).toContain('已损坏');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refuse(ole, '台账.xls').message).toContain('旧版 Excel 文件（.xls）');
    const encrypted = new Uint8Array(ole);
    encrypted.set(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat(), 100);
    expect(refuse(encrypted).message).toContain('设置了打开密码');
    expect(refuse(new TextEncoder().encode('问题编号,问题描述\nP001,某问题')).message).toContain('不是 Excel 工作簿');
  });
});
