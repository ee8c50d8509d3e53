// Counting the importer's work without a clock: every regular-expression call (exec, test, match,
// matchAll, replace, split, search — all go through RegExp.prototype) adds the length of the text it
// was given. A stage that re-reads a whole sentence per mention, or a paragraph per line, shows up as
// work that grows faster than the input. (Backtracking inside one call is not counted: the bench's
// worst-case corpus times those.)
type Patched = { restore: () => void; steps: () => number };

export function countRegexWork(): Patched {
  let steps = 0;
  const proto = RegExp.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const keys: (string | symbol)[] = ['exec', Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.split, Symbol.search];
  const originals = keys.map((k) => proto[k]);
  keys.forEach((k, i) => {
    const original = originals[i];
    proto[k] = function (this: RegExp, ...args: unknown[]) {
      // exec is called by the others too: count what the caller was handed, once.
      if (k === 'exec') {
        if (typeof args[0] === 'string' && this.lastIndex === 0) steps += (args[0] as string).length;
      } else if (typeof args[0] === 'string') steps += (args[0] as string).length;
      return original.apply(this, args);
    };
  });
  return {
    steps: () => steps,
    restore: () => keys.forEach((k, i) => (proto[k] = originals[i])),
  };
}

/** The regex work of one call of fn. */
export function workOf(fn: () => unknown): number {
  const meter = countRegexWork();
  try {
    fn();
  } finally {
    meter.restore();
  }
  return meter.steps();
}
