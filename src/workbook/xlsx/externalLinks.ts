// External links in a package: xl/externalLinks/externalLinkN.xml holds a reference to another
// workbook (<externalBook>), a DDE link that starts a program when updated (<ddeLink
// ddeService="cmd" ddeTopic="/c calc">) or an OLE link (<oleLink>). Excel offers to update them
// when the recipient opens the file, so a copy meant to be mailed out carries none: the parts go,
// with their relationships, content types, the workbook's <externalReferences> and the defined
// names pointing into them. Cells whose formulas point into them ([1]Sheet1!A1) are frozen to
// their values by the sheet scan (liveFormula's 'LINK'), since a value cannot stay a formula whose
// link is gone.
import { attributes, decodeXml, partText, relationshipsOf, relsPathOf, resolveTarget, setPartText, type XlsxParts } from './package';
import { findElements, refersToOtherWorkbook, rewriteElements } from './freezeXml';

/** What a removed link pointed at: a DDE `service|topic`, an OLE object's program and file, or a workbook's path. */
export type ExternalLink = { kind: 'DDE' | 'OLE' | 'workbook'; target: string };

const LINK_TYPE = /\/externalLink["']?$/;
const LINK_PART = /^xl\/externalLinks\/[^/]+\.xml$/;

function describeLink(parts: XlsxParts, path: string): ExternalLink {
  const xml = partText(parts, path) ?? '';
  const targets = new Map(relationshipsOf(parts, path).map((r) => [r.id, r.target]));
  const target = (a: Record<string, string>) => targets.get(a['r:id'] ?? a.id ?? '') ?? '';
  const dde = findElements(xml, 'ddeLink')[0];
  if (dde) {
    const a = attributes(dde.attrs);
    return { kind: 'DDE', target: `${a.ddeService ?? ''}|${a.ddeTopic ?? ''}` };
  }
  const ole = findElements(xml, 'oleLink')[0];
  if (ole) {
    const a = attributes(ole.attrs);
    return { kind: 'OLE', target: [a.progId ?? '', target(a)].filter(Boolean).join(' ') };
  }
  const book = findElements(xml, 'externalBook')[0];
  return { kind: 'workbook', target: book ? target(attributes(book.attrs)) : path };
}

/**
 * Removes every external link from the package. Returns what each pointed at (in the order the
 * workbook lists them, then parts it does not list) and the defined names removed with them.
 */
export function dropExternalLinks(parts: XlsxParts): { links: ExternalLink[]; names: string[] } {
  const workbookRels = relsPathOf('xl/workbook.xml');
  const listed = relationshipsOf(parts, 'xl/workbook.xml').filter((r) => LINK_TYPE.test(r.type)).map((r) => r.target);
  const paths = [...new Set([...listed, ...Object.keys(parts).filter((p) => LINK_PART.test(p))])];
  if (paths.length === 0) return { links: [], names: [] };
  const links = paths.filter((p) => parts[p]).map((p) => describeLink(parts, p));
  for (const p of paths) {
    delete parts[p];
    delete parts[relsPathOf(p)];
  }
  const relsXml = partText(parts, workbookRels);
  if (relsXml !== null) {
    const kept = rewriteElements(relsXml, 'Relationship', (el) => (/\sType\s*=\s*["'][^"']*\/externalLink["']/.test(el.attrs) ? '' : el.whole));
    if (kept !== relsXml) setPartText(parts, workbookRels, kept);
  }
  const gone = new Set(paths);
  const types = partText(parts, '[Content_Types].xml');
  if (types !== null) {
    const kept = rewriteElements(types, 'Override', (el) => {
      const name = /\sPartName\s*=\s*["']([^"']*)["']/.exec(el.attrs)?.[1];
      return name !== undefined && gone.has(resolveTarget('', name)) ? '' : el.whole;
    });
    if (kept !== types) setPartText(parts, '[Content_Types].xml', kept);
  }
  const names: string[] = [];
  const workbook = partText(parts, 'xl/workbook.xml');
  if (workbook !== null) {
    let out = rewriteElements(workbook, 'externalReferences', () => '');
    // A name pointing into a link has no value to keep once the link is gone.
    out = rewriteElements(out, 'definedName', (el) => {
      if (!refersToOtherWorkbook(decodeXml(el.inner ?? ''))) return el.whole;
      names.push(attributes(el.attrs).name ?? '');
      return '';
    });
    if (names.length > 0) out = rewriteElements(out, 'definedNames', (el) => ((el.inner ?? '').trim() === '' ? '' : el.whole));
    if (out !== workbook) setPartText(parts, 'xl/workbook.xml', out);
  }
  return { links, names };
}
