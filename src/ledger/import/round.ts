// The round (巡察信息) as a report states it: 被巡察单位 from the title or signature, 巡察组, the
// inspection window, the feedback date (year often left out: taken from the window) and the
// document's own date at its foot.
import { isValidYmd, ymdToIso } from '../dates';
import { normalizeDateText } from '../normalize';
import type { IsoDate } from '../types';
import type { SourceLine } from './lines';
import type { ImportedRound } from './types';

export type RoundReading = {
  round: ImportedRound;
  title: string;
  /** Fields whose year was inferred, for warnings. */
  inferred: ('feedbackDate' | 'inspectionEnd')[];
};

type Ymd = { year: number; month: number; day: number };

function iso(d: Ymd | null): IsoDate | null {
  return d && isValidYmd(d.year, d.month, d.day) ? ymdToIso(d.year, d.month, d.day) : null;
}

function before(a: Ymd, b: Ymd): boolean {
  return a.month < b.month || (a.month === b.month && a.day < b.day);
}

// "2018年11月26日——2019年1月26日": a doubled dash is a range too.
const RANGE_RE =
  /(?:自|从|于)?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:起)?\s*(?:至|到|—{1,2}|–|－|-|~|～)\s*(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*日/;
const MONTH_RANGE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?\s*(?:至|到|—{1,2}|－|-|~|～)\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月/;
const DATE_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const DATE_LINE_RE = /^[(（]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*[)）]?$/;

// 市委第二巡察组, 县委第七巡察组, 第三巡察组; the place before a committee (兴宁市委, 阜阳市委) and a
// ministry before a bare number (教育部第一巡视组) are read apart (placeBefore, MINISTRY_BEFORE_RE).
// A kind of group may stand between the committee and its number or 巡察组: 县委上下联动巡察组,
// 市委机动巡察一组, 委党组巡察组.
const GROUP_KIND = '(?:上下联动|联动|机动|专项|提级|交叉)?';
const INSPECTOR_RE = new RegExp(`((?:[省市县区州旗盟]委|[省市县区])?${GROUP_KIND}第[一二三四五六七八九十\\d]{1,3}(?:轮)?(?:巡察|巡视)(?:组|工作组))`);
const INSPECTOR_NUMBERED_RE = new RegExp(`((?:[省市县区州旗盟]委)?${GROUP_KIND}(?:巡察|巡视)(?:第)?[一二三四五六七八九十\\d]{1,3}组)`);
const INSPECTOR_GENERIC_RE = new RegExp(`((?:[省市县区州旗盟]委|[省市县区州旗盟]?委?党[组委])${GROUP_KIND}(?:巡察|巡视)(?:组|工作组))`);
// A ministry or department that sends the group: "根据教育部第一巡视组的反馈意见".
const MINISTRY_BEFORE_RE = /(?:^|[，。；、,\s“"（(])([\u4e00-\u9fa5]{1,7}[部厅])$/;
const LEAD_VERB_RE = /^(?:根据|按照|依据|接受|配合|针对|对照|由|经|向|对|和|与)/;
// The words right before a committee are its place only when they stand alone after a break
// ("2019年1月26日,兴宁市委…"): a verb or a joint there ("落实市委巡察组", "该镇党委对市委巡察组",
// "接到县委第七巡察组") makes them the sentence, not the name.
const PLACE_RUN_RE = /[^\u4e00-\u9fa5](?:中共)?([\u4e00-\u9fa5]{2,4})$/;
const NOT_PLACE_RE = /[的了对向就在将把被和与及是为该其这此各本经由据按从于至到并即]|落实|贯彻|接到|收到|迎接|配合|根据|针对|参照|召开|听取|关于|出台|制定|印发|组织|开展|反馈|汇报|通报|巡[察视]|整改|工作|会议|党[委组]|委员会|同志|书记|领导/;
// Several rounds in one text ("区委一、二、三轮巡察"): a bare "区委巡察组" there names none of them.
const SEVERAL_ROUNDS_RE = /[一二三四五六七八九十\d][、，,和及][一二三四五六七八九十\d](?:[、，,和及][一二三四五六七八九十\d])*轮|各轮|历轮|多轮/;
const LABELLED_ORG_RE = /被巡[察视](?:单位|党组织|对象)\s*[：:]\s*([^\s，。；;]{2,40})/;
const LABELLED_INSPECTOR_RE = /巡[察视](?:组|组别)\s*[：:]\s*([^\s，。；;]{2,30})/;
const ORG_IN_TEXT_RE =
  /对([\u4e00-\u9fa5（）()“”]{2,40}?(?:党组|党委|党工委|党总支|党支部)?)(?:进行了|开展了|进行|开展)(?:为期[^，。]{1,8})?(?:常规|专项|提级|交叉|政治|机动|延伸)?(?:巡察|巡视)/;
// The unit named only in a news sentence: "巡察太和县人民医院党委情况反馈会", "向市第一中学党委反馈巡察情况".
const PARTY_BODY = '(?:党组|党委|党工委|党总支|党支部|党组织)';
const ORG_INSPECTED_RE = new RegExp(`巡[察视](?![组办工])([\\u4e00-\\u9fa5（）()]{2,30}?${PARTY_BODY})(?:的)?(?:情况)?(?:反馈|汇报)`);
const ORG_TOLD_RE = new RegExp(`向([\\u4e00-\\u9fa5（）()]{2,40}?${PARTY_BODY})(?:集中)?反馈`);
const DOC_NUMBER_RE = /〔\d{4}〕|\[\d{4}\]|\d+号$/;

function sentencesOf(lines: readonly SourceLine[]): string[] {
  return lines.flatMap((l) => normalizeDateText(l.text).split(/[。；;]/)).filter((s) => s.trim() !== '');
}

/**
 * The feedback date of a sentence that says 反馈: the date nearest before the word (else the first
 * after it), leaving out the inspection window that often opens the same sentence ("2023年4月10日
 * 至5月26日，…开展了巡察，6月20日反馈了巡察意见").
 */
function feedbackDateIn(sentence: string): RegExpExecArray | null {
  const blanked = sentence.replace(RANGE_RE, (m) => ' '.repeat(m.length)).replace(MONTH_RANGE_RE, (m) => ' '.repeat(m.length));
  const at = blanked.indexOf('反馈');
  let before: RegExpExecArray | null = null;
  let after: RegExpExecArray | null = null;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(blanked); m; m = DATE_RE.exec(blanked)) {
    if (m.index < at) before = m;
    else if (!after) after = m;
  }
  return before ?? after;
}

function inspectionWindow(text: string): { start: Ymd; end: Ymd; inferred: boolean } | null {
  const m = RANGE_RE.exec(text);
  if (m) {
    const start = { year: +m[1], month: +m[2], day: +m[3] };
    const month = m[5] ? +m[5] : start.month;
    let year = m[4] ? +m[4] : start.year;
    const end = { year, month, day: +m[6] };
    if (!m[4] && before(end, start)) end.year = year = start.year + 1;
    return { start, end, inferred: !m[4] };
  }
  const mm = MONTH_RANGE_RE.exec(text);
  if (!mm) return null;
  const start = { year: +mm[1], month: +mm[2], day: 1 };
  const endYear = mm[3] ? +mm[3] : +mm[4] < start.month ? start.year + 1 : start.year;
  const endMonth = +mm[4];
  return { start, end: { year: endYear, month: endMonth, day: new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate() }, inferred: !mm[3] };
}

export function readTitle(lines: readonly SourceLine[]): { title: string; orgFromTitle: string | null } {
  const head = lines.slice(0, 10);
  // A title is a short line: a paragraph that mentions "关于…情况的汇报" is not one.
  // A numbered heading ("（一）关于“…”问题的整改") is a problem, never the title.
  const i = head.findIndex((l) => l.text.length <= 80 && !/[。？?]/.test(l.text) && !/^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]/.test(l.text) && /关于/.test(l.text) && /(?:通\s*报|报\s*告|意\s*见|方\s*案|情况|整改)/.test(l.text + (head[head.indexOf(l) + 1]?.text ?? '')));
  if (i < 0) {
    // Without a 关于 title the first line is the title only when it reads as one: a news item opens
    // with a paragraph ("2025年2月21日,市委第一巡察组向…反馈巡察情况。…"), which is no title.
    const first = head.find((l) => !DOC_NUMBER_RE.test(l.text))?.text ?? '';
    return { title: first.length <= 60 && !/[。；]/.test(first) ? first : '', orgFromTitle: null };
  }
  const line = head[i].text;
  // The title may run over two or three lines ("关于落实…整改 / 情况的报告").
  let title = line;
  for (let j = i + 1; j < Math.min(head.length, i + 3); j++) {
    const t = head[j].text;
    if (t.length > 30 || /[。：:，]/.test(t) || /^(?:根据|按照|为|\d{4}年)/.test(t)) break;
    title += t;
    if (/(?:通\s*报|报\s*告|意\s*见|方\s*案)$/.test(t)) break;
  }
  const prefix = line.slice(0, line.indexOf('关于')).trim();
  let org: string | null = prefix !== '' ? prefix : null;
  if (!org && i > 0) {
    const prev = head[i - 1].text;
    if (!DOC_NUMBER_RE.test(prev) && prev.length <= 40 && !/[。，：:]/.test(prev)) org = prev;
  }
  if (org && /(?:巡察|巡视)(?:组|工作组|办)/.test(org)) {
    // A 反馈意见's title names the inspector first: "…巡察组关于对X开展巡察情况的反馈意见".
    const inspected = /关于(?:对)?(.{2,40}?)(?:开展|进行)?(?:了)?(?:常规|专项|提级|交叉)?(?:巡察|巡视)/.exec(title.replace(/\s+/g, ''));
    org = inspected ? inspected[1] : null;
  }
  return { title: title.replace(/\s+/g, ''), orgFromTitle: org };
}

/** The date at the foot of the document and the signature line above it. */
function readFooter(lines: readonly SourceLine[]): { date: Ymd | null; signature: string | null } {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const m = DATE_LINE_RE.exec(normalizeDateText(lines[i].text).replace(/\s+/g, ''));
    if (!m) continue;
    const prev = i > 0 ? lines[i - 1].text.replace(/\s+/g, '') : '';
    const signature = prev.length >= 3 && prev.length <= 40 && !/[。，：:；;@]/.test(prev) ? prev : null;
    return { date: { year: +m[1], month: +m[2], day: +m[3] }, signature };
  }
  return { date: null, signature: null };
}

/**
 * The group: a labelled one, else a numbered one (县委第二巡察组, 市委机动巡察一组), else a generic
 * one (县委上下联动巡察组, 委党组巡察组) — unless the text speaks of several rounds, where a bare
 * "区委巡察组" names none of them. A place or ministry written before the group is part of its name.
 */
function readInspector(text: string): string | null {
  const labelled = LABELLED_INSPECTOR_RE.exec(text)?.[1];
  if (labelled) return labelled;
  const m = INSPECTOR_RE.exec(text) ?? INSPECTOR_NUMBERED_RE.exec(text) ?? (SEVERAL_ROUNDS_RE.test(text) ? null : INSPECTOR_GENERIC_RE.exec(text));
  if (!m) return null;
  const lead = text.slice(Math.max(0, m.index - 12), m.index);
  if (/^[省市县区州旗盟]委/.test(m[1])) return placeBefore(text, m.index) + m[1];
  const before = /^[第巡]/.test(m[1]) ? MINISTRY_BEFORE_RE.exec(lead)?.[1] : undefined;
  const ministry = before?.replace(LEAD_VERB_RE, '') ?? '';
  return (ministry.length >= 2 && ministry.length <= 6 ? ministry : '') + m[1];
}

/** The place a committee belongs to, as the text names the group ("兴宁市委机动巡察一组"), or ''. */
function placeBefore(text: string, at: number): string {
  // A break must be seen: the start of the text counts as one, the middle of a longer run does not.
  const from = Math.max(0, at - 12);
  const lead = (from === 0 ? ' ' : '') + text.slice(from, at).replace(/\d+\s*[年月日号]/g, ' ');
  const run = PLACE_RUN_RE.exec(lead)?.[1] ?? '';
  return NOT_PLACE_RE.test(run) ? '' : run;
}

/** The 被巡察单位 as a news sentence names it, for texts without a title or signature naming it. */
function orgInProse(text: string): string | null {
  const candidates = [ORG_IN_TEXT_RE, ORG_INSPECTED_RE, ORG_TOLD_RE].map((re) => re.exec(text)).filter((m): m is RegExpExecArray => m !== null);
  // The earliest statement wins; a capture that runs over the work itself is no unit name.
  const ok = candidates.filter((m) => !/整改|工作|巡[察视]|反馈|[向对]/.test(m[1])).sort((a, b) => a.index - b.index);
  return ok[0]?.[1] ?? null;
}

export function readRound(lines: readonly SourceLine[], preambleEnd: number): RoundReading {
  const inferred: RoundReading['inferred'] = [];
  const { title, orgFromTitle } = readTitle(lines);
  const preamble = lines.filter((l) => l.line < preambleEnd);
  const scope = preamble.length > 0 ? preamble : lines;
  const all = sentencesOf(scope);
  // A 回头看 is a later check of the rectification: when the text also states the inspection it
  // follows up, that inspection is the round, and the 回头看's dates, group and unit are left out.
  // A text about the 回头看 itself (its title says so, or it states no other inspection) keeps them.
  const mainOnly = all.filter((s) => !/回头看/.test(s));
  const followUpIsRound = /回头看/.test(title) || !mainOnly.some((s) => /巡察|巡视/.test(s) && inspectionWindow(s));
  // With a title naming the 回头看, its own sentences come first: the inspection it follows up is
  // only background there.
  const sentences = /回头看/.test(title) ? [...all.filter((s) => /回头看/.test(s)), ...mainOnly] : followUpIsRound ? all : mainOnly;

  let window: ReturnType<typeof inspectionWindow> = null;
  let windowInFollowUp = false;
  let feedback: Ymd | null = null;
  let feedbackYearless = false;
  for (const s of sentences) {
    if (!window && /巡察|巡视/.test(s)) {
      window = inspectionWindow(s);
      windowInFollowUp = window !== null && /回头看/.test(s);
    }
    if (!feedback && /反馈/.test(s)) {
      const m = feedbackDateIn(s);
      if (m) {
        feedback = { year: m[1] ? +m[1] : 0, month: +m[2], day: +m[3] };
        feedbackYearless = !m[1];
      }
    }
  }
  if (window?.inferred) inferred.push('inspectionEnd');
  const footer = readFooter(lines);
  if (feedback && feedbackYearless) {
    // "7月21日，县委巡察组向…反馈": the year of the inspection window (the next one if the day is
    // earlier than the window's end), else of the document.
    const anchor = window?.end ?? footer.date;
    if (anchor) {
      feedback.year = anchor.year + (window && before(feedback, window.end) ? 1 : 0);
      inferred.push('feedbackDate');
    } else feedback = null;
  }

  const normalizedScope = followUpIsRound ? normalizeDateText(scope.map((l) => l.text).join('\n')) : sentences.join('。');
  const inspector = readInspector(normalizedScope);
  const orgInText = orgInProse(normalizedScope);
  const signature = footer.signature && !/(?:巡察|巡视)(?:组|办)/.test(footer.signature) ? footer.signature : null;
  const org = LABELLED_ORG_RE.exec(normalizedScope)?.[1] ?? orgFromTitle ?? signature ?? orgInText;
  const followUp = /回头看/.test(title) || windowInFollowUp || (window === null && /回头看/.test(normalizedScope));
  const kind = followUp ? '回头看' : /专项巡[察视]/.test(normalizedScope) ? '专项' : /巡[察视]/.test(normalizedScope) ? '常规' : '';

  return {
    title,
    inferred,
    round: {
      org,
      inspector: inspector ? inspector.replace(/^中共/, '') : null,
      inspectionStart: iso(window?.start ?? null),
      inspectionEnd: iso(window?.end ?? null),
      feedbackDate: iso(feedback),
      reportDate: iso(footer.date),
      kind,
    },
  };
}
