import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import type { LayoutChart } from '../sheetLayout';
import { absoluteRef, cellIndex } from './chartXml';
import { injectCharts, relativeTarget, rootChildren, withDrawingElement } from './charts';
import { partText, relationshipsOf, relsPathOf, startTags, unzipXlsx, worksheets, type XlsxParts } from './package';
import { excelJsInput } from '../../../test/support/excelJs';

// ── A small namespace-aware XML tree (saxes rejects anything not well-formed) ──────────────────
type Node = { local: string; uri: string; attrs: Record<string, string>; children: Node[]; text: string };

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('opentag', (tag) => {
    const attrs = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const node: Node = { local: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => stack.length && (stack[stack.length - 1].text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

const all = (node: Node, local: string): Node[] => [...(node.local === local ? [node] : []), ...node.children.flatMap((c) => all(c, local))];
const child = (node: Node, local: string) => node.children.find((c) => c.local === local);
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

// ── The ECMA-376 sequences the writer must follow (transcribed from the schema, not the writer) ──
const WORKSHEET = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const AXIS_HEAD = ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses|crossesAt'];
const CHART_ORDER: Record<string, string[]> = {
  chartSpace: ['date1904', 'lang', 'roundedCorners', 'style', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  chart: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  plotArea: ['layout', 'pieChart|barChart', 'catAx|valAx', 'dTable', 'spPr', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  pieChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'extLst'],
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  'pieChart/ser': ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  'barChart/ser': ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  dLbls: ['dLbl', 'delete', 'numFmt', 'spPr', 'txPr', 'dLblPos', 'showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize', 'separator', 'showLeaderLines', 'leaderLines', 'extLst'],
  catAx: [...AXIS_HEAD, 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  valAx: [...AXIS_HEAD, 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  tx: ['strRef|v|rich'],
  cat: ['strRef|numRef|strLit|numLit|multiLvlStrRef'],
  val: ['numRef|numLit'],
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
};
const DRAWING_ORDER: Record<string, string[]> = {
  twoCellAnchor: ['from', 'to', 'sp|grpSp|graphicFrame|cxnSp|pic|contentPart', 'clientData'],
  from: ['col', 'colOff', 'row', 'rowOff'],
  to: ['col', 'colOff', 'row', 'rowOff'],
  graphicFrame: ['nvGraphicFramePr', 'xfrm', 'graphic', 'extLst'],
  nvGraphicFramePr: ['cNvPr', 'cNvGraphicFramePr'],
};

/** Every child of every ordered element is known and in schema order; returns the violations. */
function orderViolations(node: Node, orders: Record<string, string[]>, parent = ''): string[] {
  const order = orders[`${parent}/${node.local}`] ?? orders[node.local];
  const out: string[] = [];
  if (order) {
    const rank = (name: string) => order.findIndex((entry) => entry.split('|').includes(name));
    let last = -1;
    for (const c of node.children) {
      const r = rank(c.local);
      if (r < 0) out.push(`${node.local} has unexpected ${c.local}`);
      else if (r < last) out.push(`${node.local}: ${c.local} comes after ${order[last]}`);
      last = Math.max(last, r);
    }
  }
  return [...out, ...node.children.flatMap((c) => orderViolations(c, orders, node.local))];
}

// ── Fixtures ────────────────────────────────────────────────────────────────────────────────
const STATS = '整改统计';
const OTHER = "O'Brien 表";

const charts: LayoutChart[] = [
  { id: 'ZG_Chart_Status', kind: 'pie', title: '整改状态', categories: 'A20:A23', series: [{ name: '措施数', values: 'B20:B23' }], from: 'H2', to: 'O18' },
  {
    id: 'ZG_Chart_Unit', kind: 'barStacked', title: '各责任单位完成情况', categories: 'A30:A34',
    series: [{ name: '已完成', values: 'B30:B34' }, { name: '未完成', values: 'C30:C34' }], from: 'H20', to: 'O36', majorUnit: 2,
  },
  { id: 'ZG_Chart_Cat', kind: 'barClustered', title: '按问题类别', categories: 'A40:A42', series: [{ name: '完成率', values: 'D40:D42' }], from: 'H38', to: 'O54' },
];
const otherChart: LayoutChart = { id: 'ZG_Chart_Other', kind: 'columnClustered', title: 'A & B <c>', categories: 'A2:A4', series: [{ name: 'x"y', values: 'B2:B4' }], from: 'D1', to: 'J12' };

const sheetPathIn = (p: XlsxParts, name: string) => worksheets(p).find((s) => s.name === name)!.path;

async function template(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const stats = wb.addWorksheet(STATS);
  stats.getCell('A1').value = '整改统计';
  stats.addTable({ name: 'T_Stats', ref: 'A60', columns: [{ name: '列' }], rows: [[1]] }); // tableParts must stay last
  stats.addConditionalFormatting({ ref: 'B20:B23', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: {} }] });
  stats.pageSetup = { orientation: 'landscape' };
  const other = wb.addWorksheet(OTHER);
  other.getCell('A2').value = 'a';
  wb.addWorksheet('无图表').getCell('A1').value = 1;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('injectCharts', () => {
  let before: XlsxParts;
  let parts: XlsxParts;
  let bytes: Uint8Array;
  const sheetPath = (name: string) => worksheets(parts).find((s) => s.name === name)!.path;
  const drawingOf = (name: string) => relationshipsOf(parts, sheetPath(name)).find((r) => r.type.endsWith('/drawing'))!.target;
  const chartPartsOf = (drawing: string) => relationshipsOf(parts, drawing).filter((r) => r.type.endsWith('/chart')).map((r) => r.target);

  beforeAll(async () => {
    const original = await template();
    before = unzipXlsx(original);
    bytes = injectCharts(original, [{ sheet: STATS, charts }, { sheet: OTHER, charts: [otherChart] }, { sheet: '无图表', charts: [] }]);
    parts = unzipXlsx(bytes);
  });

  test('adds one drawing per sheet with charts and one chart part per chart, all well-formed', () => {
    const added = Object.keys(parts).filter((p) => !(p in before)).sort();
    expect(added).toEqual([
      'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml',
      'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing2.xml.rels', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml',
      // ExcelJS writes no .rels for a sheet without tables or links: the drawing's is the first.
      ...[relsPathOf(sheetPathIn(before, OTHER))].filter((rels) => !before[rels]),
    ].sort());
    for (const path of Object.keys(parts).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect(() => parse(partText(parts, path)!)).not.toThrow();
    }
    expect(relationshipsOf(parts, sheetPath('无图表'))).toEqual(relationshipsOf(before, sheetPathIn(before, '无图表')));
  });

  test('content types: an Override of the right type for every drawing and chart part, and no dangling one', () => {
    const overrides = new Map(startTags(partText(parts, '[Content_Types].xml')!, 'Override').map((a) => [a.PartName.slice(1), a.ContentType]));
    for (const path of Object.keys(parts)) {
      if (/^xl\/drawings\/[^/]+\.xml$/.test(path)) expect(overrides.get(path)).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
      if (/^xl\/charts\/[^/]+\.xml$/.test(path)) expect(overrides.get(path)).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    }
    for (const path of overrides.keys()) expect(parts[path]).toBeDefined();
  });

  test('relationships: sheet → drawing → charts resolve to parts, every drawing r:id is declared', () => {
    for (const [sheet, count] of [[STATS, 3], [OTHER, 1]] as const) {
      const drawing = drawingOf(sheet);
      expect(parts[drawing]).toBeDefined();
      const rels = relationshipsOf(parts, drawing);
      const ids = all(parse(partText(parts, drawing)!), 'chart').map((n) => n.attrs['r:id']);
      expect(ids).toHaveLength(count);
      for (const id of ids) expect(parts[rels.find((r) => r.id === id)!.target]).toBeDefined();
      const sheetXml = parse(partText(parts, sheetPath(sheet))!);
      const drawingEl = sheetXml.children.filter((c) => c.local === 'drawing');
      expect(drawingEl).toHaveLength(1);
      expect(relationshipsOf(parts, sheetPath(sheet)).find((r) => r.id === drawingEl[0].attrs['r:id'])?.target).toBe(drawing);
    }
    // The relationships ExcelJS wrote (the table) are kept, Ids stay unique.
    const statsRels = relationshipsOf(parts, sheetPath(STATS));
    expect(statsRels.some((r) => r.type.endsWith('/table'))).toBe(true);
    expect(new Set(statsRels.map((r) => r.id)).size).toBe(statsRels.length);
  });

  test('worksheet children stay in CT_Worksheet order, with <drawing> before <tableParts>', () => {
    for (const sheet of [STATS, OTHER]) {
      const names = parse(partText(parts, sheetPath(sheet))!).children.map((c) => c.local);
      const ranks = names.map((n) => WORKSHEET.indexOf(n));
      expect(ranks).not.toContain(-1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const statsNames = parse(partText(parts, sheetPath(STATS))!).children.map((c) => c.local);
    expect(statsNames.slice(-2)).toEqual(['drawing', 'tableParts']);
  });

  test('anchors cover the layout boxes inclusively and carry the chart ids as names', () => {
    const wsDr = parse(partText(parts, drawingOf(STATS))!);
    const anchors = all(wsDr, 'twoCellAnchor');
    const at = (n: Node) => ['col', 'row'].map((k) => Number(child(n, k)!.text));
    expect(anchors.map((a) => [at(child(a, 'from')!), at(child(a, 'to')!)])).toEqual([
      [[7, 1], [15, 18]], // H2 … O18 → the anchor ends where P19 starts
      [[7, 19], [15, 36]],
      [[7, 37], [15, 54]],
    ]);
    expect(all(wsDr, 'cNvPr').map((n) => n.attrs.name)).toEqual(charts.map((c) => c.id));
    expect(new Set(all(wsDr, 'cNvPr').map((n) => n.attrs.id)).size).toBe(3);
    expect(orderViolations(wsDr, DRAWING_ORDER)).toEqual([]);
  });

  test('chart parts: kind, title, series names and quoted absolute references as in the layout', () => {
    const chartPaths = chartPartsOf(drawingOf(STATS));
    const trees = chartPaths.map((p) => parse(partText(parts, p)!));
    trees.forEach((tree, i) => {
      const layout = charts[i];
      expect(tree.uri).toBe(C);
      expect(all(tree, 't').map((t) => t.text).join('')).toBe(layout.title);
      const ser = all(tree, 'ser');
      expect(ser.map((s) => child(child(s, 'tx')!, 'v')!.text)).toEqual(layout.series.map((s) => s.name));
      expect(ser.map((s) => all(child(s, 'cat')!, 'f')[0].text)).toEqual(layout.series.map(() => absoluteRef(STATS, layout.categories)));
      expect(ser.map((s) => all(child(s, 'val')!, 'f')[0].text)).toEqual(layout.series.map((s) => absoluteRef(STATS, s.values)));
    });
    expect(all(trees[0], 'f')[0].text).toBe("'整改统计'!$A$20:$A$23");

    const pie = all(trees[0], 'pieChart')[0];
    expect(child(pie, 'varyColors')!.attrs.val).toBe('1');
    expect(all(trees[0], 'catAx')).toHaveLength(0);
    const attr = (tree: Node, local: string) => all(tree, local)[0]?.attrs.val;
    expect(['barDir', 'grouping', 'overlap'].map((k) => attr(trees[1], k))).toEqual(['bar', 'stacked', '100']);
    expect(['barDir', 'grouping'].map((k) => attr(trees[2], k))).toEqual(['bar', 'clustered']);
    const column = parse(partText(parts, chartPartsOf(drawingOf(OTHER))[0])!);
    expect(['barDir', 'grouping'].map((k) => attr(column, k))).toEqual(['col', 'clustered']);
    expect(all(column, 'f')[0].text).toBe("'O''Brien 表'!$A$2:$A$4");
    expect(all(column, 't')[0].text).toBe('A & B <c>');
  });

  test('chart parts follow the ECMA-376 element order; bar charts have two axes that cross each other', () => {
    for (const path of Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))) {
      const tree = parse(partText(parts, path)!);
      expect(orderViolations(tree, CHART_ORDER)).toEqual([]);
      const bar = all(tree, 'barChart')[0];
      if (!bar) continue;
      const axIds = bar.children.filter((c) => c.local === 'axId').map((c) => c.attrs.val);
      expect(axIds).toHaveLength(2);
      const axes = [...all(tree, 'catAx'), ...all(tree, 'valAx')];
      expect(axes.map((a) => child(a, 'axId')!.attrs.val).sort()).toEqual([...axIds].sort());
      for (const a of axes) {
        expect(axIds).toContain(child(a, 'crossAx')!.attrs.val);
        expect(child(a, 'crossAx')!.attrs.val).not.toBe(child(a, 'axId')!.attrs.val);
        for (const required of ['scaling', 'axPos']) expect(child(a, required)).toBeDefined();
      }
    }
  });

  test('count axes step by the layout’s whole number; category labels are unrotated, so LibreOffice wraps rather than hides them', () => {
    const trees = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => parse(partText(parts, p)!));
    const steps = trees.flatMap((t) => all(t, 'valAx').map((a) => child(a, 'majorUnit')?.attrs.val ?? null));
    expect(steps.sort()).toEqual(['2', null, null]);
    for (const t of trees) for (const ax of all(t, 'catAx')) expect(all(ax, 'bodyPr')[0].attrs.rot).toBe('0');
  });

  test('ExcelJS still loads the file, with its sheets, table and values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excelJsInput(bytes));
    expect(wb.worksheets.map((w) => w.name)).toEqual([STATS, OTHER, '无图表']);
    expect(wb.getWorksheet(STATS)!.getCell('A1').value).toBe('整改统计');
    expect(wb.getWorksheet(OTHER)!.getCell('A2').value).toBe('a');
  });

  test('misuse throws: a sheet that has a drawing, an unknown sheet, a reused id, bad boxes and ranges', () => {
    const again = (list: Parameters<typeof injectCharts>[1]) => () => injectCharts(bytes, list);
    const fresh = { ...otherChart, id: 'ZG_New' };
    expect(again([{ sheet: STATS, charts: [fresh] }])).toThrow(/already has a <drawing>/);
    expect(again([{ sheet: '不存在', charts: [fresh] }])).toThrow(/no worksheet named '不存在'/);
    expect(again([{ sheet: '无图表', charts: [{ ...fresh, id: 'ZG_Chart_Status' }] }])).toThrow(/used twice/);
    expect(again([{ sheet: '无图表', charts: [fresh, fresh] }])).toThrow(/used twice/);
    expect(again([{ sheet: '无图表', charts: [fresh] }, { sheet: '无图表', charts: [] }])).toThrow(/listed twice/);
    expect(again([{ sheet: '无图表', charts: [{ ...fresh, from: 'J12', to: 'D1' }] }])).toThrow(/above or left/);
    expect(again([{ sheet: '无图表', charts: [{ ...fresh, series: [] }] }])).toThrow(/no series/);
    for (const bad of ['h2', 'A0', 'XFE1', 'A1:B2:C3', '', 'A1048577']) {
      expect(again([{ sheet: '无图表', charts: [{ ...fresh, categories: bad }] }])).toThrow();
    }
    expect(() => injectCharts(new Uint8Array([1, 2, 3]), [])).toThrow();
  });
});

describe('the worksheet XML edit', () => {
  test('skips nested elements named like top-level ones and binds r: when the root does not', () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData/><x:conditionalFormatting sqref="A1"><x:cfRule type="dataBar" priority="1"><x:extLst><x:ext uri="a>b"/></x:extLst></x:cfRule></x:conditionalFormatting>' +
      '<!-- <x:tableParts/> --><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<x:legacyDrawing r:id="rId9" xmlns:r="urn:other"/><x:extLst/></x:worksheet>';
    const out = withDrawingElement(xml, 'rId3');
    const tree = parse(out);
    expect(tree.children.map((c) => c.local)).toEqual(['sheetData', 'conditionalFormatting', 'pageMargins', 'drawing', 'legacyDrawing', 'extLst']);
    const drawing = tree.children[3];
    expect(drawing.uri).toBe('http://schemas.openxmlformats.org/spreadsheetml/2006/main');
    expect(out).toContain('<x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId3"/>');
    expect(rootChildren(xml).children.map((c) => c.name)).toEqual(['sheetData', 'conditionalFormatting', 'pageMargins', 'legacyDrawing', 'extLst']);
  });

  test('appends before the end tag when nothing after <drawing> is present', () => {
    const xml = '<worksheet xmlns="m" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';
    expect(withDrawingElement(xml, 'rId1')).toBe(xml.replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>'));
  });

  test('relationship targets are relative to the owner part', () => {
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml')).toBe('../drawings/drawing1.xml');
    expect(relativeTarget('xl/drawings/drawing2.xml', 'xl/charts/chart5.xml')).toBe('../charts/chart5.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/drawings/drawing1.xml')).toBe('drawings/drawing1.xml');
  });

  test('cell addresses map to zero-based anchor indices', () => {
    expect(cellIndex('A1')).toEqual({ col: 0, row: 0 });
    expect(cellIndex('$AA$10')).toEqual({ col: 26, row: 9 });
    expect(cellIndex('XFD1048576')).toEqual({ col: 16383, row: 1048575 });
  });

  test('any sheet name survives quoting in a chart reference', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (sheet) => {
        const m = /^'((?:[^']|'')*)'!\$A\$1:\$B\$2$/.exec(absoluteRef(sheet, 'A1:B2'));
        expect(m).not.toBeNull();
        expect(m![1].replace(/''/g, "'")).toBe(sheet);
      }),
    );
  });
});
