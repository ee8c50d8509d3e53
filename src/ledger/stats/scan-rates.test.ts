import fc from 'fast-check';
import { ymdToEpochDay, ymdToSerial } from '../dates';
import { isLedgerError, type LedgerError } from '../errors';
import { closeRateOfCells, completionRateOfCells, longTermShareOfCells, onTimeRateOfCells, overdueOfCells } from '../stats';
import { roundedRate } from './rate';

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
const excelError = (code: string) => ({ code, message: '' });
const asLedgerError = (v: unknown): LedgerError => {
  if (!isLedgerError(v)) throw new Error(`expected a LedgerError, got ${JSON.stringify(v)}`);
  return v;
};

describe('roundedRate: the published figures and half-up rounding of the percentage', () => {
  it.each([
    ['新野 20 of 25 measures', 20, 25, 2, 0.8],
    ['清丰 14 of 15 problems', 14, 15, 2, 0.9333],
    ['昆明 688 of 697', 688, 697, 2, 0.9871],
    ['开封 25 of 33, 0 digits', 25, 33, 0, 0.76],
    ['咸宁 销号 453 of 471', 453, 471, 2, 0.9618],
    ['89.6% with one digit', 448, 500, 1, 0.896],
    ['a tie 12.5% rounds up to 13%', 1, 8, 0, 0.13],
    ['a tie 0.125% with 2 digits', 1, 800, 2, 0.0013],
    ['all done', 7, 7, 2, 1],
    ['none done', 0, 9, 2, 0],
    ['ten digits (BigInt path)', 688, 697, 10, 0.987087517934],
  ])('%s', (_, done, total, digits, expected) => {
    expect(roundedRate(done, total, digits)).toBe(expected);
  });

  it('without digits it returns the raw fraction', () => {
    expect(roundedRate(688, 697)).toBe(688 / 697);
  });

  it('throws on misuse', () => {
    expect(() => roundedRate(1, 0)).toThrow(RangeError);
    expect(() => roundedRate(1, 2, 11)).toThrow(RangeError);
    expect(() => roundedRate(1.5, 2)).toThrow(RangeError);
  });
});

describe('completionRateOfCells', () => {
  it('新野: 25 measures, 20 已落实到位 → 80%', () => {
    const cells = col(...times(20, '已落实到位'), ...times(5, '正在推进'));
    expect(completionRateOfCells(cells, { digits: 2 })).toBe(0.8);
  });

  it('清丰: 15 problems, 14 已完成并长期坚持 and 1 under way → 93.33%', () => {
    const underWay = '已完成并长期坚持；人员招聘方面因疫情防控原因于9月27日研究决定推迟面试时间，根据实际情况，正在推进。';
    const cells = col(...times(14, '已完成并长期坚持'), underWay);
    expect(completionRateOfCells(cells, { digits: 2 })).toBe(0.9333);
  });

  it('昆明: 688 of 697 → 98.71%, its 4 基本完成 left out; counted with countBasic', () => {
    const cells = col(...times(688, '已完成'), ...times(4, '基本完成'), ...times(5, '正在推进'));
    expect(completionRateOfCells(cells, { digits: 2 })).toBe(0.9871);
    expect(completionRateOfCells(cells, { digits: 2, countBasic: true })).toBe(0.9928);
  });

  it('开封 earlier round: 25 of 33 with 0 digits → 76%', () => {
    const cells = col(...times(25, '此项问题已完成整改'), ...times(8, '此项问题部分已整改，需要长期推进'));
    expect(completionRateOfCells(cells, { digits: 0 })).toBe(0.76);
  });

  it.each([
    ['blanks at the end of a whole column are skipped', col('已完成', '正在推进', '', null, undefined, '   '), 0.5],
    ['未标注 and free text count as not done', col('已完成', '未标注', '详见附件'), 1 / 3],
    ['a 是否完成 column: 是/否/✓ and TRUE/FALSE', col('是', '否', '✓', true, false), 3 / 5],
    ['full-width and padded text', col(' 已完成 ', '已完成整改', '整改完毕'), 1],
    ['a two-column block counts every cell', [['已完成', '正在推进'], ['已完成', '']], 2 / 3],
    ['negations never read as done', col('未完成', '尚未整改', '已完成'), 1 / 3],
  ])('%s', (_, cells, expected) => {
    expect(completionRateOfCells(cells)).toBeCloseTo(expected, 12);
  });

  it('an empty range is #DIV/0! naming the argument', () => {
    const e = asLedgerError(completionRateOfCells(col('', null), { argument: '整改状态' }));
    expect(e.kind).toBe('#DIV/0!');
    expect(e.code).toBe('emptyRange');
    expect(e.message).toContain('整改状态');
  });

  it('an error value in the range is reported with its position, not counted', () => {
    const e = asLedgerError(completionRateOfCells(col('已完成', '', excelError('#N/A'))));
    expect(e.code).toBe('errorInRange');
    expect(e.params).toEqual(['整改状态', '3', '#N/A']);
  });

  it('a number in a status column is #VALUE! naming the item', () => {
    const e = asLedgerError(completionRateOfCells(col('已完成', 42)));
    expect(e.kind).toBe('#VALUE!');
    expect(e.message).toContain('第2项');
    expect(e.message).toContain('42');
  });
});

describe('longTermShareOfCells', () => {
  it('清丰: all 15 纳入长期坚持 → 100%, read from the status texts themselves', () => {
    const underWay = '已完成并长期坚持；人员招聘方面……正在推进。';
    expect(longTermShareOfCells(col(...times(14, '已完成并长期坚持'), underWay), { digits: 2 })).toBe(1);
  });

  it.each([
    ['是/否', col('是', '否', '是', '否'), 0.5],
    ['Y/N and TRUE/FALSE', col('Y', 'N', true, false, 'TRUE'), 3 / 5],
    ['✓ and 1/0', col('✓', 1, 0, '0'), 0.5],
    ['deadline text that says 长期坚持', col('长期坚持', '2022年12月底前', '纳入长期坚持', '常态化推进'), 3 / 4],
    ['blanks skipped', col('是', '', null, '否'), 0.5],
  ])('%s', (_, cells, expected) => {
    expect(longTermShareOfCells(cells)).toBeCloseTo(expected, 12);
  });

  it('a number other than 1/0 is not a flag', () => {
    expect(asLedgerError(longTermShareOfCells(col('是', 7))).code).toBe('badFlag');
  });

  it('empty → #DIV/0!', () => {
    expect(asLedgerError(longTermShareOfCells(col(''))).kind).toBe('#DIV/0!');
  });
});

describe('closeRateOfCells (销号率)', () => {
  it('咸宁 453 of 471 → 96.18%', () => {
    expect(closeRateOfCells(col(...times(453, '已销号'), ...times(10, '已申请'), ...times(8, '未申请'), ''), { digits: 2 })).toBe(0.9618);
  });
});

const AS_OF = ymdToEpochDay(2022, 10, 18);
const serial = (y: number, m: number, d: number) => ymdToSerial(y, m, d);

describe('overdueOfCells', () => {
  it.each([
    ['past deadline and not done counts; done or future does not', col(serial(2022, 9, 30), serial(2022, 9, 30), serial(2022, 12, 31)), col('正在推进', '已完成', '正在推进'), 1],
    ['due today is not overdue yet', col(serial(2022, 10, 18)), col('未启动'), 0],
    ['deadline text is read (年底前 in the as-of year; 9月底前 rolls to next year)', col('2022年9月底前完成', '9月底前', '长期坚持', '尽快'), col('正在推进', '正在推进', '正在推进', '正在推进'), 1],
    ['a blank status with a past deadline is not done', col(serial(2022, 1, 1)), col(''), 1],
    ['rows without a deadline are skipped', col('', null), col('正在推进', '未启动'), 0],
    ['whole columns of different length whose tail is blank', col(serial(2022, 1, 1), '', ''), col('未启动'), 1],
    ['基本完成 is not done', col(serial(2022, 1, 1)), col('基本完成'), 1],
  ])('%s', (_, deadlines, statuses, expected) => {
    expect(overdueOfCells(deadlines, statuses, { asOf: AS_OF })).toBe(expected);
  });

  it('countBasic counts 基本完成 as done', () => {
    expect(overdueOfCells(col(serial(2022, 1, 1)), col('基本完成'), { asOf: AS_OF, countBasic: true })).toBe(0);
  });

  it.each([
    ['an unreadable deadline', col('abc'), col('正在推进'), 'badDeadline'],
    ['an as-of date is no deadline', col('截至2022年5月底'), col('正在推进'), 'notADeadline'],
    ['an error value among the deadlines', col(excelError('#REF!')), col('正在推进'), 'errorInRange'],
    ['an error value among the statuses', col(serial(2022, 1, 1)), col(excelError('#N/A')), 'errorInRange'],
    ['ranges of different size with values past the shorter', col(1, 2, serial(2022, 1, 1)), col('', ''), 'sizeMismatch'],
  ])('%s → its error', (_, deadlines, statuses, code) => {
    expect(asLedgerError(overdueOfCells(deadlines, statuses, { asOf: AS_OF })).code).toBe(code);
  });
});

describe('onTimeRateOfCells', () => {
  it('done on or before the deadline over items due by the as-of date', () => {
    const deadlines = col(serial(2022, 9, 30), serial(2022, 9, 30), serial(2022, 9, 30), serial(2022, 8, 31), serial(2022, 12, 31), '');
    const doneDates = col(serial(2022, 9, 30), serial(2022, 10, 5), '', '2022年8月20日', serial(2022, 10, 1), '');
    const statuses = col('已完成', '已完成', '已完成', '已完成', '已完成', '已完成');
    // Due: the first four. On time: 1st (on the day) and 4th (text date). 3rd has no 完成日期.
    expect(onTimeRateOfCells(deadlines, doneDates, statuses, { asOf: AS_OF, digits: 2 })).toBe(0.5);
  });

  it('清丰: 14 of 15 done by the deadline → 93.33%', () => {
    const deadlines = col(...times(15, '2022年10月15日前'));
    const doneDates = col(...times(14, serial(2022, 10, 10)), '');
    const statuses = col(...times(14, '已完成'), '正在推进');
    expect(onTimeRateOfCells(deadlines, doneDates, statuses, { asOf: AS_OF, digits: 2 })).toBe(0.9333);
  });

  it('nothing due yet → #DIV/0!', () => {
    expect(asLedgerError(onTimeRateOfCells(col(serial(2023, 1, 1)), col(''), col('正在推进'), { asOf: AS_OF })).kind).toBe('#DIV/0!');
  });

  it('a done date that is no date → badDate', () => {
    expect(asLedgerError(onTimeRateOfCells(col(serial(2022, 1, 1)), col('很快'), col('已完成'), { asOf: AS_OF })).code).toBe('badDate');
  });
});

describe('property: the scans never throw on garbage', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('已完成', '正在推进', '长期坚持', '2022年12月底前', '尽快', '是', '', '   '),
    fc.double(),
    fc.integer({ min: -10, max: 3_000_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.record({ code: fc.constantFrom('#N/A', '#VALUE!', '#REF!') }),
  );
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 12 }).map((rows) => {
    const width = rows[0]?.length ?? 1;
    return rows.map((r) => Array.from({ length: width }, (_, i) => r[i % r.length]));
  });

  it('rates and counts return a number in 0–1 or a LedgerError', () => {
    fc.assert(
      fc.property(grid, grid, grid, fc.option(fc.integer({ min: 0, max: 10 })), (a, b, c, digits) => {
        for (const result of [
          completionRateOfCells(a, { digits }),
          longTermShareOfCells(a, { digits }),
          closeRateOfCells(a, { digits }),
          onTimeRateOfCells(a, b, c, { asOf: AS_OF, digits }),
        ]) {
          if (!isLedgerError(result)) expect(result >= 0 && result <= 1).toBe(true);
        }
        const n = overdueOfCells(a, b, { asOf: AS_OF });
        if (!isLedgerError(n)) expect(Number.isInteger(n) && n >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
