// The 录入 form as data: the draft a user is typing, its validation, and what is written once it is
// valid. Kept free of React so the rules can be tested and reused by the hooks.
import { parseDeadline } from '../../../ledger/deadline';
import { formatFieldMessage, formatMessage, type Locale } from '../../../ledger/errors';
import type { NewMeasure, NewProblem } from '../../../ledger/store';
import type { IsoDate, ProblemSource } from '../../../ledger/types';
import type { Strings } from '../../i18n';

export type ProblemDraft = {
  category: string;
  description: string;
  source: ProblemSource;
  leader: string;
  leadUnit: string;
};

export type MeasureDraft = {
  key: string; // stable React key; not the 措施编号, which the store assigns
  text: string;
  leader: string;
  unit: string;
  coUnits: string;
  owner: string;
  deadlineText: string;
  longTerm: boolean;
};

export type EntryDraft = {
  problem: ProblemDraft;
  measures: MeasureDraft[];
  nextKey: number;
  /** After the first save attempt, missing required fields are shown too. */
  submitted: boolean;
};

export type ProblemField = Exclude<keyof ProblemDraft, 'source'>;
export type MeasureField = Exclude<keyof MeasureDraft, 'key' | 'longTerm'>;

export type FieldIssue = { state: 'error' | 'warning'; message: string };

export type EntryIssues = {
  problem: Partial<Record<ProblemField, FieldIssue>>;
  measures: Record<string, Partial<Record<MeasureField, FieldIssue>>>;
  /** Issues that block saving (errors, not warnings), including required fields not yet shown. */
  blocking: number;
};

export function emptyMeasure(key: string): MeasureDraft {
  return { key, text: '', leader: '', unit: '', coUnits: '', owner: '', deadlineText: '', longTerm: false };
}

export function emptyDraft(): EntryDraft {
  return {
    problem: { category: '', description: '', source: '巡察反馈', leader: '', leadUnit: '' },
    measures: [emptyMeasure('m1')],
    nextKey: 2,
    submitted: false,
  };
}

export type DeadlineReading =
  | { state: 'empty' }
  | { state: 'date'; date: IsoDate; immediate: boolean; longTerm: boolean }
  | { state: 'none'; longTerm: boolean }
  | { state: 'unresolved'; longTerm: boolean }
  | { state: 'invalid' };

/** Reads a 整改时限 against the reference date (the round's 反馈日期, else today). */
export function readDeadline(text: string, refIso: IsoDate): DeadlineReading {
  const trimmed = text.trim();
  if (!trimmed) return { state: 'empty' };
  const parsed = parseDeadline(trimmed, refIso);
  switch (parsed.kind) {
    case 'date':
      return { state: 'date', date: parsed.date, immediate: parsed.immediate, longTerm: parsed.longTerm };
    case 'none':
      return { state: 'none', longTerm: parsed.longTerm };
    case 'unresolved':
      return { state: 'unresolved', longTerm: parsed.longTerm };
    default:
      return { state: 'invalid' };
  }
}

export type ValidationContext = { locale: Locale; t: Strings; refIso: IsoDate };

type Finding = FieldIssue & { missing?: true };

function required(value: string, label: string, locale: Locale): Finding | undefined {
  return value.trim() ? undefined : { state: 'error', message: formatMessage('required', [label], locale), missing: true };
}

/** Counts blocking findings; missing fields are only shown once the user tried to save (no red form on arrival). */
function collector(submitted: boolean) {
  let blocking = 0;
  const note = <K extends string>(into: Partial<Record<K, FieldIssue>>, field: K, finding: Finding | undefined) => {
    if (!finding) return;
    if (finding.state === 'error') blocking += 1;
    if (finding.missing && !submitted) return;
    into[field] = { state: finding.state, message: finding.message };
  };
  return { note, blocking: () => blocking };
}

function measureIssues(m: MeasureDraft, ctx: ValidationContext, note: ReturnType<typeof collector>['note']) {
  const { t, locale } = ctx;
  const issues: Partial<Record<MeasureField, FieldIssue>> = {};
  note(issues, 'text', required(m.text, t.measureText, locale));
  note(issues, 'unit', required(m.unit, t.unit, locale));
  const reading = readDeadline(m.deadlineText, ctx.refIso);
  if (reading.state === 'empty') {
    // Ticking 长期坚持 is itself a 整改时限.
    if (!m.longTerm) note(issues, 'deadlineText', required('', t.deadline, locale));
  } else if (reading.state === 'invalid') {
    note(issues, 'deadlineText', { state: 'error', message: formatFieldMessage('badDeadline', [t.deadline, m.deadlineText.trim()], locale) });
  } else if (reading.state === 'unresolved') {
    note(issues, 'deadlineText', { state: 'warning', message: t.unresolvedWarning.replace('{0}', m.deadlineText.trim()) });
  }
  return issues;
}

/** Every field issue of the draft; required-field errors count as blocking even before they are shown. */
export function validateDraft(draft: EntryDraft, ctx: ValidationContext): EntryIssues {
  const { t, locale } = ctx;
  const problem: EntryIssues['problem'] = {};
  const { note, blocking } = collector(draft.submitted);
  note(problem, 'category', required(draft.problem.category, t.category, locale));
  note(problem, 'description', required(draft.problem.description, t.description, locale));
  const measures: EntryIssues['measures'] = {};
  for (const m of draft.measures) measures[m.key] = measureIssues(m, ctx, note);
  return { problem, measures, blocking: blocking() };
}

/** One measure on its own (a measure added to a problem already in the ledger), by the 录入 form's rules. */
export function validateMeasure(m: MeasureDraft, submitted: boolean, ctx: ValidationContext): { issues: EntryIssues['measures'][string]; blocking: number } {
  const { note, blocking } = collector(submitted);
  const issues = measureIssues(m, ctx, note);
  return { issues, blocking: blocking() };
}

/** What the store receives for one valid measure; 责任领导 falls back to the problem's. */
export function toNewMeasure(m: MeasureDraft, problemLeader: string, refIso: IsoDate): NewMeasure {
  const deadlineText = m.deadlineText.trim() || (m.longTerm ? '长期坚持' : '');
  const reading = readDeadline(deadlineText, refIso);
  const readLongTerm = reading.state === 'date' || reading.state === 'none' || reading.state === 'unresolved' ? reading.longTerm : false;
  return {
    text: m.text.trim(),
    leader: m.leader.trim() || problemLeader.trim(),
    unit: m.unit.trim(),
    coUnits: m.coUnits.trim(),
    owner: m.owner.trim(),
    deadlineText,
    deadline: reading.state === 'date' ? reading.date : null,
    status: '未启动',
    longTerm: m.longTerm || readLongTerm,
    note: '',
  };
}

/** What the store receives for a valid draft (call only when validateDraft reports nothing blocking). */
export function toNewItems(draft: EntryDraft, refIso: IsoDate): { problem: NewProblem; measures: NewMeasure[] } {
  const p = draft.problem;
  const problem: NewProblem = {
    sourceNumber: '',
    category: p.category.trim(),
    description: p.description.trim(),
    source: p.source,
    leader: p.leader.trim(),
    leadUnit: p.leadUnit.trim(),
    note: '',
  };
  const measures = draft.measures.map((m) => toNewMeasure(m, p.leader, refIso));
  return { problem, measures };
}
