// Names of arguments and items inside messages, in the language messages are made in.
import { messageLocale } from '../errors';
import { errorCode } from './cells';

/** "整改状态第3项" / "statuses item 3": where in a range a bad value sits. */
export function itemLabel(argument: string, item: number): string {
  return messageLocale() === 'en' ? `${argument} item ${item}` : `${argument}第${item}项`;
}

/** How a value is quoted inside a message: text as is (shortened), numbers plainly, TRUE/FALSE, a range by its size. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const rows = value.length;
    const columns = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 1;
    return messageLocale() === 'en' ? `a ${rows}×${columns} range` : `${rows}×${columns}区域`;
  }
  return errorCode(value) ?? typeof value;
}

/** Default argument names of the scans (the functions pass their own, localized). */
export const DEFAULT_ARGUMENTS = {
  statuses: '整改状态',
  flags: '长期坚持',
  deadlines: '截止日期',
  doneDates: '完成日期',
  closeStates: '销号状态',
  texts: '整改时限',
} as const;
