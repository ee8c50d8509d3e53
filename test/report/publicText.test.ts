// What a 通报 publishes (DESIGN §4, §9): no internal workflow, and no item that contradicts itself.
// Checked on the sample ledger and as a property over generated ledgers, whose 整改进展 mixes
// substantive progress with workflow entries in the add-in's current and old wording.
import fc from 'fast-check';
import { formatEntry, workflowEntry, WORKFLOW_TAGS, type WorkflowAction } from '../../src/ledger/progress';
import { buildDraft, problemBlocks } from '../../src/ledger/report/draft';
import { draftToText } from '../../src/ledger/report/output';
import { measuresByProblem, rollUpAll } from '../../src/ledger/rollup';
import { CLOSE_STATES, STATUSES, UNMARKED, type Ledger, type MeasureRow, type ProblemRow, type StatusOrUnmarked } from '../../src/ledger/types';
import { generateLedger, sampleLedger } from '../../src/workbook/sample';

/** Words of the internal workflow that a published text never contains. */
const WORKFLOW_WORDS = /申请销号|销号申请|同意销号|退回|延期|佐证材料|不完整|【|】|分发|回收/;

const STATUS_WORDS = /尚未启动|正在推进|部分已整改|基本完成|整改到位|逾期|尚未填报/;

/** Everything wrong with one problem's blocks, in words (empty when it reads true). */
function contradictions(problem: ProblemRow, measures: readonly MeasureRow[], asOf: string): string[] {
  const blocks = problemBlocks(problem, 1, measures, asOf);
  const status = blocks.at(-1)!.text;
  const head = status.slice('整改情况：'.length, status.indexOf('。') + 1);
  const all = blocks.map((b) => b.text).join('');
  const wrong: string[] = [];
  const closed = problem.status === '已完成' && (problem.closeState === '已销号' || measures.every((m) => m.closeState === '已销号'));
  if (!status.startsWith('整改情况：')) wrong.push(`no 整改情况 line: ${status}`);
  if (WORKFLOW_WORDS.test(all)) wrong.push(`workflow in ${all}`);
  if (all.includes('已销号') !== closed) wrong.push(`已销号 ${closed ? 'missing' : 'claimed'}: ${all}`);
  // DESIGN §4: a problem is 未启动 only when none of its measures has started.
  if (head.startsWith('尚未启动') && !measures.every((m) => m.status === '未启动')) wrong.push(`尚未启动 though a measure started: ${all}`);
  switch (problem.status) {
    case '已完成':
      if (!head.startsWith('已完成')) wrong.push(`done but ${head}`);
      if (STATUS_WORDS.test(head)) wrong.push(`done but ${head}`);
      break;
    case '未启动':
      if (!head.startsWith('尚未启动')) wrong.push(`not started but ${head}`);
      // Not started: nothing but the texts of the problem and its measures, and the outcome.
      if (status !== `整改情况：${head}`) wrong.push(`not started but progress: ${status}`);
      if (blocks.slice(1, -1).some((b, i) => !b.text.endsWith(measures.filter((m) => m.text.trim())[i]?.text ?? '\u0000'))) wrong.push(`not started but progress: ${all}`);
      break;
    case UNMARKED:
      if (!head.startsWith('尚未填报整改结果')) wrong.push(`unmarked but ${head}`);
      break;
    default:
      if (/已完成整改|已完成并长期坚持|尚未启动/.test(head)) wrong.push(`${problem.status} but ${head}`);
  }
  return wrong;
}

function check(ledger: Ledger, asOf: string): void {
  const rolled = rollUpAll(ledger);
  const byProblem = measuresByProblem(rolled.measures);
  const wrong = rolled.problems.flatMap((p) => contradictions(p, byProblem.get(p.id) ?? [], asOf).map((w) => `${p.id}: ${w}`));
  expect(wrong).toEqual([]);
  const text = draftToText(buildDraft(rolled, { asOf }));
  expect(text).not.toMatch(WORKFLOW_WORDS);
}

describe('the 通报 of the sample ledger', () => {
  const today = '2026-12-06';
  const ledger = sampleLedger(today);
  const text = draftToText(buildDraft(ledger, { asOf: today }));

  test('holds no workflow: no 销号 application, 退回 reason or 延期 request', () => {
    for (const word of ['申请销号', '退回', '延期', '佐证材料', '佐证材料不完整', '需待年度预算批复']) expect(text).not.toContain(word);
    // …while the substantive progress is there.
    expect(text).toContain('清退超标准接待费用1.26万元，对3名责任人进行提醒谈话。');
    expect(text).toContain('已完成9个项目审计，剩余3个项目因资料不全暂缓。');
  });

  test('no item contradicts its status', () => check(ledger, today));

  test('已销号 only where the problem is closed; the rate reads as the pane shows it', () => {
    // P001: one measure 已销号, the other only applied for.
    expect(text).not.toMatch(/第一议题[^\n]*\n(?:[^\n]*\n)*?整改情况：[^\n]*已销号/);
    expect(text).toContain('整改情况：已完成并长期坚持。\n2.推进紧密型');
    expect(text).toContain('整改到位率46.43%');
  });

  test('a problem with one measure under way and two not started is under way, with that measure\'s progress', () => {
    expect(text).toContain(
      '（1）对2022年以来专项资金使用情况开展专项审计，形成审计报告。已完成9个项目审计，剩余3个项目因资料不全暂缓。\n' +
        '（2）清理结余结转资金，按规定上缴县财政或统筹使用。\n（3）建立专项资金绩效跟踪评价制度。\n整改情况：正在推进，',
    );
  });
});

// ---- generated ledgers ---------------------------------------------------------------------

const SUBSTANTIVE = ['印发工作方案。', '已完成9个项目审计，剩余3个项目因资料不全暂缓。', '召开专题会议研究部署', '清退超标准接待费用1.26万元'];
const actions = Object.keys(WORKFLOW_TAGS) as WorkflowAction[];
const LEGACY = ['申请销号，佐证材料：自查报告；清退凭证', '已销号', '销号申请被退回：佐证材料不完整，请补充。', '申请延期至2027年4月底前：需待年度预算批复后实施（原时限2027年2月底前）。'];

const date = fc.integer({ min: 0, max: 200 }).map((n) => new Date(Date.UTC(2026, 5, 1 + n)).toISOString().slice(0, 10));
const progressLine = fc.oneof(
  fc.tuple(date, fc.constantFrom(...SUBSTANTIVE)).map(([d, t]) => `${d}：${t}`),
  fc.tuple(date, fc.constantFrom(...actions), fc.constantFrom('', '理由：佐证材料不完整', '新时限：2027年3月底前（2027-03-31）；原时限：2026年12月底前；理由：待批复', '发往财务科')).map(([d, a, detail]) => formatEntry(workflowEntry(d, a, detail))),
  fc.tuple(date, fc.constantFrom(...LEGACY)).map(([d, t]) => `${d}：${t}`),
);
const statusArb = fc.constantFrom<StatusOrUnmarked>(...STATUSES, UNMARKED);
const measureArb = fc.record({
  status: statusArb,
  closeState: fc.constantFrom(...CLOSE_STATES),
  deadline: fc.option(date, { nil: null }),
  longTerm: fc.boolean(),
  progress: fc.array(progressLine, { maxLength: 4 }).map((lines) => lines.join('\n')),
});
const problemArb = fc.record({ closeState: fc.constantFrom(...CLOSE_STATES), measures: fc.array(measureArb, { minLength: 1, maxLength: 4 }) });

function ledgerOf(problems: { closeState: ProblemRow['closeState']; measures: Pick<MeasureRow, 'status' | 'closeState' | 'deadline' | 'longTerm' | 'progress'>[] }[]): Ledger {
  const base = sampleLedger('2026-12-06');
  return {
    round: base.round,
    problems: problems.map((p, i) => ({ ...base.problems[i % base.problems.length], id: `P${i + 1}`, closeState: p.closeState, status: UNMARKED })),
    measures: problems.flatMap((p, i) =>
      p.measures.map((m, j) => ({ ...base.measures[(i + j) % base.measures.length], ...m, id: `P${i + 1}-M${j + 1}`, problemId: `P${i + 1}`, deadlineText: m.deadline ?? '长期坚持' })),
    ),
  };
}

describe('the 通报 of any ledger', () => {
  test('no workflow and no contradiction, whatever the statuses, 销号 states and logs', () => {
    fc.assert(fc.property(fc.array(problemArb, { minLength: 1, maxLength: 5 }), date, (problems, asOf) => check(ledgerOf(problems), asOf)), { numRuns: 300 });
  });

  test.each([1, 2, 3])('generated ledger, seed %i', (seed) => check(generateLedger(300, seed), '2026-11-22'));
});
