// Excel holds at most 32,767 characters in a cell. A pasted report can carry a line far longer (a
// table flattened into one line, a document without line breaks), so the importer never hands on a
// text that would become a longer cell: a measure is split into several measures at sentence ends
// (nothing is lost), a finding — one cell per problem — is cut at a sentence end. Each is said in a
// warning that names the line. The writers enforce the same limit for every other text.
import type { ImportedMeasure, ImportedProblem, ImportWarning } from './types';
import { makeWarning } from './warnings';

export const CELL_LIMIT = 32_767;

/** The text in pieces of at most `limit` characters, cut after a sentence end where there is one. */
export function splitForCells(text: string, limit = CELL_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('\n'), window.lastIndexOf('！'), window.lastIndexOf('？')) + 1;
    if (cut < limit / 2) cut = limit; // no sentence end in the second half: a hard cut
    // Never between the halves of a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Cuts and splits every problem's texts to fit a cell; one warning per text changed. */
export function fitCells(problems: ImportedProblem[], warnings: ImportWarning[]): ImportedProblem[] {
  return problems.map((p) => {
    let changed = p;
    if (p.finding.length > CELL_LIMIT) {
      warnings.push(makeWarning('cellTooLong', p.line, [String(p.line), 'finding', String(p.finding.length), 'cut']));
      changed = { ...changed, finding: splitForCells(p.finding)[0] };
    }
    // A problem with no listed measure becomes one measure of its body (toLedger): split the body
    // into measures here, so that measure fits too.
    const measures: ImportedMeasure[] =
      p.measures.length === 0 && p.body.length > CELL_LIMIT ? [{ ...blankMeasure(p), text: p.body }] : p.measures;
    if (measures.some((m) => m.text.length > CELL_LIMIT)) {
      const split = measures.flatMap((m) => {
        if (m.text.length <= CELL_LIMIT) return [m];
        const pieces = splitForCells(m.text);
        warnings.push(makeWarning('cellTooLong', p.line, [String(p.line), 'measure', String(m.text.length), 'split', String(pieces.length)]));
        return pieces.map((text) => ({ ...m, text }));
      });
      changed = { ...changed, measures: split, body: splitForCells(p.body)[0] };
    } else if (p.body.length > CELL_LIMIT) changed = { ...changed, body: splitForCells(p.body)[0] };
    if (changed.statusText.length > CELL_LIMIT) changed = { ...changed, statusText: splitForCells(changed.statusText)[0] };
    return changed;
  });
}

function blankMeasure(p: ImportedProblem): ImportedMeasure {
  return { text: '', status: p.status, longTerm: p.longTerm, deadline: p.deadline, deadlineText: p.deadlineText ?? '', leader: '', unit: '', owner: '' };
}
