// 回收: what a returned file asks to change in the ledger. Rows are matched by 措施编号 only; each
// cell is compared three ways — the 底稿 (what the file held when distributed), the file, the
// ledger now — so that:
//   file = 底稿                 the department left it: nothing
//   file = ledger               already there (a second collect of the same file): nothing
//   ledger = 底稿               the department changed it: apply (fillable columns only)
//   all three differ            the ledger changed it too since distribution: a conflict
// 整改进展 and 佐证材料 only grow: new lines are added to the ledger's, never replacing them.
// Nothing here applies anything: see apply.ts. Pure and linear in the file and the ledger.
import { formatChineseDate, formatEnglishDate } from '../dates';
import { formatMessage, ledgerError, type LedgerError, type Locale } from '../errors';
import { MEASURE_LABELS } from '../ledger-diff';
import { CLOSE_TRANSITIONS } from '../ledger-ops';
import { parseProgress } from '../progress';
import type { IsoDate, Ledger, MeasureRow } from '../types';
import { UNMARKED } from '../types';
import { baseRowOf, ledgerKey, type BaseRow, type DistStamp } from './stamp';
import { belongsTo, splitField } from './split';

/** The columns a department fills in; every other column is locked (DESIGN §13). */
export const FILLABLE: readonly (keyof MeasureRow)[] = ['status', 'progress', 'doneDate', 'evidence', 'closeState'];

/** A returned file as read: its stamp and 底稿, its measures with their row numbers, its date. */
export type ReturnedFile = {
  fileName: string;
  stamp: DistStamp;
  base: ReadonlyMap<string, BaseRow>;
  measures: readonly { row: number; measure: MeasureRow }[];
  /** Rows with text but no 措施编号: measures a department typed in. */
  unnumbered: readonly { row: number; text: string }[];
  /** The day the file was last saved (docProps/core.xml), else null. */
  savedOn: IsoDate | null;
};

export type FieldChange = {
  file: string;
  unit: string;
  id: string;
  row: number;
  field: keyof MeasureRow;
  /** The ledger's value now, and the value to write (the file's, or the ledger's grown by the file's lines). */
  from: string;
  to: string;
  /** apply: the department changed it; conflict: the ledger changed it too, someone must choose. */
  kind: 'apply' | 'conflict';
  /** Made by a rule from another change of the row (完成日期 of 已完成): it stands or falls with 整改状态. */
  derived?: LedgerError;
};

export type Rejection = { file: string; id: string; field: string; row: number | null; reason: LedgerError };
export type Proposal = { file: string; row: number; id: string; text: string };

export type CollectStatus = 'changes' | 'unchanged' | 'refused';
export type FileDiff = {
  file: string;
  unit: string;
  status: CollectStatus;
  changes: FieldChange[];
  rejected: Rejection[];
  proposals: Proposal[];
};

const label = (f: keyof MeasureRow) => MEASURE_LABELS[f];
const lines = (text: string) => (text ? text.split('\n') : []);
const DATED = /^\d{4}-\d{2}-\d{2}[：:]/;

/** A round as a person tells it apart: its unit, its group, its feedback date, in the given language. */
function describeRound(stamp: Pick<DistStamp, 'org' | 'inspector' | 'feedback'>, locale: Locale): string {
  const date = stamp.feedback ? (locale === 'zh-CN' ? formatChineseDate(stamp.feedback) : formatEnglishDate(stamp.feedback)) : '';
  return [
    stamp.org || formatMessage('roundUnitMissing', [], locale),
    stamp.inspector,
    date ? formatMessage('roundFeedbackOn', [date], locale) : '',
  ].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ');
}

/** Both rounds in both languages, as collectForeignLedger's parameters take them (the pane picks its language later). */
const foreignLedger = (fileName: string, file: Parameters<typeof describeRound>[0], ledger: Parameters<typeof describeRound>[0]) =>
  ledgerError('collectForeignLedger', fileName, describeRound(file, 'zh-CN'), describeRound(ledger, 'zh-CN'), describeRound(file, 'en'), describeRound(ledger, 'en'));

/** A file refused as a whole: not a ledger, another ledger, damaged … */
export function refusedFile(file: string, unit: string, reason: LedgerError): FileDiff {
  return { file, unit, status: 'refused', changes: [], rejected: [{ file, id: '', field: '', row: null, reason }], proposals: [] };
}

/**
 * What a returned file changes in `ledger`. `today` dates lines typed without a date when the file
 * has no saved date either.
 */
export function diffReturned(ledger: Ledger, file: ReturnedFile, today: IsoDate): FileDiff {
  const { stamp, fileName } = file;
  if (stamp.ledgerKey !== ledgerKey(ledger.round)) {
    return refusedFile(fileName, stamp.unit, foreignLedger(fileName, stamp, ledger.round));
  }
  const fileDate = file.savedOn && file.savedOn >= stamp.date && file.savedOn <= today ? file.savedOn : today;
  const ledgerById = new Map(ledger.measures.map((m) => [m.id, m]));
  const changes: FieldChange[] = [];
  const rejected: Rejection[] = [];
  const proposals: Proposal[] = [];
  const reject = (id: string, field: string, row: number | null, reason: LedgerError) => rejected.push({ file: fileName, id, field, row, reason });
  const seen = new Map<string, number>();

  for (const { row, measure } of file.measures) {
    const id = measure.id;
    const first = seen.get(id);
    if (first !== undefined) {
      reject(id, '', row, ledgerError('collectDuplicateRow', row, id, first));
      continue;
    }
    seen.set(id, row);
    const base = file.base.get(id);
    const now = ledgerById.get(id);
    if (!base) {
      if (!now) {
        proposals.push({ file: fileName, row, id, text: measure.text });
        reject(id, '', row, ledgerError('collectProposal', row, measure.text || id));
      } else if (!belongsTo(now, stamp.by, stamp.unit)) {
        reject(id, '', row, ledgerError('collectForeignMeasure', row, id, stamp.by, now[splitField(stamp.by)], stamp.unit));
      } else reject(id, '', row, ledgerError('collectNotInFile', row, id, stamp.unit));
      continue;
    }
    const inFile = baseRowOf(measure);
    const touched = (Object.keys(base) as (keyof MeasureRow)[]).filter((f) => inFile[f] !== base[f]);
    if (touched.length === 0) continue;
    if (!now) {
      reject(id, '', row, ledgerError('collectDeletedMeasure', row, id));
      continue;
    }
    if (!belongsTo(now, stamp.by, stamp.unit)) {
      reject(id, '', row, ledgerError('collectForeignMeasure', row, id, stamp.by, now[splitField(stamp.by)], stamp.unit));
      continue;
    }
    const ctx: RowContext = { fileName, unit: stamp.unit, id, row, base, inFile, now: baseRowOf(now), fileDate, changes, reject };
    for (const field of touched) diffField(ctx, field);
    completionRule(ctx);
  }
  const inFile = new Set(file.measures.map((m) => m.measure.id));
  for (const id of file.base.keys()) if (!inFile.has(id)) reject(id, '', null, ledgerError('collectRowRemoved', id));
  for (const u of file.unnumbered) {
    proposals.push({ file: fileName, row: u.row, id: '', text: u.text });
    reject('', '', u.row, ledgerError('collectProposal', u.row, u.text));
  }
  const status: CollectStatus = changes.length > 0 ? 'changes' : 'unchanged';
  return { file: fileName, unit: stamp.unit, status, changes, rejected, proposals };
}

type RowContext = {
  fileName: string;
  unit: string;
  id: string;
  row: number;
  base: BaseRow;
  inFile: BaseRow;
  now: BaseRow;
  fileDate: IsoDate;
  changes: FieldChange[];
  reject: (id: string, field: string, row: number | null, reason: LedgerError) => void;
};

function push(ctx: RowContext, field: keyof MeasureRow, to: string, kind: FieldChange['kind'], derived?: LedgerError): void {
  ctx.changes.push({ file: ctx.fileName, unit: ctx.unit, id: ctx.id, row: ctx.row, field, from: ctx.now[field], to, kind, ...(derived ? { derived } : {}) });
}

function diffField(ctx: RowContext, field: keyof MeasureRow): void {
  const { base, inFile, now, row, id } = ctx;
  if (inFile[field] === now[field]) return; // already so in the ledger: nothing to do (idempotence)
  if (!FILLABLE.includes(field)) {
    ctx.reject(id, label(field), row, ledgerError('collectLocked', row, label(field)));
    return;
  }
  if (field === 'progress' || field === 'evidence') {
    const kept = lines(base[field]);
    const fileLines = lines(inFile[field]);
    const rewritten = kept.some((l) => !fileLines.includes(l));
    if (rewritten) {
      ctx.reject(id, label(field), row, ledgerError(field === 'progress' ? 'collectProgressRewritten' : 'collectEvidenceRemoved', row, id));
    }
    const have = new Set(lines(now[field]));
    let added = fileLines.filter((l) => !kept.includes(l));
    // Where old entries were edited, an edited entry looks new: only lines dated after the newest
    // entry sent (or undated ones, typed now) count as new.
    if (rewritten && field === 'progress') {
      const newest = kept.map((l) => l.slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().pop() ?? '';
      added = added.filter((l) => !DATED.test(l) || l.slice(0, 10) > newest);
    }
    if (rewritten && field === 'evidence') added = [];
    // A line typed without a date is dated the day the file was saved: a log entry has a date.
    if (field === 'progress') added = added.map((l) => (DATED.test(l) ? l.replace(/^(\d{4}-\d{2}-\d{2}):/, '$1：') : `${ctx.fileDate}：${l}`));
    added = added.filter((l) => !have.has(l));
    // A department reports progress; 销号 and 延期 steps (【同意销号】 …) are the ledger keeper's.
    if (field === 'progress') {
      for (const l of added.filter((x) => parseProgress(x)[0]?.kind === 'workflow')) ctx.reject(id, label(field), row, ledgerError('collectWorkflowLine', row, id, l));
      added = added.filter((x) => parseProgress(x)[0]?.kind !== 'workflow');
    }
    if (added.length === 0) return;
    // 整改进展 is newest first: new entries go on top; 佐证材料 is a list: new items at the end.
    const to = field === 'progress' ? [...sortNewestFirst(added), ...lines(now[field])] : [...lines(now[field]), ...added];
    push(ctx, field, to.join('\n'), 'apply');
    return;
  }
  if (field === 'status' && inFile.status === UNMARKED) {
    ctx.reject(id, label(field), row, ledgerError('collectBadStatus', row, id, inFile.status));
    return;
  }
  if (field === 'closeState') {
    const from = now.closeState as MeasureRow['closeState'];
    if (inFile.closeState !== '已申请' || !CLOSE_TRANSITIONS[from]?.includes('apply')) {
      ctx.reject(id, label(field), row, ledgerError('collectCloseState', row, id, base.closeState, inFile.closeState));
      return;
    }
  }
  push(ctx, field, inFile[field], now[field] === base[field] ? 'apply' : 'conflict');
}

/** Newest first by the leading date; undated lines keep their place at the top. Stable. */
function sortNewestFirst(added: string[]): string[] {
  return added.map((l, i) => ({ l, i })).sort((a, b) => (b.l.slice(0, 10) < a.l.slice(0, 10) ? -1 : b.l.slice(0, 10) > a.l.slice(0, 10) ? 1 : a.i - b.i)).map((x) => x.l);
}

/**
 * 已完成 needs a 完成日期 and only 已完成 has one: a status set to 已完成 without a date gets the
 * file's date (the pane asks); a date without 已完成 is listed and left out; a status moved off
 * 已完成 clears the date, as in the ledger's own rule.
 */
function completionRule(ctx: RowContext): void {
  const statusChange = ctx.changes.find((c) => c.id === ctx.id && c.file === ctx.fileName && c.field === 'status');
  const dateIndex = ctx.changes.findIndex((c) => c.id === ctx.id && c.file === ctx.fileName && c.field === 'doneDate');
  const status = statusChange?.to ?? ctx.now.status;
  const date = dateIndex >= 0 ? ctx.changes[dateIndex].to : ctx.now.doneDate;
  if (status === '已完成' && !date) {
    if (dateIndex >= 0) ctx.changes.splice(dateIndex, 1);
    push(ctx, 'doneDate', ctx.fileDate, statusChange?.kind ?? 'apply', ledgerError('collectDoneDateFromFile', ctx.fileDate));
  } else if (status !== '已完成' && date) {
    if (dateIndex >= 0) {
      const c = ctx.changes.splice(dateIndex, 1)[0];
      ctx.reject(ctx.id, label('doneDate'), ctx.row, ledgerError('collectDoneDateWithoutDone', ctx.row, ctx.id, c.to, status));
    }
    if (statusChange && ctx.now.doneDate) push(ctx, 'doneDate', '', statusChange.kind, ledgerError('collectDoneDateCleared'));
  }
}

/** The changes a collect without a person to ask takes: every 'apply', with its derived changes. */
export function unattendedChoice(diff: FileDiff): { accepted: FieldChange[]; conflicts: FieldChange[] } {
  const conflicts = diff.changes.filter((c) => c.kind === 'conflict');
  return { accepted: diff.changes.filter((c) => c.kind === 'apply'), conflicts };
}

/** The rejection a conflict becomes when the ledger keeps its value (the command line). */
export function conflictRejection(c: FieldChange): Rejection {
  return { file: c.file, id: c.id, field: label(c.field), row: c.row, reason: ledgerError('collectConflict', c.row, c.id, label(c.field), c.from, c.to) };
}
