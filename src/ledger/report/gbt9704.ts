// The page and type settings of GB/T 9704-2012 《党政机关公文格式》, in Word units, kept apart
// from the docx code so the tests and the documentation quote one source.
//   A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (version heart 156 × 225 mm);
//   body 3号仿宋_GB2312 (16 pt), 22 lines × 28 characters; title 2号方正小标宋简体 (22 pt);
//   levels 一、黑体 （一）楷体_GB2312 1. （1）仿宋_GB2312; page numbers 4号 (14 pt) "— 1 —".

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

export const PAGE = { width: 11906, height: 16838 } as const; // A4 in twips
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;

const textWidth = PAGE.width - MARGIN.left - MARGIN.right; // 8845 twips ≈ 156 mm
const textHeight = PAGE.height - MARGIN.top - MARGIN.bottom; // 12756 twips ≈ 225 mm

/** Line pitch: 22 lines must fit the version heart, so round down (579 twips = 28.95 pt). */
export const LINE_PITCH = Math.floor(textHeight / LINES_PER_PAGE);
/** Character pitch: 28 characters must fit a line (315.9 twips ≈ 15.79 pt). */
export const CHAR_PITCH = textWidth / CHARS_PER_LINE;

/** Half-points, as w:sz holds them. */
export const SIZE = { body: 32, title: 44, pageNumber: 28 } as const; // 3号 16 pt, 2号 22 pt, 4号 14 pt

/**
 * Character spacing (twips, negative = condensed) that fits 28 characters of 3号 on a 156 mm line:
 * 16 pt = 320 twips a character against a 315.9-twip pitch → −5 twips (−0.25 pt).
 * Why not Word's character grid (docGrid linesAndChars, charSpace −842)? Word and WPS squeeze
 * characters to the grid pitch, but LibreOffice gives a character wider than a grid cell two
 * cells: the same file showed 19 characters a line there. Condensed spacing on a line grid gives
 * 28 × 22 in Word, WPS and LibreOffice alike.
 */
export const BODY_CHARACTER_SPACING = -Math.ceil(SIZE.body * 10 - CHAR_PITCH);

/**
 * The fonts GB/T 9704 names and the fallback Word uses where one is missing (w:altName in the
 * font table): 仿宋_GB2312 and 楷体_GB2312 are not installed on Windows since Vista, which ships
 * 仿宋 and 楷体; 方正小标宋简体 is a commercial font, 宋体 stands in.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading1: { name: '黑体', fallback: 'SimHei' },
  heading2: { name: '楷体_GB2312', fallback: '楷体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  pageNumber: { name: '宋体', fallback: 'SimSun' },
} as const;

/** Width of a text in character cells: ASCII and Latin 0.5 (仿宋 sets digits half-width), the rest 1. */
export function textCells(text: string): number {
  let cells = 0;
  for (const ch of text) cells += (ch.codePointAt(0) as number) < 0x2000 ? 0.5 : 1;
  return cells;
}

/** Where the closing lines go, in character cells from the margin they are aligned to. */
export type ClosingPlacement = { align: 'right'; right: number } | { align: 'left'; left: number };

// Word and LibreOffice put extra space between Chinese and digits (autoSpaceDN), about ¼ cell.
function estimatedCells(text: string): number {
  const transitions = (text.match(/[\x21-\x7e](?=[^\x00-\x7f])|[^\x00-\x7f](?=[\x21-\x7e])/g) ?? []).length;
  return textCells(text) + transitions / 4;
}

/**
 * 署名 and 成文日期 of a document without a seal (GB/T 9704-2012 §7.3.5.2): the signature 右空二字,
 * the date's first character two cells right of the signature's first. When the date is the
 * longer, the date keeps 右空二字 and the signature moves right. The line that is not pinned to the
 * right is placed from the left margin, so its own width (digits, autospacing) cannot shift it.
 */
export function closingPlacement(signature: string, date: string): { signature: ClosingPlacement; date: ClosingPlacement } {
  const s = textCells(signature);
  if (s >= estimatedCells(date) + 2) {
    return { signature: { align: 'right', right: 2 }, date: { align: 'left', left: CHARS_PER_LINE - 2 - s + 2 } };
  }
  return { signature: { align: 'left', left: Math.max(0, CHARS_PER_LINE - 2 - estimatedCells(date) - 2) }, date: { align: 'right', right: 2 } };
}

/** Title characters a line holds at 2号 (22 pt) on the 156 mm line: 20. */
export const TITLE_CHARS_PER_LINE = Math.floor((PAGE.width - MARGIN.left - MARGIN.right) / (SIZE.title * 10));

/**
 * The title's lines: a title too long for one line breaks before 关于, so the issuer stands on its
 * own line as in the published 通报 (标题回行时词意完整).
 */
export function titleLines(title: string): string[] {
  const at = title.indexOf('关于');
  if (textCells(title) <= TITLE_CHARS_PER_LINE || at <= 0) return [title];
  return [title.slice(0, at), title.slice(at)];
}
