// 整改时限 → 截止日期 (DESIGN.md §5): a date (possibly a milestone of a long-term item), no date,
// unresolved (需人工确认) or unreadable. As-of and completion dates (截止2022年5月底, 已于2023年8月底
// 整改完毕) are never deadlines. findDeadlineMentions does the same for target dates inside prose.
import { addWorkdays, defaultCalendar } from './calendar';
import type { WorkCalendar } from './calendar';
import { parseIso } from './dates';
import { dateRole, scanDates } from './deadline-patterns';
import type { DateMatch } from './deadline-patterns';
import { normalizeDateText } from './normalize';
import { IMMEDIATE_RE, LONG_TERM_DEADLINE_RE, NOT_LONG_TERM_RE, VAGUE_DEADLINE_RE } from './phrases';
import type { IsoDate } from './types';

export type DeadlineResult =
  /** longTerm true = a milestone of a long-term item; warning = working days past the holiday data. */
  | { kind: 'date'; date: IsoDate; longTerm: boolean; immediate: boolean; warning?: string }
  /** blank, pure 长期坚持/持续推进/常态化, or only as-of/completion dates. */
  | { kind: 'none'; longTerm: boolean }
  /** 近期/尽快/适时…: 需人工确认. */
  | { kind: 'unresolved'; longTerm: boolean }
  /** no deadline could be read at all. */
  | { kind: 'invalid' };

/** Splits at punctuation (ASCII , and : only outside numbers), keeping 1,000 and 10:30 whole; returns the clauses with their offsets. */
export function splitClauses(text: string): { text: string; index: number }[] {
  const clauses: { text: string; index: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const boundary =
      i === text.length ||
      '，。；;！!？?：\n'.includes(ch) ||
      ((ch === ',' || ch === ':') && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')));
    if (boundary) {
      if (i > start) clauses.push({ text: text.slice(start, i), index: start });
      start = i + 1;
    }
  }
  return clauses;
}

const NO_DEADLINE_RE = /^(?:无|暂无|\/|-|—|——|不适用|无期限|无时限|n\/?a)$/i;

function requireRef(ref: IsoDate): void {
  if (!parseIso(ref)) throw new RangeError(`reference date must be ISO YYYY-MM-DD: ${ref}`);
}

/** The date a match stands for, working days counted in the calendar. */
function resolveMatch(match: DateMatch, ref: IsoDate, calendar: WorkCalendar | undefined): { date: IsoDate; warning: string | null } {
  if (match.shape !== 'workdays') return { date: match.date, warning: null };
  return addWorkdays(calendar ?? defaultCalendar(), ref, match.workdays);
}

/**
 * One 整改时限 → its inclusive last day. ref = 反馈日期 (or the document date): yearless dates fall in
 * ref's year (next year when already past), relative ones count from it, 立行立改 is ref itself.
 * Several target dates → the latest (the final one of staged work).
 */
export function parseDeadline(text: string, ref: IsoDate, calendar?: WorkCalendar): DeadlineResult {
  // A custom function reads whole columns: the same few phrases against one ref, many times.
  // Only default-calendar results are cached (a caller's calendar may carry other overrides).
  const key = calendar === undefined ? `${ref}\u0001${text}` : null;
  const cached = key === null ? undefined : deadlineCache.get(key);
  if (cached) return cached;
  const result = Object.freeze(parseDeadlineUncached(text, ref, calendar));
  if (key !== null) {
    if (deadlineCache.size >= CACHE_LIMIT) deadlineCache.clear();
    deadlineCache.set(key, result);
  }
  return result;
}

const CACHE_LIMIT = 4096;
const deadlineCache = new Map<string, DeadlineResult>();

function parseDeadlineUncached(text: string, ref: IsoDate, calendar: WorkCalendar | undefined): DeadlineResult {
  requireRef(ref);
  const normalized = normalizeDateText(text).trim();
  const longTerm = LONG_TERM_DEADLINE_RE.test(normalized) && !NOT_LONG_TERM_RE.test(normalized);
  if (normalized === '' || NO_DEADLINE_RE.test(normalized)) return { kind: 'none', longTerm: false };
  const immediate = IMMEDIATE_RE.test(normalized);

  let best: { date: IsoDate; warning: string | null } | null = null;
  let sawExcludedDate = false;
  for (const clause of splitClauses(normalized)) {
    for (const match of scanDates(clause.text, ref)) {
      if (dateRole(clause.text, match) !== 'target') {
        sawExcludedDate = true;
        continue;
      }
      const resolved = resolveMatch(match, ref, calendar);
      if (best === null || resolved.date > best.date) best = resolved;
    }
  }
  if (best !== null) {
    return best.warning === null
      ? { kind: 'date', date: best.date, longTerm, immediate }
      : { kind: 'date', date: best.date, longTerm, immediate, warning: best.warning };
  }
  if (immediate) return { kind: 'date', date: ref, longTerm, immediate };
  if (VAGUE_DEADLINE_RE.test(normalized)) return { kind: 'unresolved', longTerm };
  if (longTerm || sawExcludedDate) return { kind: 'none', longTerm };
  return { kind: 'invalid' };
}

export type DeadlineMention = { phrase: string; index: number; date: IsoDate; longTerm: boolean };

// Verbs that make a date a target: 完成, 整改到位, 投入使用, 实现统一考核… A date followed only by
// 召开, 进行, 提请, 开展 is a schedule, not a deadline (the gold notes of fixtures/reports).
const TARGET_VERB_RE =
  /完成|到位|达到|达标|实现|投入|投用|建成|落实|整改|办结|销号|解决|出台|制定|建立|健全|完善|上线|运行|启用|清理|清零|交付|验收|竣工|覆盖|补齐|配齐|调整|改造|修订|见效|消除|取消|撤销|退还|追回|收回|清退|纠正|结束/;
// A label such as 完成时限： before the clause makes its date a target on its own.
const DEADLINE_LABEL_RE = /(?:时限|期限|完成时间|截止日期|截止时间|完成日期)\s*$/;
// A bare year is a target only when the verb follows at once: "2022年全面完成", not "2022年职称评审…落实".
const BARE_YEAR_TARGET_RE = new RegExp(`^\\s*(?:内|底|全面|全部|基本|要|将|争取|力争)?\\s*(?:${TARGET_VERB_RE.source})`);
const SENTENCE_END_RE = /[。；;！!？?\n]/;
const JUNK_RE = /\[bookmark:[^\]\n]{0,80}\]/g;

/**
 * Forward-looking target dates inside prose: "争取2022年12月底前整改到位", "计划6月底完成",
 * "年底实现统一考核", "将在十月底投入使用". A date counts when it is explicitly a deadline (…前) or
 * a completion verb follows it in its clause, it is not an as-of or completion date, and it is not
 * before ref (a yearless date before ref without 前 is a past event, not next year's target).
 * phrase = the clause between punctuation marks, as written; index = its offset in the paragraph.
 * longTerm = its sentence carries a 长期坚持 word ("需要长期推进，2022年10月底前落实到位").
 */
export function findDeadlineMentions(paragraph: string, ref: IsoDate): DeadlineMention[] {
  requireRef(ref);
  const mentions: DeadlineMention[] = [];
  // Conversion junk is blanked, not removed, so that offsets stay those of the paragraph.
  const masked = paragraph.replace(JUNK_RE, (m) => ' '.repeat(m.length));
  const clauses = splitClauses(masked);
  const longTermAt = sentenceLongTerm(paragraph);
  clauses.forEach((clause, i) => {
    const normalized = normalizeDateText(clause.text);
    const previous = i > 0 && /[：:]/.test(masked[clause.index - 1] ?? '') ? clauses[i - 1] : null;
    const labelled = previous !== null && DEADLINE_LABEL_RE.test(normalizeDateText(previous.text));
    for (const match of scanDates(normalized, ref)) {
      if (dateRole(normalized, match) !== 'target') continue;
      if (match.date < ref || (match.rolledOver && !match.before)) continue;
      const rest = normalized.slice(match.end);
      const targetFollows = (match.bareYear ? BARE_YEAR_TARGET_RE : TARGET_VERB_RE).test(rest);
      if (!match.before && !labelled && !targetFollows) continue;
      const date = resolveMatch(match, ref, undefined).date;
      const raw = clause.text;
      const lead = raw.length - raw.trimStart().length;
      mentions.push({
        phrase: raw.trim(),
        index: clause.index + lead,
        date,
        longTerm: longTermAt(clause.index),
      });
    }
  });
  return mentions;
}

/**
 * Whether the sentence around an offset carries a 长期坚持 word. The sentence is found and
 * normalised once, however many mentions it holds (per mention, a sentence of 5,000 deadlines was
 * re-read 5,000 times); offsets come in order, so every character is visited a bounded number of times.
 */
function sentenceLongTerm(paragraph: string): (at: number) => boolean {
  let start = 0;
  let end = -1;
  let value = false;
  return (at) => {
    if (at >= start && at < end) return value;
    start = at;
    while (start > 0 && !SENTENCE_END_RE.test(paragraph[start - 1])) start--;
    end = at;
    while (end < paragraph.length && !SENTENCE_END_RE.test(paragraph[end])) end++;
    const sentence = normalizeDateText(paragraph.slice(start, end));
    value = LONG_TERM_DEADLINE_RE.test(sentence) && !NOT_LONG_TERM_RE.test(sentence);
    return value;
  };
}
