// 整改状态 from any phrase (DESIGN.md §4). The rule that matters most: an outcome that is not stated
// stays unknown (未标注) and is never guessed as done; a mixed phrase takes its weakest clause.
import { normalizeText } from './normalize';
import { isImmediateText, isLongTermText, LONG_TERM_RE, NOT_LONG_TERM_RE } from './phrases';
import { STATUSES, UNMARKED } from './types';
import type { Status, StatusOrUnmarked } from './types';

/** status null = 未标注 (no outcome stated). longTerm = 长期坚持 flag, immediate = 立行立改. */
export type ParsedStatus = { status: Status | null; longTerm: boolean; immediate: boolean };

// soft: counts only when the phrase claims nothing else. claim: a completion that a plan word
// before it turns into an intention ("争取6月底前完成整改" states no outcome).
type StatusRule = { status: Status; re: RegExp; soft?: true; claim?: true };

// A completion verb after 已 ("已整改", "已经笔试完成", "现已进行了重新完善归档").
const DONE_VERB =
  '(?:完成|整改|落实|办结|报结|销号|解决|纠正|归档|到位|建成|实现|清退|退还|退回|追回|收回|补齐|补办|补录|修订|修改|完善|建立|撤销|拆除|清理|清零|上缴|处理|规范|改正|更正|调整)';
// Words that turn a following completion verb into a plan ("已制定方案计划6月底完成").
const NOT_DONE_GAP = '[^，,。；;计将争力预拟准正待]';

// Applied in this order, per clause; each match is blanked out before the next rule runs so that
// "未完成" is not also read as "完成" and "部分已整改" not as "已整改".
const RULES: readonly StatusRule[] = [
  { status: '部分完成', re: /(?:尚|仍|还|暂)?(?:未|没有)(?:完全|全部|彻底)(?:完成|整改|到位|落实|解决)(?:整改|到位)?/g },
  { status: '未启动', re: /(?:尚|仍|还|暂)?(?:未|没有|没|无法|不能|难以)(?:能|有)?(?:按期|按时|如期|及时)?(?:完成|整改|启动|开展|实施|落实|解决|办结|开工|动工)(?:整改|到位)?/g },
  { status: '正在推进', re: /(?:未|不)到位/g },
  { status: '部分完成', re: /(?:大)?部分[^，,。；;]{0,8}?(?:已|已经)?(?:完成|整改|落实|到位|解决)(?:整改|到位)?|完成(?:率)?(?:达到?|了)?(?:约|近)?\d{1,2}(?:\.\d+)?%/g },
  { status: '基本完成', re: /基本(?:完成|整改|到位|落实|办结|解决)(?:整改|到位)?|取得阶段性(?:成效|成果|进展)|阶段性完成|完成(?:了)?阶段性(?:整改|任务|目标)/g },
  // 已 before starting the work claims the start, not the end: "已启动整改", "已着手清理".
  { status: '正在推进', re: /(?:已|已经|现已)(?:启动|开始|着手)[^，,。；;]*/g },
  {
    status: '正在推进',
    re: /正在|正推进|推进中|进行中|整改中|实施中|办理中|建设中|施工中|落实中|取得(?:积极|明显|一定|较大)?进展|(?<![对接招款优期看善虐交厚亏])待(?!遇|人|客|命)|仍有|仍存在|尚有|尚存在|尚需|仍需/g,
  },
  {
    status: '已完成',
    re: new RegExp(
      `(?:已|已经|业已|现已)${NOT_DONE_GAP}{0,6}?${DONE_VERB}|整改(?:完毕|完成|到位)|完成整改|落实到位|办结|报结|全部完成|全面完成|完成率(?:达到?)?100%`,
      'g',
    ),
    claim: true,
  },
  // 持续推进 and the like only count when the clause claims nothing else (DESIGN §4: "with no
  // completion claim"): "已整改，持续推进" stays 已完成.
  { status: '正在推进', re: /推进|持续整改|跟进/g, soft: true },
];

// Exact cell values and short forms people type in the status column.
const EXACT: ReadonlyMap<string, Status> = new Map(Object.entries({
  完成: '已完成', 已办结: '已完成', 已整改: '已完成', 已销号: '已完成', 销号: '已完成', 整改完成: '已完成',
  done: '已完成', completed: '已完成', complete: '已完成', finished: '已完成',
  'basically done': '基本完成', 'mostly done': '基本完成', 'partially done': '部分完成', partial: '部分完成',
  'in progress': '正在推进', ongoing: '正在推进', 'under way': '正在推进', underway: '正在推进',
  进行中: '正在推进', 推进中: '正在推进', 整改中: '正在推进',
  'not started': '未启动', 未开始: '未启动',
} satisfies Record<string, Status>)); // a Map: "__proto__" or "constructor" typed in a cell is not a status

// 已 before urging, a meeting or a plan claims that act, not the rectification it is about ("已督促
// 相关单位整改到位", "已召开专题会议研究整改"): the rest of the clause states no outcome.
const SET_GOING_RE = /(?:已|已经|现已)(?:督促|催促|责令|召开|研究|部署|安排|动员|提醒)[^，,。；;]*/g;

const PLAN_RE = /计划|争取|力争|(?<!即)将|预计|拟|确保|需要|务必|要求|(?<![目当此提事])前|以后|之后/;
const ALREADY_RE = /^(?:已|已经|业已|现已)/;

const CLAUSE_RE = /([^，,。；;！!？?\n]+)([，,。；;！!？?\n]*)/g;
const BLANK = '\u0000';

// A question is not a claim: "是否已完成", "已整改到位了吗", "已完成？" state no outcome. A clause
// asks when a question mark ends it, when it ends in a question particle, or when it holds 是否 /
// 有无 / 能否 … — unless a verb such as 核实 takes the question as its object ("已核实是否存在并整改").
const QUESTION_MARK_RE = /[？?]/;
const QUESTION_END_RE = /(?:吗|么|呢|与否|没有)\s*$/;
const QUESTION_WORD_RE = /是否|是不是|有无|有没有|能否|可否|会否|有否/;
const ASKING_ABOUT_RE = /(?:核实|核查|检查|确认|研究|判断|评估|明确|了解|调查|审查|排查|查明|查看|论证|看)[^，,。；;]{0,6}$/;

function isQuestion(clause: string, delimiter: string): boolean {
  if (QUESTION_MARK_RE.test(delimiter) || QUESTION_END_RE.test(clause)) return true;
  const word = QUESTION_WORD_RE.exec(clause);
  return word !== null && !ASKING_ABOUT_RE.test(clause.slice(0, word.index));
}

/** Collects the statuses a clause states: hard claims, and soft ones (持续推进) kept apart. */
function collectClause(clause: string, hard: Status[], soft: Status[]): void {
  let rest = clause;
  for (const rule of RULES) {
    rest = rest.replace(rule.re, (m: string, ...args: unknown[]) => {
      const at = args[args.length - 2] as number;
      const before = rest.slice(0, at);
      // "已于3月底前完成整改" is a claim; "争取6月底前完成整改" is a plan.
      const planned = rule.claim === true && !ALREADY_RE.test(m) && PLAN_RE.test(before) && !before.includes('已');
      if (!planned) (rule.soft ? soft : hard).push(rule.status);
      return BLANK.repeat(m.length);
    });
  }
}

/**
 * Any phrase → { status, longTerm, immediate }. Canonical values map to themselves; a mixed
 * phrase takes its weakest clause ("已完成并长期坚持；…正在推进" → 正在推进 + longTerm); negations
 * (未完成, 尚未整改) never read as done; a phrase stating no outcome gives status null (未标注).
 */
export function parseStatus(text: string): ParsedStatus {
  // A custom function reads whole columns: the same few phrases, many times.
  const cached = statusCache.get(text);
  if (cached) return cached;
  const parsed = Object.freeze(parseStatusUncached(text));
  if (statusCache.size >= CACHE_LIMIT) statusCache.clear();
  statusCache.set(text, parsed);
  return parsed;
}

const CACHE_LIMIT = 4096;
const statusCache = new Map<string, Readonly<ParsedStatus>>();

function parseStatusUncached(text: string): ParsedStatus {
  const normalized = normalizeText(text).trim();
  const longTerm = isLongTermText(normalized);
  const immediate = isImmediateText(normalized);
  if (normalized === '' || normalized === UNMARKED) return { status: null, longTerm, immediate };
  if (isStatus(normalized)) return { status: normalized, longTerm, immediate };
  const exact = EXACT.get(normalized.toLowerCase());
  if (exact) return { status: exact, longTerm, immediate };

  const hard: Status[] = [];
  const soft: Status[] = [];
  // Long-term words are a flag, not an outcome: blank them so 持续整改 and 常态化 inside a
  // 长期坚持 phrase do not read as 正在推进.
  const withoutFlags = normalized
    .replace(new RegExp(LONG_TERM_RE.source, 'g'), (m) => BLANK.repeat(m.length))
    .replace(SET_GOING_RE, (m) => BLANK.repeat(m.length));
  for (const [, clause, delimiter] of withoutFlags.matchAll(CLAUSE_RE)) {
    // "是否已完成：已完成" is a form's question and its answer: each side of a colon on its own.
    const parts = clause.split(/[：:]/);
    parts.forEach((part, i) => {
      if (!isQuestion(part, i === parts.length - 1 ? delimiter : '')) collectClause(part, hard, soft);
    });
  }
  const found = hard.length > 0 ? hard : soft;
  if (found.length === 0) return { status: null, longTerm, immediate };
  return { status: weakestKnown(found), longTerm, immediate };
}

function weakestKnown(statuses: readonly Status[]): Status {
  return statuses.reduce((a, b) => (statusRank(b) < statusRank(a) ? b : a));
}

/** Whether a text is one of the five stored 整改状态 values, exactly. */
export function isStatus(text: string): text is Status {
  return (STATUSES as readonly string[]).includes(text);
}

/** Only 已完成 is done; 基本完成 counts when countBasic is set (昆明 left its 4 基本完成 out). */
export function isDone(status: StatusOrUnmarked | null | undefined, countBasic = false): boolean {
  return status === '已完成' || (countBasic && status === '基本完成');
}

/** Under way: started but not 已完成 (正在推进 · 部分完成 · 基本完成); 未启动 and 未标注 are not. */
export function isUnderWay(status: StatusOrUnmarked | null | undefined): boolean {
  return status === '正在推进' || status === '部分完成' || status === '基本完成';
}

/** 未标注 −1, 未启动 0, 正在推进 1, 部分完成 2, 基本完成 3, 已完成 4. */
export function statusRank(status: StatusOrUnmarked): number {
  return (STATUSES as readonly string[]).indexOf(status);
}

/**
 * The problem roll-up (DESIGN §4): the weakest status of its measures, except that a problem is
 * 未启动 only when none of its measures has started — one 已完成 and one 未启动 give 正在推进. An
 * unknown (未标注) measure could be anything, so it makes the roll-up 未标注 unless every status it
 * could have gives the same answer: beside a 正在推进, or beside a 未启动 and a started measure, the
 * problem is 正在推进 whatever the unknown is. No measures at all → 未标注.
 */
export function problemStatus(statuses: Iterable<StatusOrUnmarked>): StatusOrUnmarked {
  let weakest: number | null = null;
  let anyUnmarked = false;
  let anyStarted = false;
  for (const s of statuses) {
    if (s === UNMARKED) {
      anyUnmarked = true;
      continue;
    }
    const rank = statusRank(s);
    if (rank > 0) anyStarted = true;
    if (weakest === null || rank < weakest) weakest = rank;
  }
  const rank = rolledUpRank(weakest, anyUnmarked, anyStarted);
  return rank < 0 ? UNMARKED : STATUSES[rank];
}

/**
 * problemStatus's rule on ranks, for callers that fold a problem's measures as they scan them
 * (ZG.SUMMARY): the weakest known rank seen (null for none), whether any measure was 未标注 and
 * whether any was started (rank ≥ 1) → the rolled-up rank, −1 for 未标注.
 */
export function rolledUpRank(weakest: number | null, anyUnmarked: boolean, anyStarted: boolean): number {
  if (weakest === null) return -1;
  if (weakest === 0) return anyStarted ? 1 : anyUnmarked ? -1 : 0;
  if (weakest === 1) return 1;
  return anyUnmarked ? -1 : weakest;
}

const TRUE_FLAGS = new Set(['是', 'y', 'yes', 'true', '1', '✓', '✔', '√', '☑', '对', '有', '纳入']);
const FALSE_FLAGS = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x', '☐', '不', '无', '非', '不是']);

/**
 * A 是/否 cell → true/false: 是/否, Y/N, yes/no, TRUE/FALSE, 1/0, ✓/✔/√ and ×/✗, and any §4
 * 长期坚持 phrase ("纳入长期坚持", "需长期坚持") → true, its negation ("不纳入长期坚持") → false.
 * null when the text is not a flag (blank included).
 */
export function parseFlag(text: string): boolean | null {
  const s = normalizeText(text).trim().toLowerCase();
  if (s === '') return null;
  if (TRUE_FLAGS.has(s)) return true;
  if (FALSE_FLAGS.has(s)) return false;
  if (NOT_LONG_TERM_RE.test(s)) return false;
  if (LONG_TERM_RE.test(s)) return true;
  return null;
}
