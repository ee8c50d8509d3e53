// The stored vocabularies (整改状态, 销号状态, 问题来源, 巡察类型) as the pane shows them. The workbook
// keeps the Chinese words — they are data, read by formulas and by people without the add-in — so
// the English pane translates them at display and nowhere else.
import type { Locale } from '../../ledger/errors';
import type { CloseState, ProblemSource, RoundKind, StatusOrUnmarked } from '../../ledger/types';

const STATUS_EN: Record<StatusOrUnmarked, string> = {
  未标注: 'Not stated',
  未启动: 'Not started',
  正在推进: 'In progress',
  部分完成: 'Partly done',
  基本完成: 'Mostly done',
  已完成: 'Done',
};

const CLOSE_EN: Record<CloseState, string> = {
  未申请: 'Not applied',
  已申请: 'Applied to close',
  已销号: 'Closed',
  退回: 'Returned',
  申请延期: 'Extension requested',
};

const SOURCE_EN: Record<ProblemSource, string> = {
  巡察反馈: 'Inspection feedback',
  立行立改交办: 'Assigned for immediate fixing',
  移交事项: 'Referred matter',
  上轮未完成: 'Left from last round',
  回头看: 'Follow-up inspection',
};

const KIND_EN: Record<RoundKind, string> = {
  常规: 'Regular',
  专项: 'Special',
  回头看: 'Follow-up',
  提级: 'Escalated',
  交叉: 'Cross',
};


/** An English word for a stored value; a value outside the vocabulary (a hand-typed cell) is shown as stored. */
function shown<K extends string>(table: Record<K, string>, value: string, locale: Locale): string {
  if (locale === 'zh-CN') return value;
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value as K] : value;
}

export const statusLabel = (value: string, locale: Locale): string => shown(STATUS_EN, value, locale);
export const closeStateLabel = (value: string, locale: Locale): string => shown(CLOSE_EN, value, locale);
export const sourceLabel = (value: string, locale: Locale): string => shown(SOURCE_EN, value, locale);
export const roundKindLabel = (value: string, locale: Locale): string => shown(KIND_EN, value, locale);
