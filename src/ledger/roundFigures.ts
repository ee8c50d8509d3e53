// 通报数字 of a round (巡察信息): figures found by their label, never by position, so saving an
// import twice updates its rows instead of adding them again, and rows the user typed stay.
import type { RoundFigure } from './types';

/** The 巡察信息 block: a header row with this title in column A, then label · value · unit rows. */
export const FIGURES_TITLE = '通报数字';
export const FIGURES_HEADERS = [FIGURES_TITLE, '数值', '单位'] as const;

/**
 * Labels made unique within one import: a text stating three 反馈问题总数 (镇党委, 村, 贫困村)
 * gives 反馈问题总数, 反馈问题总数（2）, 反馈问题总数（3）. The same text gives the same labels again.
 */
export function uniqueLabels<F extends { label: string; value: number; unit: string }>(figures: readonly F[]): RoundFigure[] {
  const seen = new Map<string, number>();
  return figures.map((f) => {
    const n = (seen.get(f.label) ?? 0) + 1;
    seen.set(f.label, n);
    return { label: n === 1 ? f.label : `${f.label}（${n}）`, value: f.value, unit: f.unit };
  });
}

/** `existing` with `incoming` merged in by label: a known label takes the new value and unit in place; new labels follow. */
export function mergeFigures(existing: readonly RoundFigure[], incoming: readonly RoundFigure[]): RoundFigure[] {
  const out = existing.map((f) => ({ ...f }));
  for (const f of incoming) {
    const label = f.label.trim();
    if (label === '' || !Number.isFinite(f.value)) continue;
    const at = out.findIndex((e) => e.label === label);
    if (at >= 0) out[at] = { label, value: f.value, unit: f.unit };
    else out.push({ label, value: f.value, unit: f.unit });
  }
  return out;
}

/** A figure as shown: "反馈问题总数 42个". */
export function figureText(f: RoundFigure): string {
  return `${f.label} ${f.value}${f.unit}`;
}
