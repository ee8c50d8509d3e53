// What an edit changed: the rows a ledger edit added, updated and deleted, and one 变更记录 line per
// changed field, labelled with the Chinese field names that are also the table headers.
import { FIGURES_TITLE } from './roundFigures';
import type { ChangeEntry } from './store';
import type { Ledger, MeasureRow, ProblemRow, RoundField } from './types';

export type RowDiff = { added: string[]; updated: string[]; deleted: string[] };
export type LedgerDiff = { round: boolean; problems: RowDiff; measures: RowDiff };
export type LedgerEdit = { ledger: Ledger; diff: LedgerDiff; changes: ChangeEntry[] };

/** Chinese labels of the fields: the table headers and the 字段 of 变更记录 (one source). */
export const PROBLEM_LABELS = {
  id: '问题编号', sourceNumber: '原编号', category: '问题类别', description: '问题描述', source: '问题来源',
  leader: '责任领导', leadUnit: '牵头单位', status: '问题状态', longTerm: '长期坚持', closeState: '销号状态',
  closeDate: '销号日期', note: '备注',
} as const satisfies Record<keyof ProblemRow, string>;

export const MEASURE_LABELS = {
  id: '措施编号', problemId: '问题编号', text: '整改措施', leader: '责任领导', unit: '责任单位', coUnits: '配合单位',
  owner: '责任人', deadlineText: '整改时限', deadline: '截止日期', status: '整改状态', longTerm: '长期坚持',
  doneDate: '完成日期', progress: '整改进展', evidence: '佐证材料', closeState: '销号状态', closeDate: '销号日期', note: '备注',
} as const satisfies Record<keyof MeasureRow, string>;

export const ROUND_LABELS = {
  org: '被巡察单位', inspector: '巡察组', kind: '巡察类型', start: '巡察开始日期', end: '巡察结束日期',
  feedback: '反馈日期', months: '集中整改期(月)', asOf: '统计截止日期',
} as const satisfies Record<RoundField, string>;

/** The 编号 of 变更记录 lines about the 巡察信息 sheet. */
export const ROUND_CHANGE_ID = '巡察信息';

/** A cell's text in 变更记录: 是/否 for flags, '' for no date. */
export function changeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

function diffRows<T extends { id: string }>(
  before: readonly T[], after: readonly T[], labels: Record<keyof T & string, string>, describe: (row: T) => string,
  now: string, changes: ChangeEntry[],
): RowDiff {
  const old = new Map(before.map((r) => [r.id, r]));
  const diff: RowDiff = { added: [], updated: [], deleted: [] };
  const seen = new Set<string>();
  for (const row of after) {
    seen.add(row.id);
    const prev = old.get(row.id);
    if (prev === row) continue;
    if (!prev) {
      diff.added.push(row.id);
      changes.push({ time: now, id: row.id, field: '新增', before: '', after: describe(row) });
      continue;
    }
    let changed = false;
    for (const key of Object.keys(labels) as (keyof T & string)[]) {
      const a = changeText(prev[key]);
      const b = changeText(row[key]);
      if (a === b) continue;
      changed = true;
      changes.push({ time: now, id: row.id, field: labels[key], before: a, after: b });
    }
    if (changed) diff.updated.push(row.id);
  }
  for (const row of before) {
    if (seen.has(row.id)) continue;
    diff.deleted.push(row.id);
    changes.push({ time: now, id: row.id, field: '删除', before: describe(row), after: '' });
  }
  return diff;
}

/** What changed between two ledgers, row by row, with one 变更记录 line per changed field. */
export function diffLedgers(before: Ledger, after: Ledger, now: string): LedgerEdit {
  const changes: ChangeEntry[] = [];
  let round = false;
  if (before.round !== after.round) {
    for (const key of Object.keys(ROUND_LABELS) as RoundField[]) {
      const a = changeText(before.round[key]);
      const b = changeText(after.round[key]);
      if (a === b) continue;
      round = true;
      changes.push({ time: now, id: ROUND_CHANGE_ID, field: ROUND_LABELS[key], before: a, after: b });
    }
    // 通报数字, one 变更记录 line per label whose value or unit changed.
    const was = new Map((before.round.figures ?? []).map((f) => [f.label, `${f.value}${f.unit}`]));
    for (const f of after.round.figures ?? []) {
      const a = was.get(f.label) ?? '';
      const b = `${f.value}${f.unit}`;
      if (a === b) continue;
      round = true;
      changes.push({ time: now, id: ROUND_CHANGE_ID, field: `${FIGURES_TITLE}·${f.label}`, before: a, after: b });
    }
  }
  const problems = diffRows(before.problems, after.problems, PROBLEM_LABELS, (p) => p.description, now, changes);
  const measures = diffRows(before.measures, after.measures, MEASURE_LABELS, (m) => m.text, now, changes);
  return { ledger: after, diff: { round, problems, measures }, changes };
}
