/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- a duck-typed stand-in for Office.js proxies */
// Request-context proxies over FakeModel (see fakeExcel.ts for what they model and why).
import { FakeChartCollection, FakeChartProxy } from './fakeCharts';
import { a1, fakeTableId, parseAddress, type Box, type CalculatedEventHandler, type FakeModel, type FakeSheet, type FakeTable, type TableEventHandler, type TableEventKind } from './fakeExcel';
import { Loadable } from './fakeLoadable';

/** Anything asked of a missing item: the sync fails, so nothing here matters. */
const dead: any = new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : dead), apply: () => dead, set: () => true });

export class FakeContext {
  private pending: (() => void)[] = [];
  private failure: Error | null = null;
  readonly workbook: FakeWorkbook;
  constructor(readonly model: FakeModel) {
    this.workbook = new FakeWorkbook(this);
  }
  fail(code: string, message: string) {
    this.failure ??= Object.assign(new Error(message), { code });
    return dead;
  }
  queueLoad(take: () => void) {
    this.pending.push(take);
  }
  async sync(): Promise<void> {
    this.model.syncs += 1;
    const over = this.model.payload > this.model.payloadLimit;
    this.model.payload = 0;
    if (over) this.failure ??= Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    const failure = this.failure;
    const pending = this.pending;
    this.failure = null;
    this.pending = [];
    if (failure) throw failure;
    for (const take of pending) take();
  }
}

export class FakeRange extends Loadable {
  constructor(ctx: FakeContext, readonly box: Box) {
    super(ctx);
  }
  protected override snapshot() {
    const { sheet, r, c, rows, cols } = this.box;
    return {
      values: () => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sheet.peek(r + i, c + j)?.v ?? '')),
      rowIndex: () => r,
      columnIndex: () => c,
      formulas: () => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => { const cell = sheet.peek(r + i, c + j); return cell?.f ?? cell?.v ?? ''; })),
      numberFormat: () => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => sheet.peek(r + i, c + j)?.nf ?? 'General')),
      address: () => `${sheet.name}!${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`,
    };
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get address(): string {
    return this.read('address');
  }
  private each(data: unknown[][], write: (r: number, c: number, v: unknown) => void) {
    const { r, c, rows, cols } = this.box;
    if (data.length !== rows || data.some((row) => row.length !== cols)) {
      this.ctx.fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the range (${rows}×${cols}).`);
      return;
    }
    data.forEach((row, i) => row.forEach((v, j) => write(r + i, c + j, v)));
  }
  // null in a 2-D array leaves that cell as it is (Office.js), for values, formulas and formats alike.
  set values(data: unknown[][]) {
    this.ctx.model.payload += Buffer.byteLength(JSON.stringify(data));
    this.each(data, (r, c, v) => v !== null && this.box.sheet.input(r, c, v));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(data: unknown[][]) {
    this.each(data, (r, c, v) => v !== null && this.box.sheet.input(r, c, v));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(data: unknown[][]) {
    this.each(data, (r, c, v) => v !== null && (this.box.sheet.cell(r, c).nf = String(v)));
  }
  getResizedRange(deltaRows: number, deltaColumns: number) {
    const rows = this.box.rows + deltaRows;
    const cols = this.box.cols + deltaColumns;
    if (rows < 1 || cols < 1) return this.ctx.fail('InvalidArgument', `empty range ${rows}×${cols}`);
    return new FakeRange(this.ctx, { ...this.box, rows, cols });
  }
  /** Range.merge(across): recorded on the sheet by address. */
  merge(across = false) {
    const { sheet, r, c, rows, cols } = this.box;
    if (across) throw new Error('fake Excel: merge(across) not modelled');
    if (!sheet.merges.includes(`${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`)) sheet.merges.push(`${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`);
  }
  /** Clears what `applyTo` says in every cell of the range (Excel's default: everything). */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All') {
    const { sheet, r, c, rows, cols } = this.box;
    for (const [key, cell] of [...sheet.cells]) {
      const [cr, cc] = key.split(',').map(Number);
      if (cr < r || cr >= r + rows || cc < c || cc >= c + cols) continue;
      if (applyTo === 'All') sheet.cells.delete(key);
      else if (applyTo === 'Contents') Object.assign(cell, { v: '', f: undefined });
      else for (const k of ['nf', 'bold', 'font', 'size', 'fill', 'color', 'wrap', 'valign'] as const) delete cell[k];
    }
  }
  /** Deleting whole rows of a table (Up) removes those table rows, as in Excel. */
  delete(shift: 'Up' | 'Left') {
    const { sheet, r, c, rows, cols } = this.box;
    const t = this.ctx.model.tables.find((x) => x.sheet === sheet && x.left === c && x.cols === cols && r > x.top && r + rows <= x.top + 1 + x.rows);
    if (shift !== 'Up' || !t) throw new Error('fake Excel: only deleting whole table body rows is modelled');
    for (let i = rows - 1; i >= 0; i--) this.ctx.model.deleteRow(t, r - t.top - 1 + i);
  }
  /** Range.worksheet: the sheet the range is on. */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.box.sheet);
  }
  getCell(r: number, c: number) {
    return new FakeRange(this.ctx, { ...this.box, r: this.box.r + r, c: this.box.c + c, rows: 1, cols: 1 });
  }
  getRow(r: number) {
    return new FakeRange(this.ctx, { ...this.box, r: this.box.r + r, rows: 1 });
  }
  select() {
    const { sheet, r, c, rows, cols } = this.box;
    this.ctx.model.selected = { sheet: sheet.name, address: `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}` };
  }
  private cellsOf(): { r: number; c: number }[] {
    const { r, c, cols } = this.box;
    const rows = Math.min(this.box.rows, 2000);
    return Array.from({ length: rows * cols }, (_, k) => ({ r: r + Math.floor(k / cols), c: c + (k % cols) }));
  }
  get format() {
    const range = this;
    return {
      set wrapText(v: boolean) {
        for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).wrap = v;
      },
      set columnWidth(points: number) {
        for (let c = range.box.c; c < range.box.c + range.box.cols; c++) range.box.sheet.widths.set(c, points);
      },
      set rowHeight(points: number) {
        for (let r = range.box.r; r < range.box.r + Math.min(range.box.rows, 2000); r++) range.box.sheet.heights.set(r, points);
      },
      set verticalAlignment(v: string) {
        for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).valign = v;
      },
      fill: {
        set color(v: string) {
          for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).fill = v;
        },
      },
      font: {
        set color(v: string) {
          for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).color = v;
        },
        set bold(v: boolean) {
          for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).bold = v;
        },
        set name(v: string) {
          for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).font = v;
        },
        set size(v: number) {
          for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).size = v;
        },
      },
    };
  }
  get dataValidation() {
    const range = this;
    return {
      clear() {
        for (const { r, c } of range.cellsOf()) delete range.box.sheet.cell(r, c).list;
      },
      set rule(rule: { list?: { source: string }; date?: { formula1: number | string; operator: string } }) {
        for (const { r, c } of range.cellsOf()) {
          const cell = range.box.sheet.cell(r, c);
          cell.list = rule.list?.source;
          cell.dateRule = rule.date ? `${rule.date.operator} ${rule.date.formula1}` : undefined;
        }
      },
      set errorAlert(alert: { message: string }) {
        for (const { r, c } of range.cellsOf()) range.box.sheet.cell(r, c).validationMessage = alert.message;
      },
    };
  }
  get conditionalFormats() {
    const range = this;
    return {
      add(_type: string) {
        const record: { range: string; rule: unknown; fill?: string; font?: string } = { range: a1(range.box.r, range.box.c), rule: null };
        range.box.sheet.conditionalFormats.push(record);
        return {
          cellValue: {
            format: { fill: { set color(v: string) { record.fill = v; } }, font: { set color(v: string) { record.font = v; } } },
            set rule(v: unknown) { record.rule = v; },
          },
        };
      },
    };
  }
}

export class FakeWorksheet extends Loadable {
  constructor(ctx: FakeContext, readonly sheet: FakeSheet) {
    super(ctx);
    this.prime({ name: sheet.name });
  }
  get name(): string {
    return this.read('name');
  }
  /** No address: the whole sheet, as in Office.js. */
  getRange(address?: string) {
    if (address === undefined) return new FakeRange(this.ctx, { sheet: this.sheet, r: 0, c: 0, rows: 1_048_576, cols: 16_384 });
    return new FakeRange(this.ctx, parseAddress(this.sheet, address));
  }
  private chartCollection: FakeChartCollection | null = null;
  get charts(): FakeChartCollection {
    return (this.chartCollection ??= new FakeChartCollection(this.ctx, this.sheet));
  }
  /** A worksheet of a loaded collection: its charts' names come with it (items/charts/items/name). */
  primeCharts() {
    this.charts.prime({ items: this.sheet.charts.map((c) => new FakeChartProxy(this.ctx, this.sheet, c).prime({ name: c.name })) });
    return this;
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
    if (rows < 1 || cols < 1) return this.ctx.fail('InvalidArgument', `empty range ${rows}×${cols}`);
    return new FakeRange(this.ctx, { sheet: this.sheet, r, c, rows, cols });
  }
  get tables() {
    return {
      add: (address: string, _hasHeaders: boolean) => {
        const box = parseAddress(this.sheet, address);
        // A header row alone: rows 0 (Excel's empty insert row is not a row here); a range with data: its rows.
        const table: FakeTable = { name: `Table${this.ctx.model.tables.length + 1}`, sheet: this.sheet, top: box.r, left: box.c, cols: box.cols, rows: box.rows - 1, criteria: [] };
        this.ctx.model.tables.push(table);
        return new FakeTableProxy(this.ctx, table);
      },
    };
  }
  get freezePanes() {
    return { freezeRows: (n: number) => (this.sheet.frozenRows = n), unfreeze: () => (this.sheet.frozenRows = 0) };
  }
  /** worksheet.pageLayout (ExcelApi 1.9): what is set is recorded on the sheet. */
  get pageLayout() {
    const page = this.sheet.page;
    return {
      set orientation(v: string) { page.orientation = v; },
      set paperSize(v: string) { page.paperSize = v; },
      set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) { page.zoom = v; },
      set printGridlines(v: boolean) { page.printGridlines = v; },
      setPrintTitleRows: (rows: string) => void (page.titleRows = rows),
    };
  }
  activate() {
    this.ctx.model.active = this.sheet.name;
  }
  get onSelectionChanged() {
    return {
      add: (handler: (args: { address: string; worksheetId: string }) => Promise<void>) => {
        this.sheet.handlers.add(handler);
        return { context: this.ctx, remove: () => this.sheet.handlers.delete(handler) };
      },
    };
  }
}

export class FakeTableProxy extends Loadable {
  constructor(ctx: FakeContext, readonly t: FakeTable) {
    super(ctx);
  }
  protected override snapshot() {
    const m = this.ctx.model;
    return {
      id: () => fakeTableId(this.t),
      name: () => this.t.name,
      worksheet: () => ({ name: this.t.sheet.name }),
      columns: () => ({ items: m.headers(this.t).map((name) => ({ name })) }),
      rows: () => ({ count: this.t.rows, items: m.body(this.t).map((cells) => ({ values: [cells.map((cell) => cell.v ?? '')] })) }),
    };
  }
  readonly isNullObject = false;
  clearFilters() {
    this.t.criteria = [];
  }
  get id(): string {
    return this.read('id');
  }
  primeForCollection() {
    const m = this.ctx.model;
    return this.prime({
      name: this.t.name,
      worksheet: { name: this.t.sheet.name },
      columns: { items: m.headers(this.t).map((name) => ({ name })) },
      rows: { count: this.t.rows },
    });
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.t.name = v;
  }
  set style(v: string) {
    this.t.style = v;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.t.sheet);
  }
  private box(r: number, rows: number): Box {
    return { sheet: this.t.sheet, r: this.t.top + r, c: this.t.left, rows, cols: this.t.cols };
  }
  getHeaderRowRange() {
    return new FakeRange(this.ctx, this.box(0, 1));
  }
  getDataBodyRange() {
    return new FakeRange(this.ctx, this.box(1, Math.max(this.t.rows, 1)));
  }
  getRange() {
    return new FakeRange(this.ctx, this.box(0, Math.max(this.t.rows, 1) + 1));
  }
  get rows(): any {
    const self = this;
    return {
      get count() {
        return (self.read('rows') as { count: number }).count;
      },
      get items() {
        return (self.read('rows') as { items: { values: unknown[][] }[] }).items;
      },
      add: (index: number | undefined, values: unknown[][]) => this.ctx.model.insertRows(this.t, values.map((r) => [...r]), index ?? undefined),
      getItemAt: (i: number) => ({ delete: () => this.ctx.model.deleteRow(this.t, i) }),
    };
  }
  get columns(): any {
    const self = this;
    const m = this.ctx.model;
    return {
      get items() {
        return (self.read('columns') as { items: { name: string }[] }).items;
      },
      getItem: (name: string) => {
        const c = m.headers(this.t).indexOf(name);
        if (c < 0) return this.ctx.fail('ItemNotFound', `no column ${name}`);
        return { getDataBodyRange: () => new FakeRange(this.ctx, { ...this.box(1, Math.max(this.t.rows, 1)), c: this.t.left + c, cols: 1 }) };
      },
      add: (_index: unknown, _values: unknown, name: string) => {
        this.t.sheet.input(this.t.top, this.t.left + this.t.cols, name);
        this.t.cols += 1;
      },
    };
  }
  get autoFilter() {
    const t = this.t;
    const ctx = this.ctx;
    const filter = new (class extends Loadable {
      protected override snapshot() {
        return { enabled: () => true, isDataFiltered: () => ctx.model.isFiltered(t), criteria: () => Array.from({ length: t.cols }, (_, i) => (t.criteria[i] ? { ...t.criteria[i], filterOn: 'Values' } : { filterOn: null })) };
      }
      get enabled() { return this.read('enabled'); }
      get isDataFiltered() { return this.read('isDataFiltered'); }
      get criteria() { return this.read('criteria'); }
      clearCriteria() { t.criteria = []; }
      apply(_range: unknown, column: number, criteria: object) {
        if (ctx.model.failFilterApply) ctx.fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
        else t.criteria[column] = criteria;
      }
    })(ctx);
    return filter;
  }
}

class FakeWorkbook {
  constructor(private ctx: FakeContext) {}
  private get m() {
    return this.ctx.model;
  }
  /** Excel.Functions: DATE as the workbook computes it, in its date system. */
  get functions() {
    const ctx = this.ctx;
    return {
      date: (y: number, mo: number, d: number) =>
        new (class extends Loadable {
          protected override snapshot() {
            const serial1900 = Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000) + 25569;
            return { value: () => (ctx.model.date1904 ? serial1900 - 1462 : serial1900) };
          }
          get value() {
            return this.read('value');
          }
        })(ctx),
    };
  }
  get tables() {
    const ctx = this.ctx;
    const m = this.m;
    const collection = new (class extends Loadable {
      protected override snapshot() {
        return { items: () => m.tables.map((t) => new FakeTableProxy(ctx, t).primeForCollection()) };
      }
      get items(): FakeTableProxy[] { return this.read('items'); }
      getItem(name: string) {
        const t = m.tables.find((x) => x.name === name);
        return t ? new FakeTableProxy(ctx, t) : ctx.fail('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      }
      /** A missing table: loading is fine, isNullObject is true after the sync, anything else is misuse. */
      getItemOrNullObject(name: string) {
        const t = m.tables.find((x) => x.name === name);
        if (t) return new FakeTableProxy(ctx, t);
        return new Proxy({ isNullObject: true, load: () => undefined } as Record<string, unknown>, {
          get: (target, p) => {
            if (p in target) return target[p as string];
            throw new Error(`fake Excel: ${String(p)} used on a null table`);
          },
        });
      }
      get onAdded() { return events('added'); }
      get onChanged() { return events('changed'); }
      get onDeleted() { return events('deleted'); }
    })(ctx);
    // Registered with the model at once (Excel registers on sync; the tests sync right after).
    const events = (kind: TableEventKind) => ({
      add: (handler: TableEventHandler) => {
        m.tableHandlers[kind].add(handler);
        return { context: ctx, remove: () => m.tableHandlers[kind].delete(handler) };
      },
    });
    return collection;
  }
  get application() {
    const ctx = this.ctx;
    return { calculate: (type: string) => ctx.queueLoad(() => ctx.model.calculations.push(type)) };
  }
  get worksheets() {
    const ctx = this.ctx;
    const m = this.m;
    return new (class extends Loadable {
      protected override snapshot() {
        return { items: () => m.sheets.map((s) => new FakeWorksheet(ctx, s).primeCharts()) };
      }
      get items(): FakeWorksheet[] { return this.read('items'); }
      add(name: string) {
        // Excel's rules: names compare without case, ≤ 31 characters, none of : \ / ? * [ ].
        if (m.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return ctx.fail('ItemAlreadyExists', `sheet ${name} exists`);
        if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) return ctx.fail('InvalidArgument', `bad sheet name ${name}`);
        const sheet = new (m.sheets[0].constructor as new (n: string) => FakeSheet)(name);
        m.sheets.push(sheet);
        return new FakeWorksheet(ctx, sheet);
      }
      getItem(name: string) {
        const s = m.sheet(name);
        return s ? new FakeWorksheet(ctx, s) : ctx.fail('ItemNotFound', `no sheet ${name}`);
      }
      /** Registered with the model at once, as the tables' events are. */
      get onCalculated() {
        return {
          add: (handler: CalculatedEventHandler) => {
            m.calculatedHandlers.add(handler);
            return { context: ctx, remove: () => m.calculatedHandlers.delete(handler) };
          },
        };
      }
    })(ctx);
  }
  get names() {
    const ctx = this.ctx;
    const m = this.m;
    return new (class extends Loadable {
      protected override snapshot() {
        return {
          items: () =>
            [...m.names].map(([name, at]) =>
              new Loadable(ctx).prime({
                name,
                type: m.sheets.includes(at.sheet) ? 'Range' : 'Error',
                value: m.sheets.includes(at.sheet) ? `'${at.sheet.name}'!$${a1(at.r, at.c).replace(/(\d+)$/, '$$$1')}` : '#REF!',
              }),
            ),
        };
      }
      get items(): any[] { return this.read('items'); }
      add(name: string, range: FakeRange) {
        if (m.names.has(name)) return ctx.fail('ItemAlreadyExists', `name ${name} exists`);
        m.names.set(name, { sheet: range.box.sheet, r: range.box.r, c: range.box.c });
        return { set visible(_v: boolean) {} };
      }
      getItem(name: string) {
        const at = m.names.get(name);
        if (!at) return ctx.fail('ItemNotFound', `no name ${name}`);
        return { getRange: () => new FakeRange(ctx, { sheet: at.sheet, r: at.r, c: at.c, rows: 1, cols: 1 }), delete: () => m.names.delete(name) };
      }
    })(ctx);
  }
}
