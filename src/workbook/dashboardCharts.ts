// The charts of 整改统计: what each shows and where it goes. A chart made for a ledger plots the list
// rows that hold a value (the placeholder rows kept for a template filled in by hand would be blank
// bars) and steps its count axis by a whole number fitted to the tallest bar (left alone, Excel,
// WPS and LibreOffice step a small axis by 0.5). A blank template's charts cover every row.
import type { Ledger } from '../ledger/types';
import type { ListCells } from './dashboard';
import type { LayoutChart } from './sheetLayout';

/** Per list: how many distinct values it has and how tall its tallest bar is (items of one value). */
export type ListFit = { values: number; peak: number };
export type ChartFit = { categories: ListFit; units: ListFit };

function listFit(keys: readonly string[]): ListFit {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== '') counts.set(k, (counts.get(k) ?? 0) + 1);
  return { values: counts.size, peak: Math.max(0, ...counts.values()) };
}

/** The chart fit of a ledger: 问题类别 over problems (with a 问题编号), 责任单位 over measures (with a 措施编号). */
export function chartFit(ledger: Ledger): ChartFit {
  return {
    categories: listFit(ledger.problems.filter((p) => p.id !== '').map((p) => p.category)),
    units: listFit(ledger.measures.filter((m) => m.id !== '').map((m) => m.unit)),
  };
}

/** A whole-number axis step for counts up to `peak`: 1, 2, 5, 10, 20, 50 … with at most 8 steps. */
export function countStep(peak: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (peak <= step * magnitude * 8) return step * magnitude;
  }
}

/** 已完成 and 未完成 stacked, one bar per listed value (columns C and D of a list section). */
export function completionChart(id: string, title: string, list: ListCells, fit?: ListFit): Omit<LayoutChart, 'from' | 'to'> {
  const shown = fit && fit.values > 0 ? Math.min(fit.values, list.slots.length) : list.slots.length;
  const first = list.slots[0];
  const last = list.slots[shown - 1];
  const range = (i: number) => `${first.values[i]}:${last.values[i]}`;
  return {
    id, kind: 'barStacked', title, categories: `${first.label}:${last.label}`,
    series: [{ name: '已完成', values: range(1) }, { name: '未完成', values: range(2) }],
    ...(fit && fit.peak > 0 ? { majorUnit: countStep(fit.peak) } : {}),
  };
}

const CHART_LEFT = 'I';
const CHART_RIGHT = 'Q';

/** Charts stacked right of the tables, each at its section or below the one before, never overlapping. */
export function placeCharts(wanted: readonly { top: number; height: number; chart: Omit<LayoutChart, 'from' | 'to'> }[]): LayoutChart[] {
  let free = 1;
  return wanted.map(({ top, height, chart }) => {
    const from = Math.max(top, free);
    const to = from + height - 1;
    free = to + 2;
    return { ...chart, from: `${CHART_LEFT}${from}`, to: `${CHART_RIGHT}${to}` };
  });
}
