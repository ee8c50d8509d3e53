import fc from 'fast-check';
import { createCalendar } from './calendar';
import { findDeadlineMentions, parseDeadline, splitClauses } from './deadline';
import { isoToEpochDay } from './dates';

const REF = '2022-02-15'; // 开封's 反馈日期

describe('parseDeadline: the rows of DESIGN.md §5', () => {
  test.each<[string, string, string]>([
    // YYYY年M月D日(前/之前)
    ['2022年6月30日', REF, '2022-06-30'],
    ['2022年6月30日前', REF, '2022-06-30'],
    ['2022年6月30日之前完成', REF, '2022-06-30'],
    ['2022/6/30', REF, '2022-06-30'],
    ['2022-6-30', REF, '2022-06-30'],
    ['2022.6.30前', REF, '2022-06-30'],
    ['2022-06-30', REF, '2022-06-30'],
    ['2022.12', REF, '2022-12-31'],
    ['2022-9', REF, '2022-09-30'],
    ['截止时间：2022年12月31日', REF, '2022-12-31'],
    ['截止日期2022年12月31日', REF, '2022-12-31'],
    ['截止12月31日前完成整改', REF, '2022-12-31'],
    // M月D日前: ref's year, next year when already past
    ['6月30日前', REF, '2022-06-30'],
    ['2月15日前', REF, '2022-02-15'],
    ['1月31日前', REF, '2023-01-31'],
    ['2月29日前', '2023-03-01', '2024-02-29'],
    // month ends
    ['2022年12月底', REF, '2022-12-31'],
    ['2022年12月底前', REF, '2022-12-31'],
    ['12月底前', REF, '2022-12-31'],
    ['6月底之前', REF, '2022-06-30'],
    ['2月末', '2024-01-10', '2024-02-29'],
    ['9月份', REF, '2022-09-30'],
    ['1月底前', '2022-11-20', '2023-01-31'],
    // Chinese numerals and full-width digits
    ['十二月底', REF, '2022-12-31'],
    ['十二月底前', REF, '2022-12-31'],
    ['２０２２年１２月底前', REF, '2022-12-31'],
    ['二〇二二年十二月底前', REF, '2022-12-31'],
    ['二〇二三年三月三十一日前', REF, '2023-03-31'],
    // 上旬/中旬/下旬
    ['6月上旬', REF, '2022-06-10'],
    ['6月中旬', REF, '2022-06-20'],
    ['2月下旬', REF, '2022-02-28'],
    ['2024年2月下旬', REF, '2024-02-29'],
    // year ends
    ['2022年底', REF, '2022-12-31'],
    ['2022年底前', REF, '2022-12-31'],
    ['2022年年底前投入运行', REF, '2022-12-31'],
    ['年底前', REF, '2022-12-31'],
    ['年内', REF, '2022-12-31'],
    ['今年底', REF, '2022-12-31'],
    ['明年底前', REF, '2023-12-31'],
    // halves and quarters
    ['上半年', REF, '2022-06-30'],
    ['下半年', REF, '2022-12-31'],
    ['上半年', '2022-08-01', '2023-06-30'],
    ['2023年上半年', REF, '2023-06-30'],
    ['第三季度', REF, '2022-09-30'],
    ['第一季度', REF, '2022-03-31'],
    ['二季度', REF, '2022-06-30'],
    ['四季度', REF, '2022-12-31'],
    ['第一季度', '2022-05-01', '2023-03-31'],
    ['本季度', REF, '2022-03-31'],
    ['本季度', '2022-11-30', '2022-12-31'],
    // N个月内: EDATE, clamped at month ends
    ['3个月内', REF, '2022-05-15'],
    ['三个月内', REF, '2022-05-15'],
    ['1个月内', '2022-01-31', '2022-02-28'],
    ['1个月内', '2024-01-31', '2024-02-29'],
    ['6个月内', '2022-08-31', '2023-02-28'],
    ['两个月以内', '2022-12-31', '2023-02-28'],
    // N日内 / N天内
    ['30日内', REF, '2022-03-17'],
    ['15天内', REF, '2022-03-02'],
    ['七天内', '2022-12-28', '2023-01-04'],
    // 立行立改 → ref
    ['立行立改', REF, REF],
    ['即知即改', REF, REF],
    ['边巡边改', REF, REF],
  ])('%s (ref %s) → %s', (text, ref, date) => {
    expect(parseDeadline(text, ref)).toMatchObject({ kind: 'date', date });
  });

  test('N个工作日内 counts Chinese working days from ref (国庆 2025)', () => {
    expect(parseDeadline('10个工作日内', '2025-09-26')).toEqual({ kind: 'date', date: '2025-10-16', longTerm: false, immediate: false });
    expect(parseDeadline('十个工作日内办结', '2025-09-26')).toMatchObject({ date: '2025-10-16' });
  });

  test('N个工作日内 uses the calendar given (节假日 overrides)', () => {
    const cal = createCalendar([{ date: '2025-10-09', type: '休', note: '单位调休' }]);
    expect(parseDeadline('10个工作日内', '2025-09-26', cal)).toMatchObject({ date: '2025-10-17' });
  });

  test('N个工作日内 past the holiday data carries the coverage warning', () => {
    const result = parseDeadline('5个工作日内', '2027-03-01');
    expect(result).toMatchObject({ kind: 'date', date: '2027-03-08' });
    expect(result.kind === 'date' && result.warning).toMatch(/节假日数据仅覆盖至\d{4}年/);
  });

  test('立行立改 is flagged immediate; with a date the date wins', () => {
    expect(parseDeadline('立行立改', REF)).toEqual({ kind: 'date', date: REF, longTerm: false, immediate: true });
    expect(parseDeadline('立行立改，2022年3月底前完成', REF)).toEqual({ kind: 'date', date: '2022-03-31', longTerm: false, immediate: true });
  });

  test.each(['长期坚持', '持续推进', '常态化', '纳入长期坚持', '长期', '久久为功', '常态化推进'])('%s → no date, 长期坚持', (text) => {
    expect(parseDeadline(text, REF)).toEqual({ kind: 'none', longTerm: true });
  });

  test('a date beside a long-term word is a milestone', () => {
    expect(parseDeadline('需要长期推进，2022年10月底前落实到位', REF)).toEqual({ kind: 'date', date: '2022-10-31', longTerm: true, immediate: false });
    expect(parseDeadline('长期坚持，2022年12月底前建立长效机制', REF)).toEqual({ kind: 'date', date: '2022-12-31', longTerm: true, immediate: false });
  });

  test.each([
    ['截止2022年5月底', false],
    ['截至2022年5月底，已完成80%', false],
    ['截止4月底', false],
    ['已于2023年8月底整改完毕', false],
    ['目前2022年6月已完成', false],
    ['2022年3月以来', false],
    ['自2022年7月1日起', false],
    ['2022年3月完成了清理', false],
    ['已于2022年7月31日建成投用，长期坚持', true],
  ])('%s is an as-of or completion date, never a deadline', (text, longTerm) => {
    expect(parseDeadline(text, REF)).toEqual({ kind: 'none', longTerm });
  });

  test('an as-of date beside a target: the target is the deadline', () => {
    expect(parseDeadline('截止2022年5月底已整改80%，争取2022年12月底前整改到位', REF)).toMatchObject({ kind: 'date', date: '2022-12-31' });
    expect(parseDeadline('已于3月底完成初步整改，6月底前全面完成', REF)).toMatchObject({ kind: 'date', date: '2022-06-30' });
  });

  test('staged targets: the latest is the deadline', () => {
    expect(parseDeadline('2022年6月底前完成摸底，2022年12月底前全部整改到位', REF)).toMatchObject({ date: '2022-12-31' });
  });

  test.each([
    ['近期', false],
    ['尽快完成', false],
    ['适时开展', false],
    ['长期坚持，尽快完成', true],
  ])('%s is unresolved (需人工确认)', (text, longTerm) => {
    expect(parseDeadline(text, REF)).toEqual({ kind: 'unresolved', longTerm });
  });

  test.each(['', '   ', '无', '/', '—'])('%j → no deadline', (text) => {
    expect(parseDeadline(text, REF)).toEqual({ kind: 'none', longTerm: false });
  });

  test.each(['abc', '加强学习', '13月底', '2022年2月30日', '整改', '每季度召开一次'])('%j cannot be read → invalid', (text) => {
    expect(parseDeadline(text, REF)).toEqual({ kind: 'invalid' });
  });

  test('a reference date that is not ISO is API misuse and throws', () => {
    expect(() => parseDeadline('6月底前', '2022/02/15')).toThrow(RangeError);
  });
});

describe('findDeadlineMentions', () => {
  const REPORT = '2022-06-17';

  test.each<[string, string, string, string]>([
    ['目前全市正在施工中的公有产权村卫生室有125个，争取2022年12月底达到100%。', REPORT, '争取2022年12月底达到100%', '2022-12-31'],
    ['已经党组会研究同意报市政府。争取2022年12月底前整改到位。', REPORT, '争取2022年12月底前整改到位', '2022-12-31'],
    ['均已现场反馈并要求立即整改，计划6月底完成全部检查目标。', REPORT, '计划6月底完成全部检查目标', '2022-06-30'],
    ['3、进一步完善医疗健康集团各成员单位绩效考核办法，年底实现统一考核；', '2022-10-18', '年底实现统一考核', '2022-12-31'],
    ['六是六大中心建设，结合中医院新建门诊医技楼将在十月底投入使用，六大中心将不在受限于办公面积', '2022-10-18', '结合中医院新建门诊医技楼将在十月底投入使用', '2022-10-31'],
    ['完成时限：2022年9月30日', REPORT, '2022年9月30日', '2022-09-30'],
    ['１２月底前完成整改', REPORT, '１２月底前完成整改', '2022-12-31'],
    ['[bookmark: _GoBack]2022年8月底前完成清理', REPORT, '2022年8月底前完成清理', '2022-08-31'],
  ])('%s → "%s"', (paragraph, ref, phrase, date) => {
    const mentions = findDeadlineMentions(paragraph, ref);
    expect(mentions).toEqual([expect.objectContaining({ phrase, date })]);
    expect(paragraph.slice(mentions[0].index, mentions[0].index + phrase.length)).toBe(phrase);
  });

  test('the long-term flag comes from the mention\'s sentence', () => {
    const paragraph = '整改情况：此项问题部分已整改，需要长期推进，2022年10月底前落实到位。争取2022年12月底前完成。';
    expect(findDeadlineMentions(paragraph, REPORT)).toEqual([
      { phrase: '2022年10月底前落实到位', index: 22, date: '2022-10-31', longTerm: true },
      { phrase: '争取2022年12月底前完成', index: 37, date: '2022-12-31', longTerm: false },
    ]);
  });

  test.each([
    '截止2022年5月底，共完成培训1200人次',
    '已于2023年8月底整改完毕',
    '2024年1月18日、2月8日分别进行学习',
    '计划于2022年7月份召开专题会议',
    '预计6月份提请市政府印发实施',
    '委党组年内将对各单位执行情况进行专项检查',
    '4月份以来，累计下发通知12份',
    '于5月13日召开各医院书记院长会再次推进', // past, no year: not next year's target
    '2021年11月底仅达到18.2%', // before the report
    '2022年卫生高级职称申报、评审待正式文件出台后按要求落实', // a year as a topic
    '近期将确定创建单位名单',
  ])('%s has no deadline mention', (paragraph) => {
    expect(findDeadlineMentions(paragraph, REPORT)).toEqual([]);
  });

  test('a yearless date before ref with 前 is next year\'s target', () => {
    expect(findDeadlineMentions('争取1月底前完成', '2022-11-20')).toMatchObject([{ date: '2023-01-31' }]);
  });
});

describe('splitClauses', () => {
  test('splits at Chinese and ASCII punctuation but keeps numbers whole', () => {
    expect(splitClauses('共计1,000元,已完成；10:30召开：会议。').map((c) => c.text)).toEqual(['共计1,000元', '已完成', '10:30召开', '会议']);
  });
});

// The phrase vocabulary the parsers look for, to build strings near real ones.
const VOCABULARY = [
  '2022', '年', '12', '月', '底', '前', '之前', '日', '号', '十二', '二〇二二', '３', '个月内', '工作日内', '天内', '上半年', '下半年',
  '第三季度', '本季度', '立行立改', '长期坚持', '持续推进', '常态化', '截止', '截至', '已于', '目前', '近期', '尽快', '，', '。', '；', '：',
  '完成', '整改到位', '争取', '计划', '以来', '起', '-', '/', '.', ' ', '0', '99', '9999', '旬', '上', '下', '中', '份', '末',
];
const vocabularyText = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 16 }).map((words) => words.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), vocabularyText);
const anyRef = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('the deadline parsers never throw', () => {
  test('parseDeadline returns a well-formed result for any text', () => {
    fc.assert(
      fc.property(anyText, anyRef, (text, ref) => {
        const result = parseDeadline(text, ref);
        expect(['date', 'none', 'unresolved', 'invalid']).toContain(result.kind);
        if (result.kind === 'date') expect(isoToEpochDay(result.date)).not.toBeNull();
      }),
    );
  });

  test('findDeadlineMentions returns phrases that are in the paragraph, at their index', () => {
    fc.assert(
      fc.property(anyText, anyRef, (text, ref) => {
        for (const m of findDeadlineMentions(text, ref)) {
          expect(text.slice(m.index, m.index + m.phrase.length)).toBe(m.phrase);
          expect(m.date >= ref).toBe(true);
        }
      }),
    );
  });
});
