// 分发: which measures go to whom. A 责任单位 (or 责任领导 / 责任人) cell may name several, separated
// by 、，, ; (full- or half-width): the measure goes to each of them. Pure.
import type { Ledger, MeasureRow } from '../types';

/** The field a ledger is split by. */
export type SplitBy = '责任单位' | '责任领导' | '责任人';
export const SPLIT_BYS: readonly SplitBy[] = ['责任单位', '责任领导', '责任人'];

const FIELD_OF: Record<SplitBy, 'unit' | 'leader' | 'owner'> = { 责任单位: 'unit', 责任领导: 'leader', 责任人: 'owner' };

export function splitField(by: SplitBy): 'unit' | 'leader' | 'owner' {
  return FIELD_OF[by];
}

/** The names a cell lists, trimmed, blanks and repeats dropped, in the order written. */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[、，,；;\n]+/)) {
    const name = part.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Whether a measure is one of `name`'s (its 责任单位 / 责任领导 / 责任人 cell lists that name). */
export function belongsTo(measure: MeasureRow, by: SplitBy, name: string): boolean {
  return splitNames(measure[FIELD_OF[by]]).includes(name);
}

/** One recipient's part of the ledger: the measures, their problems, the same 巡察信息. */
export type LedgerPart = { name: string; ledger: Ledger };

/**
 * The ledger split by `by`: one part per distinct name, in order of first appearance, each a valid
 * ledger (its measures in ledger order, the problems they belong to). Measures naming nobody are
 * returned apart so the caller can say so. Linear in the ledger.
 */
export function splitLedger(ledger: Ledger, by: SplitBy): { parts: LedgerPart[]; unassigned: MeasureRow[] } {
  const field = FIELD_OF[by];
  const byName = new Map<string, MeasureRow[]>();
  const unassigned: MeasureRow[] = [];
  for (const m of ledger.measures) {
    const names = splitNames(m[field]);
    if (names.length === 0) unassigned.push(m);
    for (const name of names) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(m);
    }
  }
  const parts = [...byName].map(([name, measures]) => {
    const ids = new Set(measures.map((m) => m.problemId));
    return { name, ledger: { round: { ...ledger.round }, problems: ledger.problems.filter((p) => ids.has(p.id)), measures } };
  });
  return { parts, unassigned };
}

/**
 * A file name for a recipient: characters Windows or Linux refuse (\ / : * ? " < > | and control
 * characters) become _, trailing dots and spaces go, reserved device names (CON, NUL, COM1 …) get
 * a _ in front, and the name is cut to 100 characters. Distinct names that clash after this get
 * (2), (3) … so no file overwrites another (also case-insensitively, for Windows).
 */
export function safeFileNames(names: readonly string[], extension = '.xlsx'): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let base = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/[. ]+$/, '').trim();
    if (!base) base = '未命名';
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base)) base = `_${base}`;
    base = Array.from(base).slice(0, 100).join('');
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}(${n})`;
    taken.add(candidate.toLowerCase());
    return `${candidate}${extension}`;
  });
}
