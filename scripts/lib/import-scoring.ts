// What the two importer scorers share (scripts/eval-import.ts against the gold fixtures,
// test/import/unseen-score.ts against the hand-written unseen texts): pairing expected problems with
// imported ones, matching summary figures, and printing a table whose Chinese cells line up.
import type { ImportedProblem } from '../../src/ledger/import';

/** A finding without spaces and punctuation, for comparing texts cut or quoted differently. */
export function squash(s: string): string {
  return s.replace(/[\s“”"‘’'（）()。，,、：:；;.]/g, '');
}

/** Expected items paired with imported problems: in order when the counts agree, else each with the first unused problem that `matches` it. */
export function alignProblems<T>(
  expected: readonly T[],
  found: readonly ImportedProblem[],
  matches: (item: T, problem: ImportedProblem) => boolean,
): [T, ImportedProblem | null][] {
  if (expected.length === found.length) return expected.map((e, i) => [e, found[i]]);
  const used = new Set<number>();
  return expected.map((e) => {
    const i = found.findIndex((p, k) => !used.has(k) && matches(e, p));
    if (i < 0) return [e, null];
    used.add(i);
    return [e, found[i]];
  });
}

type Figure = { value: number; unit: string };

/** Expected figures matched to found ones by value and unit, each found figure used once. */
export function matchFigures<E extends Figure, F extends Figure>(expected: readonly E[], found: readonly F[]): { matched: [E, F][]; missing: E[]; extra: F[] } {
  const extra = [...found];
  const matched: [E, F][] = [];
  const missing: E[] = [];
  for (const e of expected) {
    const i = extra.findIndex((f) => f.value === e.value && f.unit === e.unit);
    if (i < 0) missing.push(e);
    else matched.push([e, extra.splice(i, 1)[0]]);
  }
  return { matched, missing, extra };
}

/** The lines of a table, columns padded to their widest cell (CJK characters count as two). */
export function tableLines(header: readonly string[], rows: readonly (readonly string[])[], underline = false): string[] {
  const width = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  return [line(header), ...(underline ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []), ...rows.map(line)];
}
