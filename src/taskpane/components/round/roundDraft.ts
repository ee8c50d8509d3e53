// The 巡察信息 form as data: text fields as typed, checked before the round is saved.
import { formatFieldMessage, type Locale } from '../../../ledger/errors';
import { parseIso } from '../../../ledger/dates';
import { ROUND_KINDS, type Round, type RoundKind } from '../../../ledger/types';
import { formatDate } from '../../format';
import { fill, type Strings } from '../../i18n';

export type RoundDraft = {
  inspector: string;
  org: string;
  kind: RoundKind | '';
  start: string;
  end: string;
  feedback: string;
  months: string;
  asOf: string;
};

export type RoundField = keyof RoundDraft;

export function draftOfRound(round: Round): RoundDraft {
  return {
    inspector: round.inspector,
    org: round.org,
    kind: round.kind,
    start: round.start ?? '',
    end: round.end ?? '',
    feedback: round.feedback ?? '',
    months: String(round.months),
    asOf: round.asOf ?? '',
  };
}

/** Field → message for what must change before saving; empty when the draft can be saved. */
export function validateRound(draft: RoundDraft, t: Strings, locale: Locale): Partial<Record<RoundField, string>> {
  const issues: Partial<Record<RoundField, string>> = {};
  if (!draft.org.trim()) issues.org = formatFieldMessage('required', [t.org], locale);
  if (!draft.inspector.trim()) issues.inspector = formatFieldMessage('required', [t.inspector], locale);
  const dates: [RoundField, string][] = [
    ['start', t.roundStart],
    ['end', t.roundEnd],
    ['feedback', t.feedback],
    ['asOf', t.asOf],
  ];
  for (const [field, label] of dates) {
    const value = draft[field].trim();
    if (value && !parseIso(value)) issues[field] = formatFieldMessage('badDate', [label, value], locale);
  }
  if (!draft.feedback.trim()) issues.feedback = formatFieldMessage('required', [t.feedback], locale);
  const months = Number(draft.months);
  if (!Number.isInteger(months) || months < 1 || months > 24) issues.months = t.monthsInvalid;
  // The round happens in this order: 巡察 starts, ends, is fed back, and only then is 整改 counted.
  // A later date earlier than one before it is a typo; the later field says which date it clashes with.
  for (const [later, earlier] of DATE_ORDER) {
    const a = draft[later].trim();
    const b = draft[earlier].trim();
    if (issues[later] || issues[earlier] || !a || !b || a >= b) continue;
    issues[later] = fill(t.dateBefore, dateLabel(later, t), dateLabel(earlier, t), formatDate(b, locale));
  }
  if (draft.kind && !(ROUND_KINDS as readonly string[]).includes(draft.kind)) issues.kind = formatFieldMessage('required', [t.roundKind], locale);
  return issues;
}

type DateField = 'start' | 'end' | 'feedback' | 'asOf';

/** [later, earlier] pairs, each checked in turn; a field shows the first clash only. */
const DATE_ORDER: readonly (readonly [DateField, DateField])[] = [
  ['end', 'start'],
  ['feedback', 'start'],
  ['feedback', 'end'],
  ['asOf', 'feedback'],
  ['asOf', 'start'],
];

function dateLabel(field: DateField, t: Strings): string {
  return { start: t.roundStart, end: t.roundEnd, feedback: t.feedback, asOf: t.asOf }[field];
}

export function roundOfDraft(draft: RoundDraft): Round {
  const date = (v: string) => (v.trim() ? v.trim() : null);
  return {
    inspector: draft.inspector.trim(),
    org: draft.org.trim(),
    kind: draft.kind,
    start: date(draft.start),
    end: date(draft.end),
    feedback: date(draft.feedback),
    months: Number(draft.months),
    asOf: date(draft.asOf),
  };
}
