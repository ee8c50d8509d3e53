// What the report importer produces: the structure of a 反馈意见 or 整改情况通报, with everything
// that was guessed named in warnings. Plain data, convertible to the CLI JSON (json.ts) and to a
// Ledger / store items (toLedger.ts).
import type { IsoDate, Status } from '../types';

/** 反馈意见 lists problems only; 整改情况通报/报告 adds outcomes; 整改方案 adds measures, owners, deadlines. */
export type ReportKind = 'feedback' | 'report' | 'plan';

export type ImportedRound = {
  org: string | null; // 被巡察单位 (as the document names itself)
  inspector: string | null; // 巡察组
  inspectionStart: IsoDate | null;
  inspectionEnd: IsoDate | null;
  feedbackDate: IsoDate | null;
  reportDate: IsoDate | null; // the document's own date (署名日期)
  /** 回头看 / 专项 when the text says so. */
  kind: '常规' | '专项' | '回头看' | '';
};

/** Where a status came from: a status line (整改情况：…), the prose of the body, or nowhere. */
export type StatusSource = 'line' | 'prose' | 'none';

export type ImportedMeasure = {
  text: string;
  status: Status | null;
  longTerm: boolean;
  deadline: IsoDate | null;
  deadlineText: string;
  leader: string; // 责任领导, when a 整改方案 names one
  unit: string; // 责任单位
  owner: string; // 责任人
};

export type ImportedProblem = {
  /** The number as written (（1）, 1., 1、, （一）), null for unnumbered headings. */
  number: string | null;
  /** 方面: the heading the problem sits under. */
  category: string | null;
  /** Intermediate heading between the 方面 and this problem (e.g. "1.学习…不深入"), null if none. */
  group: string | null;
  finding: string;
  status: Status | null;
  statusText: string; // the phrase the status was read from
  statusSource: StatusSource;
  longTerm: boolean;
  deadline: IsoDate | null;
  /** The deadline phrase as written, null when none is stated. */
  deadlineText: string | null;
  /** The rectification text (整改情况 and its continuation), '' for a 反馈意见. */
  body: string;
  measures: ImportedMeasure[];
  /** 1-based line of the heading in the source text, for warnings and the preview. */
  line: number;
};

/** A summary figure: "制定的25条整改措施" → label 整改措施总数, value 25, unit 条. */
export type SummaryFigure = { text: string; label: string; value: number; unit: string };

export type WarningCode =
  | 'noOutcome' // no status stated for a problem
  | 'statusFromProse' // status inferred from the body, not a status line
  | 'yearInferred' // a date without a year was given one
  | 'deadlineUnresolved' // 近期/尽快…: needs a person
  | 'deadlineChoice' // several target dates in one problem: the latest was kept
  | 'noReference' // no date in the text to resolve yearless deadlines against
  | 'roundMissing' // a round field could not be found
  | 'unnumbered' // a problem heading without a number
  | 'figureMismatch' // a summary figure disagrees with the parsed structure
  | 'mixedStatus' // the status line names several outcomes (weakest kept)
  | 'noProblems' // a report with a round and figures but no itemised problem
  | 'outcomeAmbiguous' // an outcome was stated too vaguely to call: left 未标注
  | 'traditional' // the text is in traditional characters: read (and imported) as simplified
  | 'cellTooLong' // a text longer than an Excel cell holds: split or cut, said where
  | 'emptyProblem'; // a numbered problem heading with no finding under it: not imported

/** `message` is zh-CN (the CLI prints it); the pane re-renders from code + params in its locale. */
export type ImportWarning = { code: WarningCode; line: number | null; params: string[]; message: string };

export type ImportResult = {
  kind: ReportKind;
  title: string;
  round: ImportedRound;
  problems: ImportedProblem[];
  figures: SummaryFigure[];
  warnings: ImportWarning[];
};
