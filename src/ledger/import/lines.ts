// Line-level reading of a pasted report: clean each line, recognise its numbering marker (一、 /
// （一） / 1. / 1、 / （1） / (1) / ① / 第一、 / 问题一：), status and field labels, and the
// unnumbered problem headings (针对“…”问题的整改情况, 关于“…”问题的整改, 整改问题：针对…的问题).
// Regexes accept full- and half-width forms, so they run on the text as written.
import { chineseNumeralToNumber } from '../normalize';
import type { IsoDate } from '../types';
import { chromeDate, chromeTitle, isChrome } from './chrome';
import type { ChromeDate } from './chrome';

/** inline: an entry of a 一是…二是… list inside a paragraph, made a node of its own (feedback problems). */
export type MarkerStyle = 'cnTop' | 'cnParen' | 'numDot' | 'numComma' | 'numParen' | 'circled' | 'diYi' | 'problemLabel' | 'inline';

export type Marker = { style: MarkerStyle; value: number | null; text: string };

export type SourceLine = {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line as written, minus conversion junk and surrounding spaces. */
  text: string;
};

// Word bookmarks and zero-width characters left by converters; the same junk normalizeText drops,
// removed here from the display text (normalizeText also turns （） into (), which we keep as written).
const JUNK_RE = /\[bookmark:[^\]\n]{0,80}\]|[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Page furniture of a printed document: "— 3 —", "- 3 -", "第3页 共10页", "3/10".
const PAGE_NUMBER_RE = /^(?:[-—－–─~～]{1,2}\s*\d{1,3}\s*[-—－–─~～]{1,2}|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

export function splitLines(text: string): SourceLine[] {
  return splitPage(text).lines;
}

/** The lines of a pasted text without page chrome, and the page's own date (成文日期/发布时间). */
export function splitPage(text: string): { lines: SourceLine[]; published: IsoDate | null } {
  const out: SourceLine[] = [];
  const titles = new Set<string>();
  let published: ChromeDate | null = null;
  text.split(/\r\n|\r|\n/).forEach((whole, i) => {
    // Web-page chrome is never content; its date is the page's (chrome.ts).
    const titled = chromeTitle(whole);
    if (titled === null && isChrome(whole)) {
      const date = chromeDate(whole);
      if (date && (!published || date.rank < published.rank)) published = date;
      return;
    }
    const raw = titled ?? whole;
    // 【整改情况】已完成 → 整改情况：已完成, so bracketed labels read like colon labels. trim(), not a
    // regex anchored at the end: /\s+$/ retries every start of a long run of spaces (quadratic).
    const cleaned = raw.replace(JUNK_RE, '').trim().replace(/^【([^】]{2,8})】\s*/, '$1：');
    if (cleaned === '' || PAGE_NUMBER_RE.test(cleaned)) return;
    // A running header repeats the title at the top of every page: keep its first occurrence only.
    if (titles.has(cleaned)) return;
    if (out.length < 3 && /关于/.test(cleaned) && cleaned.length >= 8 && !/[。；]/.test(cleaned)) titles.add(cleaned);
    out.push({ line: i + 1, text: cleaned });
  });
  return { lines: out, published: (published as ChromeDate | null)?.date ?? null };
}

const CN_NUM = '[一二三四五六七八九十百零〇两]';
const MARKER_RULES: readonly { style: MarkerStyle; re: RegExp }[] = [
  { style: 'cnParen', re: new RegExp(`^[(（]\\s*(${CN_NUM}{1,4})\\s*[)）]\\s*`) },
  { style: 'numParen', re: /^[(（]\s*([0-9０-９]{1,3})\s*[)）]\s*/ },
  // The same levels written with the closing bracket only: "一)" / "1)".
  { style: 'cnParen', re: new RegExp(`^(${CN_NUM}{1,4})\\s*[)）]\\s*`) },
  { style: 'numParen', re: /^([0-9０-９]{1,2})\s*[)）]\s*/ },
  { style: 'cnTop', re: new RegExp(`^(${CN_NUM}{1,4})\\s*[、．.](?![0-9０-９])\\s*`) },
  { style: 'numComma', re: /^([0-9０-９]{1,3})\s*、\s*/ },
  // 1. / 1． but not 1.5T or a date such as 2022.3.1.
  { style: 'numDot', re: /^([0-9０-９]{1,2})\s*[.．](?![0-9０-９])\s*/ },
  { style: 'circled', re: /^([①-⑳])\s*/ },
  { style: 'diYi', re: new RegExp(`^第(${CN_NUM}{1,3})[、，,：:]\\s*`) },
  { style: 'problemLabel', re: new RegExp(`^问题\\s*(${CN_NUM}{1,3}|[0-9０-９]{1,3})\\s*[：:、.．]\\s*`) },
];

function markerValue(style: MarkerStyle, digits: string): number | null {
  if (style === 'circled') return digits.charCodeAt(0) - 0x2460 + 1;
  const ascii = digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return chineseNumeralToNumber(ascii);
}

/** The numbering marker at the start of a line, and the rest of the line after it. */
export function readMarker(text: string): { marker: Marker; rest: string } | null {
  for (const rule of MARKER_RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    // "一、" alone or followed by a digit is not a heading ("十、" at the end of a table row).
    if (rest.trim() === '' && rule.style !== 'problemLabel') return null;
    return { marker: { style: rule.style, value: markerValue(rule.style, m[1]), text: m[0].trim() }, rest: rest.trim() };
  }
  return null;
}

/**
 * A numbered heading that a converter broke over two lines ("（三）关于全面从严治党“两个责任”落实方面的"
 * / "问题"): joined when the heading stops mid-phrase (on 的/和/及/与/、 or inside an open quote) and
 * the next line is a short unnumbered, unlabelled rest.
 */
export function joinBrokenHeadings(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (next && isBrokenHeading(line.text) && next.text.length <= 30 && !readMarker(next.text) && !/[：:]/.test(next.text)) {
      out.push({ line: line.line, text: line.text + next.text });
      i++;
    } else out.push(line);
  }
  return out;
}

function isBrokenHeading(text: string): boolean {
  if (text.length > 60 || !readMarker(text)) return false;
  const open = (text.match(/[“「『]/g) ?? []).length > (text.match(/[”」』]/g) ?? []).length;
  return open || /[的和及与、]$/.test(text);
}

// Labels that open a status line: 整改情况：此项问题已完成整改。 / 完成情况：已完成并长期坚持.
const STATUS_LABEL_RE =
  /^(?:整改|完成|落实|进展|办理|推进|办结|销号|目前|当前)?(?:情况|进展|进度|结果|成效|状态)\s*[：:]\s*|^(?:目前|当前)?整改(?:进展|情况|结果|状态)\s*[：:]\s*/;
/** The same labels in the middle of a line, after the end of a sentence ("…问题。整改情况：已完成。"). */
const INLINE_STATUS_LABEL_RE = /[。；;]\s*((?:整改|完成|落实)(?:情况|进展|结果)\s*[：:])/;

export function readStatusLabel(text: string): { label: string; rest: string } | null {
  const m = STATUS_LABEL_RE.exec(text);
  if (!m) return null;
  const label = m[0].replace(/[\s：:]+$/, '');
  // "问题情况：" and the like are not statuses; the label must be short.
  if (label.length > 8) return null;
  return { label, rest: text.slice(m[0].length).trim() };
}

/** Splits "（1）…问题。整改情况：已完成。" into the heading and the status line. */
export function splitInlineStatus(text: string): [string, string] | null {
  const m = INLINE_STATUS_LABEL_RE.exec(text);
  if (!m || m.index === undefined) return null;
  const cut = m.index + m[0].indexOf(m[1]);
  return [text.slice(0, m.index + 1).trim(), text.slice(cut).trim()];
}

export type FieldName = 'measures' | 'goal' | 'leader' | 'unit' | 'coUnits' | 'owner' | 'deadline' | 'finding';

const FIELD_LABELS: readonly { field: FieldName; re: RegExp }[] = [
  { field: 'measures', re: /^(?:整改|主要|具体)?措施\s*[：:]\s*/ },
  { field: 'goal', re: /^整改目标\s*[：:]\s*/ },
  { field: 'leader', re: /^(?:责任|牵头|分管)领导\s*[：:]\s*/ },
  { field: 'unit', re: /^(?:责任|牵头)(?:单位|部门|科室|股室)\s*[：:]\s*/ },
  { field: 'coUnits', re: /^(?:配合|协助|参与)(?:单位|部门|科室)\s*[：:]\s*/ },
  { field: 'owner', re: /^(?:具体)?责任人\s*[：:]\s*/ },
  { field: 'deadline', re: /^(?:整改|完成)?时限(?:要求)?\s*[：:]\s*|^完成时间\s*[：:]\s*/ },
  { field: 'finding', re: /^(?:存在|反馈)?问题(?:描述|表现)?\s*[：:]\s*/ },
];

/** "责任单位：办公室" → { field: 'unit', value: '办公室' }. */
export function readField(text: string): { field: FieldName; value: string } | null {
  for (const { field, re } of FIELD_LABELS) {
    const m = re.exec(text);
    if (m) return { field, value: text.slice(m[0].length).trim() };
  }
  return null;
}

/** A measure-list label on its own: 整改成效： / 整改措施： (the list follows on the next lines). */
export function isListLabel(text: string): boolean {
  return /^(?:整改|主要|具体)?(?:措施|成效|举措|做法)\s*[：:]?\s*$/.test(text);
}

const OPEN_QUOTE = '[“"「『‘]';
const CLOSE_QUOTE = '[”"」』’]';
// 针对“X”问题的整改情况。 / 关于“X”问题的整改落实情况 / 针对X问题的整改情况
const QUOTED_HEADING_RE = new RegExp(
  `^(?:针对|关于)\\s*${OPEN_QUOTE}(.{2,160}?)${CLOSE_QUOTE}\\s*(?:等)?(?:方面)?(?:的)?问题(?:的)?(?:整改落实情况|整改情况|整改落实|整改)[。．.：:；;]?`,
);
// 关于“X”的问题。 — the same heading without 整改, closed by its sentence (a status may follow).
const QUOTED_BARE_HEADING_RE = new RegExp(`^(?:针对|关于)\\s*${OPEN_QUOTE}(.{2,160}?)${CLOSE_QUOTE}\\s*(?:等)?(?:方面)?(?:的)?问题(?:[。．.：:；;]|$)`);
const UNQUOTED_HEADING_RE = /^(?:针对|关于)(.{2,100}?)(?:等)?问题的整改(?:落实)?情况[。．.：:；;]?/;
// 整改问题：针对X的问题。 / 整改问题：X。
const LABELLED_HEADING_RE = /^(?:整改|反馈|存在)问题\s*[：:]\s*(?:针对)?(.{2,160}?)(?:的问题|问题)?(?:[。．.]|$)/;

/**
 * An unnumbered problem heading at the start of a line: its finding and where the heading ends
 * (the body may continue on the same line).
 */
export function readProblemHeading(text: string): { finding: string; end: number } | null {
  for (const re of [QUOTED_HEADING_RE, QUOTED_BARE_HEADING_RE, UNQUOTED_HEADING_RE, LABELLED_HEADING_RE]) {
    const m = re.exec(text);
    if (m) return { finding: m[1].trim(), end: m[0].length };
  }
  return null;
}

/** The first sentence of a text (up to and including 。), or the whole text. */
export function firstSentence(text: string): string {
  const i = text.search(/[。！？!?]/);
  return i < 0 ? text : text.slice(0, i + 1);
}

/** Sentences, each keeping its closing mark. */
export function sentences(text: string): string[] {
  return text.match(/[^。！？!?]+[。！？!?]?/g)?.map((s) => s.trim()).filter((s) => s !== '') ?? [];
}
