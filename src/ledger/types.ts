// The domain vocabulary of a 巡察整改台账 (DESIGN.md §2–§4). Pure data: no Office, React or DOM.

/** Stored 整改状态 values, weakest first (DESIGN.md §4). Only 已完成 counts as done. */
export type Status = '未启动' | '正在推进' | '部分完成' | '基本完成' | '已完成';

/** Shown where a text states no outcome. Never counted as done, never stored as a status. */
export const UNMARKED = '未标注';
export type StatusOrUnmarked = Status | typeof UNMARKED;

/** Weakest first: the index is the strength, used by the problem roll-up. */
export const STATUSES: readonly Status[] = ['未启动', '正在推进', '部分完成', '基本完成', '已完成'];

/** 预警 colours: 蓝 done · 灰 long-term without date · 红 overdue · 黄 due soon · 绿 on track. */
export type Light = '蓝' | '灰' | '红' | '黄' | '绿';

/** 销号状态 of a measure or problem. */
export type CloseState = '未申请' | '已申请' | '已销号' | '退回' | '申请延期';
export const CLOSE_STATES: readonly CloseState[] = ['未申请', '已申请', '已销号', '退回', '申请延期'];

/** 问题来源. */
export type ProblemSource = '巡察反馈' | '立行立改交办' | '移交事项' | '上轮未完成' | '回头看';
export const PROBLEM_SOURCES: readonly ProblemSource[] = ['巡察反馈', '立行立改交办', '移交事项', '上轮未完成', '回头看'];

/** 巡察类型. */
export type RoundKind = '常规' | '专项' | '回头看' | '提级' | '交叉';
export const ROUND_KINDS: readonly RoundKind[] = ['常规', '专项', '回头看', '提级', '交叉'];

/** A calendar date as ISO text, always YYYY-MM-DD (see dates.ts for serial conversion). */
export type IsoDate = string;

/** One inspection round: the 巡察信息 sheet. */
export type Round = {
  org: string; // 被巡察单位
  inspector: string; // 巡察组
  kind: RoundKind | '';
  start: IsoDate | null; // 巡察起
  end: IsoDate | null; // 巡察止
  feedback: IsoDate | null; // 反馈日期
  months: number; // 集中整改期(月), default 3
  asOf: IsoDate | null; // 统计截止日期, null = today
  /**
   * 通报数字: the figures a 通报 or news item states for the round ("共反馈问题42个"), kept on 巡察信息
   * below the named cells, one row each, found by label. Absent: the store keeps what it holds.
   */
  figures?: RoundFigure[];
};

/** The named cells of 巡察信息 (every field of a round but its figures). */
export type RoundField = Exclude<keyof Round, 'figures'>;

/** One 通报数字 row: what is counted (its label), the number and its unit. */
export type RoundFigure = { label: string; value: number; unit: string };

/** One row of 问题清单 (`ZG_Problems`). */
export type ProblemRow = {
  id: string; // 问题编号, stable, e.g. P001
  sourceNumber: string; // 原编号
  category: string; // 问题类别 (方面)
  description: string; // 问题描述
  source: ProblemSource | '';
  leader: string; // 责任领导
  leadUnit: string; // 牵头单位
  status: StatusOrUnmarked; // rolled up from its measures (status.ts problemStatus)
  longTerm: boolean; // 长期坚持
  closeState: CloseState; // 销号状态
  closeDate: IsoDate | null; // 销号日期
  note: string; // 备注
};

/** One row of 整改台账 (`ZG_Measures`). */
export type MeasureRow = {
  id: string; // 措施编号, stable, e.g. P001-M02
  problemId: string; // 问题编号
  text: string; // 整改措施
  leader: string; // 责任领导
  unit: string; // 责任单位
  coUnits: string; // 配合单位
  owner: string; // 责任人
  deadlineText: string; // 整改时限, verbatim
  deadline: IsoDate | null; // 截止日期
  status: StatusOrUnmarked; // 整改状态
  longTerm: boolean; // 长期坚持
  doneDate: IsoDate | null; // 完成日期
  progress: string; // 整改进展, newest first, each line `YYYY-MM-DD：…`
  evidence: string; // 佐证材料
  closeState: CloseState; // 销号状态
  closeDate: IsoDate | null; // 销号日期
  note: string; // 备注
};

/** A whole ledger as the core sees it. */
export type Ledger = {
  round: Round;
  problems: ProblemRow[];
  measures: MeasureRow[];
};

/** A user override of the holiday calendar (`ZG_Holidays`): 休 = day off, 班 = working day. */
export type HolidayOverride = { date: IsoDate; type: '休' | '班'; note: string };

export const EMPTY_ROUND: Round = {
  org: '',
  inspector: '',
  kind: '',
  start: null,
  end: null,
  feedback: null,
  months: 3,
  asOf: null,
};
