// The one description of every ZG.* function beyond its JSDoc: Chinese name, descriptions of the
// function and each parameter in both languages, and worked examples. metadata.ts derives the
// zh-CN metadata and the help pages from it; the tests run every example through the function.
// The descriptions themselves are in catalogue-rates.ts and catalogue-rows.ts.
import { COMPLETIONRATE_DOC, LONGTERMSHARE_DOC, ONTIMERATE_DOC, OVERDUE_DOC } from './catalogue-rates';
import { DAYSLEFT_DOC, DEADLINE_DOC, LIGHT_DOC, STATUS_DOC, SUMMARY_DOC } from './catalogue-rows';

export type FunctionId = 'COMPLETIONRATE' | 'DAYSLEFT' | 'LONGTERMSHARE' | 'OVERDUE' | 'ONTIMERATE' | 'LIGHT' | 'DEADLINE' | 'STATUS' | 'SUMMARY';

export type ParameterDoc = {
  /** The parameter's name in functions.json (the JSDoc name). */
  name: string;
  zhName: string;
  zh: string;
  en: string;
  /** Optional in the JSDoc (`[name]`): omitted, it arrives as null and takes its default. */
  optional?: true;
};

/** One worked example: the formula as typed, the arguments it sees, and the answer. */
export type ExampleDoc = {
  formula: string;
  zh: string;
  en: string;
  args: unknown[];
  /** The answer as shown in the cell (a spilled column as a list). */
  result: number | string | (number | string)[];
  /** The clock the example is read on (for examples that depend on today). */
  today?: string;
};

export type FunctionDoc = {
  id: FunctionId;
  zhName: string;
  zh: string;
  en: string;
  params: ParameterDoc[];
  zhReturns: string;
  enReturns: string;
  volatile: boolean;
  /** Per-row answers spill when a range goes in. */
  spills: boolean;
  examples: ExampleDoc[];
  zhNotes: string[];
  enNotes: string[];
};

/** Every function, in the order of DESIGN.md §7 (the order of the metadata and the help index). */
export const CATALOGUE: readonly FunctionDoc[] = [
  COMPLETIONRATE_DOC,
  DAYSLEFT_DOC,
  LONGTERMSHARE_DOC,
  OVERDUE_DOC,
  ONTIMERATE_DOC,
  LIGHT_DOC,
  DEADLINE_DOC,
  STATUS_DOC,
  SUMMARY_DOC,
];

export function functionDoc(id: string): FunctionDoc | undefined {
  return CATALOGUE.find((doc) => doc.id === id);
}
