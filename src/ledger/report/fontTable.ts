// word/fontTable.xml with a w:altName for each GB font: Word substitutes the alternate name when
// the named font is not installed (仿宋_GB2312 → 仿宋 …). The docx package writes the font table
// only for embedded fonts, so this file is handed to its Packer as an override.
import { FONTS } from './gbt9704';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// charset 86 = GB2312; panose 02010609060101010101 is the fixed-pitch CJK Song/Fang family Word writes.
function fontEntry(name: string, altName: string | null, family: 'roman' | 'modern'): string {
  const alt = altName ? `<w:altName w:val="${escapeXml(altName)}"/>` : '';
  return (
    `<w:font w:name="${escapeXml(name)}">${alt}<w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="fixed"/></w:font>`
  );
}

export function fontTableXml(): string {
  const entries = new Map<string, string | null>();
  for (const { name, fallback } of Object.values(FONTS)) {
    entries.set(name, fallback);
    if (!entries.has(fallback)) entries.set(fallback, null);
  }
  const fonts = [...entries].map(([name, alt]) => fontEntry(name, alt, name.includes('黑') ? 'modern' : 'roman')).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}
