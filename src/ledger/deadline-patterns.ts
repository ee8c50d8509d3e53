// The date expressions of DESIGN.md §5, found in one clause of normalizeDateText output, and the
// test that tells a deadline from an as-of or completion date. Used by deadline.ts.
import { addMonths, addDays, daysInMonth, isValidYmd, parseIso, ymdToIso } from './dates';
import type { IsoDate } from './types';

/** How a date expression relates to the reference date. */
export type DateShape =
  | 'absolute' // the year is written (2022年12月底, 2022-12-31) or implied by 今年/明年/年底
  | 'yearless' // M月D日, M月底, 上半年, 第三季度: resolved in ref's year, next year when already past
  | 'relative' // N个月内, N日内, N个工作日内: counted from ref
  | 'workdays'; // N个工作日内: counted in working days (the caller owns the calendar)

export type DateMatch = {
  start: number; // in the clause
  end: number;
  date: IsoDate; // for 'workdays', ref (the caller adds `workdays`)
  shape: DateShape;
  rolledOver: boolean; // a yearless date that fell before ref and moved to next year
  workdays: number; // N of N个工作日内, else 0
  before: boolean; // followed by 前/之前/以前: explicitly a deadline
  bareYear: boolean; // a year alone (2022年): in prose more often a topic ("2022年职称评审") than a date
};

type Ref = { year: number; month: number; day: number; iso: IsoDate };
type Resolved = { date: IsoDate; shape: DateShape; workdays?: number; bareYear?: true } | null;
// blocks: when the text has this shape but is no real date (2022年2月30日, 13月底), the span is
// claimed anyway so that a shorter pattern inside it (2022年2月) cannot read a different date.
type Pattern = { re: RegExp; resolve: (m: RegExpExecArray, ref: Ref) => Resolved; blocks?: true };

// 2022年, 今年, 明年 before a month, half-year or quarter. Four digits or more: 10000年 is a year
// (outside Excel's dates, reported as such), not 0000年 or a yearless 1月底 after a number.
const YEAR = '(?:(?<!\\d)(\\d{4,})\\s*年度?|(今年|本年度?|当年)|(明年|次年|来年|下一年度?))';

function yearOf(m: RegExpExecArray, at: number, ref: Ref): number | null {
  if (m[at]) return Number(m[at]);
  if (m[at + 1]) return ref.year;
  if (m[at + 2]) return ref.year + 1;
  return null;
}

/** Absolute when the year is known; else in ref's year, or next year when that is already past. */
function place(year: number | null, ref: Ref, month: number, day: (y: number) => number): Resolved {
  if (year !== null) {
    const d = day(year);
    return isValidYmd(year, month, d) ? { date: ymdToIso(year, month, d), shape: 'absolute' } : null;
  }
  for (const y of [ref.year, ref.year + 1]) {
    const d = day(y);
    if (!isValidYmd(y, month, d)) continue;
    const iso = ymdToIso(y, month, d);
    if (y > ref.year || iso >= ref.iso) return { date: iso, shape: 'yearless' };
  }
  return null;
}

const monthEnd = (month: number) => (y: number) => daysInMonth(y, month);
const PART_DAY: Readonly<Record<string, (y: number, month: number) => number>> = {
  上旬: () => 10, 初: () => 10, 中旬: () => 20, 中: () => 15, 下旬: (y, mo) => daysInMonth(y, mo),
  底: (y, mo) => daysInMonth(y, mo), 末: (y, mo) => daysInMonth(y, mo), 份: (y, mo) => daysInMonth(y, mo),
};

const PATTERNS: readonly Pattern[] = [
  // 2022-12-31, 2022/12/31, 2022.12.31
  {
    re: /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.]*\d)/g,
    resolve: (m) => place(Number(m[1]), { year: 0, month: 0, day: 0, iso: '' }, Number(m[3]), () => Number(m[4])),
    blocks: true,
  },
  // 2022-12, 2022/12, 2022.12: a month, as ledgers often write it
  {
    re: /(?<![\d.])((?:19|20|21)\d{2})([-/.])(\d{1,2})(?![\d.\-/])/g,
    resolve: (m) => {
      const month = Number(m[3]);
      return month >= 1 && month <= 12 ? { date: ymdToIso(Number(m[1]), month, daysInMonth(Number(m[1]), month)), shape: 'absolute' } : null;
    },
    blocks: true,
  },
  // 2022年12月31日, 12月31日, 8月25-26日 (a range: its last day), 22年12月31日
  {
    re: new RegExp(`(?:${YEAR}|(?<!\\d)(\\d{2})年)?\\s*(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*(?:[-~～至到]\\s*(\\d{1,2})\\s*)?[日号]`, 'g'),
    resolve: (m, ref) => {
      const year = m[4] ? 2000 + Number(m[4]) : yearOf(m, 1, ref);
      return place(year, ref, Number(m[5]), () => Number(m[7] ?? m[6]));
    },
    blocks: true,
  },
  // 2022年12月底, 12月底, 6月份, 10月上旬, 2022年1月
  {
    re: new RegExp(`(?:${YEAR}|(?<!\\d)(\\d{2})年)?\\s*(?<![\\d.])(\\d{1,2})\\s*月\\s*(份)?\\s*(上旬|中旬|下旬|底|末|初|中)?`, 'g'),
    resolve: (m, ref) => {
      const month = Number(m[5]);
      if (month < 1 || month > 12) return null;
      const year = m[4] ? 2000 + Number(m[4]) : yearOf(m, 1, ref);
      const part = m[7] ?? '底';
      return place(year, ref, month, (y) => PART_DAY[part](y, month));
    },
    blocks: true,
  },
  // 2022年上半年, 下半年
  {
    re: new RegExp(`${YEAR}?\\s*(上|下)半年`, 'g'),
    resolve: (m, ref) => place(yearOf(m, 1, ref), ref, m[4] === '上' ? 6 : 12, m[4] === '上' ? () => 30 : () => 31),
  },
  // 2022年第三季度, 三季度, 第3季度末
  {
    re: new RegExp(`${YEAR}?\\s*第?\\s*([1-4])\\s*季度`, 'g'),
    resolve: (m, ref) => {
      const month = Number(m[4]) * 3;
      return place(yearOf(m, 1, ref), ref, month, monthEnd(month));
    },
  },
  // 本季度, 当季度, 本季
  {
    re: /(?:本|当|这个?)季度?(?:末|底)?/g,
    resolve: (_m, ref) => {
      const month = Math.ceil(ref.month / 3) * 3;
      return { date: ymdToIso(ref.year, month, daysInMonth(ref.year, month)), shape: 'absolute' };
    },
  },
  // 2022年底, 2022年年底, 2022年内, 今年底, 明年年底, 年底, 年内, 年末, 年终
  {
    re: new RegExp(`(?:${YEAR}\\s*)?(?<!每)(?:年)?(?:底|末|终|内)`, 'g'),
    resolve: (m, ref) => {
      if (!/年/.test(m[0])) return null; // a bare 底/内 is not a date
      const year = yearOf(m, 1, ref) ?? ref.year;
      return { date: ymdToIso(year, 12, 31), shape: 'absolute' };
    },
  },
  // 2022年, 2022年度 (the whole year), only when no month follows
  {
    re: /(?<!\d)(\d{4})\s*年度?(?!\s*(?:\d|上|下|第|底|末|终|内|年))/g,
    resolve: (m) => {
      const year = Number(m[1]);
      return year >= 1900 && year <= 2200 ? { date: ymdToIso(year, 12, 31), shape: 'absolute', bareYear: true } : null;
    },
  },
  // N个工作日内
  {
    re: /(?<!\d)(\d{1,4})\s*个?\s*工作日(?:以内|之内|内)?/g,
    resolve: (m, ref) => ({ date: ref.iso, shape: 'workdays', workdays: Number(m[1]) }),
  },
  // N个月内, 半年内, 半个月内, N年内, N周内, N日内, N天内
  {
    re: /(?<!\d)(\d{1,3})\s*个\s*月\s*(?:以内|之内|内)/g,
    resolve: (m, ref) => ({ date: addMonths(ref.iso, Number(m[1])), shape: 'relative' }),
  },
  { re: /(?<![上下])半年(?:以内|之内|内)/g, resolve: (_m, ref) => ({ date: addMonths(ref.iso, 6), shape: 'relative' }) },
  { re: /半个月(?:以内|之内|内)/g, resolve: (_m, ref) => ({ date: addDays(ref.iso, 15), shape: 'relative' }) },
  {
    re: /(?<!\d)(\d{1,2})\s*年(?:以内|之内|内)/g,
    resolve: (m, ref) => ({ date: addMonths(ref.iso, 12 * Number(m[1])), shape: 'relative' }),
  },
  {
    re: /(?<!\d)(\d{1,3})\s*个?\s*(?:周|星期)(?:以内|之内|内)/g,
    resolve: (m, ref) => ({ date: addDays(ref.iso, 7 * Number(m[1])), shape: 'relative' }),
  },
  {
    re: /(?<![\d月])(\d{1,4})\s*(?:个)?\s*(?:日|天)(?:以内|之内|内)/g,
    resolve: (m, ref) => ({ date: addDays(ref.iso, Number(m[1])), shape: 'relative' }),
  },
];

const BEFORE_MARKER_RE = /^\s*(?:之前|以前|前)/;

/** Every date expression in a clause, left to right, overlaps resolved in favour of the longer. */
export function scanDates(clause: string, refIso: IsoDate): DateMatch[] {
  const ymd = parseIso(refIso);
  if (!ymd) throw new RangeError(`not an ISO date: ${refIso}`);
  const ref: Ref = { ...ymd, iso: refIso };
  const found: (DateMatch | { start: number; end: number; blocked: true })[] = [];
  for (const { re, resolve, blocks } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      // Leading and trailing spaces of the match are not part of the date.
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].trimEnd().length;
      const resolved = resolve(m, ref);
      if (!resolved) {
        if (blocks) found.push({ start, end, blocked: true });
        continue;
      }
      found.push({
        start,
        end,
        date: resolved.date,
        shape: resolved.shape,
        rolledOver: resolved.shape === 'yearless' && resolved.date.slice(0, 4) !== String(ref.year),
        workdays: resolved.workdays ?? 0,
        before: BEFORE_MARKER_RE.test(clause.slice(end)),
        bareYear: resolved.bareYear === true,
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept.filter((f): f is DateMatch => !('blocked' in f));
}

/** What a date in a clause is: a target (deadline), or a date that must never be one. */
export type DateRole = 'target' | 'asOf' | 'completed' | 'start';

const CUT_OFF_BEFORE_RE = /(?:截止|截至)\s*(?:到|至|于)?\s*$/;
const NOW_BEFORE_RE = /目前|当前|现阶段|至今/;
const AS_OF_AFTER_RE = /^\s*(?:以来|来|至今|为止|止)/;
const START_AFTER_RE = /^\s*(?:起|开始|以后|之后|后)(?!草)/;
const COMPLETED_AT_RE = /已(?:经)?\s*(?:于|在)\s*$/;
const ALREADY_RE = /已经|已|业已/;
const PERFECTIVE_RE = /[\u4e00-\u9fff](?<![为除])了(?!解)/;

export function dateRole(clause: string, match: DateMatch): DateRole {
  const before = clause.slice(0, match.start);
  const after = clause.slice(match.end);
  // "截止2022年5月底，已完成…" is an as-of date; "截止12月31日前完成" uses 截止 in the deadline sense.
  if ((CUT_OFF_BEFORE_RE.test(before) && !match.before) || NOW_BEFORE_RE.test(before) || AS_OF_AFTER_RE.test(after)) return 'asOf';
  if (START_AFTER_RE.test(after)) return 'start';
  if (COMPLETED_AT_RE.test(before) || ALREADY_RE.test(after) || PERFECTIVE_RE.test(after)) return 'completed';
  if (ALREADY_RE.test(before) && !match.before) return 'completed';
  return 'target';
}
