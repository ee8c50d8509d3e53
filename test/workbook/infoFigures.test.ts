// 通报数字 on 巡察信息, as every store keeps them: read from any grid without throwing, written by
// label so that saving the same figures again changes nothing and never adds a row.
import fc from 'fast-check';
import { mergeFigures, uniqueLabels } from '../../src/ledger/roundFigures';
import type { RoundFigure } from '../../src/ledger/types';
import { afterWrites, FIGURES_HEADER_ROW, planFigureWrites, readFigureBlock, type FigureWrite } from '../../src/workbook/infoFigures';

const label = fc.constantFrom('反馈问题总数', '已完成问题数', '整改完成率', '挽回经济损失', '=SUM(A1)', '约谈谈话人次', ' 制度 ');
const figure = fc.record({ label, value: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), unit: fc.constantFrom('个', '%', '万元', '') });

type Grid = Map<string, unknown>;
const getter = (g: Grid) => (r: number, c: number) => g.get(`${r},${c}`);
function apply(g: Grid, writes: readonly FigureWrite[]): void {
  for (const w of writes) w.values.forEach((v, i) => g.set(`${w.row},${i + 1}`, v));
}
const lastRow = (g: Grid) => Math.max(0, ...[...g.keys()].map((k) => Number(k.split(',')[0])));

describe('通报数字 block', () => {
  it('reads any grid without throwing: finite values, one row per label', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant('通报数字'), label);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 }), cell), { maxLength: 80 }), (cells) => {
        const g: Grid = new Map(cells.map(([r, c, v]) => [`${r},${c}`, v]));
        const block = readFigureBlock(getter(g), lastRow(g));
        expect(block.rows.every((r) => Number.isFinite(r.figure.value) && r.figure.label !== '')).toBe(true);
        expect(new Set(block.rows.map((r) => r.figure.label)).size).toBe(block.rows.length);
      }),
    );
  });

  it('written, read back and saved again: the merged figures, no row added the second time', () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 6 }), fc.array(figure, { maxLength: 6 }), (first, second) => {
        const g: Grid = new Map([[`${FIGURES_HEADER_ROW - 2},1`, '统计截止日期']]);
        let block = readFigureBlock(getter(g), lastRow(g));
        let held: RoundFigure[] = [];
        for (const batch of [first, second, second]) {
          const merged = mergeFigures(held, uniqueLabels(batch));
          const writes = planFigureWrites(block, merged, lastRow(g));
          apply(g, writes);
          block = afterWrites(block, writes);
          const read = readFigureBlock(getter(g), lastRow(g));
          expect(read.rows.map((r) => r.figure)).toEqual(merged.map((f) => ({ ...f, label: f.label.trim() })));
          expect(read.rows).toEqual(block.rows.slice().sort((a, b) => a.row - b.row));
          held = merged;
        }
        // The third save (the second batch again) planned no write at all.
        expect(planFigureWrites(block, mergeFigures(held, uniqueLabels(second)), lastRow(g))).toEqual([]);
      }),
    );
  });

  it('unique labels: the same text gives the same labels, a repeated label is numbered', () => {
    const f = (label: string, value: number) => ({ label, value, unit: '个' });
    expect(uniqueLabels([f('反馈问题总数', 14), f('反馈问题总数', 44), f('已完成问题数', 9), f('反馈问题总数', 18)]).map((x) => x.label)).toEqual([
      '反馈问题总数', '反馈问题总数（2）', '已完成问题数', '反馈问题总数（3）',
    ]);
  });
});
