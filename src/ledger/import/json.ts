// The command line's JSON shape of an import (`ledger import FILE --json`): dates as YYYY-MM-DD,
// null where unknown; status is one of the five stored values or null when none is stated.
import type { ImportResult } from './types';
import type { Status } from '../types';

export type ImportJson = {
  round: {
    org: string | null;
    inspector: string | null;
    inspectionStart: string | null;
    inspectionEnd: string | null;
    feedbackDate: string | null;
    reportDate: string | null;
  };
  problems: {
    number: string | null;
    category: string | null;
    group: string | null;
    finding: string;
    status: Status | null;
    longTerm: boolean;
    deadline: string | null;
    deadlineText: string | null;
    measures: { text: string }[];
  }[];
  figures: { text: string; label: string; value: number; unit: string }[];
  warnings: string[];
};

export function toImportJson(result: ImportResult): ImportJson {
  const r = result.round;
  return {
    round: {
      org: r.org,
      inspector: r.inspector,
      inspectionStart: r.inspectionStart,
      inspectionEnd: r.inspectionEnd,
      feedbackDate: r.feedbackDate,
      reportDate: r.reportDate,
    },
    problems: result.problems.map((p) => ({
      number: p.number,
      category: p.category,
      group: p.group,
      finding: p.finding,
      status: p.status,
      longTerm: p.longTerm,
      deadline: p.deadline,
      deadlineText: p.deadlineText,
      measures: p.measures.map((m) => ({ text: m.text })),
    })),
    figures: result.figures.map((f) => ({ text: f.text, label: f.label, value: f.value, unit: f.unit })),
    warnings: result.warnings.map((w) => (w.line !== null ? `第${w.line}行：${w.message}` : w.message)),
  };
}
