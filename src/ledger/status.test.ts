import fc from 'fast-check';
import { isDone, parseFlag, parseStatus, problemStatus, statusRank } from './status';
import { STATUSES, UNMARKED } from './types';
import type { Status, StatusOrUnmarked } from './types';

describe('parseStatus: every phrase of DESIGN.md §4', () => {
  test.each<[string, Status]>([
    ['已完成整改', '已完成'],
    ['此项问题已整改', '已完成'],
    ['此项问题已完成整改', '已完成'],
    ['已整改到位', '已完成'],
    ['整改完毕', '已完成'],
    ['已落实到位', '已完成'],
    ['已按期整改完成', '已完成'],
    ['完成整改', '已完成'],
    ['业已完成', '已完成'],
    ['办结', '已完成'],
    ['已报结', '已完成'],
    ['已销号', '已完成'],
    ['已完成并长期坚持', '已完成'],
    ['基本完成', '基本完成'],
    ['基本完成整改', '基本完成'],
    ['取得阶段性成效', '基本完成'],
    ['部分已整改', '部分完成'],
    ['部分整改', '部分完成'],
    ['部分单位已完成整改', '部分完成'],
    ['正在推进', '正在推进'],
    ['正在整改', '正在推进'],
    ['正推进', '正在推进'],
    ['取得积极进展', '正在推进'],
    ['持续推进', '正在推进'],
    ['未完成', '未启动'],
    ['未整改', '未启动'],
    ['尚未整改', '未启动'],
    ['未启动', '未启动'],
  ])('%s → %s', (phrase, status) => {
    expect(parseStatus(phrase).status).toBe(status);
  });

  test.each(STATUSES.map((s) => [s]))('the canonical value %s maps to itself', (s) => {
    expect(parseStatus(s).status).toBe(s);
    expect(parseStatus(` ${s} `).status).toBe(s);
  });

  test.each(['', '   ', '未标注', '加强学习，提高认识', '对相关责任人进行了约谈', 'xyz', '长期坚持', '争取2022年12月底前整改到位', '计划6月底完成整改', '确保年底前全部完成'])('%j states no outcome → null', (phrase) => {
    expect(parseStatus(phrase).status).toBeNull();
  });

  // A question is not a claim (issue 12): the clause that asks states no outcome.
  test.each<[string, Status | null]>([
    ['是否已完成', null],
    ['是否已完成？', null],
    ['是否整改到位', null],
    ['整改是否到位', null],
    ['已整改到位了吗', null],
    ['已完成？', null],
    ['已完成?', null],
    ['有没有完成整改', null],
    ['能否按期完成', null],
    ['已经办结与否', null],
    ['整改完成没有', null],
    ['已完成整改，是否长期坚持？', '已完成'],
    ['是否已完成？正在推进', '正在推进'],
    ['是否已完成：已完成', '已完成'],
    ['已核实是否存在问题并完成整改', '已完成'],
    ['经检查是否到位，已整改', '已完成'],
    ['已完成整改。', '已完成'],
    ['正在推进！', '正在推进'],
  ])('%j → %s', (phrase, status) => {
    expect(parseStatus(phrase).status).toBe(status);
  });

  test.each<[string, Status | null, boolean]>([
    ['已完成并长期坚持；人员招聘方面因疫情防控原因于9月27日研究决定推迟面试时间，根据实际情况，正在推进。', '正在推进', true],
    ['此项问题部分已整改，需要长期推进', '部分完成', true],
    ['此项问题部分已整改，需要长期推进，2022年10月底前落实到位', '部分完成', true],
    ['目前已经笔试完成,待进行面试程序', '正在推进', false],
    ['征求意见稿已经呈报到县政府，等待县政府审核', '正在推进', false],
    ['已整改3项，其余2项尚未整改', '未启动', false],
    ['已完成80%', '部分完成', false],
    ['已整改，持续推进', '已完成', false], // 持续推进 after a completion claim does not weaken it
    ['已完成，纳入常态化管理', '已完成', true],
    ['已于2022年3月底前完成整改', '已完成', false],
    ['目前整改完毕', '已完成', false],
    // 已 claims the act right after it: starting, urging or meeting is not the rectification done.
    ['已启动整改', '正在推进', false],
    ['已着手清理，年底前完成', '正在推进', false],
    ['已完成阶段性整改', '基本完成', false],
    ['已督促相关单位整改到位', null, false],
    ['已召开专题会议研究整改', null, false],
    ['已召开专题会议研究，现已整改完毕', '已完成', false],
    ['已按要求完成整改', '已完成', false],
  ])('mixed: %s → %s (长期坚持 %s)', (phrase, status, longTerm) => {
    expect(parseStatus(phrase)).toMatchObject({ status, longTerm });
  });

  test.each(['未完成', '尚未整改', '未整改', '未能按期完成整改', '没有完成', '暂未启动', '未全部完成', '未完全整改到位', '整改不到位', '无法完成整改', '不能按期完成整改'])(
    'the negation %s never reads as done',
    (phrase) => {
      expect(parseStatus(phrase).status).not.toBe('已完成');
      expect(parseStatus(`此项问题${phrase}`).status).not.toBe('已完成');
    },
  );

  test.each(['纳入长期坚持', '需要长期推进', '需长期坚持', '长期坚持', '持续整改', '长期任务', '常态化', '久久为功'])('%s sets the 长期坚持 flag', (phrase) => {
    expect(parseStatus(`已完成整改，${phrase}`)).toMatchObject({ status: '已完成', longTerm: true });
  });

  test.each(['立行立改', '即知即改', '立说立行', '即时整改', '立整立改', '边巡边改'])('%s sets the 立行立改 flag', (phrase) => {
    expect(parseStatus(`${phrase}，已整改到位`)).toEqual({ status: '已完成', longTerm: false, immediate: true });
  });

  test('full-width text is read like half-width', () => {
    expect(parseStatus('已完成８０％')).toMatchObject({ status: '部分完成' });
  });
});

const VOCABULARY = ['已完成', '整改', '未', '尚未', '部分', '基本', '正在推进', '长期坚持', '立行立改', '，', '；', '已', '待', '完成', '不', '到位', '持续推进', '取得', '阶段性成效', '。', ' '];

describe('parseStatus never throws and never invents a completion', () => {
  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const parsed = parseStatus(s);
        expect(parsed.status === null || STATUSES.includes(parsed.status)).toBe(true);
      }),
    );
  });

  test('on strings built from the phrase vocabulary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), (words) => {
        const text = words.join('');
        const parsed = parseStatus(text);
        expect(typeof parsed.longTerm).toBe('boolean');
        // A phrase with no completion word is never done.
        if (!/完成|整改|到位|办结|报结|销号/.test(text)) expect(parsed.status).not.toBe('已完成');
      }),
    );
  });

  test('appending a 尚未整改 clause always makes a phrase not done', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 8 }), (words) => {
        expect(isDone(parseStatus(`${words.join('')}；尚未整改`).status)).toBe(false);
      }),
    );
  });
});

describe('isDone, statusRank, problemStatus', () => {
  test.each<[StatusOrUnmarked | null | undefined, boolean, boolean]>([
    ['已完成', false, true],
    ['基本完成', false, false],
    ['基本完成', true, true],
    ['部分完成', true, false],
    ['正在推进', false, false],
    ['未启动', false, false],
    [UNMARKED, true, false],
    [null, true, false],
    [undefined, false, false],
  ])('isDone(%s, countBasic %s) = %s', (status, countBasic, done) => {
    expect(isDone(status, countBasic)).toBe(done);
  });

  test('ranks run 未标注 −1, 未启动 0 … 已完成 4', () => {
    const all: StatusOrUnmarked[] = [UNMARKED, ...STATUSES];
    expect(all.map((s) => statusRank(s))).toEqual([-1, 0, 1, 2, 3, 4]);
  });

  test.each<[StatusOrUnmarked[], StatusOrUnmarked]>([
    [[], UNMARKED],
    [['已完成'], '已完成'],
    [['已完成', '基本完成', '已完成'], '基本完成'],
    [['已完成', '正在推进', '部分完成'], '正在推进'],
    [['未启动'], '未启动'],
    [['未启动', '未启动'], '未启动'],
    [['已完成', '未启动'], '正在推进'], // DESIGN §4: one done and one not started is under way
    [['未启动', '基本完成', '未启动'], '正在推进'],
    [['已完成', UNMARKED], UNMARKED], // the unknown measure may be anything
    [[UNMARKED, '基本完成'], UNMARKED],
    [[UNMARKED, '正在推进'], '正在推进'], // whatever the unknown is, the problem is under way
    [[UNMARKED, '未启动', '已完成'], '正在推进'], // one started, one not: under way whatever the unknown
    [[UNMARKED, '未启动'], UNMARKED], // started or not depends on the unknown one
    [[UNMARKED], UNMARKED],
  ])('problemStatus(%j) = %s', (statuses, expected) => {
    expect(problemStatus(statuses)).toBe(expected);
    expect(problemStatus(new Set(statuses))).toBe(expected);
  });

  // The rule on known statuses, spelled out: the weakest, but 未启动 only when nothing started.
  const known = (statuses: readonly Status[]): Status => {
    const weakest = STATUSES[Math.min(...statuses.map((s) => STATUSES.indexOf(s)))];
    return weakest === '未启动' && statuses.some((s) => s !== '未启动') ? '正在推进' : weakest;
  };
  // Every status the unknown measures could have: each non-empty set of at most `n` statuses.
  const fillings = (n: number): Status[][] =>
    Array.from({ length: 2 ** STATUSES.length - 1 }, (_, bits) => STATUSES.filter((_, i) => ((bits + 1) >> i) & 1)).filter((set) => set.length <= n);

  test('the roll-up is the answer every reading of the unknown measures agrees on, else 未标注', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<StatusOrUnmarked>(UNMARKED, ...STATUSES), { minLength: 1, maxLength: 7 }), (statuses) => {
        const knownOnes = statuses.filter((s): s is Status => s !== UNMARKED);
        const unknown = statuses.length - knownOnes.length;
        const answers = new Set(unknown === 0 ? [known(knownOnes)] : fillings(unknown).map((fill) => known([...knownOnes, ...fill])));
        expect(problemStatus(statuses)).toBe(answers.size === 1 ? [...answers][0] : UNMARKED);
        if (isDone(problemStatus(statuses))) expect(statuses.every((s) => s === '已完成')).toBe(true);
      }),
    );
  });
});

describe('parseFlag', () => {
  test.each([
    ...['是', 'Y', 'y', 'yes', 'YES', 'TRUE', 'true', '1', '✓', '✔', '√', '１', '长期坚持', '纳入长期坚持', '需要长期推进', '需长期坚持', '持续整改', '长期任务', '常态化', '久久为功'].map(
      (t) => [t, true] as const,
    ),
    ...['否', 'N', 'no', 'FALSE', '0', '×', '✗', '不纳入长期坚持', '无需长期坚持'].map((t) => [t, false] as const),
    ...['', '  ', '也许', '2022年12月底', '已完成'].map((t) => [t, null] as const),
  ])('%j → %s', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => expect([true, false, null]).toContain(parseFlag(s))));
  });
});
