import fc from 'fast-check';
import { UNMARKED } from '../../src/ledger/types';
import { dateTimeToSerial, officeText, readDate, readFlag, readStatus } from '../../src/workbook/cells';
import { columnLetter } from '../../src/workbook/schema';
import { sheetOfReference, freeSheetName } from '../../src/workbook/excelSetup';
import { firstRowOf } from '../../src/workbook/excelSelect';

describe('cell conversions', () => {
  test.each<[unknown, string | null]>([
    [46348, '2026-11-22'],
    [46348.75, '2026-11-22'],
    ['2026-11-22', '2026-11-22'],
    ['2026/1/5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026-02-30', null],
    ['2026年12月底前', null],
    ['', null],
    [12, null],
  ])('readDate(%j) is %s', (cell, iso) => expect(readDate(cell)).toBe(iso));

  test.each<[unknown, string]>([['已完成', '已完成'], ['完成', '已完成'], ['推进中', '正在推进'], ['', UNMARKED], ['随便写写', UNMARKED]])('readStatus(%j) is %s', (cell, s) =>
    expect(readStatus(cell)).toBe(s),
  );

  test.each<[unknown, boolean]>([['是', true], ['否', false], [true, true], ['', false], ['纳入长期坚持', true]])('readFlag(%j) is %s', (cell, f) => expect(readFlag(cell)).toBe(f));

  test.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 010', "'+86 010"],
    ['-张三', "'-张三"],
    ['@所有人', "'@所有人"],
    ['001', "'001"],
    ['3/15', "'3/15"],
    ['1月5日前', "'1月5日前"],
    ["'引号", "''引号"],
    ['TRUE', "'TRUE"],
    ['1E5', "'1E5"],
    ['办公室', '办公室'],
    ['长期坚持', '长期坚持'],
  ])('officeText(%j) is %j', (text, typed) => expect(officeText(text)).toBe(typed));

  test('officeText never lets text start with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const typed = officeText(text);
        expect(typed === text || typed === `'${text}`).toBe(true);
        if (/^[=+\-@']/.test(text)) expect(typed).toBe(`'${text}`);
      }),
    );
  });

  test('helpers: date-time serials, column letters, name references, sheet names, selection rows', () => {
    expect(dateTimeToSerial('2026-11-22 12:00:00')).toBe(46348.5);
    expect(dateTimeToSerial('2026-11-22 午后')).toBeNull();
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(sheetOfReference("='巡察信息(台账)'!$B$2")).toBe('巡察信息(台账)');
    expect(sheetOfReference('=Sheet1!$B$2')).toBe('Sheet1');
    expect(sheetOfReference("='O''Brien'!$A$1")).toBe("O'Brien");
    expect(freeSheetName('问题清单', ['问题清单', '问题清单(台账)'])).toBe('问题清单(台账2)');
    expect(freeSheetName('整改台账', ['Sheet1'])).toBe('整改台账');
    expect([firstRowOf('C5'), firstRowOf('整改台账!$B$7:$D$9'), firstRowOf('')]).toEqual([5, 7, null]);
  });
});
