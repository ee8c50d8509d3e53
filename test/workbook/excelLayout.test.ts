// Rendering a SheetLayout through Office.js (src/workbook/excelLayout.ts) against the fake object
// model: one write batch, the formulas and formats of the layout, charts, refresh in place, and a
// same-named sheet that is not ours left alone.
import fc from 'fast-check';
import { cellPosition, layoutGrid, queueLayoutLoad, queueLayoutWrite, type LayoutPlacement } from '../../src/workbook/excelLayout';
import { styleRowHeight, type SheetLayout } from '../../src/workbook/sheetLayout';
import { FakeContext } from './fakeContext';
import { createExcelMock, FakeModel, FakeSheet } from './fakeExcel';

const MARKER = 'ZG_Dashboard';

const LAYOUT: SheetLayout = {
  sheet: '整改统计',
  widths: [20, 10, 10],
  frozenRows: 2,
  cells: [
    { address: 'A1', value: '整改统计', style: 'title' },
    { address: 'A2', value: '统计截止日期', style: 'label' },
    { address: 'B2', value: '=IF(ZG_AsOf="",TODAY(),ZG_AsOf)', format: 'yyyy-mm-dd', style: 'value' },
    { address: 'A4', value: '整改状态', style: 'header' },
    { address: 'B4', value: '措施数', style: 'header' },
    { address: 'C4', value: '占比', style: 'header' },
    { address: 'A5', value: '已完成', style: 'label' },
    { address: 'B5', value: '=COUNTIFS(ZG_Measures[整改状态],A5)', format: '0' },
    { address: 'C5', value: '=SUMPRODUCT((ZG_Measures[整改状态]=A5)*1)/ROWS(ZG_Measures[整改状态])', array: true, format: '0.0%' },
    { address: 'A6', value: '+1/-1 @单位', style: 'label' },
    { address: 'B6', value: 7, format: '0' },
    { address: 'A7', value: '001', style: 'total' },
  ],
  charts: [
    {
      id: 'ZG_Chart_Status',
      kind: 'pie',
      title: '整改状态分布',
      categories: 'A5:A6',
      series: [{ name: '措施数', values: 'B5:B6' }],
      from: 'E2',
      to: 'K16',
    },
    {
      id: 'ZG_Chart_Units',
      kind: 'barStacked',
      title: '各责任单位整改情况',
      categories: 'A5:A7',
      series: [
        { name: '已完成', values: 'B5:B7' },
        { name: '未完成', values: 'C5:C7' },
      ],
      from: 'E18',
      to: 'K32',
    },
  ],
};

function setup(model = new FakeModel()) {
  const excel = createExcelMock(() => new FakeContext(model));
  /** One Excel.run as excelDashboard does it: load, sync, write, sync. */
  const render = async (layout: SheetLayout = LAYOUT): Promise<{ placement: LayoutPlacement; syncs: number }> => {
    const before = model.syncs;
    const placement = await excel.run<LayoutPlacement>(async (context: Excel.RequestContext) => {
      const load = queueLayoutLoad(context);
      await context.sync();
      const placed = queueLayoutWrite(context, load, layout, MARKER);
      await context.sync();
      return placed;
    });
    return { placement, syncs: model.syncs - before };
  };
  return { model, render };
}

const at = (sheet: FakeSheet, address: string) => {
  const { row, col } = cellPosition(address);
  return sheet.peek(row, col);
};

describe('layoutGrid (pure)', () => {
  test('one rectangle from the top-left cell: formulas as given, user text protected, formats and style runs', () => {
    const grid = layoutGrid(LAYOUT)!;
    expect([grid.top, grid.left, grid.formulas.length, grid.formulas[0].length]).toEqual([0, 0, 7, 3]);
    expect(grid.formulas[4]).toEqual(['已完成', '=COUNTIFS(ZG_Measures[整改状态],A5)', LAYOUT.cells[8].value]);
    // A constant that Excel would parse (a sign, an @, a number) stays text; only '=' marks a formula.
    expect(grid.formulas[5][0]).toBe("'+1/-1 @单位");
    expect(grid.formulas[6][0]).toBe("'001");
    expect(grid.formulas[5][1]).toBe(7);
    expect(grid.formulas[2]).toEqual(['', '', '']);
    expect(grid.numberFormats[1]).toEqual(['General', 'yyyy-mm-dd', 'General']);
    expect(grid.numberFormats[4]).toEqual(['General', '0', '0.0%']);
    expect(grid.styled).toEqual([
      { address: 'A1', style: 'title' },
      { address: 'A2', style: 'label' },
      { address: 'B2', style: 'value' },
      { address: 'A4:C4', style: 'header' },
      { address: 'A5', style: 'label' },
      { address: 'A6', style: 'label' },
      { address: 'A7', style: 'total' },
    ]);
  });

  test('a layout that starts lower right is written from its own top-left', () => {
    const grid = layoutGrid({ ...LAYOUT, cells: [{ address: 'C3', value: 'x' }, { address: 'D5', value: 1 }] })!;
    expect([grid.top, grid.left]).toEqual([2, 2]);
    expect(grid.formulas).toEqual([['x', ''], ['', ''], ['', 1]]);
  });

  test('any constant text reads back as that text (no formula, no number); cells marked text even when they start with =', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.boolean(), (text, named) => {
        const value = named || !text.startsWith('=') ? text : `x${text}`;
        const grid = layoutGrid({ ...LAYOUT, cells: [{ address: 'B2', value, ...(named ? { text: true } : {}) }], charts: [] })!;
        const sheet = new FakeSheet('t');
        sheet.input(0, 0, grid.formulas[0][0]);
        expect([sheet.peek(0, 0)?.v, sheet.peek(0, 0)?.f]).toEqual([value, undefined]);
      }),
    );
  });

  test('keepInputs: an input cell is null in both matrices (Office.js leaves it as it is); without it, written like any cell', () => {
    const cells: SheetLayout['cells'] = [...LAYOUT.cells, { address: 'C2', value: '', format: 'yyyy-mm-dd', input: true }];
    const fresh = layoutGrid({ ...LAYOUT, cells })!;
    expect([fresh.formulas[1][2], fresh.numberFormats[1][2]]).toEqual(['', 'yyyy-mm-dd']);
    const kept = layoutGrid({ ...LAYOUT, cells }, { keepInputs: true })!;
    expect([kept.formulas[1][2], kept.numberFormats[1][2]]).toEqual([null, null]);
    expect(kept.formulas[1].slice(0, 2)).toEqual(fresh.formulas[1].slice(0, 2));
  });

  test('cellPosition reads A1 addresses and refuses anything else', () => {
    expect(cellPosition('A1')).toEqual({ row: 0, col: 0 });
    expect(cellPosition('$AB$12')).toEqual({ row: 11, col: 27 });
    expect(() => cellPosition('A1:B2')).toThrow();
  });
});

describe('queueLayoutWrite (Office.js)', () => {
  test('a new workbook gets the sheet in two syncs: formulas, formats, styles, widths, frozen rows, charts, marker', async () => {
    const { model, render } = setup();
    const { placement, syncs } = await render();
    expect(syncs).toBe(2);
    expect(placement).toEqual({ sheet: '整改统计', created: true, renamedFrom: null });
    const sheet = model.sheet('整改统计')!;
    for (const cell of LAYOUT.cells) {
      const written = at(sheet, cell.address)!;
      if (typeof cell.value === 'string' && cell.value.startsWith('=')) expect(written.f).toBe(cell.value);
      else expect([written.f, written.v]).toEqual([undefined, cell.value]);
      expect(written.nf).toBe(cell.format ?? 'General');
    }
    expect([at(sheet, 'A6')?.v, at(sheet, 'A6')?.f]).toEqual(['+1/-1 @单位', undefined]); // text, not a formula
    expect([at(sheet, 'A7')?.v, at(sheet, 'A7')?.f]).toEqual(['001', undefined]); // text, not the number 1
    expect(at(sheet, 'A1')).toMatchObject({ bold: true, size: 16 });
    expect(at(sheet, 'C4')).toMatchObject({ bold: true, fill: '#DDEBF7' });
    expect(at(sheet, 'B5')?.bold).toBeUndefined();
    expect([...sheet.widths.entries()].sort()).toEqual([[0, 117], [1, 61], [2, 61]]);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.charts).toEqual([
      { name: 'ZG_Chart_Status', type: 'Pie', title: '整改状态分布', series: [{ name: '措施数', values: 'B5:B6', xValues: 'A5:A6' }], from: 'E2', to: 'K16' },
      {
        name: 'ZG_Chart_Units',
        type: 'BarStacked',
        title: '各责任单位整改情况',
        series: [
          { name: '已完成', values: 'B5:B7', xValues: 'A5:A7' },
          { name: '未完成', values: 'C5:C7', xValues: 'A5:A7' },
        ],
        from: 'E18',
        to: 'K32',
      },
    ]);
    expect(model.names.get(MARKER)).toEqual({ sheet, r: 0, c: 0 });
    expect(model.active).toBe('整改统计');
  });

  test('refresh rewrites our sheet in place: no second sheet, no duplicated chart, stale cells gone', async () => {
    const { model, render } = setup();
    await render();
    const sheet = model.sheet('整改统计')!;
    sheet.input(30, 0, '旧数据');
    const smaller: SheetLayout = { ...LAYOUT, cells: LAYOUT.cells.slice(0, 6), charts: LAYOUT.charts.slice(0, 1) };
    const { placement, syncs } = await render(smaller);
    expect(syncs).toBe(2);
    expect(placement).toEqual({ sheet: '整改统计', created: false, renamedFrom: null });
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '整改统计']);
    expect(sheet.charts.map((c) => c.name)).toEqual(['ZG_Chart_Status']);
    expect(sheet.peek(30, 0)).toBeUndefined();
    expect(at(sheet, 'A7')).toBeUndefined();
    await render();
    expect(sheet.charts.map((c) => c.name)).toEqual(['ZG_Chart_Status', 'ZG_Chart_Units']);
  });

  test('two of our charts with one name (a copy pasted by hand) are both replaced', async () => {
    const { model, render } = setup();
    await render();
    const sheet = model.sheet('整改统计')!;
    sheet.charts.push({ ...sheet.charts[0], series: [] });
    await render();
    expect(sheet.charts.map((c) => c.name)).toEqual(['ZG_Chart_Status', 'ZG_Chart_Units']);
  });

  test('a chart the user added to our sheet stays; ours are replaced', async () => {
    const { model, render } = setup();
    await render();
    const sheet = model.sheet('整改统计')!;
    sheet.charts.push({ name: '我的图表', type: 'Line', title: '', series: [] });
    await render();
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['ZG_Chart_Status', 'ZG_Chart_Units', '我的图表'].sort());
  });

  test('a same-named sheet that is not ours is untouched; the layout goes to "整改统计 (2)", refreshed there next time', async () => {
    const model = new FakeModel();
    const foreign = new FakeSheet('整改统计');
    foreign.input(0, 0, '手工统计');
    foreign.input(1, 1, '=SUM(1,2)');
    model.sheets.push(foreign);
    const { render } = setup(model);
    const snapshot = JSON.stringify([...foreign.cells]);
    const first = await render();
    expect(first.placement).toEqual({ sheet: '整改统计 (2)', created: true, renamedFrom: '整改统计' });
    expect(JSON.stringify([...foreign.cells])).toBe(snapshot);
    expect(foreign.charts).toEqual([]);
    expect(foreign.frozenRows).toBe(0);
    const second = await render();
    expect(second.placement).toEqual({ sheet: '整改统计 (2)', created: false, renamedFrom: null });
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '整改统计', '整改统计 (2)']);
    expect(JSON.stringify([...foreign.cells])).toBe(snapshot);
  });

  test('our sheet renamed by the user is found by its marker and refreshed under its new name', async () => {
    const { model, render } = setup();
    await render();
    model.sheet('整改统计')!.name = '统计（本月）';
    const { placement } = await render();
    expect(placement).toEqual({ sheet: '统计（本月）', created: false, renamedFrom: null });
    expect(model.sheets.map((s) => s.name)).toEqual(['Sheet1', '统计（本月）']);
  });

  test('a marker left by a deleted sheet is replaced', async () => {
    const { model, render } = setup();
    await render();
    model.sheets = model.sheets.filter((s) => s.name !== '整改统计');
    const { placement } = await render();
    expect(placement.created).toBe(true);
    expect(model.names.get(MARKER)?.sheet).toBe(model.sheet('整改统计'));
  });

  test('a template sheet without the marker but with our charts is ours (refreshed, marker added)', async () => {
    const model = new FakeModel();
    const template = new FakeSheet('整改统计');
    template.charts.push({ name: 'ZG_Chart_Status', type: 'Pie', title: '', series: [] });
    template.input(0, 0, '整改统计');
    model.sheets.push(template);
    const { render } = setup(model);
    const { placement } = await render();
    expect(placement).toEqual({ sheet: '整改统计', created: false, renamedFrom: null });
    expect(template.charts.map((c) => c.name)).toEqual(['ZG_Chart_Status', 'ZG_Chart_Units']);
    expect(model.names.get(MARKER)?.sheet).toBe(template);
  });

  test('input cells keep what the user typed on a refresh in place — several in one row, one further down — and the rest is cleared', async () => {
    const inputs: SheetLayout['cells'] = [
      { address: 'B3', value: '', format: 'yyyy-mm-dd', input: true },
      { address: 'D3', value: '', input: true },
      { address: 'B9', value: 0, format: '0', input: true },
    ];
    const layout: SheetLayout = { ...LAYOUT, cells: [...LAYOUT.cells, ...inputs] };
    const { model, render } = setup();
    await render(layout);
    const sheet = model.sheet('整改统计')!;
    expect(at(sheet, 'B3')).toMatchObject({ v: '', nf: 'yyyy-mm-dd' });
    expect(at(sheet, 'B9')).toMatchObject({ v: 0, nf: '0' });
    sheet.input(2, 1, 46203);
    sheet.cell(2, 1).nf = 'yyyy/m/d';
    sheet.input(2, 3, '备注');
    sheet.input(8, 1, 5);
    for (const [r, c] of [[2, 0], [2, 2], [2, 4], [8, 0], [8, 2], [20, 1], [0, 5]]) sheet.input(r, c, '旧');
    const { syncs } = await render(layout);
    expect(syncs).toBe(2);
    expect(at(sheet, 'B3')).toMatchObject({ v: 46203, nf: 'yyyy/m/d' });
    expect(at(sheet, 'D3')?.v).toBe('备注');
    expect(at(sheet, 'B9')?.v).toBe(5);
    // Outside the layout's rectangle, cleared; inside it, overwritten with the layout's blank.
    for (const address of ['E3', 'B21', 'F1']) expect(at(sheet, address)).toBeUndefined();
    for (const address of ['A3', 'C3', 'A9', 'C9']) expect(at(sheet, address)).toMatchObject({ v: '', nf: 'General' });
    // The layout's own cells are all back.
    expect(at(sheet, 'B5')?.f).toBe('=COUNTIFS(ZG_Measures[整改状态],A5)');
  });

  test('the title row is given the height its 16 pt text needs; other rows keep the default', async () => {
    const { model, render } = setup();
    await render();
    const sheet = model.sheet('整改统计')!;
    expect([...sheet.heights.entries()]).toEqual([[0, styleRowHeight('title')]]);
  });
});
