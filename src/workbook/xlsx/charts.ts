// Native Excel charts added to an .xlsx written by ExcelJS, which cannot write charts. Per sheet:
// a drawing part with one anchor per chart, a chart part per chart, the relationships that link
// sheet → drawing → chart, the content types, and the worksheet's <drawing r:id> element in the
// place CT_Worksheet's sequence gives it (Excel refuses a sheet whose children are out of order).
import type { LayoutChart } from '../sheetLayout';
import { chartPartXml, drawingPartXml } from './chartXml';
import { partText, relsPathOf, setPartText, unzipXlsx, worksheets, zipXlsx, type XlsxParts } from './package';

export type SheetCharts = { sheet: string; charts: LayoutChart[] };

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** CT_Worksheet's children that come after <drawing>; it goes before the first one present. */
const AFTER_DRAWING = new Set([
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]);

type Child = { name: string; prefix: string; start: number };

/**
 * The root element's direct children, with offsets. A tag scanner, not a parser: the sheet XML is
 * machine-written, but quoted attribute values may hold '>', and nested elements share names with
 * top-level ones (a cfRule's extLst), so depth is tracked.
 */
export function rootChildren(xml: string): { root: Child; children: Child[] } {
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  let root: Child | null = null;
  const children: Child[] = [];
  for (const m of xml.matchAll(tag)) {
    if (m[3] === undefined) continue; // comment, CDATA, declaration, processing instruction
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      depth--;
      continue;
    }
    const child = { name: m[3], prefix: m[2] ?? '', start: m.index };
    if (depth === 0) root ??= child;
    else if (depth === 1) children.push(child);
    if (!selfClosing) depth++;
  }
  if (!root) throw new Error('no root element');
  return { root, children };
}

/** The sheet XML with <drawing r:id> inserted; throws if the sheet has a drawing already. */
export function withDrawingElement(sheetXml: string, relId: string): string {
  const { root, children } = rootChildren(sheetXml);
  if (children.some((c) => c.name === 'drawing')) {
    throw new Error('the worksheet already has a <drawing>; injectCharts only adds charts to sheets without drawings');
  }
  const rootTag = sheetXml.slice(root.start, sheetXml.indexOf('>', root.start));
  // The r: prefix is only safe if the root binds it to the relationships namespace; else bind it here.
  const rBound = new RegExp(`xmlns:r\\s*=\\s*["']${REL.replace(/[./]/g, '\\$&')}["']`).test(rootTag);
  const element = `<${root.prefix}drawing${rBound ? '' : ` xmlns:r="${REL}"`} r:id="${relId}"/>`;
  const next = children.find((c) => AFTER_DRAWING.has(c.name));
  const at = next ? next.start : sheetXml.lastIndexOf(`</${root.prefix}${root.name}`);
  if (at < 0) throw new Error('the worksheet has no end tag');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

const emptyRels = () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`;

/** Adds a relationship to a part's .rels (created if missing) and returns its new, unused Id. */
export function addRelationship(parts: XlsxParts, ownerPart: string, type: string, target: string): string {
  const relsPath = relsPathOf(ownerPart);
  const xml = partText(parts, relsPath) ?? emptyRels();
  const used = new Set(Array.from(xml.matchAll(/\bId\s*=\s*["']([^"']*)["']/g), (m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const entry = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const close = xml.lastIndexOf('</Relationships>');
  setPartText(parts, relsPath, close < 0 ? xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${entry}</Relationships>`) : xml.slice(0, close) + entry + xml.slice(close));
  return id;
}

export function addOverride(parts: XlsxParts, part: string, contentType: string): void {
  const xml = partText(parts, '[Content_Types].xml');
  if (!xml) throw new Error('the package has no [Content_Types].xml');
  const close = xml.lastIndexOf('</Types>');
  setPartText(parts, '[Content_Types].xml', xml.slice(0, close) + `<Override PartName="/${part}" ContentType="${contentType}"/>` + xml.slice(close));
}

/** The Target of a relationship from `owner` to `target`, relative as Office writes it ('../charts/chart1.xml'). */
export function relativeTarget(owner: string, target: string): string {
  const from = owner.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The first free part name `folder/stemN.xml`, N from 1. */
export function freePart(parts: XlsxParts, folder: string, stem: string): string {
  for (let n = 1; ; n++) if (!parts[`${folder}/${stem}${n}.xml`]) return `${folder}/${stem}${n}.xml`;
}

/** Throws (misuse) on chart ids used twice or already naming a drawing object in the package. */
function checkIds(parts: XlsxParts, sheets: SheetCharts[]): void {
  const seen = new Set<string>();
  for (const path of Object.keys(parts).filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))) {
    for (const m of (partText(parts, path) ?? '').matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*\bname="([^"]*)"/g)) seen.add(m[1]);
  }
  for (const chart of sheets.flatMap((s) => s.charts)) {
    if (seen.has(chart.id)) throw new Error(`chart id '${chart.id}' is used twice in the workbook`);
    seen.add(chart.id);
  }
}

/** The .xlsx bytes with the charts added to their sheets. Misuse (unknown sheet, …) throws. */
export function injectCharts(xlsx: Uint8Array, sheets: SheetCharts[]): Uint8Array {
  const parts = unzipXlsx(xlsx);
  const byName = new Map(worksheets(parts).map((s) => [s.name, s.path]));
  checkIds(parts, sheets);
  const names = new Set<string>();
  for (const { sheet, charts } of sheets) {
    if (names.has(sheet)) throw new Error(`sheet '${sheet}' is listed twice`);
    names.add(sheet);
    const sheetPath = byName.get(sheet);
    if (!sheetPath) throw new Error(`no worksheet named '${sheet}' in the workbook`);
    if (charts.length === 0) continue;
    const sheetXml = partText(parts, sheetPath);
    if (sheetXml === null) throw new Error(`the worksheet part ${sheetPath} is missing`);

    const drawingPath = freePart(parts, 'xl/drawings', 'drawing');
    // Reserve the drawing's name before choosing chart names (freePart looks at existing parts).
    parts[drawingPath] = new Uint8Array();
    const chartRelIds = charts.map((chart) => {
      const chartPath = freePart(parts, 'xl/charts', 'chart');
      setPartText(parts, chartPath, chartPartXml(chart, sheet));
      addOverride(parts, chartPath, CHART_TYPE);
      return addRelationship(parts, drawingPath, 'chart', relativeTarget(drawingPath, chartPath));
    });
    setPartText(parts, drawingPath, drawingPartXml(charts, chartRelIds));
    addOverride(parts, drawingPath, DRAWING_TYPE);
    const relId = addRelationship(parts, sheetPath, 'drawing', relativeTarget(sheetPath, drawingPath));
    setPartText(parts, sheetPath, withDrawingElement(sheetXml, relId));
  }
  return zipXlsx(parts);
}
