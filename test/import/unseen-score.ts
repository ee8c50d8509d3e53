// Scores the importer against texts it was not built on: test/import/texts/<name>.txt beside a
// hand-written <name>.expected.json (decided from the text before the importer was run on it).
// `npx tsx test/import/unseen-score.ts` prints a table; unseen.test.ts asserts the targets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importReport } from '../../src/ledger/import';
import type { ImportedProblem, ImportResult } from '../../src/ledger/import';
import { isLedgerError } from '../../src/ledger/errors';
import { alignProblems, matchFigures, squash, tableLines } from '../../scripts/lib/import-scoring';

export type ExpectedProblem = {
  /** The start of the finding as a person would copy it: no number, no 问题： label. */
  finding: string;
  status: string | null;
  longTerm: boolean;
  deadline: string | null;
  /** Number of measures, or null where the text leaves it open. */
  measures: number | null;
};

export type Expected = {
  /** Where a real text was taken from (test/import/real). */
  source?: string;
  /** The text is not a report and must be refused. */
  refused?: boolean;
  genre: string;
  kind: 'report' | 'feedback' | 'plan';
  round: Record<'org' | 'inspector' | 'inspectionStart' | 'inspectionEnd' | 'feedbackDate' | 'reportDate', string | null>;
  aspects: number;
  problems: ExpectedProblem[];
  figures: { value: number; unit: string; label: string }[];
  notes: string[];
};

type Tally = { agree: number; total: number };

export type UnseenScore = {
  name: string;
  error: string | null;
  kind: { expected: string; found: string | null };
  aspects: { expected: number; found: number };
  problems: { expected: number; found: number };
  status: Tally;
  deadline: Tally;
  finding: Tally;
  measures: Tally;
  round: Tally;
  figures: { matched: number; expected: number; found: number; labels: number };
  /** Each expected problem's outcome beside the imported one (null: no outcome stated / none found). */
  outcomes: { expected: string | null; found: string | null }[];
  misses: string[];
};

const TEXT_DIR = path.join(__dirname, 'texts');
/** Real texts from public sources, each with its source address (test/import/real/README.md). */
export const REAL_DIR = path.join(__dirname, 'real');

export function listUnseen(dir = TEXT_DIR): { name: string; text: string; expected: Expected }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return {
        name,
        text: readFileSync(path.join(dir, `${name}.txt`), 'utf8'),
        expected: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Expected,
      };
    });
}

function align(expected: readonly ExpectedProblem[], found: readonly ImportedProblem[]): [ExpectedProblem, ImportedProblem | null][] {
  return alignProblems(expected, found, (e, p) => squash(p.finding).includes(squash(e.finding).slice(0, 10)));
}

export function scoreUnseen(name: string, text: string, expected: Expected): UnseenScore {
  const result = importReport(text);
  const n = expected.problems.length;
  const base: UnseenScore = {
    name,
    error: null,
    kind: { expected: expected.kind, found: null },
    aspects: { expected: expected.aspects, found: 0 },
    problems: { expected: n, found: 0 },
    status: { agree: 0, total: n },
    deadline: { agree: 0, total: n },
    finding: { agree: 0, total: n },
    measures: { agree: 0, total: expected.problems.filter((p) => p.measures !== null).length },
    round: { agree: 0, total: 6 },
    figures: { matched: 0, expected: expected.figures.length, found: 0, labels: 0 },
    outcomes: expected.problems.map((p) => ({ expected: p.status, found: null })),
    misses: [],
  };
  if (isLedgerError(result)) return { ...base, error: expected.refused ? null : result.message, kind: { expected: expected.kind, found: expected.refused ? expected.kind : null } };
  if (expected.refused) return { ...base, error: 'imported a text that is not a report', misses: ['should have been refused'] };
  return score(base, result, expected);
}

function score(s: UnseenScore, result: ImportResult, expected: Expected): UnseenScore {
  s.kind.found = result.kind;
  s.aspects.found = new Set(result.problems.map((p) => p.category)).size;
  s.problems.found = result.problems.length;
  align(expected.problems, result.problems).forEach(([e, p], i) => {
    const label = `#${i + 1} ${e.finding.slice(0, 12)}`;
    s.outcomes[i] = { expected: e.status, found: p?.status ?? null };
    if (!p) {
      s.misses.push(`${label}: not found`);
      return;
    }
    if (p.status === e.status && p.longTerm === e.longTerm) s.status.agree++;
    else s.misses.push(`${label}: status expected ${e.status}${e.longTerm ? '+长期' : ''}, got ${p.status}${p.longTerm ? '+长期' : ''}`);
    if (p.deadline === e.deadline) s.deadline.agree++;
    else s.misses.push(`${label}: deadline expected ${e.deadline}, got ${p.deadline} (${p.deadlineText ?? ''})`);
    if (squash(p.finding).startsWith(squash(e.finding))) s.finding.agree++;
    else s.misses.push(`${label}: finding got "${p.finding.slice(0, 30)}"`);
    if (e.measures !== null) {
      if (p.measures.length === e.measures) s.measures.agree++;
      else s.misses.push(`${label}: measures expected ${e.measures}, got ${p.measures.length}`);
    }
  });
  for (const [key, want] of Object.entries(expected.round)) {
    const got = result.round[key as keyof typeof expected.round];
    if (got === want) s.round.agree++;
    else s.misses.push(`round ${key}: expected ${want}, got ${got}`);
  }
  const figures = matchFigures(expected.figures, result.figures);
  for (const f of figures.missing) s.misses.push(`figure missing: ${f.value}${f.unit} (${f.label})`);
  s.figures.matched = figures.matched.length;
  s.figures.labels = figures.matched.filter(([e, f]) => f.label === e.label).length;
  for (const [e, f] of figures.matched) if (f.label !== e.label) s.misses.push(`figure label: ${e.value}${e.unit} expected ${e.label}, got ${f.label} (${f.text})`);
  s.figures.found = result.figures.length;
  for (const r of figures.extra) s.misses.push(`figure extra: ${r.text}`);
  if (s.kind.found !== s.kind.expected) s.misses.push(`kind: expected ${s.kind.expected}, got ${s.kind.found}`);
  return s;
}

/** Share agreeing; 1 when there is nothing to score. */
export function rate(t: Tally): number {
  return t.total === 0 ? 1 : t.agree / t.total;
}

/** Figures: matched over the larger of expected and found, so extras count against. */
export function figureRate(f: UnseenScore['figures']): number {
  const d = Math.max(f.expected, f.found);
  return d === 0 ? 1 : f.matched / d;
}

function main(): void {
  const dir = process.argv[2] === 'real' ? REAL_DIR : TEXT_DIR;
  const rows = listUnseen(dir).map((u) => scoreUnseen(u.name, u.text, u.expected));
  const header = ['text', 'kind', '方面', '问题', '状态', '时限', '发现', '措施', '巡察信息', '概况数字'];
  const cell = (t: Tally) => `${t.agree}/${t.total}`;
  const table = rows.map((s) =>
    s.error
      ? [s.name, 'ERROR', `0/${s.aspects.expected}`, `0/${s.problems.expected}`, cell(s.status), cell(s.deadline), cell(s.finding), cell(s.measures), cell(s.round), `0/${s.figures.expected}`]
      : [
          s.name,
          s.kind.found === s.kind.expected ? 'ok' : `${s.kind.found}✗`,
          `${s.aspects.found}/${s.aspects.expected}${s.aspects.found === s.aspects.expected ? '' : '✗'}`,
          `${s.problems.found}/${s.problems.expected}${s.problems.found === s.problems.expected ? '' : '✗'}`,
          cell(s.status),
          cell(s.deadline),
          cell(s.finding),
          cell(s.measures),
          cell(s.round),
          `${s.figures.matched}/${Math.max(s.figures.expected, s.figures.found)}`,
        ],
  );
  tableLines(header, table).forEach((line) => console.log(line));
  for (const s of rows) {
    if (s.error) console.log(`\n${s.name}: ${s.error}`);
    else if (s.misses.length > 0) console.log(`\n${s.name}:\n  ${s.misses.join('\n  ')}`);
  }
}

if (require.main === module) main();
