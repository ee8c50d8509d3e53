// The pane's pure rules: preview options, locale, the 录入 draft, the 巡察信息 draft, the 台账 filters.
import fc from 'fast-check';
import { sampleLedger } from '../workbook/sample';
import { mayBeOfficeHosted, pickLocale, readPreviewOptions } from './boot';
import { emptyDraft, readDeadline, toNewItems, validateDraft, type EntryDraft } from './components/entry/entryDraft';
import { quickChoiceText } from './components/entry/useMeasureForm';
import { filterLedger, indexLedger, NO_FILTER, searchTerms } from './components/ledger/ledgerView';
import { draftOfRound, roundOfDraft, validateRound } from './components/round/roundDraft';
import { formatDate, formatRate } from './format';
import { STRINGS } from './i18n';

const t = STRINGS['zh-CN'];
const TODAY = '2025-06-15';

describe('boot', () => {
  test.each([
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['', 'zh-CN'],
    [null, 'zh-CN'],
  ])('display language %p → %p', (lang, locale) => expect(pickLocale(lang)).toBe(locale));

  test.each([
    ['?measures=5000', { lang: null, measures: 5000, seed: null, workbook: 'sample' }],
    ['?lang=en&measures=200&seed=7', { lang: 'en', measures: 200, seed: 7, workbook: 'sample' }],
    ['?measures=-3', { lang: null, measures: null, seed: null, workbook: 'sample' }],
    ['?measures=abc&seed=x', { lang: null, measures: null, seed: null, workbook: 'sample' }],
    ['?measures=1e9', { lang: null, measures: 100000, seed: null, workbook: 'sample' }],
    ['?workbook=blank', { lang: null, measures: null, seed: null, workbook: 'blank' }],
    ['?workbook=summary&lang=en', { lang: 'en', measures: null, seed: null, workbook: 'summary' }],
    ['?workbook=SUMMARY', { lang: null, measures: null, seed: null, workbook: 'sample' }],
  ])('preview query %p', (query, options) => expect(readPreviewOptions(query)).toEqual(options));

  const plain = { search: '', hash: '', framed: false, hostInfoStored: false, bridges: false };
  test.each([
    [plain, false],
    [{ ...plain, search: '?lang=en&measures=5000' }, false],
    [{ ...plain, framed: true }, true],
    [{ ...plain, bridges: true }, true],
    [{ ...plain, hostInfoStored: true }, true],
    [{ ...plain, search: '?_host_Info=Excel$Win32$16.01$zh-CN' }, true],
    [{ ...plain, hash: '#_host_Info=excel|web|16.00' }, true],
  ])('host signals %p → may be hosted: %p', (signals, hosted) => expect(mayBeOfficeHosted(signals)).toBe(hosted));

  test('any query string gives sane options', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const o = readPreviewOptions(query);
        return o.measures === null || (Number.isInteger(o.measures) && o.measures > 0 && o.measures <= 100000);
      }),
    );
  });
});

describe('format', () => {
  test.each([
    [0.76, '76%'],
    [0.9871, '98.71%'],
    [13 / 28, '46.43%'],
    [0.5, '50%'],
    [1, '100%'],
    [null, '—'],
  ])('rate %p → %p', (f, s) => expect(formatRate(f)).toBe(s));
  test('dates in each language', () => {
    expect(formatDate('2024-03-15', 'zh-CN')).toBe('2024年3月15日');
    expect(formatDate('2024-03-15', 'en')).toBe('Mar 15, 2024');
    expect(formatDate(null, 'zh-CN')).toBe('');
  });
});

function filled(): EntryDraft {
  const d = emptyDraft();
  return {
    ...d,
    problem: { ...d.problem, category: '作风方面', description: '描述', leader: '李明' },
    measures: [{ ...d.measures[0], text: '措施', unit: '办公室', deadlineText: '2025年9月底前' }],
  };
}

describe('录入 draft', () => {
  test('required fields block saving before they are shown, and show after a save attempt', () => {
    const quiet = validateDraft(emptyDraft(), { t, locale: 'zh-CN', refIso: TODAY });
    expect(quiet.blocking).toBe(5);
    expect(quiet.problem).toEqual({});
    const shown = validateDraft({ ...emptyDraft(), submitted: true }, { t, locale: 'zh-CN', refIso: TODAY });
    expect(shown.problem.description).toEqual({ state: 'error', message: '请填写问题描述' });
    expect(validateDraft(filled(), { t, locale: 'zh-CN', refIso: TODAY }).blocking).toBe(0);
  });

  test.each([
    ['近期', 'warning', 0],
    ['尽快完成', 'warning', 0],
    ['哈哈', 'error', 1],
  ])('整改时限 %p is a %s', (text, state, blocking) => {
    const d = filled();
    d.measures[0].deadlineText = text;
    const issues = validateDraft(d, { t, locale: 'zh-CN', refIso: TODAY });
    expect(issues.measures[d.measures[0].key].deadlineText?.state).toBe(state);
    expect(issues.blocking).toBe(blocking);
  });

  test('ticking 长期坚持 stands in for a deadline', () => {
    const d = filled();
    d.measures[0] = { ...d.measures[0], deadlineText: '', longTerm: true };
    expect(validateDraft(d, { t, locale: 'zh-CN', refIso: TODAY }).blocking).toBe(0);
    expect(toNewItems(d, TODAY).measures[0]).toMatchObject({ deadlineText: '长期坚持', deadline: null, longTerm: true });
  });

  test('a milestone inside a 长期坚持 phrase gives both the date and the flag; the leader defaults to the problem’s', () => {
    const d = filled();
    d.measures[0].deadlineText = '需要长期推进，2025年10月底前落实到位';
    expect(toNewItems(d, TODAY).measures[0]).toMatchObject({ deadline: '2025-10-31', longTerm: true, leader: '李明' });
  });

  test('text is trimmed, and a formula-looking text stays text for the store to guard', () => {
    const d = filled();
    d.problem.description = '  =SUM(A1)  ';
    expect(toNewItems(d, TODAY).problem.description).toBe('=SUM(A1)');
  });

  test.each([
    ['monthEnd', '2025年6月底前', '2025-06-30'],
    ['yearEnd', '2025年底前', '2025-12-31'],
    ['immediate', '立行立改', '2025-02-15'],
  ] as const)('quick choice %s writes %p (read as %s with feedback 2025-02-15)', (choice, text, date) => {
    expect(quickChoiceText(choice, TODAY)).toBe(text);
    expect(readDeadline(text, '2025-02-15')).toMatchObject({ state: 'date', date });
  });

  test('garbage in the deadline never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = readDeadline(text, TODAY);
        return ['empty', 'date', 'none', 'unresolved', 'invalid'].includes(r.state);
      }),
    );
  });
});

describe('巡察信息 draft', () => {
  const ledger = sampleLedger(TODAY);
  test('a saved round reads back unchanged', () => {
    expect(roundOfDraft(draftOfRound(ledger.round))).toEqual(ledger.round);
    expect(validateRound(draftOfRound(ledger.round), t, 'zh-CN')).toEqual({});
  });
  test.each([
    [{ months: '2.5' }, 'months', t.monthsInvalid],
    [{ months: '25' }, 'months', t.monthsInvalid],
    [{ feedback: '' }, 'feedback', '请填写反馈日期'],
    // A field under its own label: the message does not repeat it.
    [{ asOf: '2025-02-30' }, 'asOf', '“2025-02-30”不是有效日期，应为日期或“2024年3月15日”“2024-03-15”形式'],
    [{ start: '2025-05-01', end: '2025-04-01', feedback: '2025-06-01' }, 'end', '巡察结束日期不能早于巡察开始日期（2025年5月1日）'],
    [{ start: '2025-05-01', end: '', feedback: '2025-04-30' }, 'feedback', '反馈日期不能早于巡察开始日期（2025年5月1日）'],
    [{ start: '2025-03-01', end: '2025-04-30', feedback: '2025-04-01' }, 'feedback', '反馈日期不能早于巡察结束日期（2025年4月30日）'],
    [{ start: '2025-03-01', end: '2025-04-30', feedback: '2025-06-01', asOf: '2025-05-31' }, 'asOf', '统计截止日期不能早于反馈日期（2025年6月1日）'],
    [{ start: '2025-03-01', end: '', feedback: '', asOf: '2025-02-01' }, 'asOf', '统计截止日期不能早于巡察开始日期（2025年3月1日）'],
  ] as const)('%p is refused at %s', (patch, field, message) => {
    expect(validateRound({ ...draftOfRound(ledger.round), ...patch }, t, 'zh-CN')[field]).toBe(message);
  });
  test('dates in their order, or one of them blank, are accepted', () => {
    const ok = { ...draftOfRound(ledger.round), start: '2025-03-01', end: '2025-04-30', feedback: '2025-04-30', asOf: '2025-04-30' };
    expect(validateRound(ok, t, 'zh-CN')).toEqual({});
    expect(validateRound({ ...ok, end: '', asOf: '' }, t, 'zh-CN')).toEqual({});
  });
  test('English names both dates, in prose', () => {
    const en = STRINGS.en;
    const issues = validateRound({ ...draftOfRound(ledger.round), start: '2025-05-01', feedback: '2025-04-30', end: '' }, en, 'en');
    expect(issues.feedback).toBe('Feedback date (反馈日期) cannot be before Inspection start (May 1, 2025)');
  });
});

describe('台账 filters', () => {
  const index = indexLedger(sampleLedger(TODAY), TODAY);
  const ids = (r: ReturnType<typeof filterLedger>) => r.problems.flatMap((p) => p.measures.map((m) => m.row.id));

  test('no filter shows everything', () => {
    const r = filterLedger(index, NO_FILTER);
    expect(r.problems).toHaveLength(12);
    expect(r.measureCount).toBe(28);
  });

  test('a problem matched by the search keeps its measures; a measure match keeps only that measure', () => {
    expect(ids(filterLedger(index, { ...NO_FILTER, search: '意识形态' }))).toEqual(['P004-M01', 'P004-M02']);
    expect(ids(filterLedger(index, { ...NO_FILTER, search: '应急预案' }))).toEqual(['P003-M03']);
    // One word in the problem, one in the measure.
    expect(ids(filterLedger(index, { ...NO_FILTER, search: '疾控 招聘' }))).toEqual(['P003-M01']);
    expect(ids(filterLedger(index, { ...NO_FILTER, search: 'p007-m03' }))).toEqual(['P007-M03']);
  });

  test('临期 is the 黄 light', () => {
    expect(ids(filterLedger(index, { ...NO_FILTER, due: 'soon' })).sort()).toEqual(['P002-M03', 'P007-M02', 'P010-M01']);
  });

  test('search terms split on any whitespace, including the full-width space', () => {
    expect(searchTerms('  医共体\u3000 评估 ')).toEqual(['医共体', '评估']);
  });

  test('filters only narrow: each added constraint keeps a subset of what was shown', () => {
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom('all', '未启动', '正在推进', '已完成', '未标注'),
          unit: fc.constantFrom('', '财务科', '办公室'),
          due: fc.constantFrom('all', 'overdue', 'soon'),
          longTermOnly: fc.boolean(),
          openOnly: fc.boolean(),
          search: fc.constantFrom('', '制度', '财务 资金', 'zzz'),
        }),
        (raw) => {
          const filter = raw as typeof NO_FILTER;
          const shown = new Set(ids(filterLedger(index, filter)));
          const tighter = [
            { ...filter, openOnly: true },
            { ...filter, longTermOnly: true },
            { ...filter, search: `${filter.search} 整改` },
          ];
          return tighter.every((f) => ids(filterLedger(index, f)).every((id) => shown.has(id)));
        },
      ),
    );
  });
});
