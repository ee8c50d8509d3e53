// Text clean-up shared by the status and deadline parsers and the report importer. Reports arrive
// as pasted Word text: full-width digits (２０２２年), ideographic spaces, Word bookmarks left by
// conversion tools, Chinese numerals in dates (十二月底, 二〇二二年).

// Chinese punctuation that lives in the full-width ASCII block but must stay as it is: the
// importer and the gold files keep ，：； as written (、。“” are outside the block anyway).
const KEEP_FULL_WIDTH = new Set(['，', '：', '；']);

// Junk that converters leave in the text: Word bookmarks such as `[bookmark: _GoBack]`, zero-width
// characters and the byte-order mark.
const CONVERSION_JUNK_RE = /\[bookmark:[^\]\n]{0,80}\]|[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Full-width ASCII forms (Ｕ+FF01–FF5E) and the ideographic space → half-width, except the Chinese
 * punctuation ，：； ; conversion junk removed; runs of spaces and tabs collapsed to one space and
 * trailing spaces dropped. Line breaks are kept (CRLF/CR become LF) because the importer reads lines.
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code === 0x3000 || code === 0x00a0) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(ch)) out += String.fromCharCode(code - 0xfee0);
    else out += ch;
  }
  // Repeat: removing one piece of junk can join the halves of another ("[book[bookmark: a]mark: b]").
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(CONVERSION_JUNK_RE, '');
  }
  return out
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/ +$/, '');
}

const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0,
  '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
  '五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
};
const UNITS: Readonly<Record<string, number>> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000 };
const TEN_THOUSAND = new Set(['万', '萬']);

/**
 * A Chinese numeral → its value: 三 → 3, 十二 → 12, 二十一 → 21, 一百零五 → 105, 两 → 2, 〇/零 → 0,
 * and the digit-by-digit year form 二〇二二 → 2022. ASCII digits pass through. null when the text
 * is not a numeral (or is malformed, such as 十十).
 */
export function chineseNumeralToNumber(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (chars.every((c) => c in DIGITS)) {
    // 二〇二二, 三: read digit by digit.
    return chars.reduce((n, c) => n * 10 + DIGITS[c], 0);
  }
  let total = 0; // completed 万 groups
  let section = 0; // within the current 万 group
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of chars) {
    if (c in DIGITS) {
      const d = DIGITS[c];
      if (d === 0) continue; // 一百零五: the zero only marks a gap
      if (digit !== null) return null; // 二三: two digits without a unit between them
      digit = d;
    } else if (c in UNITS) {
      const unit = UNITS[c];
      if (unit >= lastUnit) return null; // 十十, 十百: units must fall
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else if (TEN_THOUSAND.has(c)) {
      if (total !== 0) return null; // only one 万 level is supported (up to 99,999,999)
      total = (section + (digit ?? (section === 0 ? 1 : 0))) * 10000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

// A run of Chinese numerals directly before a date or duration unit. The look-behind keeps words
// that merely end in a numeral (统一月度, 唯一, 逐一, 周一) from turning into dates.
const NUMERAL_BEFORE_UNIT_RE =
  /(?<![统唯之万同逐单划专合归整周初])[〇○零一二两三四五六七八九十百千]+(?=\s*(?:年|月|日|号|个|天|季度|周|星期|工作日|小时))/g;

/**
 * normalizeText, then Chinese numerals written before a date or duration unit become Arabic:
 * 二〇二二年十二月底 → 2022年12月底, 三个月内 → 3个月内, 第三季度 → 第3季度.
 */
export function normalizeDateText(text: string): string {
  return normalizeText(text).replace(NUMERAL_BEFORE_UNIT_RE, (run) => {
    const n = chineseNumeralToNumber(run);
    return n === null ? run : String(n);
  });
}
