import fc from 'fast-check';
import { setClock, FunctionError } from '../../src/functions/context';
import * as functions from '../../src/functions/functions';
import * as zg from '../../src/functions/zg';
import { ymdToSerial } from '../../src/ledger/dates';
import { isLedgerError } from '../../src/ledger/errors';

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
const s = ymdToSerial;
/** An error value as Excel passes it inside a range (CustomFunctions.Error has code and message). */
const excelError = (code: string) => ({ code, message: '' });

/** The Excel error a call throws: its code and message. */
function thrown(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to throw an Excel error');
}

/** A spilled column with error cells shown as their codes. */
const spilled = (grid: unknown[][]) => grid.map(([v]) => (v instanceof FunctionError ? v.code : v));

beforeAll(() => setClock(() => new Date(2022, 9, 18, 10))); // 2022-10-18 local time
afterAll(() => setClock(null));

describe('ZG.COMPLETIONRATE', () => {
  it.each([
    ['新野 20 of 25 → 80%', [col(...times(20, '已落实到位'), ...times(5, '正在推进')), 2], 0.8],
    ['清丰 14 of 15 → 93.33%', [col(...times(14, '已完成并长期坚持'), '已完成并长期坚持；…正在推进。'), 2], 0.9333],
    ['昆明 688 of 697 → 98.71%', [col(...times(688, '已完成'), ...times(4, '基本完成'), ...times(5, '正在推进')), 2], 0.9871],
    ['昆明 with countBasic TRUE', [col(...times(688, '已完成'), ...times(4, '基本完成'), ...times(5, '正在推进')), 2, true], 0.9928],
    ['开封 25 of 33, 0 digits → 76%', [col(...times(25, '已完成'), ...times(8, '正在推进')), 0], 0.76],
    ['omitted options arrive as null', [col('已完成', '正在推进', '正在推进'), null, null], 1 / 3],
    ['digits as a text number', [col('已完成', '正在推进', '正在推进'), '2'], 0.3333],
    ['countBasic as 是', [col('基本完成', '正在推进'), null, '是'], 0.5],
    ['blanks at the end of a whole column', [col('已完成', '正在推进', '', '', null, '')], 0.5],
    ['a single cell', ['已完成'], 1],
    ['a two-column range', [[['已完成', '未启动'], ['已完成', '']]], 2 / 3],
  ])('%s', (_, args, expected) => {
    expect((functions.completionRate as (...a: unknown[]) => number)(...args)).toBeCloseTo(expected as number, 12);
  });

  it.each([
    ['an empty range', [col('', null)], '#DIV/0!', ''],
    ['an error cell in the range', [col('已完成', excelError('#N/A'))], '#VALUE!', '整改状态：区域第2项是错误值#N/A'],
    ['a number in the range', [col('已完成', 3)], '#VALUE!', '整改状态第2项'],
    ['digits out of range', [col('已完成'), 11], '#NUM!', ''],
    ['digits not a number', [col('已完成'), '两位'], '#NUM!', ''],
    ['countBasic not a flag', [col('已完成'), null, '也许'], '#VALUE!', '计入基本完成'],
  ])('%s → %s', (_, args, code, message) => {
    const error = thrown(() => (functions.completionRate as (...a: unknown[]) => number)(...args));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message === '' ? code : message);
  });
});

describe('ZG.LONGTERMSHARE', () => {
  it.each([
    ['清丰 15 of 15 → 100%', [col(...times(15, '是')), 2], 1],
    ['是/否, Y/N, TRUE/FALSE, ✓, 长期坚持', [col('是', '否', 'Y', 'N', true, false, '✓', '长期坚持')], 5 / 8],
    ['text numbers 1/0', [col('1', '0', 1, 0)], 0.5],
    ['blanks at the end', [col('是', '否', '', null)], 0.5],
  ])('%s', (_, args, expected) => {
    expect((functions.longTermShare as (...a: unknown[]) => number)(...args)).toBeCloseTo(expected as number, 12);
  });

  it('empty → #DIV/0!, error cell → #VALUE!', () => {
    expect(thrown(() => functions.longTermShare(col(''))).code).toBe('#DIV/0!');
    expect(thrown(() => functions.longTermShare(col('是', excelError('#REF!')))).message).toContain('#REF!');
  });
});

describe('ZG.DAYSLEFT', () => {
  it.each([
    ['Excel dates, calendar days', [col(s(2022, 10, 25), s(2022, 10, 18), s(2022, 10, 1)), s(2022, 10, 18)], [7, 0, -17]],
    ['deadline text and dates typed as text', [col('2022年12月底前', '2022-10-20', '2022年10月20日', String(s(2022, 10, 20))), s(2022, 10, 18)], [74, 2, 2, 2]],
    ['asOf as text', [col(s(2022, 10, 25)), '2022年10月18日'], [7]],
    ['asOf omitted: today (2022-10-18)', [col(s(2022, 10, 25))], [7]],
    ['working days across the National Day holiday', [col(s(2025, 10, 16)), s(2025, 9, 26), true], [10]],
    ['blank rows stay blank', [col(s(2022, 10, 19), '', null), s(2022, 10, 18)], [1, '', '']],
    ['an error cell is passed through', [col(excelError('#N/A')), s(2022, 10, 18)], [excelError('#N/A')]],
    ['long-term and unreadable rows become their own errors', [col('长期坚持', '尽快', '下个月吧'), s(2022, 10, 18)], ['#N/A', '#N/A', '#VALUE!']],
  ])('%s', (_, args, expected) => {
    expect(spilled((functions.daysLeft as (...a: unknown[]) => unknown[][])(...args))).toEqual(expected);
  });

  it('a bad asOf is #VALUE! naming the argument', () => {
    expect(thrown(() => functions.daysLeft(col(1), '明天')).message).toContain('统计截止日期');
  });
});

describe('ZG.OVERDUE and ZG.ONTIMERATE', () => {
  it.each([
    ['one of three overdue', [col(s(2022, 9, 30), s(2022, 9, 30), s(2022, 12, 31)), col('已完成', '正在推进', '正在推进'), s(2022, 10, 18)], 1],
    ['deadline text and blanks at the end', [col('2022年9月底前', '长期坚持', '', ''), col('部分已整改', '正在推进', '', '')], 1],
    ['asOf omitted: today', [col(s(2022, 10, 17)), col('未启动')], 1],
  ])('OVERDUE %s', (_, args, expected) => {
    expect((functions.overdue as (...a: unknown[]) => number)(...args)).toBe(expected);
  });

  it('OVERDUE: ranges of different length', () => {
    expect(thrown(() => functions.overdue(col(1, 2, 3), col('a'))).message).toContain('行数不一致');
  });

  it('ONTIMERATE: 清丰 14 of 15 → 93.33%; completion dates as text', () => {
    const deadlines = col(...times(15, '2022年10月15日'));
    const doneDates = col(...times(13, s(2022, 10, 10)), '2022-10-15', '');
    const statuses = col(...times(14, '已完成'), '正在推进');
    expect(functions.onTimeRate(deadlines, doneDates, statuses, s(2022, 10, 18), 2)).toBe(0.9333);
  });

  it('ONTIMERATE: nothing due → #DIV/0!', () => {
    expect(thrown(() => functions.onTimeRate(col(s(2023, 1, 1)), col(''), col('已完成'), s(2022, 10, 18))).code).toBe('#DIV/0!');
  });
});

describe('ZG.LIGHT', () => {
  it.each([
    ['all five colours', [col(s(2022, 9, 30), '', s(2022, 10, 1), s(2022, 10, 23), '2022年12月底前'), col('已完成', '正在推进', '正在推进', '未启动', '正在推进'), col('否', '是', '否', '否', '否'), s(2022, 10, 18)], ['蓝', '灰', '红', '黄', '绿']],
    ['longTerm omitted (null)', [col(s(2022, 10, 20)), col('正在推进'), null, s(2022, 10, 18)], ['黄']],
    ['one longTerm cell for all rows', [col('', ''), col('正在推进', '已完成'), '是', s(2022, 10, 18)], ['灰', '蓝']],
    ['warnDays as text', [col(s(2022, 10, 28)), col('正在推进'), null, s(2022, 10, 18), '10'], ['黄']],
    ['working days: 3 by default', [col(s(2022, 10, 21), s(2022, 10, 24)), col('', ''), null, s(2022, 10, 18), null, true], ['黄', '绿']],
    ['no deadline, not long-term', [col(''), col('正在推进'), null, s(2022, 10, 18)], ['#N/A']],
    ['blank rows at the end', [col(s(2022, 10, 1), '', ''), col('正在推进', '', ''), null, s(2022, 10, 18)], ['红', '', '']],
  ])('%s', (_, args, expected) => {
    expect(spilled((functions.light as (...a: unknown[]) => unknown[][])(...args))).toEqual(expected);
  });

  it('a negative warnDays is #VALUE!', () => {
    expect(thrown(() => functions.light(col(1), col(''), null as never, null, -1)).message).toContain('预警天数');
  });
});

describe('ZG.DEADLINE and ZG.STATUS', () => {
  it.each([
    ['fixture phrases against the report date', [col('2022年12月底前整改到位', '争取6月底前调整到位', '计划6月底完成全部检查目标'), s(2022, 6, 17)], [s(2022, 12, 31), s(2022, 6, 30), s(2022, 6, 30)]],
    ['full-width digits and Chinese numerals', [col('２０２２年十二月底前'), s(2022, 6, 17)], [s(2022, 12, 31)]],
    ['a date passes through', [col(s(2023, 3, 1))], [s(2023, 3, 1)]],
    ['ref omitted: today', [col('年底前')], [s(2022, 12, 31)]],
    ['ref as text', [col('3个月内'), '2022-06-17'], [s(2022, 9, 17)]],
    ['blank, long-term, vague, as-of', [col('', '长期坚持', '尽快', '截至2022年5月底'), s(2022, 6, 17)], ['', '#N/A', '#N/A', '#VALUE!']],
  ])('DEADLINE %s', (_, args, expected) => {
    expect(spilled((functions.deadline as (...a: unknown[]) => unknown[][])(...args))).toEqual(expected);
  });

  // Years outside Excel's dates (1900–9999) are no serial: not 2026 for 10000年, not serial 1 for 1899年.
  it.each([
    ['10000年1月底前', '整改时限第1项：“10000年1月底前”的年份不在 Excel 能表示的日期范围内（1900年至9999年）'],
    ['1899年12月底前', '整改时限第1项：“1899年12月底前”的年份不在 Excel 能表示的日期范围内（1900年至9999年）'],
    ['0999年1月1日', '整改时限第1项：“0999年1月1日”的年份不在 Excel 能表示的日期范围内（1900年至9999年）'],
    ['1899-12-31', '整改时限第1项：“1899-12-31”的年份不在 Excel 能表示的日期范围内（1900年至9999年）'],
    ['20260年底前', '整改时限第1项：“20260年底前”的年份不在 Excel 能表示的日期范围内（1900年至9999年）'],
  ])('DEADLINE %j is #VALUE! with the year message', (text, message) => {
    const [[cell]] = functions.deadline([[text]], s(2026, 1, 1)) as unknown[][];
    expect(cell).toBeInstanceOf(FunctionError);
    expect((cell as FunctionError).code).toBe('#VALUE!');
    expect((cell as FunctionError).message).toBe(message);
  });

  it.each([
    ['9999年12月底前', s(9999, 12, 31)],
    ['1900年3月底前', s(1900, 3, 31)],
  ])('DEADLINE %j: the edges of Excel\'s dates still read', (text, serial) => {
    expect(spilled(functions.deadline([[text]], s(2026, 1, 1)) as unknown[][])).toEqual([serial]);
  });

  it('STATUS: a question is not a claim', () => {
    expect(spilled(functions.status(col('是否已完成', '已整改到位了吗', '是否已完成：已完成')))).toEqual(['未标注', '未标注', '已完成']);
  });

  it.each([
    ['canonical values', col('已完成', '基本完成', '部分完成', '正在推进', '未启动'), ['已完成', '基本完成', '部分完成', '正在推进', '未启动']],
    ['report phrases', col('此项问题已完成整改', '此项问题部分已整改，需要长期推进', '取得积极进展', '尚未整改'), ['已完成', '部分完成', '正在推进', '未启动']],
    ['no outcome stated', col('详见附件', '未标注'), ['未标注', '未标注']],
    ['blanks and errors', col('', excelError('#N/A')), ['', excelError('#N/A')]],
    ['a number is no status', col(5), ['#VALUE!']],
  ])('STATUS %s', (_, cells, expected) => {
    expect(spilled(functions.status(cells))).toEqual(expected);
  });
});

describe('ZG.SUMMARY', () => {
  const header = ['措施编号', '问题编号', '整改措施', '整改状态', '长期坚持', '截止日期', '销号状态'];
  const row = (id: string, p: string, status: string, longTerm: string, deadline: unknown, close = '未申请') => [id, p, '…', status, longTerm, deadline, close];

  it('清丰: 15 problems, 14 done, 1 under way, all long-term', () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`P${i + 1}-M01`, `P${i + 1}`, i < 14 ? '已完成' : '正在推进', '是', s(2022, 12, 31)));
    expect(functions.summary([header, ...rows])).toBe(
      '反馈问题15项，已按期整改完成14项，正在推进整改落实1项，纳入长期坚持15项；制定的15条整改措施，已落实到位14条，整改到位率93.33%',
    );
  });

  it('新野: 25 measures, 20 carried out (problem roll-up from its measures)', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => row(`M${i}`, `P${i % 10}`, '已落实到位', '否', s(2024, 12, 31))),
      ...Array.from({ length: 5 }, (_, i) => row(`N${i}`, `P${i}`, '正在推进', '否', s(2024, 12, 31))),
    ];
    const sentence = functions.summary([header, ...rows, times(7, ''), times(7, '')]);
    expect(sentence).toContain('反馈问题10项');
    expect(sentence).toContain('已按期整改完成5项');
    expect(sentence).toContain('正在推进整改落实5项');
    expect(sentence).toContain('制定的25条整改措施，已落实到位20条，整改到位率80%');
  });

  it('a problem with one measure done and one not started is under way, not 未启动 (DESIGN §4)', () => {
    const rows = [
      row('P1-M01', 'P1', '已完成', '否', s(2030, 12, 31)),
      row('P1-M02', 'P1', '未启动', '否', s(2030, 12, 31)),
      row('P2-M01', 'P2', '未启动', '否', s(2030, 12, 31)),
      row('P3-M01', 'P3', '未启动', '否', s(2030, 12, 31)),
      row('P3-M02', 'P3', '详见附件', '否', s(2030, 12, 31)),
    ];
    expect(functions.summary([header, ...rows])).toBe('反馈问题3项，正在推进整改落实1项，尚未启动或未标注整改情况2项；制定的5条整改措施，已落实到位1条，整改到位率20%');
  });

  it('columns in any order, deadlines as text, overdue and closed counted', () => {
    const table = [
      ['整改状态', '整改时限', '问题编号', '销号状态'],
      ['已完成', '2022年9月底前', 'P1', '已销号'],
      ['正在推进', '2022年9月底前', 'P2', '未申请'],
    ];
    expect(functions.summary(table)).toBe('反馈问题2项，已整改完成1项，正在推进整改落实1项；制定的2条整改措施，已落实到位1条，整改到位率50%，逾期未完成1条，已销号1条');
  });

  it.each([
    ['no status column', [['问题编号', '备注'], ['P1', '']], '#N/A'],
    ['not a table at all', [['a', 'b'], [1, 2]], '#VALUE!'],
    ['an error cell', [header, row('M1', 'P1', '已完成', '是', excelError('#REF!'))], '#VALUE!'],
  ])('%s → %s', (_, table, code) => {
    expect(thrown(() => functions.summary(table as unknown[][])).code).toBe(code);
  });
});

describe('property: garbage in, an answer or an Excel error out — never a crash', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer({ min: -100, max: 3_000_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('已完成', '是', '长期坚持', '2022年12月底前', '尽快', '', '整改状态', '问题编号', '截止日期'),
    fc.record({ code: fc.constantFrom('#N/A', '#VALUE!') }),
  );
  const range = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r) => [r[0], r[r.length - 1]])));
  const calls: [string, (...args: unknown[]) => unknown, number][] = [
    ['completionRate', zg.completionRate, 3],
    ['longTermShare', zg.longTermShare, 2],
    ['daysLeft', zg.daysLeft, 3],
    ['overdue', zg.overdue, 3],
    ['onTimeRate', zg.onTimeRate, 5],
    ['light', zg.light, 6],
    ['deadline', zg.deadline, 2],
    ['status', zg.status as (...args: unknown[]) => unknown, 1],
    ['summary', zg.summary, 1],
  ];

  it.each(calls)('%s', (_, fn, arity) => {
    fc.assert(
      fc.property(fc.array(range, { minLength: arity, maxLength: arity }), (args) => {
        const answer = fn(...args);
        if (isLedgerError(answer)) expect(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!']).toContain(answer.kind);
        else expect(['number', 'string', 'object']).toContain(typeof answer);
      }),
      { numRuns: 150 },
    );
  });

  it('the registered functions throw nothing but Excel errors', () => {
    fc.assert(
      fc.property(range, range, range, (a, b, c) => {
        for (const call of [
          () => functions.completionRate(a as never, b),
          () => functions.light(a as never, b as never, c as never),
          () => functions.summary(a as never),
        ]) {
          try {
            call();
          } catch (error) {
            expect(error).toBeInstanceOf(FunctionError);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
