// 生成发送副本: a copy of a ledger workbook in which every ZG.* formula is replaced by the value
// Excel last computed for it, so a recipient without the add-in (or in WPS / LibreOffice) sees
// numbers instead of #NAME?. Every other formula (the 整改统计 COUNTIFS, 预警 IFs) stays a formula,
// and every part the freeze does not need to touch keeps its bytes. Pure: bytes in, bytes out.
import { isLedgerError, ledgerError, type LedgerError } from '../../ledger/errors';
import { openXlsx } from './open';
import { definedNames, partText, relsPathOf, setPartText, worksheets, zipXlsx, type XlsxParts } from './package';
import { dropMacros, hasMacros } from './macros';
import { dropExternalLinks, type ExternalLink } from './externalLinks';
import { dropZgDefinedNames, dropZgRules, dropZgTableFormulas, freezeSheetCells, needsAddin, refersToOtherWorkbook, rewriteElements, zgDefinedNames, type LiveKind } from './freezeXml';

export { callsZg } from './freezeXml';

export type FreezeResult = {
  bytes: Uint8Array;
  /**
   * Cells whose formula became its value: it calls ZG, or uses a defined name that does (it would
   * show #NAME? all the same). Shared-formula dependents are counted one by one.
   */
  replaced: number;
  /** The same, sheet by sheet in workbook order; sheets without ZG formulas are left out. */
  sheets: { sheet: string; cells: number }[];
  /**
   * Warnings: ZG cells Excel never calculated (`整改台账!H5`): no cached value, so the copy shows
   * them blank, or the cached #NAME? of a formula typed while the add-in was not loaded.
   */
  uncached: string[];
  /** Defined names removed because they call ZG, directly or through another name (no value to keep). */
  names: string[];
  /** Conditional-format and data-validation rules removed because their formula called ZG. */
  rules: number;
  /** Table calculated-column (and totals-row) formulas removed, so Excel does not refill the column. */
  tableFormulas: number;
  /** Formulas that reach outside the workbook (WEBSERVICE, DDE, external HYPERLINK, another workbook), now their values: `整改台账!H5`. */
  live: { cell: string; kind: LiveKind }[];
  /** What became of a VBA project: none in the file, dropped from the copy, or kept (keepMacros). */
  macros: 'none' | 'dropped' | 'kept';
  /** External links removed (xl/externalLinks: DDE, OLE, other workbooks), with what each pointed at. */
  externalLinks: ExternalLink[];
  /** Defined names removed because they pointed into those links. */
  linkNames: string[];
  /** Zip entries not copied because their names climb out of the folder, are absolute or use `\\`. */
  unsafeEntries: string[];
};

export type FreezeOptions = {
  /** Keep the VBA project (the copy is then an .xlsm); by default a copy meant to be mailed out has none. */
  keepMacros?: boolean;
};

/**
 * The send copy of `xlsx`. Bytes that are not an .xlsx package come back as a LedgerError (old
 * .xls, password-protected, not a zip, damaged), never thrown. A workbook without ZG formulas comes
 * back unchanged, byte for byte. `fileName` only names the file in those messages.
 */
export function freezeZgFormulas(xlsx: Uint8Array, fileName = '该文件', options: FreezeOptions = {}): FreezeResult | LedgerError {
  const unsafeEntries: string[] = [];
  const parts = openXlsx(xlsx, fileName, { onUnsafeName: (name) => unsafeEntries.push(name) });
  if (isLedgerError(parts)) return parts;
  let result: Omit<FreezeResult, 'bytes'>;
  try {
    const macros = !hasMacros(parts) ? 'none' : options.keepMacros ? 'kept' : (dropMacros(parts), 'dropped');
    // The sheets are frozen first: a formula into a link keeps the value it had before the link goes.
    const frozen = freezeParts(parts);
    const links = dropExternalLinks(parts);
    result = { ...frozen, macros, externalLinks: links.links, linkNames: links.names, unsafeEntries };
  } catch {
    // The scanners do not throw on odd XML; this is the backstop for a package too broken to rewrite.
    return ledgerError('damagedXlsx', fileName);
  }
  const changed =
    result.replaced > 0 || result.names.length > 0 || result.rules > 0 || result.tableFormulas > 0 ||
    result.live.length > 0 || result.macros === 'dropped' || unsafeEntries.length > 0 ||
    result.externalLinks.length > 0 || result.linkNames.length > 0;
  if (!changed) return { ...result, bytes: xlsx };
  dropCalcChain(parts);
  return { ...result, bytes: zipXlsx(parts) };
}

/**
 * The copy's file name: 台账.xlsx → 台账（发送副本）.xlsx; no extension → .xlsx. An .xlsm becomes
 * .xlsx, since its macros are dropped, unless they are kept (`keepMacros`): then it stays .xlsm,
 * as Excel refuses a macro-enabled package under .xlsx.
 */
export function sendCopyFileName(fileName: string, keepMacros = false): string {
  const base = fileName.replace(/\.xls[xm]?$/i, '');
  const extension = keepMacros && /\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx';
  return `${base || '整改台账'}（发送副本）${extension}`;
}

/** Rewrites the parts in place; the result without its bytes. */
function freezeParts(parts: XlsxParts): Omit<FreezeResult, 'bytes' | 'macros' | 'unsafeEntries' | 'externalLinks' | 'linkNames'> {
  const listed = worksheets(parts).filter((s) => parts[s.path]);
  // Worksheet parts the workbook does not list (a writer's leftovers) are frozen too, named by path.
  const seen = new Set(listed.map((s) => s.path));
  const unlisted = Object.keys(parts)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p) && !seen.has(p))
    .map((path) => ({ name: path, path }));
  const names = definedNames(parts);
  const zgNames = zgDefinedNames(names);
  const linkNames = names.filter((n) => refersToOtherWorkbook(n.formula)).map((n) => n.name);
  const zg = needsAddin(zgNames);
  const sheets: FreezeResult['sheets'] = [];
  const uncached: string[] = [];
  const live: FreezeResult['live'] = [];
  let replaced = 0;
  let rules = 0;
  for (const sheet of [...listed, ...unlisted]) {
    const xml = partText(parts, sheet.path) ?? '';
    const frozen = freezeSheetCells(xml, zg, linkNames);
    const pruned = dropZgRules(frozen.xml, zg);
    if (pruned.xml !== xml) setPartText(parts, sheet.path, pruned.xml);
    rules += pruned.removed;
    live.push(...frozen.live.map((l) => ({ cell: `${sheet.name}!${l.ref}`, kind: l.kind })));
    if (frozen.cells.length === 0) continue;
    replaced += frozen.cells.length;
    sheets.push({ sheet: sheet.name, cells: frozen.cells.length });
    uncached.push(...frozen.uncached.map((ref) => `${sheet.name}!${ref}`));
  }
  let tableFormulas = 0;
  for (const path of Object.keys(parts).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = partText(parts, path) ?? '';
    const dropped = dropZgTableFormulas(xml, zg);
    if (dropped.removed === 0) continue;
    setPartText(parts, path, dropped.xml);
    tableFormulas += dropped.removed;
  }
  const workbook = partText(parts, 'xl/workbook.xml') ?? '';
  const named = dropZgDefinedNames(workbook, zgNames);
  if (named.names.length > 0) setPartText(parts, 'xl/workbook.xml', named.xml);
  return { replaced, sheets, uncached, names: named.names, rules, tableFormulas, live };
}

/**
 * calcChain.xml lists the formula cells in calculation order; once some are values it points at
 * cells without formulas, which makes Excel "repair" the file. It is only a cache: Excel rebuilds
 * it. The part goes with its relationship and its content-type override.
 */
function dropCalcChain(parts: XlsxParts): void {
  const rels = relsPathOf('xl/workbook.xml');
  const relsXml = partText(parts, rels);
  const chains = new Set<string>();
  if (relsXml !== null) {
    const kept = rewriteElements(relsXml, 'Relationship', (el) => {
      if (!/\sType\s*=\s*["'][^"']*\/calcChain["']/.test(el.attrs)) return el.whole;
      const target = /\sTarget\s*=\s*["']([^"']*)["']/.exec(el.attrs)?.[1] ?? 'calcChain.xml';
      chains.add(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      return '';
    });
    if (kept !== relsXml) setPartText(parts, rels, kept);
  }
  chains.add('xl/calcChain.xml');
  for (const chain of chains) delete parts[chain];
  const types = partText(parts, '[Content_Types].xml');
  if (types === null) return;
  const keptTypes = rewriteElements(types, 'Override', (el) => {
    const name = /\sPartName\s*=\s*["']\/?([^"']*)["']/.exec(el.attrs)?.[1];
    return name !== undefined && chains.has(name) ? '' : el.whole;
  });
  if (keptTypes !== types) setPartText(parts, '[Content_Types].xml', keptTypes);
}
