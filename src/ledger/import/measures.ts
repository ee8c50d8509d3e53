// Measures written inline in a paragraph: 一是…二是…三是… (a list may restart at 一是 in a
// continuation paragraph, and a dropped 是 — "三严格落实" — still counts when it is the number
// expected next), or ①②③.
import { chineseNumeralToNumber } from '../normalize';

const CN = '[一二三四五六七八九十]{1,3}';
// "一是" anywhere but inside a word that ends in a numeral (统一是, 唯一是, 之一是, 第一是); "第一，"
// after a boundary.
const YISHI_RE = new RegExp(`(?<![统唯之逐同单万划专合归整第不])(${CN})是|(?:^|(?<=[。；;，,：:\\s）)]))第(${CN})[，,、]`, 'g');
// The expected numeral without its 是, only right after a sentence end ("。三严格落实").
const BARE_RE = new RegExp(`(?<=[。；;])\\s*(${CN})(?![是个年级种项次名位大方条点十届轮批期类季月日号天周])`, 'g');
const CIRCLED_RE = /[①-⑳]/g;

type Cut = { at: number; textStart: number };

function yishiCuts(text: string): Cut[] {
  const found: { at: number; textStart: number; n: number; bare: boolean }[] = [];
  for (const m of text.matchAll(YISHI_RE)) {
    const n = chineseNumeralToNumber(m[1] ?? m[2]);
    if (n !== null) found.push({ at: m.index ?? 0, textStart: (m.index ?? 0) + m[0].length, n, bare: false });
  }
  for (const m of text.matchAll(BARE_RE)) {
    const n = chineseNumeralToNumber(m[1]);
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    if (n !== null) found.push({ at, textStart: at + m[1].length, n, bare: true });
  }
  found.sort((a, b) => a.at - b.at);
  const cuts: Cut[] = [];
  let expected = 1;
  for (const f of found) {
    if (f.n === expected || (f.n === 1 && !f.bare && expected > 2)) {
      cuts.push({ at: f.at, textStart: f.textStart });
      expected = f.n + 1;
    }
  }
  // A lone 一是 is not a list.
  return cuts.length >= 2 ? cuts : [];
}

function circledCuts(text: string): Cut[] {
  const cuts: Cut[] = [];
  let expected = 1;
  for (const m of text.matchAll(CIRCLED_RE)) {
    const n = m[0].charCodeAt(0) - 0x2460 + 1;
    if (n === expected || (n === 1 && expected > 2)) {
      cuts.push({ at: m.index ?? 0, textStart: (m.index ?? 0) + 1 });
      expected = n + 1;
    }
  }
  return cuts.length >= 2 ? cuts : [];
}

function tidy(text: string): string {
  return text.replace(/^[\s，,、：:]+/, '').replace(/[\s；;，,]+$/, '').trim();
}

export type InlineList = {
  /** The text before the first marker (a lead-in or a heading). */
  lead: string;
  /** Each entry with its marker as written (一是, 第一, ①) and its text without it. */
  entries: { marker: string; text: string }[];
};

/** An inline list (一是…二是…, ①②…) in a text; no entries when the text has no list. */
export function splitInlineList(text: string): InlineList {
  const yishi = yishiCuts(text);
  const circled = circledCuts(text);
  const cuts = circled.length > yishi.length ? circled : yishi;
  if (cuts.length === 0) return { lead: text, entries: [] };
  const entries = cuts
    .map((cut, i) => ({
      marker: text.slice(cut.at, cut.textStart).replace(/[，,、\s]+$/, ''),
      text: tidy(text.slice(cut.textStart, i + 1 < cuts.length ? cuts[i + 1].at : text.length)),
    }))
    .filter((e) => e.text !== '');
  return { lead: text.slice(0, cuts[0].at).trim(), entries };
}

/**
 * The measures listed inline in a text, each without its marker; [] when the text has no list.
 * The lead-in before the first marker is not a measure.
 */
export function splitInlineMeasures(text: string): string[] {
  return splitInlineList(text).entries.map((e) => e.text);
}
