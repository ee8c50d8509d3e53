// A VBA project in a package: xl/vbaProject.bin (and its signatures), the workbook's relationship
// to it, its content types, and the macro-enabled content type of the workbook part itself. A copy
// meant to be mailed out drops all of it, also when the file is named .xlsx but typed as macro-
// enabled (Excel refuses that pairing), so the copy is a plain .xlsx workbook.
import { partText, relsPathOf, setPartText, type XlsxParts } from './package';
import { rewriteElements } from './freezeXml';

const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const VBA_PART = /^xl\/vbaProject(?:Signature(?:Agile|V3)?)?\.bin$/i;

/** Whether the package carries a VBA project or declares itself macro-enabled. */
export function hasMacros(parts: XlsxParts): boolean {
  return Object.keys(parts).some((p) => VBA_PART.test(p)) || (partText(parts, '[Content_Types].xml') ?? '').includes(MACRO_MAIN);
}

/** Drops the VBA project, its relationships and content types, and types the workbook as plain .xlsx. */
export function dropMacros(parts: XlsxParts): void {
  const vba = Object.keys(parts).filter((p) => VBA_PART.test(p));
  for (const p of vba) {
    delete parts[p];
    delete parts[relsPathOf(p)];
  }
  const rels = relsPathOf('xl/workbook.xml');
  const relsXml = partText(parts, rels);
  if (relsXml !== null) {
    const kept = rewriteElements(relsXml, 'Relationship', (el) => (/\sType\s*=\s*["'][^"']*\/vbaProject["']/.test(el.attrs) ? '' : el.whole));
    if (kept !== relsXml) setPartText(parts, rels, kept);
  }
  const types = partText(parts, '[Content_Types].xml');
  if (types === null) return;
  let kept = rewriteElements(types, 'Override', (el) => (/\sPartName\s*=\s*["']\/?xl\/vbaProject[^"']*\.bin["']/i.test(el.attrs) ? '' : el.whole));
  kept = rewriteElements(kept, 'Default', (el) => (/ContentType\s*=\s*["']application\/vnd\.ms-office\.vbaProject["']/.test(el.attrs) ? '' : el.whole));
  kept = kept.split(MACRO_MAIN).join(PLAIN_MAIN);
  if (kept !== types) setPartText(parts, '[Content_Types].xml', kept);
}
