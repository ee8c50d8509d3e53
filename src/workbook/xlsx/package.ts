// The .xlsx package (an OPC zip of XML parts) at the level the 发送副本, 汇总 and chart code need:
// unzip, read a part as text, find the worksheets by name through workbook.xml and its
// relationships, and zip back. Files come from Excel, WPS, LibreOffice and ExcelJS, which all write
// machine-regular XML, but element names may carry a namespace prefix (`<x:sheet>`), so the small
// scanners here accept one. Pure: no DOM, no Node I/O (the pane and the CLI hand in bytes).
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { DateSystem } from '../../ledger/dates';
import { inflateEntryNative } from './nativeInflate';
import { inflateEntry, isSafeEntryName, newBudget, ZIP_LIMITS, ZipLimitError, zipEntries, type InflateBudget, type ZipEntry, type ZipLimits } from './zip';

export { ZIP_LIMITS, ZipLimitError, isSafeEntryName, type ZipLimits } from './zip';

/** The parts of a package by path (no leading slash): 'xl/workbook.xml' → bytes. */
export type XlsxParts = Record<string, Uint8Array>;

/** Thrown when the bytes are not an .xlsx package at all (the callers turn it into a Chinese message). */
export class NotXlsxError extends Error {
  constructor(readonly reason: 'notZip' | 'noWorkbook') {
    super(reason === 'notZip' ? 'not a zip archive' : 'no xl/workbook.xml in the package');
    this.name = 'NotXlsxError';
  }
}

export type UnzipOptions = {
  /** The parts to inflate (default all); the others are not read at all, whatever their size. */
  readonly only?: (path: string) => boolean;
  readonly limits?: ZipLimits;
  /** Told each entry name that was not copied because it climbs out, is absolute or uses `\\`. */
  readonly onUnsafeName?: (name: string) => void;
};

/** The XML parts (and their .rels) that the readers need: media, VBA and other binaries are never inflated. */
export const xmlPartsOnly = (path: string): boolean => path.endsWith('.xml') || path.endsWith('.rels');

/**
 * Unzips a package from anyone, bounded: see ZIP_LIMITS. Throws NotXlsxError for bytes that are not
 * a workbook and ZipLimitError for one too large to read. Entry names that are unsafe to copy
 * (`..`, absolute, backslashes) are left out.
 */
export function unzipXlsx(bytes: Uint8Array, options: UnzipOptions = {}): XlsxParts {
  const parts: XlsxParts = {};
  for (const [name, bytesOf] of packageEntries(bytes, options, inflateEntry)) parts[name] = bytesOf();
  if (!parts['xl/workbook.xml']) throw new NotXlsxError('noWorkbook');
  return parts;
}

/** unzipXlsx with each part inflated by the platform's zlib where it has one (./nativeInflate): the page's way. */
export async function unzipXlsxAsync(bytes: Uint8Array, options: UnzipOptions = {}): Promise<XlsxParts> {
  const parts: XlsxParts = {};
  const entries = packageEntries(bytes, options, inflateEntryNative);
  try {
    const inflated = await Promise.all(entries.map(([, bytesOf]) => bytesOf()));
    entries.forEach(([name], i) => (parts[name] = inflated[i]));
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new NotXlsxError('notZip');
  }
  if (!parts['xl/workbook.xml']) throw new NotXlsxError('noWorkbook');
  return parts;
}

/** The entries to read, each with how to inflate it (sync or not, by `inflate`); damage found in the directory throws NotXlsxError. */
function packageEntries<T>(
  bytes: Uint8Array,
  options: UnzipOptions,
  inflate: (b: Uint8Array, entry: ZipEntry, budget: InflateBudget) => T,
): [string, () => T][] {
  const budget = newBudget(options.limits ?? ZIP_LIMITS);
  const out: [string, () => T][] = [];
  const seen = new Set<string>();
  let directory: ZipEntry[];
  try {
    directory = zipEntries(bytes, budget.limits);
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new NotXlsxError('notZip');
  }
  for (const entry of directory) {
    // Folder entries ('xl/') are not parts; some writers add them, Office does not.
    if (entry.name.endsWith('/') && isSafeEntryName(entry.name)) continue;
    if (!isSafeEntryName(entry.name)) {
      options.onUnsafeName?.(entry.name);
      continue;
    }
    if (seen.has(entry.name) || (options.only && !options.only(entry.name))) continue;
    seen.add(entry.name);
    out.push([entry.name, () => {
      try {
        return inflate(bytes, entry, budget);
      } catch (e) {
        if (e instanceof ZipLimitError) throw e;
        throw new NotXlsxError('notZip');
      }
    }]);
  }
  return out;
}

/** Office stamps parts with the DOS epoch; a fixed time also makes the same input zip to the same bytes. */
const PART_TIME = new Date(1980, 0, 1);

/** Zips parts back; [Content_Types].xml first, as Office writes it. */
export function zipXlsx(parts: XlsxParts): Uint8Array {
  const ordered: Zippable = {};
  const names = Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  // A name that climbs out of the folder it is unpacked in is never written, whoever put it there.
  for (const name of names) if (isSafeEntryName(name)) ordered[name] = [parts[name], { level: 6, mtime: PART_TIME }];
  return zipSync(ordered);
}

export function partText(parts: XlsxParts, path: string): string | null {
  const bytes = parts[path];
  return bytes ? strFromU8(bytes) : null;
}

export function setPartText(parts: XlsxParts, path: string, text: string): void {
  parts[path] = strToU8(text);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function encodeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Attributes of one start tag's attribute text (`r="A1" t="s"`), prefixes kept (`r:id`). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Every start (or empty) tag of the element `localName`, any prefix, with its attributes. */
export function startTags(xml: string, localName: string): Record<string, string>[] {
  // `[^<>]`: a start tag never spans a `<`, so an unclosed one costs the distance to the next tag, not the rest of the part.
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^<>]*?)/?>`, 'g');
  return Array.from(xml.matchAll(re), (m) => attributes(m[1]));
}

/** Resolves a relationship target against the folder of the part that owns the .rels file. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = ownerPart.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The .rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export type Relationship = { id: string; type: string; target: string };

/** The relationships of a part, targets resolved to package paths (external ones left as written). */
export function relationshipsOf(parts: XlsxParts, part: string): Relationship[] {
  const xml = partText(parts, relsPathOf(part));
  if (!xml) return [];
  return startTags(xml, 'Relationship').map((a) => ({
    id: a.Id ?? '',
    type: a.Type ?? '',
    target: a.TargetMode === 'External' ? (a.Target ?? '') : resolveTarget(part, a.Target ?? ''),
  }));
}

export type SheetRef = { name: string; path: string };

/** The worksheets in workbook order, with the package path of each (chart sheets left out). */
export function worksheets(parts: XlsxParts): SheetRef[] {
  const workbook = partText(parts, 'xl/workbook.xml') ?? '';
  const rels = new Map(relationshipsOf(parts, 'xl/workbook.xml').map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  for (const a of startTags(workbook, 'sheet')) {
    const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = relId ? rels.get(relId) : undefined;
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: a.name ?? '', path: rel.target });
  }
  return sheets;
}

/**
 * The workbook's date system: workbookPr/@date1904 (ECMA-376 Part 1, §18.2.28; xsd:boolean, so
 * "1" or "true") marks a workbook counting from 1904, as Excel for Mac once did by default.
 */
export function dateSystemOf(parts: XlsxParts): DateSystem {
  const workbook = partText(parts, 'xl/workbook.xml') ?? '';
  const pr = startTags(workbook, 'workbookPr')[0];
  const flag = (pr?.date1904 ?? '').trim().toLowerCase();
  return flag === '1' || flag === 'true' ? '1904' : '1900';
}

export type DefinedName = { name: string; formula: string; localSheetId: number | null };

/** The workbook's defined names (ZG_Org → '巡察信息'!$B$2, …). */
export function definedNames(parts: XlsxParts): DefinedName[] {
  const workbook = partText(parts, 'xl/workbook.xml') ?? '';
  // The text of a name holds no `<` (it is escaped), so a match never runs past the next tag.
  const re = /<(?:[\w.-]+:)?definedName(?=[\s>])([^<>]*)>([^<]*)<\/(?:[\w.-]+:)?definedName>/g;
  return Array.from(workbook.matchAll(re), (m) => {
    const a = attributes(m[1]);
    return { name: a.name ?? '', formula: decodeXml(m[2]), localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId) };
  });
}
