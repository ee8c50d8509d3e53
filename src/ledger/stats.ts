// The metrics of DESIGN.md §7: rates rounded as the 通报 publish them, days left, the 预警 light and
// the problem roll-up — over typed ledger rows (ledger-metrics) and over raw cell blocks in place
// (scan-rates, scan-rows: the ZG.* functions' hot path, no object per cell).
export { roundedRate, rateOrError, isValidDigits, MAX_DIGITS } from './stats/rate';
export { type CellGrid, type ErrorCell, asGrid, cellAt, errorCode, gridSize, gridWidth, isBlankCell, tailIsBlank } from './stats/cells';
export { type DayUnit, type DayCounter, DEFAULT_WARN_DAYS, dayCounter, daysUntil, signedWorkdays } from './stats/days';
export {
  type CompletionOptions,
  type OnTimeOptions,
  type OverdueOptions,
  type RateOptions,
  closeRateOfCells,
  completionRateOfCells,
  longTermShareOfCells,
  onTimeRateOfCells,
  overdueOfCells,
} from './stats/scan-rates';
export {
  type DaysLeftOptions,
  type DeadlineOptions,
  type ErrorCellFactory,
  type LightOptions,
  type OutputGrid,
  blankLike,
  daysLeftInto,
  deadlineInto,
  lightInto,
  statusInto,
} from './stats/scan-rows';
export { StatusCodeCache, FlagCodeCache, statusOfCode, isDoneCode } from './stats/status-codes';
export { DeadlineCodeCache, isDateCode } from './stats/deadline-codes';
export {
  type LedgerCounts,
  type LedgerMetrics,
  type LightSettings,
  type RateSettings,
  completionRate,
  daysLeft,
  isDoneOnTime,
  isOverdue,
  ledgerCounts,
  ledgerMetrics,
  lightOf,
  longTermShare,
  problemStatuses,
} from './stats/ledger-metrics';
