// A row of the 汇总 table (ZG_Summary) from its cells, by header: the same reading for the Office.js
// adapter (excelSummary) and for a summary .xlsx read back by the command line (xlsx/readSummary).
import type { SummaryRow } from '../ledger/consolidate';
import { isStatus } from '../ledger/status';
import { CLOSE_STATES, type CloseState } from '../ledger/types';
import { readDate, readFlag, readStatus, readText, type HeaderIndex } from './cells';
import { SUMMARY } from './schema';

/** An Excel date-time serial back to `YYYY-MM-DD HH:MM:SS`; text is kept as it is. */
function readDateTime(v: unknown): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return readText(v);
  const day = readDate(Math.floor(v));
  if (!day) return '';
  const seconds = Math.round((v - Math.floor(v)) * 86400);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${p(Math.floor(seconds / 3600) % 24)}:${p(Math.floor(seconds / 60) % 60)}:${p(seconds % 60)}`;
}

/** A blank flag is "no problem / no measure on this row" (null), not 否. */
function readOptionalFlag(v: unknown): boolean | null {
  return readText(v) === '' ? null : readFlag(v);
}

function readOptionalStatus(v: unknown): SummaryRow['measureStatus'] {
  const text = readText(v);
  if (text === '') return '';
  return isStatus(text) ? text : readStatus(text);
}

/** A row of the 汇总 table as it stands (by header: users move columns); unknown or missing columns read blank. */
export function summaryFromCells(cells: readonly unknown[], index: HeaderIndex): SummaryRow {
  const h = Object.fromEntries(SUMMARY.columns.map((c) => [c.field, c.header])) as Record<keyof SummaryRow, string>;
  const get = (field: keyof SummaryRow) => {
    const i = index.get(h[field]);
    return i === undefined ? '' : cells[i];
  };
  const closeState = readText(get('closeState'));
  const counts = Number(readText(get('countsProblem')));
  return {
    sourceUnit: readText(get('sourceUnit')), sourceFile: readText(get('sourceFile')), problemId: readText(get('problemId')),
    sourceNumber: readText(get('sourceNumber')), category: readText(get('category')), description: readText(get('description')),
    problemStatus: readOptionalStatus(get('problemStatus')), problemLongTerm: readOptionalFlag(get('problemLongTerm')),
    countsProblem: counts === 1 ? 1 : 0,
    measureId: readText(get('measureId')), measureText: readText(get('measureText')), unit: readText(get('unit')), owner: readText(get('owner')),
    deadlineText: readText(get('deadlineText')), deadline: readDate(get('deadline')), measureStatus: readOptionalStatus(get('measureStatus')),
    measureLongTerm: readOptionalFlag(get('measureLongTerm')), doneDate: readDate(get('doneDate')),
    closeState: (CLOSE_STATES as readonly string[]).includes(closeState) ? (closeState as CloseState) : '',
    importedAt: readDateTime(get('importedAt')),
  };
}

