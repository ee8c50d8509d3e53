// `npm run eval:import [folder]`: scores the report importer against every fixture with a gold
// extraction (<name>.txt + <name>.gold.json): counts of 方面 and problems (gold "items", the finest
// grain), status and deadline agreement per problem, round fields and summary figures. The folder
// defaults to the repository's own test/fixtures/reports (or $IMPORT_FIXTURES); pass another folder
// of <name>.txt + <name>.gold.json to score the importer on texts it has not been tuned on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importReport } from '../src/ledger/import';
import type { ImportedProblem, ImportResult } from '../src/ledger/import';
import { isLedgerError } from '../src/ledger/errors';
import { alignProblems, matchFigures, squash, tableLines } from './lib/import-scoring';
import { addRates, formatRate, goldStatus, outcomeRates } from './lib/outcome-rates';
import type { OutcomePair, OutcomeRates } from './lib/outcome-rates';
import { listUnseen, REAL_DIR, scoreUnseen } from '../test/import/unseen-score';

type GoldItem = { number: string | null; finding: string; status: string; deadline: string | null; measure_count: number | null };
type Gold = {
  org: string | null;
  inspector: string | null;
  inspection_start: string | null;
  inspection_end: string | null;
  feedback_date: string | null;
  report_date: string | null;
  summary_figures: { text: string; label: string; value: number; unit: string }[];
  aspects: { number: string; title: string; problems: { number: string | null; title: string; items: GoldItem[] }[] }[];
  totals: { aspects: number; problems: number; items: number };
};

export type FixtureScore = {
  name: string;
  error: string | null;
  aspects: { gold: number; found: number };
  groups: { gold: number; found: number };
  problems: { gold: number; found: number };
  status: { agree: number; total: number };
  deadline: { agree: number; total: number };
  round: { agree: number; total: number; misses: string[] };
  figures: { matched: number; gold: number; found: number };
  measures: { agree: number; total: number };
  outcomes: OutcomePair[];
  disagreements: string[];
};

export function defaultFixtureDir(repo = path.resolve(__dirname, '..')): string {
  return process.env.IMPORT_FIXTURES ?? path.resolve(repo, 'test', 'fixtures', 'reports');
}

export function listFixtures(dir: string): { name: string; text: string; gold: Gold }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      return { name, text: readFileSync(path.join(dir, `${name}.txt`), 'utf8'), gold: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Gold };
    })
    .filter((f) => f.text.length > 0);
}

/** Whether an imported status and flag agree with a gold status code (fixtures README). */
export function statusAgrees(code: string, p: Pick<ImportedProblem, 'status' | 'longTerm'>): boolean {
  const underWay = p.status === '正在推进' || p.status === '部分完成' || p.status === '基本完成';
  switch (code) {
    case 'done':
      return p.status === '已完成' && !p.longTerm;
    case 'done_long_term':
      return p.status === '已完成' && p.longTerm;
    case 'long_term':
      return underWay && p.longTerm;
    case 'in_progress':
      return underWay;
    case 'not_started':
      return p.status === '未启动';
    case 'unknown':
      return p.status === null;
    default:
      return false;
  }
}

/** Pairs gold items with imported problems: in order when the counts agree, else by finding text. */
function align(items: readonly GoldItem[], problems: readonly ImportedProblem[]): [GoldItem, ImportedProblem | null][] {
  return alignProblems(items, problems, (g, p) => {
    const key = squash(g.finding).slice(0, 12);
    return squash(p.finding).includes(key) || key.includes(squash(p.finding).slice(0, 12));
  });
}

export function scoreFixture(name: string, text: string, gold: Gold): FixtureScore {
  const items = gold.aspects.flatMap((a) => a.problems.flatMap((p) => p.items));
  const result = importReport(text);
  const empty = { agree: 0, total: 0 };
  if (isLedgerError(result)) {
    return {
      name, error: result.message,
      aspects: { gold: gold.totals.aspects, found: 0 }, groups: { gold: gold.totals.problems, found: 0 },
      problems: { gold: items.length, found: 0 }, status: { ...empty, total: items.length }, deadline: { ...empty, total: items.length },
      round: { agree: 0, total: 6, misses: [] }, figures: { matched: 0, gold: gold.summary_figures.length, found: 0 },
      measures: empty, outcomes: items.map((g) => ({ expected: goldStatus(g.status), found: null })), disagreements: [],
    };
  }
  return score(name, result, gold, items);
}

function score(name: string, result: ImportResult, gold: Gold, items: GoldItem[]): FixtureScore {
  const disagreements: string[] = [];
  const pairs = align(items, result.problems);
  let statusAgree = 0;
  let deadlineAgree = 0;
  let measureAgree = 0;
  let measureTotal = 0;
  const outcomes: OutcomePair[] = [];
  pairs.forEach(([g, p], i) => {
    outcomes.push({ expected: goldStatus(g.status), found: p?.status ?? null });
    const label = `#${i + 1} ${g.finding.slice(0, 16)}`;
    if (p && statusAgrees(g.status, p)) statusAgree++;
    else disagreements.push(`${label}: status gold ${g.status}, got ${p ? `${p.status}${p.longTerm ? '+长期' : ''}` : 'nothing'}`);
    if (p && p.deadline === g.deadline) deadlineAgree++;
    else disagreements.push(`${label}: deadline gold ${g.deadline}, got ${p ? p.deadline : 'nothing'}`);
    if (g.measure_count !== null) {
      measureTotal++;
      if (p && p.measures.length === g.measure_count) measureAgree++;
    }
  });
  const fields = [
    ['org', gold.org, result.round.org],
    ['inspector', gold.inspector, result.round.inspector],
    ['inspectionStart', gold.inspection_start, result.round.inspectionStart],
    ['inspectionEnd', gold.inspection_end, result.round.inspectionEnd],
    ['feedbackDate', gold.feedback_date, result.round.feedbackDate],
    ['reportDate', gold.report_date, result.round.reportDate],
  ] as const;
  const misses = fields.filter(([, g, f]) => g !== f).map(([k, g, f]) => `${k}: gold ${g}, got ${f}`);
  const figures = matchFigures(gold.summary_figures, result.figures);
  const matched = figures.matched.length;
  for (const g of figures.missing) disagreements.push(`figure missing: ${g.text}`);
  for (const f of figures.extra) disagreements.push(`figure extra: ${f.text}`);
  const groups = new Set(result.problems.map((p) => `${p.category}|${p.group ?? p.finding}`)).size;
  return {
    name,
    error: null,
    aspects: { gold: gold.totals.aspects, found: new Set(result.problems.map((p) => p.category)).size },
    groups: { gold: gold.totals.problems, found: groups },
    problems: { gold: items.length, found: result.problems.length },
    status: { agree: statusAgree, total: items.length },
    deadline: { agree: deadlineAgree, total: items.length },
    round: { agree: fields.length - misses.length, total: fields.length, misses },
    figures: { matched, gold: gold.summary_figures.length, found: result.figures.length },
    measures: { agree: measureAgree, total: measureTotal },
    outcomes,
    disagreements: [...disagreements, ...misses],
  };
}

/** Figures score: matched over the larger of gold and found, so extras count against it too. */
export function figureRate(f: FixtureScore['figures']): number {
  const denominator = Math.max(f.gold, f.found);
  return denominator === 0 ? 1 : f.matched / denominator;
}

export function totals(scores: readonly FixtureScore[]) {
  const sum = (pick: (s: FixtureScore) => { agree: number; total: number }) => {
    const agree = scores.reduce((n, s) => n + pick(s).agree, 0);
    const total = scores.reduce((n, s) => n + pick(s).total, 0);
    return total === 0 ? 1 : agree / total;
  };
  const figMatched = scores.reduce((n, s) => n + s.figures.matched, 0);
  const figDen = scores.reduce((n, s) => n + Math.max(s.figures.gold, s.figures.found), 0);
  return {
    countsExact: scores.every((s) => s.aspects.gold === s.aspects.found && s.problems.gold === s.problems.found),
    status: sum((s) => s.status),
    deadline: sum((s) => s.deadline),
    round: sum((s) => s.round),
    figures: figDen === 0 ? 1 : figMatched / figDen,
    measures: sum((s) => s.measures),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ratio = (a: number, b: number) => `${a}/${b}`;

function printTable(scores: readonly FixtureScore[]): void {
  const header = ['fixture', '方面', '问题组', '问题', '状态', '时限', '巡察信息', '概况数字', '措施数'];
  const rows = scores.map((s) => [
    s.name,
    `${s.aspects.found}/${s.aspects.gold}${s.aspects.found === s.aspects.gold ? '' : ' ✗'}`,
    `${s.groups.found}/${s.groups.gold}`,
    `${s.problems.found}/${s.problems.gold}${s.problems.found === s.problems.gold ? '' : ' ✗'}`,
    ratio(s.status.agree, s.status.total),
    ratio(s.deadline.agree, s.deadline.total),
    ratio(s.round.agree, s.round.total),
    `${s.figures.matched}/${Math.max(s.figures.gold, s.figures.found)}`,
    ratio(s.measures.agree, s.measures.total),
  ]);
  const t = totals(scores);
  rows.push(['total', t.countsExact ? 'exact' : 'differ', '', '', pct(t.status), pct(t.deadline), pct(t.round), pct(t.figures), pct(t.measures)]);
  tableLines(header, rows, true).forEach((line) => console.log(line));
  console.log('\ntargets: counts exact, status ≥95%, deadlines ≥95%, round fields ≥90%, figures ≥90%');
  for (const s of scores) {
    if (s.error) console.log(`\n${s.name}: ${s.error}`);
    else if (s.disagreements.length > 0) console.log(`\n${s.name}:\n  ${s.disagreements.join('\n  ')}`);
  }
}

export type RateRow = { set: string; name: string; rates: OutcomeRates; error: string | null };

/** The outcome rates of every text: the gold fixtures, the written samples and the real texts. */
export function rateRows(dir: string): RateRow[] {
  const gold = listFixtures(dir).map((f) => {
    const s = scoreFixture(f.name, f.text, f.gold);
    return { set: 'gold', name: f.name, rates: outcomeRates(s.outcomes), error: s.error };
  });
  const sets: [string, string | undefined][] = [['texts', undefined], ['real', REAL_DIR]];
  const others = sets.flatMap(([set, folder]) =>
    listUnseen(folder).map((u) => {
      const s = scoreUnseen(u.name, u.text, u.expected);
      return { set, name: u.name, rates: outcomeRates(s.outcomes), error: s.error };
    }),
  );
  return [...gold, ...others];
}

function printRates(rows: readonly RateRow[]): void {
  console.log('\noutcomes on every text (issue 15): done/not-done agreement where the text states an outcome (target ≥ 85%), called done where it states none (target ≤ 5%)\n');
  const table = rows.map((r) => [`${r.set}/${r.name}`, formatRate(r.rates.agree, r.rates.stated), formatRate(r.rates.falseDone, r.rates.unstated), r.error ?? '']);
  const all = addRates(rows.map((r) => r.rates));
  table.push(['total', formatRate(all.agree, all.stated), formatRate(all.falseDone, all.unstated), '']);
  tableLines(['text', '结果一致', '误判已完成', ''], table, true).forEach((line) => console.log(line));
}

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const dir = argv.find((a) => !a.startsWith('--')) ?? defaultFixtureDir();
  const fixtures = listFixtures(dir);
  if (fixtures.length === 0) {
    console.error(`没有找到带标注的样例（*.gold.json）：${dir}`);
    return 1;
  }
  const scores = fixtures.map((f) => scoreFixture(f.name, f.text, f.gold));
  const rates = rateRows(dir);
  if (json) console.log(JSON.stringify({ dir, scores, totals: totals(scores), outcomes: { rows: rates, total: addRates(rates.map((r) => r.rates)) } }, null, 2));
  else {
    console.log(`import scored against ${fixtures.length} fixtures in ${dir}\n`);
    printTable(scores);
    printRates(rates);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
