// Charts of the fake object model (see fakeExcel.ts): worksheet.charts.add with seriesBy Columns,
// names, titles, series values and category ranges, positions and delete — what excelLayout uses.
import type { FakeContext, FakeRange } from './fakeContext';
import { a1, type FakeChart, type FakeSheet } from './fakeExcel';
import { Loadable } from './fakeLoadable';

/** worksheet.charts: add, getItem, and items after a load (also through the worksheets' load path). */
export class FakeChartCollection extends Loadable {
  constructor(ctx: FakeContext, readonly sheet: FakeSheet) {
    super(ctx);
  }
  protected override snapshot() {
    return { items: () => this.sheet.charts.map((c) => new FakeChartProxy(this.ctx, this.sheet, c).prime({ name: c.name })) };
  }
  get items(): FakeChartProxy[] {
    return this.read('items');
  }
  /** Like Excel with seriesBy Columns: one series per column of the source range, named after nothing yet. */
  add(type: string, source: FakeRange, seriesBy: string) {
    if (source.box.sheet !== this.sheet) return this.ctx.fail('InvalidArgument', 'source data on another sheet');
    if (seriesBy !== 'Columns') throw new Error(`fake Excel: seriesBy ${seriesBy} not modelled`);
    const { r, c, rows, cols } = source.box;
    const chart: FakeChart = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type,
      title: '',
      series: Array.from({ length: cols }, (_, j) => ({ name: '', values: `${a1(r, c + j)}:${a1(r + rows - 1, c + j)}` })),
    };
    this.sheet.charts.push(chart);
    return new FakeChartProxy(this.ctx, this.sheet, chart);
  }
  getItem(name: string) {
    const chart = this.sheet.charts.find((c) => c.name === name);
    return chart ? new FakeChartProxy(this.ctx, this.sheet, chart) : this.ctx.fail('ItemNotFound', `no chart ${name}`);
  }
}

function rangeAddress(range: FakeRange, sheet: FakeSheet): string {
  const { r, c, rows, cols } = range.box;
  if (range.box.sheet !== sheet) throw new Error('fake Excel: a chart range on another sheet');
  return `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`;
}

export class FakeChartProxy extends Loadable {
  constructor(ctx: FakeContext, readonly sheet: FakeSheet, readonly chart: FakeChart) {
    super(ctx);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.chart.name = v;
  }
  get title() {
    const chart = this.chart;
    return { set text(v: string) { chart.title = v; } };
  }
  get axes() {
    const chart = this.chart;
    return { valueAxis: { set majorUnit(v: number) { chart.majorUnit = v; } } };
  }
  get legend() {
    return { set position(_v: string) {}, set visible(_v: boolean) {} };
  }
  get series() {
    const { chart, sheet } = this;
    const item = (s: FakeChart['series'][number]) => ({
      set name(v: string) { s.name = v; },
      setValues: (range: FakeRange) => void (s.values = rangeAddress(range, sheet)),
      setXAxisValues: (range: FakeRange) => void (s.xValues = rangeAddress(range, sheet)),
    });
    return {
      getItemAt: (i: number) => (chart.series[i] ? item(chart.series[i]) : this.ctx.fail('ItemNotFound', `no series ${i}`)),
      add: (name: string) => {
        const s = { name, values: '' };
        chart.series.push(s);
        return item(s);
      },
    };
  }
  setPosition(from: string, to?: string) {
    this.chart.from = from;
    this.chart.to = to;
  }
  delete() {
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.chart);
  }
}
