// The report importer (DESIGN.md §9): pasted 反馈意见 / 整改情况通报 text → structure → ledger.
export { importReport, importSteps } from './importReport';
export type { ImportOptions } from './importReport';
export { toImportJson } from './json';
export type { ImportJson } from './json';
export { toLedger, toNewItems, toRound } from './toLedger';
export type { NewItem } from './toLedger';
export { formatWarning } from './warnings';
export type * from './types';
