// Whole sheets in a package, for the file store's generated sheets: add a worksheet (its part, the
// content type, the workbook's relationship and <sheet> entry), set a workbook name, and put a
// layout's native charts on a sheet — replacing our charts (ZG_…) of an earlier refresh in the same
// drawing and chart parts, so a refresh that changes nothing leaves them byte for byte, and keeping
// any shape of the user's in that drawing. workbook.xml is touched only when a sheet or a name is new.
import type { LayoutChart } from '../sheetLayout';
import { chartPartXml, drawingPartXml } from '../xlsx/chartXml';
import { addOverride, addRelationship, CHART_TYPE, DRAWING_TYPE, freePart, REL, relativeTarget } from '../xlsx/charts';
import { definedNames, encodeXml, partText, relationshipsOf, relsPathOf, setPartText, startTags, worksheets, type XlsxParts } from '../xlsx/package';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKBOOK = 'xl/workbook.xml';

/** `'整改统计'!$A$1` → 整改统计. */
function sheetOfReference(ref: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(ref.trim());
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
}

/** The sheet a workbook-level name points at (ZG_Dashboard → 整改统计), if it still exists. */
export function sheetOfName(parts: XlsxParts, name: string): { name: string; path: string } | null {
  const n = definedNames(parts).find((d) => d.localSheetId === null && d.name.toLowerCase() === name.toLowerCase());
  const sheet = n ? sheetOfReference(n.formula) : null;
  return worksheets(parts).find((s) => s.name === sheet) ?? null;
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Points the workbook name `name` at A1 of `sheet` (added, or its text replaced when it points elsewhere). */
export function setSheetName(parts: XlsxParts, name: string, sheet: string): void {
  const xml = partText(parts, WORKBOOK) ?? '';
  const formula = `${quoted(sheet)}!$A$1`;
  const element = `<definedName name="${name}">${encodeXml(formula)}</definedName>`;
  const existing = new RegExp(`<((?:[\\w.-]+:)?)definedName(?=\\s)(?![^>]*localSheetId)[^>]*\\sname\\s*=\\s*["']${name}["'][^>]*>[^<]*</\\1definedName>`, 'i').exec(xml);
  if (existing) {
    if (sheetOfReference(existing[0].replace(/^<[^>]*>|<[^>]*>$/g, '').replace(/&apos;/g, "'").replace(/&amp;/g, '&')) === sheet) return;
    setPartText(parts, WORKBOOK, xml.replace(existing[0], element.replace(/definedName/g, `${existing[1]}definedName`)));
    return;
  }
  const prefix = /<((?:[\w.-]+:)?)sheets[\s>]/.exec(xml)?.[1] ?? '';
  const close = xml.indexOf(`</${prefix}definedNames>`);
  const tagged = element.replace(/definedName/g, `${prefix}definedName`);
  if (close >= 0) {
    setPartText(parts, WORKBOOK, xml.slice(0, close) + tagged + xml.slice(close));
    return;
  }
  // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
  const after = [`</${prefix}externalReferences>`, `</${prefix}functionGroups>`, `</${prefix}sheets>`].map((t) => [t, xml.indexOf(t)] as const).find(([, i]) => i >= 0);
  if (!after) throw new Error('workbook.xml has no <sheets>');
  const at = after[1] + after[0].length;
  setPartText(parts, WORKBOOK, `${xml.slice(0, at)}<${prefix}definedNames>${tagged}</${prefix}definedNames>${xml.slice(at)}`);
}

/** Adds a worksheet named `name` after the last sheet, with the part's XML; returns its path. */
export function addWorksheet(parts: XlsxParts, name: string, xml: string): string {
  const path = freePart(parts, 'xl/worksheets', 'sheet');
  setPartText(parts, path, xml);
  addOverride(parts, path, WORKSHEET_TYPE);
  const relId = addRelationship(parts, WORKBOOK, 'worksheet', relativeTarget(WORKBOOK, path));
  const workbook = partText(parts, WORKBOOK) ?? '';
  const open = /<((?:[\w.-]+:)?)sheets(?=[\s>/])[^>]*?(\/?)>/.exec(workbook);
  if (!open) throw new Error('workbook.xml has no <sheets>');
  const prefix = open[1];
  const ids = startTags(workbook, 'sheet').map((a) => Number(a.sheetId)).filter(Number.isFinite);
  // The r: prefix is bound on the workbook root by every writer; bind it here when it is not.
  const rBound = /xmlns:r\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.test(workbook.slice(0, open.index));
  const entry = `<${prefix}sheet name="${encodeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}"${rBound ? '' : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'} r:id="${relId}"/>`;
  const next = open[2] === '/'
    ? workbook.replace(open[0], `<${prefix}sheets>${entry}</${prefix}sheets>`)
    : workbook.replace(`</${prefix}sheets>`, `${entry}</${prefix}sheets>`);
  setPartText(parts, WORKBOOK, next);
  return path;
}

/** Removes a relationship (by Id) from a part's .rels. */
function dropRelationship(parts: XlsxParts, owner: string, id: string): void {
  const path = relsPathOf(owner);
  const xml = partText(parts, path);
  if (xml) setPartText(parts, path, xml.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship(?=\\s)[^>]*\\sId\\s*=\\s*["']${id}["'][^>]*?(?:/>|>\\s*</(?:[\\w.-]+:)?Relationship>)`), ''));
}

/** Removes a part, its .rels and its content type override (the store sees it gone from the parts). */
export function removePart(parts: XlsxParts, path: string): void {
  for (const p of [path, relsPathOf(path)]) delete parts[p];
  const types = partText(parts, '[Content_Types].xml') ?? '';
  setPartText(parts, '[Content_Types].xml', types.replace(new RegExp(`<(?:[\\w.-]+:)?Override(?=\\s)[^>]*PartName\\s*=\\s*["']/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'][^>]*/>`), ''));
}

const ANCHOR = /<((?:[\w.-]+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)(?=[\s>])[\s\S]*?<\/\1\2>/g;

/** The chart ids of the layout, and any ZG_ chart: what counts as ours in a drawing. */
const isOurs = (name: string, ids: ReadonlySet<string>) => ids.has(name) || name.startsWith('ZG_Chart');

/** The names of the charts on a sheet (the drawing objects' cNvPr names). */
export function chartNamesOn(parts: XlsxParts, sheetPath: string): string[] {
  const drawing = relationshipsOf(parts, sheetPath).find((r) => r.type.endsWith('/drawing'));
  if (!drawing) return [];
  return Array.from((partText(parts, drawing.target) ?? '').matchAll(ANCHOR), (m) => startTags(m[0], 'cNvPr')[0]?.name ?? '');
}

/**
 * Puts the layout's charts on the sheet: our charts of an earlier refresh are replaced (their parts
 * reused in order), the user's drawing objects stay. Returns the r:id of the sheet's drawing, or
 * null when the sheet has none and gets no charts.
 */
export function placeCharts(parts: XlsxParts, sheetPath: string, sheet: string, charts: readonly LayoutChart[]): string | null {
  const ids = new Set(charts.map((c) => c.id));
  const rel = relationshipsOf(parts, sheetPath).find((r) => r.type.endsWith('/drawing'));
  if (!rel && charts.length === 0) return null;
  const drawingPath = rel ? rel.target : freePart(parts, 'xl/drawings', 'drawing');
  const hadDrawing = drawingPath in parts;
  const old = rel ? (partText(parts, drawingPath) ?? '') : '';
  const chartRels = new Map(relationshipsOf(parts, drawingPath).map((r) => [r.id, r]));
  const reuse: { id: string; path: string }[] = [];
  const foreign: string[] = [];
  for (const m of old.matchAll(ANCHOR)) {
    const name = startTags(m[0], 'cNvPr')[0]?.name ?? '';
    const chartRel = chartRels.get(startTags(m[0], 'chart')[0]?.['r:id'] ?? '');
    if (isOurs(name, ids) && chartRel) reuse.push({ id: chartRel.id, path: chartRel.target });
    else foreign.push(m[0]);
  }
  if (!rel) parts[drawingPath] = new Uint8Array(); // reserved before chart names are chosen
  const relIds = charts.map((chart, i) => {
    const again = reuse[i];
    const path = again?.path ?? freePart(parts, 'xl/charts', 'chart');
    if (!again) addOverride(parts, path, CHART_TYPE);
    setPartText(parts, path, chartPartXml(chart, sheet));
    return again?.id ?? addRelationship(parts, drawingPath, 'chart', relativeTarget(drawingPath, path));
  });
  for (const gone of reuse.slice(charts.length)) {
    removePart(parts, gone.path);
    dropRelationship(parts, drawingPath, gone.id);
  }
  const ours = drawingPartXml([...charts], relIds);
  if (foreign.length === 0 || !rel) {
    setPartText(parts, drawingPath, ours);
  } else {
    // The user's objects first, as they were; ours after them, numbered past theirs.
    const start = old.search(/<(?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)[\s>]/);
    const end = old.lastIndexOf('</');
    const used = Math.max(1, ...foreign.flatMap((a) => startTags(a, 'cNvPr').map((c) => Number(c.id) || 0)));
    // Excel binds r: on each c:chart rather than on the drawing's root: ours bind it themselves.
    const anchors = (ours.match(/<xdr:twoCellAnchor>[\s\S]*?<\/xdr:twoCellAnchor>/g) ?? []).map((a, i) =>
      a.replace(/<xdr:cNvPr id="\d+"/, `<xdr:cNvPr id="${used + 1 + i}"`).replace('<c:chart ', `<c:chart xmlns:r="${REL}" `),
    );
    setPartText(parts, drawingPath, old.slice(0, start) + foreign.join('') + anchors.join('') + old.slice(end));
  }
  if (rel && hadDrawing) return rel.id;
  addOverride(parts, drawingPath, DRAWING_TYPE);
  if (rel) return rel.id; // a relationship to a drawing part the file lacked: the part is there now
  return addRelationship(parts, sheetPath, 'drawing', relativeTarget(sheetPath, drawingPath));
}
