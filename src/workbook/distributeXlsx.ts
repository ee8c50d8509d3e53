// 分发: one recipient's part of the ledger as an ordinary .xlsx, from the same schema and writer as
// the template: 填报说明 first, 巡察信息, 问题清单 and 整改台账 with that recipient's rows, and the
// hidden 分发底稿 (stamp and the values as sent) that collect compares against. The five fillable
// columns are unlocked, with drop-downs and date checks; every sheet is protected WITHOUT a
// password — it prevents slips, not fraud, and 填报说明 says so. Node-side (exceljs).
import ExcelJS from 'exceljs';
import { FILLABLE } from '../ledger/distribute/collect';
import { formatChineseDate } from '../ledger/dates';
import { safeFileNames, splitLedger, type SplitBy } from '../ledger/distribute/split';
import { baseRowOf, ledgerKey, MEASURE_FIELDS, STAMP_VERSION, stampRows, type DistStamp } from '../ledger/distribute/stamp';
import { isLedgerError } from '../ledger/errors';
import { MEASURE_LABELS } from '../ledger/ledger-diff';
import { lightOf } from '../ledger/stats/ledger-metrics';
import type { IsoDate, Ledger, MeasureRow } from '../ledger/types';
import { columnLetter, LIGHT_COLOURS, MEASURES, PROBLEMS, INFO_SHEET } from './schema';
import { BASE_NAME, STAMP_NAME, STAMP_SHEET } from './xlsx/readReturned';
import { addInfoSheet, addTable, SPARE_ROWS } from './xlsxWriter';
import { addColumnFormulas } from './xlsx/columnFormulas';

export const GUIDE_SHEET = '填报说明';
/** Characters a 填报说明 line holds before it wraps. */
const GUIDE_WIDTH = 84;
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
/** Fillable cells are tinted so a department sees where to type. */
const FILL_TINT = '#FFF9E5';
const CLOSE_FOR_DEPARTMENT = ['未申请', '已申请'];

/** Protection that still lets people read, select, filter, resize and copy: only editing is stopped. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true,
};

export type DistributeOptions = { stamp: DistStamp; asOf: IsoDate; warnDays?: number };

function guideLines(stamp: DistStamp, part: Ledger, asOf: IsoDate, urgent: { red: number; yellow: number }): string[] {
  const due = stamp.due ? `${formatChineseDate(stamp.due)}前` : '台账维护人员通知的时间前';
  return [
    `${stamp.unit}：`,
    `本文件是“${stamp.org || '本单位'}”巡察整改台账中由你${stamp.by === '责任单位' ? '单位' : ''}负责的部分（${part.measures.length}条整改措施，${part.problems.length}个问题），生成于${formatChineseDate(stamp.date)}。`,
    urgent.red + urgent.yellow > 0
      ? `截至${formatChineseDate(asOf)}，其中${[urgent.red ? `已逾期${urgent.red}条（红色）` : '', urgent.yellow ? `临近整改时限${urgent.yellow}条（黄色）` : ''].filter(Boolean).join('、')}，已在“整改台账”表中标出，请优先填报。`
      : `截至${formatChineseDate(asOf)}，没有逾期或临近整改时限的措施。`,
    '',
    '一、填写哪些内容',
    '请在“整改台账”表中，只填写浅黄色的五列：',
    '1. 整改状态：从下拉列表选择（未启动、正在推进、部分完成、基本完成、已完成）。',
    '2. 整改进展：在原有内容的最上面另起一行，写“日期：做了什么”，例如“2026-03-15：已召开专题会议，印发工作方案”。原有记录请勿删改（单元格内换行：Excel、WPS 按 Alt+Enter，LibreOffice 按 Ctrl+Enter）。',
    '3. 完成日期：整改状态选“已完成”时填写，格式如 2026-03-15；未完成的不要填写。',
    '4. 佐证材料：写明材料名称或文号，多项分行填写。',
    '5. 销号状态：整改完成、佐证材料齐全的，可由“未申请”改为“已申请”，其他状态由台账维护人员填写。',
    '其他各列和其他工作表已锁定，不需要也不能修改；如发现错误，请在邮件或回复中说明。需要新增措施的，请另行说明，不要直接加行。',
    '',
    '二、什么时候交回',
    `请于${due}交回。`,
    '',
    '三、怎样交回',
    '填好后直接保存（保持 .xlsx 格式，可以改文件名），通过邮件或工作群把这个文件发回台账维护人员。用 Excel、WPS 或 LibreOffice 填写均可，不需要安装任何插件。',
    '',
    '说明：表格保护没有设置密码，只是为了防止误改，并不能防止有意修改；回收时只采用上述五列的填报内容，其他改动会被列出而不会并入台账。',
    '请勿删除或修改隐藏的“分发底稿”工作表：回收时据此核对本文件。',
  ];
}

function addGuideSheet(wb: ExcelJS.Workbook, lines: string[]): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, { properties: { tabColor: { argb: argb('#1F4E79') } } });
  ws.getColumn(1).width = GUIDE_WIDTH + 4;
  ws.getCell('A1').value = '整改进展填报说明';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getRow(1).height = 26;
  lines.forEach((line, i) => {
    const cell = ws.getCell(`A${i + 3}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Nothing grows a row when the file opens (LibreOffice keeps the default height): give each
    // line the height its wrapped text needs, counting a Chinese character two columns wide.
    const columns = Array.from(line).reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    ws.getRow(i + 3).height = Math.max(1, Math.ceil(columns / GUIDE_WIDTH)) * 16 + 2;
    if (/^[一二三]、/.test(line)) cell.font = { bold: true, size: 12, color: { argb: argb('#1F4E79') } };
    else if (line.startsWith('说明：')) cell.font = { color: { argb: argb('#595959') } };
  });
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function addStampSheet(wb: ExcelJS.Workbook, stamp: DistStamp, measures: readonly MeasureRow[]): void {
  const ws = wb.addWorksheet(STAMP_SHEET, { state: 'veryHidden' });
  ws.getCell('A1').value = '分发底稿：回收时据此核对填报内容，请勿修改';
  const rows = stampRows(stamp);
  rows.forEach(([label, value], i) => {
    ws.getCell(`A${i + 2}`).value = label;
    ws.getCell(`B${i + 2}`).value = value;
  });
  const headerRow = rows.length + 3;
  MEASURE_FIELDS.forEach((f, c) => (ws.getCell(headerRow, c + 1).value = MEASURE_LABELS[f]));
  measures.forEach((m, r) => {
    const base = baseRowOf(m);
    MEASURE_FIELDS.forEach((f, c) => {
      // Text, always: a 底稿 value is compared as written, never re-read as a number or a date.
      if (base[f] !== '') ws.getCell(headerRow + 1 + r, c + 1).value = { richText: [{ text: base[f] }] };
    });
  });
  wb.definedNames.add(`'${STAMP_SHEET}'!$A$2:$B$${rows.length + 1}`, STAMP_NAME);
  wb.definedNames.add(`'${STAMP_SHEET}'!$A$${headerRow}`, BASE_NAME);
}

/** One recipient's file (bytes). */
export async function writeDistributedXlsx(part: Ledger, options: DistributeOptions): Promise<Uint8Array> {
  const { stamp, asOf } = options;
  const lights = part.measures.map((m) => {
    const l = lightOf(m, asOf, { warnDays: options.warnDays ?? 7 });
    return isLedgerError(l) ? null : l;
  });
  const urgent = { red: lights.filter((l) => l === '红').length, yellow: lights.filter((l) => l === '黄').length };
  const wb = new ExcelJS.Workbook();
  wb.creator = '整改台账助手';
  wb.calcProperties.fullCalcOnLoad = true;
  addGuideSheet(wb, guideLines(stamp, part, asOf, urgent));
  addInfoSheet(wb, part);
  addTable(wb, PROBLEMS, part.problems as unknown as Record<string, unknown>[]);
  addTable(wb, MEASURES, part.measures as unknown as Record<string, unknown>[]);
  const ws = wb.getWorksheet(MEASURES.sheet)!;
  const lastRow = Math.max(part.measures.length, 1) + 1;
  const col = (field: keyof MeasureRow) => MEASURES.columns.findIndex((c) => c.field === field);
  for (const field of FILLABLE) {
    const c = col(field) + 1;
    ws.getCell(1, c).fill = solid('#FFE699');
    for (let r = 2; r <= lastRow; r++) {
      const cell = ws.getCell(r, c);
      cell.protection = { locked: false };
      cell.fill = solid(FILL_TINT);
    }
  }
  // 销号状态: a department may only apply (未申请 → 已申请); the other steps are the 巡察办's.
  const closeLetter = columnLetter(col('closeState'));
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  const key = `${closeLetter}2:${closeLetter}${part.measures.length + 1 + SPARE_ROWS}`;
  if (model[key]) model[key] = { ...model[key], formulae: [`"${CLOSE_FOR_DEPARTMENT.join(',')}"`], error: '填报单位只能把销号状态由“未申请”改为“已申请”' };
  // The unit's overdue and due-soon items, in the 预警 colours, where the eye starts: 措施编号 and 截止日期.
  lights.forEach((light, i) => {
    if (light !== '红' && light !== '黄') return;
    for (const field of ['id', 'deadline'] as const) {
      const cell = ws.getCell(i + 2, col(field) + 1);
      cell.fill = solid(LIGHT_COLOURS[light].fill);
      cell.font = { color: { argb: argb(LIGHT_COLOURS[light].font) }, bold: true };
    }
  });
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  addStampSheet(wb, stamp, part.measures);
  for (const sheet of [GUIDE_SHEET, INFO_SHEET, PROBLEMS.sheet, MEASURES.sheet, STAMP_SHEET]) {
    await wb.getWorksheet(sheet)!.protect('', PROTECTION);
  }
  const buffer = await wb.xlsx.writeBuffer();
  // Rows a unit adds at the bottom get the formula columns too (xlsx/columnFormulas.ts).
  return addColumnFormulas(new Uint8Array(buffer as ArrayBuffer), [PROBLEMS, MEASURES]);
}

export type DistributedFile = { name: string; fileName: string; measures: number; bytes: Uint8Array };

/** Every recipient's file: one per distinct name of `by`, named safely for Windows and Linux. */
export async function distributeLedger(
  ledger: Ledger, options: { by: SplitBy; asOf: IsoDate; date: IsoDate; due: IsoDate | null; warnDays?: number },
): Promise<{ files: DistributedFile[]; unassigned: MeasureRow[] }> {
  const { parts, unassigned } = splitLedger(ledger, options.by);
  const names = safeFileNames(parts.map((p) => p.name));
  const key = ledgerKey(ledger.round);
  const files: DistributedFile[] = [];
  for (const [i, part] of parts.entries()) {
    const stamp: DistStamp = {
      version: STAMP_VERSION, ledgerKey: key, org: ledger.round.org, inspector: ledger.round.inspector, feedback: ledger.round.feedback,
      by: options.by, unit: part.name, date: options.date, due: options.due,
    };
    const bytes = await writeDistributedXlsx(part.ledger, { stamp, asOf: options.asOf, warnDays: options.warnDays });
    files.push({ name: part.name, fileName: names[i], measures: part.ledger.measures.length, bytes });
  }
  return { files, unassigned };
}
