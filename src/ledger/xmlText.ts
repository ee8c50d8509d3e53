// The one sanitiser every writer passes user text through before it reaches an XML part (.xlsx
// cells, .docx paragraphs): XML 1.0 forbids the C0 controls other than tab, LF and CR, U+FFFE,
// U+FFFF and surrogates not in a pair. One of them in sharedStrings.xml makes the part ill-formed:
// LibreOffice blanks every later string, Excel offers to "repair" the file. They reach us from
// pasted text (Word's vertical tab for a manual line break) and from cells Excel stores as
// `_xFFFF_`. Excel also limits a cell to 32,767 characters. Pure: text in, text and a count out.

/** Excel's limit on the characters in one cell. */
export const EXCEL_CELL_MAX_CHARS = 32_767;

// A quick test; the exact work (pairs of surrogates are allowed) is done only when it matches.
 
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export type XmlSafe = { text: string; removed: number };

/**
 * The text with every character XML 1.0 forbids removed: a vertical tab or form feed (Word's
 * manual line and page breaks) becomes a line feed, the others are dropped. `removed` counts both.
 */
export function xmlSafeText(text: string): XmlSafe {
  if (!SUSPECT.test(text)) return { text, removed: 0 };
  let out = '';
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
    }
    const forbidden = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
    if (!forbidden) out += text[i];
    else {
      removed++;
      if (c === 0x0b || c === 0x0c) out += '\n';
    }
  }
  return { text: out, removed };
}

/**
 * ST_Xstring, as Excel reads a cell's text: `_xHHHH_` stands for the character HHHH. A text that
 * holds such a sequence literally is written with its underscore escaped (`_x005F_`), so it reads
 * back as typed.
 */
export function escapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : text;
}

/** Decodes ST_Xstring escapes (`_x000A_` a line feed, `_x005F_` an underscore). */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export type CellTextFix = { text: string; removed: number; truncatedFrom: number | null };

/** A cell's text made safe to write: forbidden characters out, then cut to Excel's limit. */
export function safeCellText(text: string): CellTextFix {
  const safe = xmlSafeText(text);
  if (safe.text.length <= EXCEL_CELL_MAX_CHARS) return { ...safe, truncatedFrom: null };
  // Never cut a surrogate pair in half.
  let end = EXCEL_CELL_MAX_CHARS;
  const last = safe.text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: safe.text.slice(0, end), removed: safe.removed, truncatedFrom: safe.text.length };
}
