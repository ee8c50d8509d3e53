// The 录入 draft as state. App owns it (not the 录入 panel), so a half-filled form survives
// switching tabs: the panel unmounts, the draft stays.
import { useCallback, useMemo, useReducer } from 'react';
import { emptyDraft, emptyMeasure, type EntryDraft, type MeasureDraft, type ProblemDraft } from './entryDraft';

export type MeasurePatch = Partial<Omit<MeasureDraft, 'key'>>;

type Action =
  | { type: 'problem'; field: keyof ProblemDraft; value: string }
  | { type: 'measure'; key: string; patch: MeasurePatch }
  | { type: 'addMeasure' }
  | { type: 'removeMeasure'; key: string }
  | { type: 'submitted' }
  | { type: 'reset' };

function reduce(draft: EntryDraft, action: Action): EntryDraft {
  switch (action.type) {
    case 'problem':
      return { ...draft, problem: { ...draft.problem, [action.field]: action.value } };
    case 'measure':
      return { ...draft, measures: draft.measures.map((m) => (m.key === action.key ? { ...m, ...action.patch } : m)) };
    case 'addMeasure':
      return { ...draft, measures: [...draft.measures, emptyMeasure(`m${draft.nextKey}`)], nextKey: draft.nextKey + 1 };
    case 'removeMeasure':
      // A problem keeps at least one measure.
      if (draft.measures.length <= 1) return draft;
      return { ...draft, measures: draft.measures.filter((m) => m.key !== action.key) };
    case 'submitted':
      return draft.submitted ? draft : { ...draft, submitted: true };
    case 'reset':
      return emptyDraft();
  }
}

export type ProblemForm = {
  draft: EntryDraft;
  setProblemField: (field: keyof ProblemDraft, value: string) => void;
  setMeasure: (key: string, patch: MeasurePatch) => void;
  addMeasure: () => void;
  removeMeasure: (key: string) => void;
  markSubmitted: () => void;
  reset: () => void;
};

export function useProblemForm(initial?: EntryDraft): ProblemForm {
  const [draft, dispatch] = useReducer(reduce, initial ?? null, (init) => init ?? emptyDraft());
  const setProblemField = useCallback((field: keyof ProblemDraft, value: string) => dispatch({ type: 'problem', field, value }), []);
  const setMeasure = useCallback((key: string, patch: MeasurePatch) => dispatch({ type: 'measure', key, patch }), []);
  const addMeasure = useCallback(() => dispatch({ type: 'addMeasure' }), []);
  const removeMeasure = useCallback((key: string) => dispatch({ type: 'removeMeasure', key }), []);
  const markSubmitted = useCallback(() => dispatch({ type: 'submitted' }), []);
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return useMemo(
    () => ({ draft, setProblemField, setMeasure, addMeasure, removeMeasure, markSubmitted, reset }),
    [draft, setProblemField, setMeasure, addMeasure, removeMeasure, markSubmitted, reset],
  );
}
