// Worksheet XML generated every way the format allows — namespace prefixes, entity and character
// references, CDATA, comments and processing instructions between cells, CRLF, either quote, `>` and
// `/>` inside quoted values, rows and cells without r, gaps between rows — for the property tests of
// the scanner (against saxes) and of the rewriters (against the scanner).
import fc from 'fast-check';

/** Text that may hold anything XML can carry, including what must be escaped. */
export const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\r', '\n', '\t', ']', '整', '改', '😀', '_x000A_', ']]>'), maxLength: 12 });

export type Style = { prefix: string; quote: '"' | "'"; space: string; escape: 'entity' | 'charref' | 'cdata'; comments: boolean };

export const style: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  quote: fc.constantFrom('"' as const, "'" as const),
  space: fc.constantFrom(' ', '  ', '\n\t', '\r\n '),
  escape: fc.constantFrom('entity' as const, 'charref' as const, 'cdata' as const),
  comments: fc.boolean(),
});

export function escapeText(t: string, how: Style['escape']): string {
  if (how === 'cdata' && !t.includes(']]>')) return t === '' ? '' : `<![CDATA[${t}]]>`;
  if (how === 'charref') return t.replace(/[&<>\r]/g, (c) => `&#${c.codePointAt(0)};`).replace(/]]>/g, ']]&gt;');
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

const escapeAttr = (v: string, q: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;');

type Cell = { ref: boolean; type: 'n' | 's' | 'inlineStr' | 'str' | 'b' | 'e' | 'd' | 'none'; s: number; value: string; formula: string | null; phonetic: boolean; extra: string };
export type Row = { r: boolean; gap: number; cells: Cell[] };

const cell: fc.Arbitrary<Cell> = fc.record({
  ref: fc.boolean(),
  type: fc.constantFrom('n' as const, 's' as const, 'inlineStr' as const, 'str' as const, 'b' as const, 'e' as const, 'd' as const, 'none' as const),
  s: fc.constantFrom(0, 1),
  value: fc.oneof(text, fc.constantFrom('0', '1', '2', '45366', ' 3.5 ', '#N/A', 'true', '2024-03-15T00:00:00', '')),
  formula: fc.option(text, { nil: null }),
  phonetic: fc.boolean(),
  extra: fc.constantFrom('', 'a=">"', "b='x/>'", 'x14ac:dyDescent="0.25"', `q=" r='Z9' s='7'"`),
});
export const rows = fc.array(fc.record({ r: fc.boolean(), gap: fc.nat(3), cells: fc.array(cell, { maxLength: 5 }) }), { maxLength: 6 });

export function sheetXml(data: Row[], st: Style): string {
  const { prefix: p, quote: q, space: sp } = st;
  const a = (name: string, value: string) => `${sp}${name}=${q}${escapeAttr(value, q)}${q}`;
  // What a pattern would take for rows and cells: a scanner must not.
  const note = st.comments ? '<!-- a <c> in a comment, <row r="99"><c r="A99"><v>1</v></c></row> --><?pi </c></row>?>' : '';
  const t = (v: string) => escapeText(v, st.escape);
  let r = 0;
  let body = '';
  for (const row of data) {
    r += 1 + row.gap;
    let col = 0;
    let cells = '';
    for (const c of row.cells) {
      col += 1;
      const attrs = (c.ref ? a('r', `${String.fromCharCode(64 + col)}${r}`) : '') + (c.type === 'none' ? '' : a('t', c.type)) + (c.s ? a('s', '1') : '') + (c.extra ? `${sp}${c.extra}` : '');
      const f = c.formula === null ? '' : `<${p}f>${t(c.formula)}</${p}f>`;
      const inner = c.type === 'inlineStr'
        ? `<${p}is><${p}r><${p}t>${t(c.value)}</${p}t></${p}r>${c.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>pin</${p}t></${p}rPh>` : ''}<${p}r><${p}t${sp}xml:space="preserve">${t(c.value)}</${p}t></${p}r></${p}is>`
        : `${f}<${p}v>${t(c.type === 's' ? String(c.value.length % 4) : c.value)}</${p}v>`;
      cells += c.value === '' && c.formula === null ? `<${p}c${attrs}${sp}/>` : `${note}<${p}c${attrs}>${inner}</${p}c${sp}>`;
    }
    body += `<${p}row${st.comments ? ` q=${q}${q === '"' ? " r='7'>" : ' r="7">'}${q}` : ''}${row.r ? a('r', String(r)) : ''}>${cells}</${p}row>`;
  }
  const ns = p ? ` xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return `<?xml version="1.0" encoding="UTF-8"?>\r\n${note}<${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData>${note}</${p}worksheet>\n`;
}

