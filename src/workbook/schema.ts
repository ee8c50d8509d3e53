// The ONE definition of the ledger workbook (DESIGN.md §3): sheets, tables, Chinese headers, the
// field each column holds, column kinds, widths, formats, validation lists, the formula columns and
// the 预警 colours, and the named cells of 巡察信息. The Office.js adapter (excelStore) and the .xlsx
// writer (xlsxWriter) both build the workbook from these constants; nothing else spells a header.
import { MEASURE_LABELS, PROBLEM_LABELS, ROUND_LABELS } from '../ledger/ledger-diff';
import type { SummaryRow } from '../ledger/consolidate';
import { DEFAULT_WARN_DAYS } from '../ledger/stats/days';
import { CLOSE_STATES, PROBLEM_SOURCES, ROUND_KINDS, STATUSES, type Light, type MeasureRow, type ProblemRow, type RoundField } from '../ledger/types';

/** text · date · number · flag (是/否) · list (validated) · formula (calculated column) · datetime. */
export type ColumnKind = 'text' | 'date' | 'number' | 'flag' | 'list' | 'formula' | 'datetime';

export type ColumnDef<Field extends string = string> = {
  header: string;
  /** The row field this column holds; null for formula columns. */
  field: Field | null;
  kind: ColumnKind;
  /** Excel column width, in characters. */
  width: number;
  /** Data-validation list (for 'list' and 'flag'). */
  list?: readonly string[];
  /** Structured-reference formula of a calculated column, starting with '='. */
  formula?: string;
  /** Long text: wrap in the cell. */
  wrap?: boolean;
  /** Number format when the kind's default does not fit (剩余天数 is a whole number, not a date). */
  format?: string;
};

export type TableDef<Field extends string = string> = {
  /** The sheet the table is created on (another name is picked when a foreign sheet has it). */
  sheet: string;
  table: string;
  /** Header of the 编号 column that identifies a row. */
  idHeader: string;
  columns: readonly ColumnDef<Field>[];
  /** Whether the add-in cannot work without it ('optional' tables are created but never required). */
  role: 'required' | 'optional';
  /** How the sheet prints, for the sheets an office prints (the ledger tables). */
  print?: PrintSetup;
};

/**
 * Page setup of a printed ledger sheet, as an office prints one: landscape A4, every column on one
 * page wide (as many pages tall as it takes), the header row on every page, gridlines. Both writers
 * (xlsxWriter, excelSetup) apply it when they create the sheet; a user's own page setup is kept.
 */
export type PrintSetup = { paper: 'A4'; orientation: 'landscape'; pagesWide: 1; repeatHeaderRow: true; gridlines: true };
export const LEDGER_PRINT: PrintSetup = { paper: 'A4', orientation: 'landscape', pagesWide: 1, repeatHeaderRow: true, gridlines: true };

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const TABLE_STYLE = 'TableStyleMedium2';
/** 预警 turns 黄 this many calendar days before the deadline (the default of ZG.LIGHT). */
export const WARN_DAYS = DEFAULT_WARN_DAYS.calendar;
export const FLAG_VALUES = ['是', '否'] as const;

/** "As of" in plain Excel: ZG_AsOf, or today when it is blank. */
const AS_OF = 'IF(ZG_AsOf="",TODAY(),ZG_AsOf)';

/** 剩余天数: days to 截止日期 (negative when overdue), blank without a deadline. No add-in needed. */
export const DAYS_LEFT_FORMULA = `=IF([@截止日期]="","",[@截止日期]-${AS_OF})`;

/**
 * 预警 in plain Excel, the rules of ZG.LIGHT (DESIGN §7): 蓝 done · 灰 long-term without a date ·
 * 红 overdue · 黄 due within WARN_DAYS · 绿 on track; blank when there is neither a date nor a flag.
 */
export const LIGHT_FORMULA =
  `=IF([@整改状态]="已完成","蓝",IF([@截止日期]="",IF([@长期坚持]="是","灰",""),` +
  `IF([@截止日期]<${AS_OF},"红",IF([@截止日期]-${AS_OF}<=${WARN_DAYS},"黄","绿"))))`;

// The roll-up helper columns (how 整改统計 links measures to problems) are in rollupColumns.ts.
import {
  FLAG_HEADERS, HAS_LONG_TERM_FORMULA, HAS_MEASURE_FORMULA, HAS_OPEN_FORMULA, IN_ORDER_FORMULA, KEY_HEADER, LAST_ROW_FORMULA, ORDER_HEADERS,
  OWN_ROW_FORMULA, OWN_ROW_HEADER, PROBLEM_KEY_FORMULA, PROBLEM_ROW_FORMULA, ROW_HEADERS, SORT_VALUE_FORMULA, SORTED_FORMULA, OPEN_ROW_FORMULA,
  LONG_TERM_ROW_FORMULA,
} from './rollupColumns';

export {
  FLAG_HEADERS, HAS_LONG_TERM_FORMULA, HAS_MEASURE_FORMULA, HAS_OPEN_FORMULA, IN_ORDER_FORMULA, KEY_HEADER, LAST_ROW_FORMULA, ORDER_HEADERS,
  OWN_ROW_FORMULA, OWN_ROW_HEADER, PROBLEM_KEY_FORMULA, PROBLEM_ROW_FORMULA, ROW_HEADERS, RUN_WINDOW, SORT_VALUE_FORMULA, SORTED_FORMULA, matchKey,
  OPEN_ROW_FORMULA, LONG_TERM_ROW_FORMULA,
} from './rollupColumns';

/** Conditional-formatting colours of 预警 (fill, font), Excel's own good/neutral/bad palette. */
export const LIGHT_COLOURS: Readonly<Record<Light, { fill: string; font: string }>> = {
  红: { fill: '#FFC7CE', font: '#9C0006' },
  黄: { fill: '#FFEB9C', font: '#9C5700' },
  绿: { fill: '#C6EFCE', font: '#006100' },
  蓝: { fill: '#DDEBF7', font: '#1F4E79' },
  灰: { fill: '#E7E6E6', font: '#595959' },
};

type P = keyof ProblemRow;
type M = keyof MeasureRow;

const col = <F extends string>(field: F, header: string, kind: ColumnKind, width: number, extra: Partial<ColumnDef<F>> = {}): ColumnDef<F> => ({ header, field, kind, width, ...extra });

export const PROBLEMS: TableDef<P> = {
  sheet: '问题清单',
  table: 'ZG_Problems',
  idHeader: PROBLEM_LABELS.id,
  role: 'required',
  print: LEDGER_PRINT,
  columns: [
    col<P>('id', PROBLEM_LABELS.id, 'text', 10),
    col<P>('sourceNumber', PROBLEM_LABELS.sourceNumber, 'text', 9),
    col<P>('category', PROBLEM_LABELS.category, 'text', 24, { wrap: true }),
    col<P>('description', PROBLEM_LABELS.description, 'text', 48, { wrap: true }),
    col<P>('source', PROBLEM_LABELS.source, 'list', 12, { list: PROBLEM_SOURCES }),
    col<P>('leader', PROBLEM_LABELS.leader, 'text', 14),
    col<P>('leadUnit', PROBLEM_LABELS.leadUnit, 'text', 14),
    col<P>('status', PROBLEM_LABELS.status, 'list', 10, { list: STATUSES }),
    col<P>('longTerm', PROBLEM_LABELS.longTerm, 'flag', 9, { list: FLAG_VALUES }),
    col<P>('closeState', PROBLEM_LABELS.closeState, 'list', 10, { list: CLOSE_STATES }),
    col<P>('closeDate', PROBLEM_LABELS.closeDate, 'date', 11),
    col<P>('note', PROBLEM_LABELS.note, 'text', 24, { wrap: true }),
    { header: KEY_HEADER, field: null, kind: 'formula', width: 10, formula: PROBLEM_KEY_FORMULA },
    { header: OWN_ROW_HEADER, field: null, kind: 'formula', width: 7, formula: OWN_ROW_FORMULA, format: '0' },
    { header: ORDER_HEADERS.sorted, field: null, kind: 'formula', width: 7, formula: SORTED_FORMULA },
    { header: ORDER_HEADERS.lastRow, field: null, kind: 'formula', width: 7, formula: LAST_ROW_FORMULA, format: '0' },
    { header: FLAG_HEADERS.measure, field: null, kind: 'formula', width: 7, formula: HAS_MEASURE_FORMULA },
    { header: FLAG_HEADERS.open, field: null, kind: 'formula', width: 7, formula: HAS_OPEN_FORMULA },
    { header: FLAG_HEADERS.longTerm, field: null, kind: 'formula', width: 7, formula: HAS_LONG_TERM_FORMULA },
  ],
};

export const MEASURES: TableDef<M> = {
  sheet: '整改台账',
  table: 'ZG_Measures',
  idHeader: MEASURE_LABELS.id,
  role: 'required',
  print: LEDGER_PRINT,
  columns: [
    col<M>('id', MEASURE_LABELS.id, 'text', 11),
    col<M>('problemId', MEASURE_LABELS.problemId, 'text', 10),
    col<M>('text', MEASURE_LABELS.text, 'text', 48, { wrap: true }),
    col<M>('leader', MEASURE_LABELS.leader, 'text', 14),
    col<M>('unit', MEASURE_LABELS.unit, 'text', 14),
    col<M>('coUnits', MEASURE_LABELS.coUnits, 'text', 14),
    col<M>('owner', MEASURE_LABELS.owner, 'text', 10),
    col<M>('deadlineText', MEASURE_LABELS.deadlineText, 'text', 18, { wrap: true }),
    col<M>('deadline', MEASURE_LABELS.deadline, 'date', 11),
    col<M>('status', MEASURE_LABELS.status, 'list', 10, { list: STATUSES }),
    col<M>('longTerm', MEASURE_LABELS.longTerm, 'flag', 9, { list: FLAG_VALUES }),
    col<M>('doneDate', MEASURE_LABELS.doneDate, 'date', 11),
    col<M>('progress', MEASURE_LABELS.progress, 'text', 40, { wrap: true }),
    col<M>('evidence', MEASURE_LABELS.evidence, 'text', 24, { wrap: true }),
    col<M>('closeState', MEASURE_LABELS.closeState, 'list', 10, { list: CLOSE_STATES }),
    col<M>('closeDate', MEASURE_LABELS.closeDate, 'date', 11),
    { header: '剩余天数', field: null, kind: 'formula', width: 9, formula: DAYS_LEFT_FORMULA, format: '0' },
    { header: '预警', field: null, kind: 'formula', width: 7, formula: LIGHT_FORMULA },
    col<M>('note', MEASURE_LABELS.note, 'text', 24, { wrap: true }),
    { header: ROW_HEADERS.measure, field: null, kind: 'formula', width: 7, formula: PROBLEM_ROW_FORMULA, format: '0' },
    { header: ROW_HEADERS.open, field: null, kind: 'formula', width: 7, formula: OPEN_ROW_FORMULA, format: '0' },
    { header: ROW_HEADERS.longTerm, field: null, kind: 'formula', width: 7, formula: LONG_TERM_ROW_FORMULA, format: '0' },
    { header: ORDER_HEADERS.sortValue, field: null, kind: 'formula', width: 7, formula: SORT_VALUE_FORMULA, format: '0' },
    { header: ORDER_HEADERS.inOrder, field: null, kind: 'formula', width: 7, formula: IN_ORDER_FORMULA, format: '0' },
  ],
};

export type HolidayField = 'date' | 'type' | 'note';
export const HOLIDAYS: TableDef<HolidayField> = {
  sheet: '节假日',
  table: 'ZG_Holidays',
  idHeader: '日期',
  role: 'optional',
  columns: [col('date', '日期', 'date', 12), col('type', '类型', 'list', 8, { list: ['休', '班'] }), col('note', '说明', 'text', 30)],
};

export type ChangeField = 'time' | 'id' | 'field' | 'before' | 'after';
export const CHANGES: TableDef<ChangeField> = {
  sheet: '变更记录',
  table: 'ZG_Changes',
  idHeader: '编号',
  role: 'optional',
  columns: [
    col('time', '时间', 'datetime', 19),
    col('id', '编号', 'text', 11),
    col('field', '字段', 'text', 12),
    col('before', '原值', 'text', 36, { wrap: true }),
    col('after', '新值', 'text', 36, { wrap: true }),
  ],
};

export const TABLES = [PROBLEMS, MEASURES, HOLIDAYS, CHANGES] as const;

type S = keyof SummaryRow;
/**
 * 汇总 (DESIGN §8): one row per measure of the ledgers units sent back, tagged with 来源单位. Lives
 * only in a 巡察办's summary workbook, so it is not in TABLES (which the ledger setup creates).
 */
export const SUMMARY: TableDef<S> = {
  sheet: '汇总',
  table: 'ZG_Summary',
  idHeader: MEASURE_LABELS.id,
  role: 'optional',
  columns: [
    col<S>('sourceUnit', '来源单位', 'text', 24, { wrap: true }),
    col<S>('sourceFile', '来源文件', 'text', 20),
    col<S>('problemId', PROBLEM_LABELS.id, 'text', 10),
    col<S>('sourceNumber', PROBLEM_LABELS.sourceNumber, 'text', 9),
    col<S>('category', PROBLEM_LABELS.category, 'text', 24, { wrap: true }),
    col<S>('description', PROBLEM_LABELS.description, 'text', 40, { wrap: true }),
    col<S>('problemStatus', PROBLEM_LABELS.status, 'text', 10),
    col<S>('problemLongTerm', '问题长期坚持', 'flag', 9),
    col<S>('countsProblem', '计入问题数', 'number', 8, { format: '0' }),
    col<S>('measureId', MEASURE_LABELS.id, 'text', 11),
    col<S>('measureText', MEASURE_LABELS.text, 'text', 40, { wrap: true }),
    col<S>('unit', MEASURE_LABELS.unit, 'text', 14),
    col<S>('owner', MEASURE_LABELS.owner, 'text', 10),
    col<S>('deadlineText', MEASURE_LABELS.deadlineText, 'text', 18, { wrap: true }),
    col<S>('deadline', MEASURE_LABELS.deadline, 'date', 11),
    col<S>('measureStatus', MEASURE_LABELS.status, 'text', 10),
    col<S>('measureLongTerm', MEASURE_LABELS.longTerm, 'flag', 9),
    col<S>('doneDate', MEASURE_LABELS.doneDate, 'date', 11),
    col<S>('closeState', MEASURE_LABELS.closeState, 'text', 10),
    col<S>('importedAt', '导入时间', 'datetime', 19),
  ],
};

// ---- 巡察信息: label / value / hint rows with workbook names on the value cells ------------------

export type InfoCell = {
  name: string; // workbook name of the value cell
  label: string;
  field: RoundField | null; // null: a formula (ZG_Due)
  kind: 'text' | 'date' | 'number' | 'list' | 'formula';
  list?: readonly string[];
  formula?: string;
  hint: string;
};

export const INFO_SHEET = '巡察信息';
/** Header row 1 (项目, 内容, 说明); the cells follow from row 2 in this order, values in column B. */
export const INFO_HEADERS = ['项目', '内容', '说明'] as const;
export const INFO_CELLS: readonly InfoCell[] = [
  { name: 'ZG_Org', label: ROUND_LABELS.org, field: 'org', kind: 'text', hint: '如：中共××县卫生健康委员会党组' },
  { name: 'ZG_Inspector', label: ROUND_LABELS.inspector, field: 'inspector', kind: 'text', hint: '如：县委第三巡察组' },
  { name: 'ZG_Kind', label: ROUND_LABELS.kind, field: 'kind', kind: 'list', list: ROUND_KINDS, hint: '常规/专项/回头看/提级/交叉' },
  { name: 'ZG_Start', label: ROUND_LABELS.start, field: 'start', kind: 'date', hint: '' },
  { name: 'ZG_End', label: ROUND_LABELS.end, field: 'end', kind: 'date', hint: '' },
  { name: 'ZG_Feedback', label: ROUND_LABELS.feedback, field: 'feedback', kind: 'date', hint: '立行立改的截止日期' },
  { name: 'ZG_Months', label: ROUND_LABELS.months, field: 'months', kind: 'number', hint: '通常为3个月' },
  { name: 'ZG_Due', label: '集中整改截止日期', field: null, kind: 'formula', formula: '=IF(ZG_Feedback="","",EDATE(ZG_Feedback,ZG_Months))', hint: '按反馈日期和集中整改期自动计算' },
  { name: 'ZG_AsOf', label: ROUND_LABELS.asOf, field: 'asOf', kind: 'date', hint: '留空表示按今天统计' },
];
export const INFO_WIDTHS = [18, 36, 30] as const;

/** The A1 address of an info cell's value on its sheet: B2, B3 … */
export function infoValueAddress(cell: InfoCell): string {
  return `B${INFO_CELLS.indexOf(cell) + 2}`;
}

/** A1 column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Data validation of a column: a drop-down list, or "a real date" for date columns. */
export type ColumnValidation =
  | { kind: 'list'; values: readonly string[]; title: string; message: string }
  | { kind: 'date'; title: string; message: string };

/** 1900-01-01, Excel's first date (serial 1): any real date passes; text such as "2026.3.1" is no date. */
export const FIRST_DATE_SERIAL = 1;
export const FIRST_DATE_ISO = '1900-01-01';

/**
 * How a column is validated, for both the .xlsx writer and the Office.js adapter. Dates matter
 * beyond tidiness: the 整改统计 formulas compare 截止日期 as numbers, so a date typed as text
 * ("2026.3.1") would silently drop out of 逾期 and 临期; Excel refuses it with this message instead.
 */
export function validationOf(column: Pick<ColumnDef, 'header' | 'kind' | 'list'>): ColumnValidation | null {
  if (column.list) return { kind: 'list', values: column.list, title: column.header, message: `请从列表中选择：${column.list.join('、')}` };
  if (column.kind === 'date') return { kind: 'date', title: column.header, message: '请输入日期，例如 2026-03-15（“2026.3.15”“3月15日”这样的文字不是日期，统计时会被漏算）' };
  return null;
}

/**
 * The number format of a column. Text columns stay 'General': user text that Excel would read as a
 * formula, number or date is written with a leading apostrophe instead (see cells.ts), which works
 * whatever format a hand-inserted row has, and never shows the apostrophe.
 */
export function numberFormatOf(column: Pick<ColumnDef, 'kind' | 'format'>): string {
  if (column.format) return column.format;
  return column.kind === 'date' ? DATE_FORMAT : column.kind === 'datetime' ? DATETIME_FORMAT : 'General';
}

/** In the file format a formula cannot use the [@列] shorthand: it is Table[[#This Row],[列]]. */
export function expandThisRow(formula: string, table: string): string {
  return formula.replace(/^=/, '').replace(/\[@([^\]]+)\]/g, (_, col: string) => `${table}[[#This Row],[${col}]]`);
}
