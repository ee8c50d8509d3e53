// The DrawingML parts of a native chart: the chart part (c:chartSpace) and the sheet's drawing
// part (xdr:wsDr) that anchors it to cells. Element order follows the ECMA-376 schema sequences
// (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_PieChart, CT_BarChart, CT_PieSer/CT_BarSer, CT_CatAx,
// CT_ValAx, CT_Legend): Excel "repairs" (drops) a chart whose children are out of order, while
// LibreOffice quietly accepts almost anything, so only the order protects the Excel recipient.
// No c:strCache/c:numCache: the dashboard's numbers exist only after a recalculation, and Excel,
// WPS and LibreOffice read the series from the cells when they open the file.
import type { ChartKind, LayoutChart } from '../sheetLayout';
import { encodeXml } from './package';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** 'H2' → zero-based column 7 and row 1, as xdr:from/xdr:to count. Throws on anything else (misuse). */
export function cellIndex(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m || Number(m[2]) < 1) throw new Error(`not an A1 cell address: '${address}'`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (col > 16383 || Number(m[2]) > 1048576) throw new Error(`cell address outside a worksheet: '${address}'`);
  return { col, row: Number(m[2]) - 1 };
}

/** `'整改统计'!$A$20:$A$29` from the sheet name and 'A20:A29': quoted and absolute, as c:f wants. */
export function absoluteRef(sheet: string, range: string): string {
  const ends = range.split(':');
  if (ends.length > 2) throw new Error(`not an A1 range: '${range}'`);
  const absolute = ends.map((end) => {
    cellIndex(end);
    return end.replace(/\$/g, '').replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  });
  return `'${sheet.replace(/'/g, "''")}'!${absolute.join(':')}`;
}

const bool = (name: string, on: boolean) => `<c:${name} val="${on ? 1 : 0}"/>`;

function title(text: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${encodeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${bool('overlay', false)}</c:title>`
  );
}

/** CT_PieSer and CT_BarSer share the prefix idx, order, tx and the suffix cat, val. */
function series(chart: LayoutChart, sheet: string): string {
  return chart.series
    .map((s, i) => {
      const between = chart.kind === 'pie' ? '' : bool('invertIfNegative', false);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx>${between}` +
        `<c:cat><c:strRef><c:f>${encodeXml(absoluteRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${encodeXml(absoluteRef(sheet, s.values))}</c:f></c:numRef></c:val></c:ser>`
      );
    })
    .join('');
}

/** Counts on the slices: a status breakdown is read as numbers, not only as angles. */
const PIE_LABELS =
  '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
  '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>';

const BAR_SHAPE: Record<Exclude<ChartKind, 'pie'>, { dir: 'bar' | 'col'; grouping: 'stacked' | 'clustered'; overlap: number }> = {
  barStacked: { dir: 'bar', grouping: 'stacked', overlap: 100 },
  barClustered: { dir: 'bar', grouping: 'clustered', overlap: 0 },
  columnClustered: { dir: 'col', grouping: 'clustered', overlap: 0 },
};

/**
 * 9 pt category labels: long 问题类别 names and a dozen 责任单位 must fit beside the bars. An explicit
 * rotation of 0 is what makes LibreOffice wrap a long label onto several lines and never hide one
 * that would overlap its neighbour (oox axisconverter: TextBreak and TextOverlap follow rot="0");
 * without it, it showed 2 of 4 问题类别. Excel and WPS wrap category labels by themselves.
 */
const SMALL_TEXT = '<c:txPr><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>';

const CAT_AX = 510001;
const VAL_AX = 510002;

function axes(dir: 'bar' | 'col', majorUnit: number | undefined): string {
  // Horizontal bars list categories bottom-up by default; reversing the category axis shows them in
  // sheet order, top-down, and `crosses max` keeps the value axis at the bottom after the flip.
  const horizontal = dir === 'bar';
  const ticks = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `${bool('delete', false)}<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>${ticks}` +
    `${SMALL_TEXT}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>${bool('auto', true)}<c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    // Every category labelled: left to itself, a renderer drops every other 责任单位 when they crowd.
    `<c:tickLblSkip val="1"/>${bool('noMultiLvlLbl', false)}</c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>${bool('delete', false)}` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>${ticks}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    // Counts step by whole numbers: left alone, every renderer steps a small axis by 0.5.
    `${majorUnit === undefined ? '' : `<c:majorUnit val="${majorUnit}"/>`}</c:valAx>`;
  return catAx + valAx;
}

function plot(chart: LayoutChart, sheet: string): string {
  if (chart.kind === 'pie') {
    return `<c:pieChart>${bool('varyColors', true)}${series(chart, sheet)}${PIE_LABELS}<c:firstSliceAng val="0"/></c:pieChart>`;
  }
  const shape = BAR_SHAPE[chart.kind];
  return (
    `<c:barChart><c:barDir val="${shape.dir}"/><c:grouping val="${shape.grouping}"/>${bool('varyColors', false)}` +
    `${series(chart, sheet)}<c:gapWidth val="80"/><c:overlap val="${shape.overlap}"/>` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>${axes(shape.dir, chart.majorUnit)}`
  );
}

/** The chart part (xl/charts/chartN.xml) of one layout chart whose ranges are on `sheet`. */
export function chartPartXml(chart: LayoutChart, sheet: string): string {
  if (chart.series.length === 0) throw new Error(`chart ${chart.id} has no series`);
  if (!(chart.kind === 'pie' || chart.kind in BAR_SHAPE)) throw new Error(`unknown chart kind '${String(chart.kind)}'`);
  const legendPos = chart.kind === 'pie' ? 'r' : 'b';
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${bool('date1904', false)}<c:lang val="zh-CN"/>${bool('roundedCorners', false)}` +
    `<c:chart>${title(chart.title)}${bool('autoTitleDeleted', false)}<c:plotArea><c:layout/>${plot(chart, sheet)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${legendPos}"/>${bool('overlay', false)}</c:legend>` +
    `${bool('plotVisOnly', true)}<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part of one sheet: a two-cell anchor per chart, covering the box from `from` to
 * `to` inclusive (the anchor's far edge is the start of the cell after `to`), so the chart moves
 * and resizes with its cells. `relIds[i]` is the drawing's relationship to chart i.
 */
export function drawingPartXml(charts: LayoutChart[], relIds: string[]): string {
  const anchors = charts.map((chart, i) => {
    const from = cellIndex(chart.from);
    const to = cellIndex(chart.to);
    if (to.col < from.col || to.row < from.row) throw new Error(`chart ${chart.id}: '${chart.to}' is above or left of '${chart.from}'`);
    const marker = (tag: 'from' | 'to', col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${marker('from', from.col, from.row)}${marker('to', to.col + 1, to.row + 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${encodeXml(chart.id)}"/>` +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${encodeXml(relIds[i])}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}
