import { CATALOGUE } from '../../src/functions/catalogue';
import { FunctionError, setClock } from '../../src/functions/context';
import { CUSTOM_FUNCTIONS } from '../../src/functions/functions';

const examples = CATALOGUE.flatMap((doc) => doc.examples.map((example) => [doc.id, example.formula, example] as const));

afterEach(() => setClock(null));

/** What the cell shows: a number, a text, an error code; a spilled column as a list. */
function shown(value: unknown): unknown {
  if (value instanceof FunctionError) return value.code;
  if (Array.isArray(value)) return value.map((row: unknown[]) => shown(row[0]));
  return value;
}

describe('every example on the help pages is what the function answers', () => {
  it.each(examples)('%s %s', (id, _, example) => {
    if (example.today) {
      const [y, m, d] = example.today.split('-').map(Number);
      setClock(() => new Date(y, m - 1, d, 12));
    }
    const fn = CUSTOM_FUNCTIONS[id] as (...args: unknown[]) => unknown;
    let answer: unknown;
    try {
      answer = shown(fn(...structuredClone(example.args)));
    } catch (error) {
      answer = error instanceof FunctionError ? [error.code] : error;
    }
    if (typeof example.result === 'number') expect(answer).toBeCloseTo(example.result, 12);
    else expect(answer).toEqual(example.result);
  });
});
