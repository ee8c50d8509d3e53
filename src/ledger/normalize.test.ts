import fc from 'fast-check';
import { chineseNumeralToNumber, normalizeDateText, normalizeText } from './normalize';

describe('normalizeText', () => {
  test.each([
    ['２０２２年１２月底前', '2022年12月底前'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'],
    ['（１）', '(1)'],
    ['整改率１００％', '整改率100%'],
    // Chinese punctuation stays as written.
    ['一是学习，二是整改；三是：检查。“长期坚持”、常态化', '一是学习，二是整改；三是：检查。“长期坚持”、常态化'],
    ['[bookmark: _GoBack]2、认真落实', '2、认真落实'],
    ['中共新野县卫生健康委党组关于巡察整改情况的通  报', '中共新野县卫生健康委党组关于巡察整改情况的通 报'],
    ['  完成情况：已完成\t\t并长期坚持   ', ' 完成情况：已完成 并长期坚持'],
    ['第一行  \r\n第二行\r第三行', '第一行\n第二行\n第三行'],
    ['零\u200B宽\uFEFF字符', '零宽字符'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('is idempotent and never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });

  test('leaves no full-width ASCII form other than ，：；', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(normalizeText(s)).toMatch(/^[\x20-\x7e，：；]*$/);
      }),
    );
  });
});

describe('chineseNumeralToNumber', () => {
  test.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['三十一', 31],
    ['两', 2],
    ['〇', 0],
    ['零', 0],
    ['一百零五', 105],
    ['一千二百', 1200],
    ['二〇二二', 2022],
    ['二○二二', 2022],
    ['二零二三', 2023],
    ['一万二千', 12000],
    ['拾贰', 12],
    ['12', 12],
  ])('%s → %i', (text, n) => {
    expect(chineseNumeralToNumber(text)).toBe(n);
  });

  test.each(['', '十十', '百十百', '二三十', '长期', '三月', 'abc', '十 二'])('%j is not a numeral', (text) => {
    expect(chineseNumeralToNumber(text)).toBeNull();
  });

  test('reads every number below 10,000 written the standard way', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      if (n < 10) return digits[n];
      const parts: string[] = [];
      const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
      let rest = n;
      let gap = false;
      for (const [value, unit] of units) {
        const d = Math.floor(rest / value);
        rest %= value;
        if (d > 0) {
          if (gap) parts.push('零');
          parts.push(d === 1 && value === 10 && parts.length === 0 ? unit : digits[d] + unit);
          gap = false;
        } else if (parts.length > 0) gap = true;
      }
      if (rest > 0) parts.push((gap ? '零' : '') + digits[rest]);
      return parts.join('');
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), (n) => expect(chineseNumeralToNumber(write(n))).toBe(n)));
  });
});

describe('normalizeDateText', () => {
  test.each([
    ['十二月底', '12月底'],
    ['二〇二二年十二月三十一日前', '2022年12月31日前'],
    ['三个月内', '3个月内'],
    ['十个工作日内', '10个工作日内'],
    ['第三季度', '第3季度'],
    ['将在十月底投入使用', '将在10月底投入使用'],
    // Words ending in a numeral are not dates.
    ['统一月度考核', '统一月度考核'],
    ['一是加强学习', '一是加强学习'],
    ['周一至周五', '周一至周五'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDateText(input)).toBe(expected);
  });
});
