// 写入新工作表: the 通报 draft as a new worksheet, in the Office.js adapter (against the fake object
// model of fakeExcel.ts / fakeContext.ts) and in the preview's memory store.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LedgerStoreError } from '../../src/ledger/store';
import { buildDraft } from '../../src/ledger/report/draft';
import { draftToRows } from '../../src/ledger/report/output';
import { createExcelStore } from '../../src/workbook/excelStore';
import { displayWidth, reportLayout, reportSheetName, sanitizeSheetName, SHEET_NAME_MAX } from '../../src/workbook/excelReport';
import { createMemoryStore } from '../../src/workbook/memoryStore';
import { sampleLedger } from '../../src/workbook/sample';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel, FakeSheet, type Cell } from './fakeExcel';

const FIXTURE = readFileSync(`${__dirname}/../fixtures/reports/000_864535028c48d981.txt`, 'utf8').split(/\r?\n/).map((l) => l.trim());
/** Real lines of a published 通报: title, opening paragraph, a heading, a long paragraph. */
const TITLE = FIXTURE.find((l) => l.startsWith('关于'))!;
const OPENING = FIXTURE.find((l) => l.startsWith('根据市委统一部署'))!;
const HEADING = FIXTURE.find((l) => l.startsWith('一、'))!;
const LONG = FIXTURE.find((l) => l.startsWith('委党组高度重视'))!;

function setup(sheets: string[] = []) {
  const model = new FakeModel();
  model.sheets.push(...sheets.map((n) => new FakeSheet(n)));
  const store = createExcelStore({ excel: createExcelMock(() => new FakeContext(model)) as never });
  const syncsOf = async <T>(action: () => Promise<T>): Promise<{ value: T; syncs: number }> => {
    const before = model.syncs;
    const value = await action();
    return { value, syncs: model.syncs - before };
  };
  return { model, store, syncsOf };
}

/** The sheet's cells as the user sees them (values; blank where nothing was written). */
function grid(sheet: FakeSheet, rows: number, cols: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.peek(r, c)?.v ?? ''));
}
function cellsOf(sheet: FakeSheet): Cell[] {
  return [...sheet.cells.values()];
}

const ROWS: string[][] = [
  ['类型', '内容'],
  ['标题', TITLE],
  ['正文', OPENING],
  ['一级标题', HEADING],
  ['正文', LONG],
  ['二级标题', '（一）关于“三重一大”制度执行不严格的问题'],
  ['正文', '=HYPERLINK("http://example.com","点击")'],
  ['正文', '+86 371 1234567'],
  ['正文', '-已整改'],
  ['正文', '@所有人'],
  ['正文', '001'],
  ['正文', "'引号开头"],
  ['成文日期', '2022年10月18日'],
];

describe('Excel: writeReportSheet', () => {
  test('adds a new sheet, writes every cell as the text given, activates it, in two syncs', async () => {
    const { model, store, syncsOf } = setup();
    const { value: name, syncs } = await syncsOf(() => store.writeReportSheet('整改通报20221018', ROWS));
    expect(name).toBe('整改通报20221018');
    expect(syncs).toBeLessThanOrEqual(2);
    const sheet = model.sheet(name)!;
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '整改通报20221018']);
    expect(model.active).toBe(name);
    expect(grid(sheet, ROWS.length, 2)).toEqual(ROWS);
    expect(cellsOf(sheet).filter((c) => c.f !== undefined)).toEqual([]);
  });

  test('a name taken (in any case) becomes "name (2)", then "name (3)"; existing sheets are untouched', async () => {
    const { model, store } = setup(['整改通报20221018', 'Report']);
    model.sheet('Report')!.input(0, 0, '旧的内容');
    await expect(store.writeReportSheet('整改通报20221018', ROWS)).resolves.toBe('整改通报20221018 (2)');
    await expect(store.writeReportSheet('整改通报20221018', ROWS)).resolves.toBe('整改通报20221018 (3)');
    await expect(store.writeReportSheet('REPORT', [['x']])).resolves.toBe('REPORT (2)');
    expect(model.sheet('Report')!.peek(0, 0)?.v).toBe('旧的内容');
    expect(model.sheet('Report')!.cells.size).toBe(1);
    expect(model.sheet('整改通报20221018')!.cells.size).toBe(0);
  });

  test('names are sanitised for Excel: forbidden characters, length, apostrophes, the reserved History', async () => {
    const { model, store } = setup(['History']);
    await expect(store.writeReportSheet('整改通报 2022/10/18', ROWS)).resolves.toBe('整改通报 2022-10-18');
    await expect(store.writeReportSheet("'通报[草稿]?*:第1稿\\'", ROWS)).resolves.toBe('通报(草稿)-第1稿-');
    const long = '中共开封市卫生健康委员会党组关于市委第二巡察组巡察反馈意见整改情况的通报';
    const first = await store.writeReportSheet(long, ROWS);
    const second = await store.writeReportSheet(long, ROWS);
    expect(first).toBe(long.slice(0, SHEET_NAME_MAX));
    expect(second).toBe(`${long.slice(0, SHEET_NAME_MAX - 4)} (2)`);
    expect(second).toHaveLength(SHEET_NAME_MAX);
    await expect(store.writeReportSheet('history', [['x']])).resolves.toBe('history (2)');
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'History', '整改通报 2022-10-18', '通报(草稿)-第1稿-', first, second, 'history (2)']);
  });

  test('a blank name is refused before Excel is touched', async () => {
    const { model, store } = setup();
    for (const blank of ['', '   ', '?*', "''"]) {
      const error = await store.writeReportSheet(blank, ROWS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerStoreError);
      expect((error as LedgerStoreError).message).toBe('请填写工作表名称');
    }
    expect(model.syncs).toBe(0);
    expect(model.sheets).toHaveLength(1);
  });

  test('formats a readable draft: header and headings bold, title larger, prose column wrapped, label column narrow', async () => {
    const { model, store } = setup();
    const sheet = model.sheet(await store.writeReportSheet('通报', ROWS))!;
    const bold = ROWS.map((_, r) => sheet.peek(r, 1)?.bold === true);
    expect(bold).toEqual(ROWS.map((row, r) => r === 0 || ['标题', '一级标题', '二级标题'].includes(row[0])));
    expect(sheet.peek(0, 0)?.bold).toBe(true);
    expect(sheet.peek(1, 1)?.size).toBe(16);
    expect(sheet.peek(2, 1)?.size).toBe(12);
    expect(sheet.peek(2, 1)?.font).toBe('宋体');
    expect(sheet.peek(4, 1)?.wrap).toBe(true);
    expect(sheet.peek(4, 0)?.wrap).toBeUndefined();
    expect(sheet.peek(4, 0)?.valign).toBe('Top');
    const [labelWidth, proseWidth] = [sheet.widths.get(0)!, sheet.widths.get(1)!];
    expect(labelWidth).toBeGreaterThan(40);
    expect(labelWidth).toBeLessThan(100);
    expect(proseWidth).toBeGreaterThan(300);
    expect(proseWidth).toBeLessThan(600);
  });

  test('single-column rows: the first row (the title) is bold, column A is the wrapped prose column; ragged rows are padded', async () => {
    const { model, store } = setup();
    const sheet = model.sheet(await store.writeReportSheet('通报', [[TITLE], [OPENING], [HEADING, '备注'], []]))!;
    expect(grid(sheet, 4, 2)).toEqual([[TITLE, ''], [OPENING, ''], [HEADING, '备注'], ['', '']]);
    expect(sheet.peek(0, 0)?.bold).toBe(true);
    expect(sheet.peek(1, 0)?.bold).toBeUndefined();
    expect(sheet.peek(1, 0)?.wrap).toBe(true);
    expect(sheet.widths.get(0)).toBeGreaterThan(300);
  });

  test('no rows: an empty sheet is still added and activated', async () => {
    const { model, store, syncsOf } = setup();
    const { value, syncs } = await syncsOf(() => store.writeReportSheet('空白通报', []));
    expect(value).toBe('空白通报');
    expect(syncs).toBe(2);
    expect(model.active).toBe('空白通报');
    expect(cellsOf(model.sheet('空白通报')!).every((c) => c.v === '')).toBe(true);
  });

  test('the real draft of the sample ledger reads back cell for cell, without a formula', async () => {
    const rows = draftToRows(buildDraft(sampleLedger('2026-11-22'), { asOf: '2026-11-22' }));
    const { model, store, syncsOf } = setup();
    const { value: name, syncs } = await syncsOf(() => store.writeReportSheet('整改通报20261122', rows));
    expect(syncs).toBe(2);
    const sheet = model.sheet(name)!;
    expect(grid(sheet, rows.length, 2)).toEqual(rows);
    expect(cellsOf(sheet).some((c) => c.f !== undefined)).toBe(false);
  });

  test('any text, however it starts, reads back as that text and never as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const { model, store } = setup();
        const sheet = model.sheet(await store.writeReportSheet('t', rows))!;
        const cols = Math.max(...rows.map((r) => r.length));
        expect(grid(sheet, rows.length, cols)).toEqual(rows.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? '')));
        expect(cellsOf(sheet).some((c) => c.f !== undefined)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('sheet names', () => {
  test.each([
    ['整改通报20221018', '整改通报20221018'],
    ['  整改\n通报\t2022  ', '整改 通报 2022'],
    ['a:b\\c/d?e*f[g]h', 'a-b-c-def(g)h'],
    ["'通报'", '通报'],
    ['x'.repeat(40), 'x'.repeat(31)],
    [`${'x'.repeat(30)}😀`, 'x'.repeat(30)],
  ])('sanitizeSheetName(%j) → %j', (wanted, expected) => {
    expect(sanitizeSheetName(wanted)).toBe(expected);
  });

  test('any name either is refused as blank or comes out as a free name Excel accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 6 }), (wanted, taken) => {
        let name: string;
        try {
          name = reportSheetName(wanted, taken);
        } catch (error) {
          expect(error).toBeInstanceOf(LedgerStoreError);
          return;
        }
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
        expect(name).not.toMatch(/[:\\/?*[\]\u0000-\u001f]/);
        expect(name).not.toMatch(/^'|'$/);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
        expect(name.toLowerCase()).not.toBe('history');
      }),
    );
  });

  test('display width counts CJK and full-width characters twice', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('整改（一）')).toBe(10);
    expect(displayWidth('2022年')).toBe(6);
  });

  test('layout: one column per widest row, a label column sized to its longest label', () => {
    const layout = reportLayout([['类型', '内容'], ['一级标题', '短']]);
    expect(layout.values).toEqual([['类型', '内容'], ['一级标题', '短']]);
    expect(layout.columns.map((c) => c.wrap)).toEqual([false, false]);
    // 一级标题 is 8 half-width units (+2 padding); 内容 is below the minimum of 8.
    expect(layout.columns[0].widthPoints).toBeGreaterThan(layout.columns[1].widthPoints);
    expect(reportLayout([['内容']]).columns[0].widthPoints).toBe(layout.columns[1].widthPoints);
    expect(layout.boldRows).toEqual([0, 1]);
    expect(layout.titleRows).toEqual([]);
  });
});

describe('memory store: writeReportSheet', () => {
  test('keeps the sheets with their rows; names follow the same rule, against the ledger sheets too', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'));
    await expect(store.writeReportSheet('整改通报20221018', ROWS)).resolves.toBe('整改通报20221018');
    await expect(store.writeReportSheet('整改通报20221018', [['x']])).resolves.toBe('整改通报20221018 (2)');
    await expect(store.writeReportSheet('整改台账', [['y']])).resolves.toBe('整改台账 (2)');
    await expect(store.writeReportSheet('a/b', [['z']])).resolves.toBe('a-b');
    expect(store.reportSheets().map((s) => s.name)).toEqual(['整改通报20221018', '整改通报20221018 (2)', '整改台账 (2)', 'a-b']);
    expect(store.reportSheets()[0].rows).toEqual(ROWS);
  });

  test('rows are copied: later changes by the caller do not alter the written sheet; a blank name is refused', async () => {
    const store = createMemoryStore(sampleLedger('2026-11-22'));
    const rows = [['标题', '关于巡察整改情况的通报']];
    await store.writeReportSheet('通报', rows);
    rows[0][1] = '改过';
    expect(store.reportSheets()[0].rows).toEqual([['标题', '关于巡察整改情况的通报']]);
    await expect(store.writeReportSheet('  ', rows)).rejects.toBeInstanceOf(LedgerStoreError);
    expect(store.reportSheets()).toHaveLength(1);
  });
});
