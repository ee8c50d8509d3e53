// The LedgerStore port: everything the task pane asks of a ledger. In Excel it is the Office.js
// adapter (src/workbook); in a plain browser it is the in-memory store with a sample ledger.
// Items are addressed by their 编号 (id), never by position.
import type { FieldChange } from './distribute/collect';
import type { LedgerError } from './errors';
import type { CloseState, IsoDate, Ledger, MeasureRow, ProblemRow, Round, Status } from './types';

/** Stores reject with this when the data is bad (a LedgerError value): show `message` to the user. */
export class LedgerStoreError extends Error {
  constructor(readonly error: LedgerError) {
    super(error.message);
    this.name = 'LedgerStoreError';
  }
}

/** What the form collects for a new problem; ids are given by the store. */
export type NewProblem = Omit<ProblemRow, 'id' | 'status' | 'closeState' | 'closeDate' | 'longTerm'> & {
  longTerm?: boolean;
};
export type NewMeasure = Omit<MeasureRow, 'id' | 'problemId' | 'closeState' | 'closeDate' | 'progress' | 'evidence' | 'doneDate'> & {
  progress?: string;
  evidence?: string;
  doneDate?: IsoDate | null;
};

export type ProblemPatch = Partial<Omit<ProblemRow, 'id' | 'status'>>;
export type MeasurePatch = Partial<Omit<MeasureRow, 'id' | 'problemId'>>;

/**
 * The 销号 steps — 申请 (with 佐证材料) → 同意 (已销号) / 退回 (with a reason) — and the 延期 request —
 * 申请 (新时限, 理由) → 同意 (the deadline changes; the old one stays in the log) / 不同意 (with a reason).
 * Each leaves a workflow entry in 整改进展 (progress.ts). ledger-ops.ts holds the state machine.
 */
export type CloseStep =
  | { step: 'apply'; evidence: string; date: IsoDate }
  | { step: 'approve'; date: IsoDate }
  | { step: 'reject'; reason: string; date: IsoDate }
  | { step: 'extend'; deadlineText: string; deadline: IsoDate | null; reason: string; date: IsoDate }
  | { step: 'approveExtension'; date: IsoDate }
  | { step: 'refuseExtension'; reason: string; date: IsoDate };

/** One line of 变更记录. */
export type ChangeEntry = { time: string; id: string; field: string; before: string; after: string };

/**
 * Whether the open workbook holds a ledger: none, complete, or ours with missing parts. With none,
 * `summary` says the workbook holds a 汇总 table (ZG_Summary) — a 巡察办's summary workbook, which
 * keeps no ledger of its own: the pane opens it on 汇总 rather than offering to create a ledger.
 * detect() finds it in the same look at the workbook, at no extra cost.
 */
export type LedgerPresence = { state: 'none'; summary?: boolean } | { state: 'ok' } | { state: 'repairable'; missing: string[] };

export type ItemRef = { kind: 'problem' | 'measure'; id: string };

/** What createOrRepair did: parts created, parts repaired, and notes for the user. */
export type RepairReport = { created: string[]; repaired: string[]; notes: string[] };

export type LedgerStore = {
  /** 'excel', 'preview' (in-memory, plain browser) or 'file' (a ledger .xlsx the page opened, DESIGN §12). */
  readonly kind: 'excel' | 'preview' | 'file';
  detect(): Promise<LedgerPresence>;
  /**
   * Creates the ledger sheets, or repairs missing columns/names without touching data. The report
   * lists what was created/repaired and notes to show (e.g. a sheet name taken by a foreign sheet).
   */
  createOrRepair(): Promise<RepairReport | void>;
  load(): Promise<Ledger>;
  saveRound(round: Round): Promise<void>;
  addProblem(problem: NewProblem, measures: NewMeasure[]): Promise<{ problemId: string; measureIds: string[] }>;
  /** Adds many at once (import): one batch, one Excel.run. */
  addProblems(items: { problem: NewProblem; measures: NewMeasure[] }[]): Promise<{ problemIds: string[] }>;
  /**
   * Adds measures to an existing problem: their rows go right after the problem's last measure in
   * the table (a problem without any: at the bottom), so ZG_Measures stays in problem order.
   */
  addMeasures(problemId: string, measures: NewMeasure[]): Promise<{ measureIds: string[] }>;
  updateProblem(id: string, patch: ProblemPatch): Promise<void>;
  updateMeasure(id: string, patch: MeasurePatch): Promise<void>;
  appendProgress(measureId: string, date: IsoDate, text: string): Promise<void>;
  /** 已完成 sets 完成日期 (doneDate, default today); any other status clears it. */
  setStatus(measureId: string, status: Status, doneDate?: IsoDate): Promise<void>;
  closeStep(ref: ItemRef, step: CloseStep): Promise<CloseState>;
  deleteProblem(id: string): Promise<void>;
  deleteMeasure(id: string): Promise<void>;
  /** Selects the item's row in the sheet (no-op in the preview). */
  select(ref: ItemRef): Promise<void>;
  /** Calls back when the user selects a ledger row in Excel; returns an unsubscribe. */
  onSelect(listener: (ref: ItemRef) => void): Promise<() => void>;
  /**
   * Writes rows of text (the 通报 draft, 报告 tab) to a NEW worksheet named `name`, or `name (2)` …
   * when taken; every cell as text, never a formula. Returns the sheet's actual name. Optional:
   * the pane disables 写入新工作表 where a store lacks it.
   */
  writeReportSheet?(name: string, rows: string[][]): Promise<string>;
  /**
   * 统计: creates the 整改统计 sheet (native formulas and charts over ZG_Problems / ZG_Measures, so
   * it computes without the add-in), or rewrites it in place when it is already there. Optional.
   */
  refreshDashboard?(): Promise<DashboardReport>;
  /**
   * 汇总: merges ledgers that units sent back into the 汇总 table (one row per measure, tagged with
   * its 来源单位) and rewrites the 汇总统计 sheet over it. A unit already in the table is replaced,
   * never duplicated. Needs no ledger in the workbook (a summary workbook has none). Optional.
   */
  consolidate?(units: readonly UnitLedger[]): Promise<ConsolidationReport>;
  /**
   * The units already in the 汇总 table, with the file each one's rows came from and how many
   * rows (none when there is no table yet): read before 汇总 writes, so the pane can ask before a
   * file replaces rows another file brought (replacementsToConfirm). Optional, with consolidate.
   */
  summarySources?(): Promise<SummarySource[]>;
  /**
   * 生成发送副本: a copy of the open workbook in which every ZG.* formula is replaced by its value,
   * opened as a new workbook for the user to save and send. Optional (needs an open workbook).
   */
  makeSendCopy?(): Promise<SendCopyReport>;
  /**
   * 回收: applies the changes of returned files that were accepted (see ledger/distribute): one
   * action, one edit with 变更记录 lines naming each source. Changes of measures the ledger no
   * longer has are skipped. Returns how many 变更记录 lines were written.
   */
  applyCollected(changes: readonly FieldChange[]): Promise<{ changed: number }>;
};

/** What 统计 did: the sheet's name, the categories and units it lists, and whether it was new. */
export type DashboardReport = { sheet: string; created: boolean; categories: number; units: number; charts: number };

/** A unit in the 汇总 table: the file its rows came from (the first row's 来源文件) and how many rows it has. */
export type SummarySource = { unit: string; fileName: string; rows: number };

/** A ledger a unit sent back, as read from its file. `unit` is its 被巡察单位 (or the file name). */
export type UnitLedger = { unit: string; fileName: string; ledger: Ledger };

/** What 汇总 did, unit by unit. */
export type ConsolidationReport = {
  sheet: string;
  units: { unit: string; fileName: string; problems: number; measures: number; outcome: 'added' | 'replaced' }[];
  /** Units in the 汇总 table after the merge, and its rows. */
  unitCount: number;
  rowCount: number;
  /**
   * The 统计截止日期 on 汇总统计 — typed by the user, and kept when 汇总 rewrites the sheet — that
   * the sheet counts 逾期 and 临期 against; null when blank (the sheet counts as of today). Left out
   * by a store that cannot tell.
   */
  asOf?: IsoDate | null;
};

/**
 * What 生成发送副本 changed beyond the ZG.* formulas, for the pane to warn about: cells Excel never
 * calculated, formulas that reached outside the workbook (now values), macros, external links and
 * the names into them, zip entries not copied. Each optional: a store that cannot tell leaves it out.
 */
export type SendCopyFindings = {
  uncached?: readonly string[];
  live?: readonly { cell: string; kind: 'WEBSERVICE' | 'DDE' | 'HYPERLINK' | 'LINK' }[];
  macros?: 'none' | 'dropped' | 'kept';
  externalLinks?: readonly { kind: 'DDE' | 'OLE' | 'workbook'; target: string }[];
  linkNames?: readonly string[];
  unsafeEntries?: readonly string[];
};

/** What 生成发送副本 did: how many ZG.* formulas became values, where the copy went, and what else it found. */
export type SendCopyReport = { replaced: number; delivery: 'opened' | 'downloaded'; fileName: string } & SendCopyFindings;
