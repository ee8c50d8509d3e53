// 回收, applying: the changes a person (the pane) or the rule (the command line) accepted, written
// into the ledger as one edit. Each 变更记录 line names its source — 字段 reads
// "整改状态（回收自办公室：办公室.xlsx）" — and each measure that changed gets a workflow line
// 【回收】 on top of its 整改进展 (internal: never published), plus 【申请销号】 when the department
// applied for 销号. Pure: stores apply the returned LedgerEdit as they apply any other.
import { changeText, diffLedgers, MEASURE_LABELS, type LedgerEdit } from '../ledger-diff';
import type { OpsClock } from '../ledger-ops';
import { rollUpProblems } from '../rollup';
import type { IsoDate, Ledger, MeasureRow, StatusOrUnmarked } from '../types';
import { closeApplyDetail, prependEntry, workflowEntry } from '../progress';
import type { FieldChange } from './collect';

/** The cell value of a change's text, by field. */
function valueOf(field: keyof MeasureRow, text: string): MeasureRow[keyof MeasureRow] {
  if (field === 'doneDate') return (text || null) as IsoDate | null;
  if (field === 'status') return text as StatusOrUnmarked;
  return text;
}

/**
 * Keeps only what can stand: a change derived from 整改状态 (the 完成日期 of 已完成) goes only
 * with its status change, and two changes of the same cell keep the last one accepted.
 */
export function consistentChoice(accepted: readonly FieldChange[], all: readonly FieldChange[]): FieldChange[] {
  const key = (c: FieldChange) => `${c.file}\u0000${c.id}`;
  const statusTaken = new Set(accepted.filter((c) => c.field === 'status').map(key));
  const statusOffered = new Set(all.filter((c) => c.field === 'status').map(key));
  return accepted.filter((c) => !c.derived || !statusOffered.has(key(c)) || statusTaken.has(key(c)));
}

/**
 * The ledger with the accepted changes. Changes are applied in order; a later change of the same
 * measure sees the earlier ones (two files both adding 整改进展 lines both land). Measures the
 * ledger no longer has are skipped (the diff already listed them).
 */
export function applyCollected(ledger: Ledger, accepted: readonly FieldChange[], clock: OpsClock): LedgerEdit {
  const index = new Map(ledger.measures.map((m, i) => [m.id, i]));
  const measures = [...ledger.measures];
  const touched = new Map<number, { sources: Set<string>; fields: Set<string>; closeApply: boolean }>();
  const sourceOf = new Map<string, string>(); // "id\u0000field" → the source that set it last
  for (const c of accepted) {
    const i = index.get(c.id);
    if (i === undefined) continue;
    const row = { ...measures[i] };
    let to = c.to;
    if (c.field === 'progress' || c.field === 'evidence') {
      // The change was computed against the ledger as it was; keep lines other changes added since.
      const have = changeText(row[c.field]).split('\n').filter(Boolean);
      const wanted = to.split('\n').filter(Boolean);
      const fresh = wanted.filter((l) => !have.includes(l) && !c.from.split('\n').includes(l));
      to = (c.field === 'progress' ? [...fresh, ...have] : [...have, ...fresh]).join('\n');
    }
    (row as Record<string, unknown>)[c.field] = valueOf(c.field, to);
    measures[i] = row as MeasureRow;
    const t = touched.get(i) ?? { sources: new Set(), fields: new Set(), closeApply: false };
    t.sources.add(`${c.unit}：${c.file}`);
    t.fields.add(MEASURE_LABELS[c.field]);
    if (c.field === 'closeState' && c.to === '已申请') t.closeApply = true;
    touched.set(i, t);
    sourceOf.set(`${c.id}\u0000${MEASURE_LABELS[c.field]}`, `${c.unit}：${c.file}`);
  }
  for (const [i, t] of touched) {
    const row = measures[i];
    const sources = [...t.sources].join('；');
    // Workflow entries (internal, never published): the 申请销号 a department made, and the 回收 itself.
    let progress = row.progress.trim();
    if (t.closeApply) progress = prependEntry(progress, workflowEntry(clock.today, 'closeApply', closeApplyDetail(row.evidence.replace(/\n/g, '；') || '（未填写）')));
    progress = prependEntry(progress, workflowEntry(clock.today, 'collect', `${sources}，更新${[...t.fields].join('、')}`));
    measures[i] = { ...row, progress };
    if (!sourceOf.has(`${row.id}\u0000${MEASURE_LABELS.progress}`)) sourceOf.set(`${row.id}\u0000${MEASURE_LABELS.progress}`, sources);
  }
  const problemIds = new Set([...touched.keys()].map((i) => measures[i].problemId));
  const problems = rollUpProblems(ledger.problems, measures, problemIds);
  const edit = diffLedgers(ledger, { ...ledger, problems, measures }, clock.now);
  // Name the source in each 变更记录 line of a measure (problem lines are the roll-up's: no source).
  const changes = edit.changes.map((e) => {
    const source = sourceOf.get(`${e.id}\u0000${e.field}`);
    return source ? { ...e, field: `${e.field}（回收自${source}）` } : e;
  });
  return { ...edit, changes };
}
