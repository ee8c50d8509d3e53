import fc from 'fast-check';
import { UNMARKED } from '../../src/ledger/types';
import { dateTimeToSerial, isCertainlyPlainText, officeText, readDate, readFlag, readStatus } from '../../src/workbook/cells';
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

  // What Excel does with each string written through Range.values (typed-input parsing), and what
  // officeText sends so that the cell keeps the text. "kept" means Excel stores the text as is.
  test.each<[string, string, boolean]>([
    ['=SUM(A1)', 'a formula', true],
    ['+86 010', 'a formula (+ starts one)', true],
    ['-张三', 'a formula (− starts one)', true],
    ['@所有人', 'an implicit-intersection formula', true],
    ["'引号", 'text without its apostrophe (the prefix)', true],
    ['001', 'the number 1', true],
    ['(1)', 'the number −1 (accounting negative), a common 原编号', true],
    ['（1）', 'full-width brackets: −1 in East Asian Excel', true],
    ['1,234', 'the number 1234', true],
    ['12%', 'the number 0.12', true],
    ['$5', 'currency 5', true],
    ['¥5', 'currency 5', true],
    ['1E5', 'the number 100000', true],
    ['.5', 'the number 0.5', true],
    ['1 1/2', 'the fraction 1.5', true],
    ['3/15', 'a date, 15 March', true],
    ['15-Mar', 'a date, 15 March this year', true],
    ['1-Jan', 'a date, 1 January', true],
    ['March 2026', 'a date, 1 March 2026', true],
    ['Mar 5', 'a date, 5 March', true],
    ['2026-03-15', 'a date', true],
    ['2026年3月', 'a date in Chinese Excel', true],
    ['1月5日前', 'text, but 1月5日 alone is a date: protected all the same', true],
    ['12:30', 'a time', true],
    ['下午3点', 'has a digit: protected', true],
    ['P1-M01', 'an ID with digits: protected (harmless)', true],
    ['TRUE', 'the boolean TRUE', true],
    ['false ', 'the boolean FALSE', true],
    ['WAHR', 'TRUE in German Excel', true],
    ['#N/A', 'the error #N/A', true],
    ['#VALUE!', 'the error #VALUE!', true],
    ['#DIV/0!', 'the error #DIV/0!', true],
    ['#REF!', 'the error #REF!', true],
    ['#NAME?', 'the error #NAME?', true],
    ['#NULL!', 'the error #NULL!', true],
    ['#NUM!', 'the error #NUM!', true],
    ['#SPILL!', 'the error #SPILL!', true],
    ['#CALC!', 'the error #CALC!', true],
    ['#GETTING_DATA', 'the error #GETTING_DATA', true],
    ['＝1+1', 'a formula in East Asian Excel (full-width =)', true],
    ['＋86', 'full-width +', true],
    ['－张三', 'full-width −', true],
    ['１２３', 'full-width digits: the number 123', true],
    ['\t=1+1', 'a formula after a leading tab', true],
    ['\n=1+1', 'a formula after a leading line break', true],
    [' =1+1', 'leading space: protected', true],
    ['\u3000=1+1', 'leading ideographic space: protected', true],
    ['办公室', 'plain text', false],
    ['长期坚持', 'plain text', false],
    ['加强学习，提高认识', 'plain text', false],
    ['组织部（牵头）', 'plain text (brackets not first)', false],
    ['March', 'a month name alone stays text', false],
    ['张三、李四', 'plain text', false],
    ['', 'blank', false],
  ])('officeText(%j): Excel would make it %s → protected: %s', (text, _excel, protectedText) => {
    expect(officeText(text)).toBe(protectedText ? `'${text}` : text);
    expect(isCertainlyPlainText(text)).toBe(!protectedText && text !== '');
  });

  test('officeText: either the text or the text after one apostrophe; bare only when certainly plain', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('(1)', '#N/A', '1 1/2', '15-Mar', '＝1+1', '\t=1')), (text) => {
        const typed = officeText(text);
        expect(typed === text || typed === `'${text}`).toBe(true);
        if (typed === text && text !== '') {
          // Nothing bare starts a formula, sign, error or bracket, holds a digit, or is a boolean.
          expect(text).not.toMatch(/^[\s=+\-@'#(（＝＋－＠＃]/u);
          expect(text).not.toMatch(/[0-9０-９]/);
          expect(['true', 'false']).not.toContain(text.trim().toLowerCase());
        }
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
