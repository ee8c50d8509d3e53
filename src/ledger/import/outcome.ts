// A problem's outcome: its status (from its status line, else — in a 通报 without status lines — from
// the sentences of its body that state one) and its deadline (the latest forward-looking target in
// its rectification text, or its 整改时限 field). The phrase rules live in status.ts / deadline.ts.
import { findDeadlineMentions, parseDeadline } from '../deadline';
import { normalizeDateText, normalizeText } from '../normalize';
import { NOT_LONG_TERM_RE } from '../phrases';
import { parseStatus } from '../status';
import type { IsoDate, Status } from '../types';
import { isUnderWay, readAct } from './acts';
import { firstSentence, readStatusLabel, sentences } from './lines';
import type { StatusSource } from './types';

export type Outcome = {
  status: Status | null;
  statusText: string;
  source: StatusSource;
  longTerm: boolean;
  immediate: boolean;
  /** The distinct statuses named, when the status line names several. */
  mixed: Status[];
  /** An outcome was stated too vaguely to call (statusText holds the clause): left 未标注. */
  ambiguous?: true;
};

// 长期坚持 as the paragraph states it of the item itself.
const STATED_LONG_TERM_RE = /纳入长期|需要?长期(?:坚持|推进|整改)|长期坚持|长期任务|久久为功/;

const NONE: Outcome = { status: null, statusText: '', source: 'none', longTerm: false, immediate: false, mixed: [] };

/** "整改情况：此项问题已完成整改。党组…" → the status of its first sentence (or its last). */
export function outcomeFromStatusLine(line: string): Outcome {
  const rest = readStatusLabel(line)?.rest ?? line;
  // The flag may sit in a later sentence of the paragraph ("基本完成。…；举报机制需长期坚持");
  // only the explicit phrases count there, not 常态化 describing a measure.
  const flagged = STATED_LONG_TERM_RE.test(normalizeText(rest)) && !NOT_LONG_TERM_RE.test(normalizeText(rest));
  for (const candidate of [firstSentence(rest), lastSentence(rest)]) {
    const parsed = parseStatus(candidate);
    if (parsed.status !== null || parsed.longTerm) {
      const weakened = parsed.status === '已完成' ? weakerByActs(candidate) : null;
      if (weakened?.ambiguous) return { ...NONE, statusText: weakened.clause, source: 'line', longTerm: parsed.longTerm || flagged, ambiguous: true };
      return {
        status: weakened?.status ?? parsed.status,
        statusText: candidate.replace(/[。．.]$/, ''),
        source: 'line',
        longTerm: parsed.longTerm || flagged,
        immediate: parsed.immediate,
        mixed: clauseStatuses(candidate),
      };
    }
  }
  // No status phrase: the outcome may be stated as the completed act ("整改情况：已注销该账户").
  const acted = outcomeFromProse(rest);
  if (acted.status !== null || acted.ambiguous) return { ...acted, source: 'line', longTerm: acted.longTerm || flagged };
  return { ...NONE, statusText: firstSentence(rest).replace(/[。．.]$/, '') };
}

// A status line's completion word read whole can miss what limits it: "已部分退还", "多数已整改到位",
// "已追回部分资金", "已初步整改". The clause rules of prose outcomes (acts.ts) weaken it: a part is
// 部分完成, work under way 正在推进, a hedge with nothing done is ambiguous (未标注, said why).
function weakerByActs(sentence: string): { status?: Status; ambiguous?: true; clause: string } | null {
  let hedged = '';
  let done = false;
  let underWay = '';
  for (const part of sentence.split(/[，,；;]/)) {
    const act = readAct(part);
    if (act === 'partial') return { status: '部分完成', clause: part.trim() };
    if (act === 'done') done = true;
    if (act === 'ambiguous' && hedged === '') hedged = part.trim();
    if (underWay === '' && isUnderWay(part)) underWay = part.trim();
  }
  if (underWay !== '') return { status: '正在推进', clause: underWay };
  return hedged !== '' && !done ? { ambiguous: true, clause: hedged.replace(/[。．.]$/, '') } : null;
}

function lastSentence(text: string): string {
  const all = sentences(text);
  return all[all.length - 1] ?? '';
}

function clauseStatuses(text: string): Status[] {
  const found = new Set<Status>();
  for (const clause of text.split(/[，,；;。]/)) {
    const s = parseStatus(clause).status;
    if (s) found.add(s);
  }
  return found.size > 1 ? [...found] : [];
}

// Sentences of a body that state an outcome rather than an action taken: "现已…归档", "正在积极
// 争取", "等待县政府审核", "目前仍有121人…待解决". Actions alone ("召开会议再次推进", "已累计谈话
// 3076人次") state none, so a 通报 body without these stays 未标注.
const EVIDENCE_RE =
  /正在|正推进|正多渠道|等待|(?<![对接招款优期看善交])待(?:解决|审核|审批|批复|进行|办理|开具|落实|完成|研究|验收|印发|出台)|仍有|尚有|尚未|未到位|现已|均已|已全部|已经全部|已(?:完成整改|整改到位|整改完毕|办结|销号)|整改完毕|整改到位|纳入长期|长期坚持/;

export function outcomeFromProse(text: string): Outcome {
  let status: Status | null = null;
  let statusText = '';
  let longTerm = false;
  let ambiguous = '';
  let underWay = '';
  const consider = (found: Status, clause: string) => {
    if (status === null || rank(found) < rank(status)) {
      status = found;
      statusText = clause.replace(/^[，,\s]+|[。．.，,\s]+$/g, '');
    }
  };
  for (const sentence of sentences(text)) {
    for (const clause of sentence.split(/[；;]/)) {
      if (EVIDENCE_RE.test(clause)) {
        const parsed = parseStatus(clause);
        longTerm ||= parsed.longTerm;
        if (parsed.status !== null) consider(parsed.status, clause);
      }
      // The completed act itself, per comma clause ("已注销该账户，相关资金已收回并上缴财政").
      for (const part of clause.split(/[，,]/)) {
        const act = readAct(part);
        if (act === 'done') consider('已完成', part);
        else if (act === 'partial') consider('部分完成', part);
        else if (act === 'ambiguous' && ambiguous === '') ambiguous = part.trim();
        if (underWay === '' && isUnderWay(part)) underWay = part.trim();
      }
    }
  }
  // A clause still under way keeps the item from 已完成, whatever else is done.
  let final = status as Status | null;
  if (final === '已完成' && underWay !== '') {
    final = status = '正在推进';
    statusText = underWay.replace(/[。．.，,\s]+$/g, '');
  }
  // An ambiguous clause where nothing weaker is stated: 未标注, said why (never a guessed 已完成).
  if (ambiguous !== '' && (final === null || final === '已完成')) {
    return { status: null, statusText: ambiguous.replace(/[。．.，,\s]+$/g, ''), source: 'prose', longTerm, immediate: false, mixed: [], ambiguous: true };
  }
  if (status === null && !longTerm) return NONE;
  return { status, statusText, source: 'prose', longTerm, immediate: false, mixed: [] };
}

const ORDER: readonly Status[] = ['未启动', '正在推进', '部分完成', '基本完成', '已完成'];
function rank(s: Status): number {
  return ORDER.indexOf(s);
}

export type DeadlineReading = {
  deadline: IsoDate | null;
  deadlineText: string | null;
  longTerm: boolean;
  /** All distinct target dates seen, when more than one. */
  choices: string[];
  unresolved: boolean;
  /** The date was resolved without a year written. */
  yearless: boolean;
};

const EMPTY_DEADLINE: DeadlineReading = { deadline: null, deadlineText: null, longTerm: false, choices: [], unresolved: false, yearless: false };

function hasYear(phrase: string): boolean {
  return /\d{4}\s*年|今年|明年|本年|当年/.test(normalizeDateText(phrase));
}

// A sentence can hold a target date only if it names a month, a year's end, a quarter or a span.
// Scanning just those sentences keeps a 50 KB report well inside its time budget; the deadline
// rules still decide every one of them.
const DATE_WORD_RE = /月|年底|年内|年末|今年|明年|季度|半年|[天日]内|工作日|周内|立行立改/;

function dateSentences(text: string): string {
  return sentences(text).filter((s) => DATE_WORD_RE.test(s)).join('\n');
}

/** The latest target date in a rectification text. */
export function deadlineFromProse(text: string, ref: IsoDate): DeadlineReading {
  const scoped = dateSentences(text);
  if (scoped === '') return EMPTY_DEADLINE;
  const mentions = findDeadlineMentions(scoped, ref);
  if (mentions.length === 0) return EMPTY_DEADLINE;
  const latest = mentions.reduce((a, b) => (b.date > a.date ? b : a));
  const dates = [...new Set(mentions.map((m) => m.date))].sort();
  return {
    deadline: latest.date,
    deadlineText: latest.phrase,
    longTerm: latest.longTerm,
    choices: dates.length > 1 ? mentions.map((m) => `${m.phrase}→${m.date}`) : [],
    unresolved: false,
    yearless: !hasYear(latest.phrase),
  };
}

/** A 整改时限 field ("2022年12月底前", "长期坚持", "立行立改"). */
export function deadlineFromField(text: string, ref: IsoDate, feedback: IsoDate | null): DeadlineReading {
  const parsed = parseDeadline(text, feedback ?? ref);
  switch (parsed.kind) {
    case 'date':
      return { ...EMPTY_DEADLINE, deadline: parsed.date, deadlineText: text, longTerm: parsed.longTerm, yearless: !hasYear(text) && !parsed.immediate };
    case 'none':
      return { ...EMPTY_DEADLINE, deadlineText: text, longTerm: parsed.longTerm };
    case 'unresolved':
      return { ...EMPTY_DEADLINE, deadlineText: text, longTerm: parsed.longTerm, unresolved: true };
    case 'invalid':
      return { ...EMPTY_DEADLINE, deadlineText: text, unresolved: true };
  }
}
