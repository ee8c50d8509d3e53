// Whether a text speaks of an inspection at all (issue 15): a recipe or a shopping list can be
// numbered as neatly as a 通报, so structure alone never makes a report. The words of inspection and
// rectification are counted, those in the title and in headings weighing more; a text without any
// of the strong ones, or with too few words in all, is refused with the usual notAReport message.
import type { SourceLine } from './lines';
import { readMarker } from './lines';

const STRONG_RE = /巡[察视]|整改|反馈意见|销号|问题清单|整改台账/g;
const WEAK_RE = /问题|措施|落实|通报|督查|督办|责任|清退|追责|问责|线索|监督|纪律/g;
const ENOUGH = 6;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export function soundsLikeInspection(lines: readonly SourceLine[]): boolean {
  let score = 0;
  let strong = 0;
  for (let i = 0; i < lines.length && score < ENOUGH * 4; i++) {
    const text = lines[i].text;
    const s = count(STRONG_RE, text);
    const w = count(WEAK_RE, text);
    // The title (the first lines) and numbered headings say what a text is about.
    const weight = i < 3 || readMarker(text) ? 2 : 1;
    strong += s;
    score += weight * (3 * s + w);
  }
  return strong > 0 && score >= ENOUGH;
}
