// The importer never throws: arbitrary text, report-like token soup and mangled real reports all
// give either a result or ledgerError('notAReport'). Plus the artefacts of real documents.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReport, importSteps, toImportJson, toLedger } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { defaultFixtureDir, listFixtures } from '../../scripts/eval-import';

const TOKENS = [
  '一、', '二、', '（一）', '(二)', '1.', '2、', '（1）', '(2)', '①', '②', '一是', '二是', '三', '第一，',
  '问题一：', '整改情况：', '完成情况：', '整改成效：', '整改措施：', '责任单位：', '整改时限：', '【整改情况】',
  '针对“', '”问题的整改情况。', '关于“', '”问题的整改', '整改问题：针对', '的问题。',
  '已完成整改', '部分已整改，需要长期推进', '正在推进', '尚未整改', '已完成并长期坚持；', '基本完成',
  '2022年12月底前', '6月底前', '年底', '截至2022年5月底', '立行立改', '近期', '长期坚持', '3个月内',
  '制定的25条整改措施', '整改到位率80%', '纳入长期坚持15项', '4.01万元', '[bookmark: _GoBack]',
  '市委第二巡察组', '2021年11月10日至12月20日', '反馈', '2022年6月17日', '中共某某党组', '关于', '的通报',
  '。', '，', '；', '\n', '\n\n', ' ', '\u3000', '１２', '（', '）', '“', '”', '\r\n', '\t',
  // Forms added for unseen reports: flattened tables, half brackets, page numbers, 问题： labels,
  // 一是 problem lists in feedback prose, headings broken mid-phrase.
  '序号\t反馈问题\t整改措施\t责任单位\t完成时限\t完成情况\n', '1\t', '\t办公室\t', '\t\t', '一)', '2)', '— 3 —',
  '问题：', '整改进展：', '巡察组指出，存在以下问题：', '巡察组建议，', '反馈意见', '方面的\n', '关于“', '”的问题。',
];

const reportLike = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((t) => t.join(''));

function neverThrows(text: string): void {
  const result = importReport(text);
  if (isLedgerError(result)) {
    expect(result.code).toBe('notAReport');
    return;
  }
  // The outputs are usable too: JSON shape and ledger rows.
  const json = toImportJson(result);
  expect(json.problems).toHaveLength(result.problems.length);
  for (const p of json.problems) {
    expect(p.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(p.deadline)).toBe(true);
    expect(p.finding.length).toBeGreaterThan(0);
  }
  const ledger = toLedger(result);
  expect(ledger.problems).toHaveLength(result.problems.length);
}

describe('the importer never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), neverThrows), { numRuns: 300 });
  });

  it('on arbitrary unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), neverThrows), { numRuns: 200 });
  });

  it('on report-like token soup', () => {
    fc.assert(fc.property(reportLike, neverThrows), { numRuns: 400 });
  });

  it('on real reports with lines dropped, shuffled or truncated', () => {
    const texts = listFixtures(defaultFixtureDir()).map((f) => f.text);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.boolean(), (text, a, b, shuffle) => {
        const lines = text.split('\n');
        const cut = lines.slice(a % lines.length, (a % lines.length) + 1 + (b % 40));
        if (shuffle) cut.reverse();
        neverThrows(cut.join('\n'));
      }),
      { numRuns: 150 },
    );
  });

  it('reports progress from 0 to 1 in order while stepping', () => {
    const text = readFileSync(path.join(__dirname, 'texts', 'tongbao-circled.txt'), 'utf8');
    const steps = importSteps(text);
    const seen: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });
});

describe('garbage and the wrong kind of text', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\u3000\n'],
    ['English prose', 'The quick brown fox jumps over the lazy dog.\nAnother line.'],
    ['a shopping list', '1. 苹果\n2. 香蕉\n3. 牛奶'],
    ['a news item', '本报讯 昨日，市图书馆举办读书节活动，吸引市民三千余人参加。'],
  ])('%s → notAReport', (_name, text) => {
    const result = importReport(text);
    expect(isLedgerError(result) && result.code).toBe('notAReport');
  });
});

describe('artefacts of real documents', () => {
  const base = [
    '中共某某局党组关于巡察整改情况的通报',
    '2022年3月1日至4月30日，市委第一巡察组对某某局党组进行了巡察。2022年5月20日，市委第一巡察组反馈了巡察意见。',
    '二、整改落实情况',
  ];
  const end = ['中共某某局党组', '2022年9月1日'];

  it.each([
    ['bookmark junk before a marker', '[bookmark: _GoBack]（1）制度执行不严格。', '整改情况：已完成整改。'],
    ['full-width digits and brackets', '（１）制度执行不严格。', '整改情况：已完成整改。'],
    ['half-width brackets', '(1)制度执行不严格。', '整改情况:已完成整改。'],
    ['heading and status on one line', '（1）制度执行不严格。整改情况：已完成整改。', ''],
    ['bracketed status label', '（1）制度执行不严格。', '【整改情况】已完成整改。'],
    ['indented status with ideographic spaces', '（1）制度执行不严格。', '\u3000\u3000整改情况：已完成整改。'],
  ])('%s', (_name, heading, status) => {
    const text = [...base, heading, status, '（2）台账不规范。', '整改情况：正在推进，2022年12月底前完成。', ...end].join('\n');
    const result = importReport(text);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.problems.map((p) => p.status)).toEqual(['已完成', '正在推进']);
    expect(result.problems[0].finding).toBe('制度执行不严格。');
    expect(result.problems[1].deadline).toBe('2022-12-31');
    expect(result.round.feedbackDate).toBe('2022-05-20');
  });

  it('does not take an as-of date for a deadline', () => {
    const text = [...base, '（1）台账不规范。', '整改情况：正在推进。截至2022年8月底，已完成80%。', ...end].join('\n');
    const result = importReport(text);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.problems[0].deadline).toBeNull();
  });

  it('resolves a feedback date without a year from the inspection window', () => {
    const text = ['某某党委关于巡察整改情况的报告', '2022年11月1日至12月20日，县委第二巡察组对某某党委开展了巡察。1月10日，县委巡察组反馈了意见。', '（一）整改问题：针对制度不健全的问题。', '完成情况：已完成', '某某党委', '2023年3月1日'].join('\n');
    const result = importReport(text);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.round.feedbackDate).toBe('2023-01-10');
    expect(result.warnings.some((w) => w.code === 'yearInferred')).toBe(true);
  });
});

describe('regressions found by the properties', () => {
  it('seed -45978317: a numbered heading with no finding under it is left out, with a warning', () => {
    fc.assert(fc.property(reportLike, neverThrows), { numRuns: 400, seed: -45978317 });
    expect(isLedgerError(importReport('问题一：\n整改情况：一、'))).toBe(true);
    const text = '关于巡察整改情况的通报\n问题一：\n整改情况：已完成。\n问题二：台账不规范。\n整改情况：已完成整改。';
    const result = importReport(text);
    if (isLedgerError(result)) throw new Error(result.message);
    expect(result.problems.map((p) => p.finding)).toEqual(['台账不规范。']);
    expect(result.warnings.find((w) => w.code === 'emptyProblem')?.message).toBe('第2行的“问题一：”下没有问题内容，未导入');
  });
});

describe('hostile texts of issue 12', () => {
  it('4,000 lines of "1. 学习" do not overflow the stack', () => {
    const result = importReport('关于巡察整改情况的通报\n' + '1. 学习\n'.repeat(4000));
    expect(isLedgerError(result) ? result.code : result.problems.length).toBeTruthy();
  });
});
