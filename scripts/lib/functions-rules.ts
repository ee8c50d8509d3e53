// Microsoft's published rules for custom functions metadata (functions.json and its localized
// copies), checked against what the build emits. Each rule names the document it comes from; a
// problem is a sentence naming the file and the function, so a CI failure says what to fix.
//
//   [naming]  learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming
//   [json]    learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json
//   [errors]  learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors
//   [cfm]     custom-functions-metadata (Microsoft's generator, parseTree.js): id and name ≤ 128

type Param = { name?: unknown; description?: unknown; type?: unknown; dimensionality?: unknown; optional?: unknown; repeating?: unknown };
type Fn = { id?: unknown; name?: unknown; description?: unknown; helpUrl?: unknown; parameters?: unknown; result?: unknown; options?: Record<string, unknown> };
type Metadata = { functions?: unknown; allowErrorForDataTypeAny?: unknown; [key: string]: unknown };

/** [naming] "id: Only A–Z, 0–9, underscore, and period characters are allowed"; starts with a letter, ≥ 3. */
const ID_RE = /^[A-Z][A-Z0-9_.]{2,}$/;
/** [naming] "name: Any Unicode alphabetic characters, underscore, and period"; starts with a letter, ≥ 3. */
const NAME_RE = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;
/** [cfm] "exceeds the maximum of 128 characters" (id), "must be 128 characters or less" (name). */
const MAX_ID_OR_NAME = 128;
/** [json] parameter and result `type`: boolean, number, string or any. */
const TYPES = new Set(['boolean', 'number', 'string', 'any']);
/** [json] `dimensionality`: scalar or matrix. */
const DIMENSIONALITIES = new Set(['scalar', 'matrix']);
/** [json] the properties of `options`. */
const OPTIONS = new Set([
  'cancelable', 'capturesCallingObject', 'excludeFromAutoComplete', 'linkedEntityLoadService', 'requiresAddress',
  'requiresParameterAddresses', 'requiresStreamAddress', 'requiresStreamParameterAddresses', 'stream', 'volatile',
]);

export type RulesContext = {
  /** The file checked, for the messages. */
  file: string;
  /** Where the add-in is served: every helpUrl must be a page of it. */
  addinUrl: string;
  /** Whether a path relative to the add-in's root exists in the build. */
  exists(path: string): boolean;
};

function optionProblems(fn: Fn, where: string): string[] {
  const o = fn.options ?? {};
  const problems: string[] = [];
  for (const key of Object.keys(o)) {
    if (!OPTIONS.has(key)) problems.push(`${where}: options.${key} is not an option of custom-functions-json (top-level properties such as allowErrorForDataTypeAny do not go into options)`);
    else if (typeof o[key] !== 'boolean') problems.push(`${where}: options.${key} must be a Boolean`);
  }
  // [json] "A function can't use both the stream and cancelable properties" (also requiresAddress, volatile).
  for (const other of ['cancelable', 'requiresAddress', 'volatile']) {
    if (o.stream === true && o[other] === true) problems.push(`${where}: stream and ${other} cannot both be true`);
  }
  // [json] requiresStreamAddress / requiresStreamParameterAddresses: "The function must also have stream set to true".
  for (const key of ['requiresStreamAddress', 'requiresStreamParameterAddresses']) {
    if (o[key] === true && o.stream !== true) problems.push(`${where}: ${key} needs stream`);
  }
  // [json] requiresParameterAddresses: "dimensionality must be set to matrix" on the result.
  const result = (fn.result ?? {}) as { dimensionality?: unknown };
  if (o.requiresParameterAddresses === true && result.dimensionality !== 'matrix') problems.push(`${where}: requiresParameterAddresses needs a matrix result`);
  // [json] "A function can't have both excludeFromAutoComplete and linkedEntityLoadService".
  if (o.excludeFromAutoComplete === true && o.linkedEntityLoadService === true) problems.push(`${where}: excludeFromAutoComplete and linkedEntityLoadService cannot both be true`);
  return problems;
}

function parameterProblems(fn: Fn, where: string): string[] {
  if (!Array.isArray(fn.parameters)) return [`${where}: parameters must be an array ([json]: required)`];
  const problems: string[] = [];
  let optionalSeen = false;
  const names = new Set<string>();
  (fn.parameters as Param[]).forEach((p, i) => {
    const at = `${where} parameter ${i + 1}`;
    if (typeof p.name !== 'string' || p.name === '') problems.push(`${at}: name is required`);
    else if (names.has(p.name)) problems.push(`${at}: name "${p.name}" is used twice`);
    else names.add(p.name);
    if (p.type !== undefined && !TYPES.has(String(p.type))) problems.push(`${at}: type "${String(p.type)}" is not boolean, number, string or any`);
    if (p.dimensionality !== undefined && !DIMENSIONALITIES.has(String(p.dimensionality))) problems.push(`${at}: dimensionality must be scalar or matrix`);
    if (typeof p.description !== 'string' || p.description.trim() === '') problems.push(`${at}: no description (Excel shows it in IntelliSense)`);
    // Excel fills arguments left to right: a required one after an optional one could never be omitted.
    if (p.optional === true || p.repeating === true) optionalSeen = true;
    else if (optionalSeen) problems.push(`${at}: required after an optional parameter`);
  });
  return problems;
}

function helpUrlProblems(fn: Fn, where: string, ctx: RulesContext): string[] {
  if (fn.helpUrl === undefined) return [];
  if (typeof fn.helpUrl !== 'string') return [`${where}: helpUrl must be a string`];
  let url: URL;
  try {
    url = new URL(fn.helpUrl);
  } catch {
    return [`${where}: helpUrl "${fn.helpUrl}" is not an absolute URL`];
  }
  if (!fn.helpUrl.startsWith(ctx.addinUrl)) return [`${where}: helpUrl "${fn.helpUrl}" is not under the add-in's own URL ${ctx.addinUrl}`];
  if (url.protocol !== 'https:' && url.hostname !== 'localhost') return [`${where}: helpUrl must use https`];
  const path = fn.helpUrl.slice(ctx.addinUrl.length).replace(/[?#].*$/, '');
  return ctx.exists(path) ? [] : [`${where}: helpUrl points at ${path}, which the build does not contain`];
}

/** Every broken rule of one metadata file (empty when it keeps them all). */
export function metadataProblems(metadata: unknown, ctx: RulesContext): string[] {
  const m = (metadata ?? {}) as Metadata;
  if (!Array.isArray(m.functions)) return [`${ctx.file}: no "functions" array ([json]: required)`];
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  let anyParameter = false;
  for (const [i, fn] of (m.functions as Fn[]).entries()) {
    const where = `${ctx.file} ${typeof fn.id === 'string' ? fn.id : `function ${i + 1}`}`;
    if (typeof fn.id !== 'string' || !ID_RE.test(fn.id)) problems.push(`${where}: id must start with a letter, be 3+ characters of A–Z, 0–9, _ and . ([naming])`);
    else if (fn.id.length > MAX_ID_OR_NAME) problems.push(`${where}: id longer than ${MAX_ID_OR_NAME} characters`);
    if (typeof fn.id === 'string') {
      // [json] "no two function objects in the metadata file should have the same id value".
      if (ids.has(fn.id)) problems.push(`${where}: id used twice`);
      ids.add(fn.id);
    }
    if (typeof fn.name !== 'string' || !NAME_RE.test(fn.name)) problems.push(`${where}: name "${String(fn.name)}" must start with a letter and be 3+ letters, digits, _ or . ([naming])`);
    else if (fn.name.length > MAX_ID_OR_NAME) problems.push(`${where}: name longer than ${MAX_ID_OR_NAME} characters`);
    if (typeof fn.name === 'string') {
      // [naming] "Naming conflicts": two functions of one add-in with one name give #REF!.
      const key = fn.name.toUpperCase();
      if (names.has(key)) problems.push(`${where}: name "${fn.name}" used twice`);
      names.add(key);
    }
    if (typeof fn.description !== 'string' || fn.description.trim() === '') problems.push(`${where}: no description`);
    if (typeof fn.result !== 'object' || fn.result === null) problems.push(`${where}: result is required ([json])`);
    problems.push(...optionProblems(fn, where), ...parameterProblems(fn, where), ...helpUrlProblems(fn, where, ctx));
    if (Array.isArray(fn.parameters)) anyParameter ||= (fn.parameters as Param[]).some((p) => p.type === undefined || p.type === 'any');
  }
  // [json] allowErrorForDataTypeAny is top-level and Boolean; [errors] without it Excel does not call
  // a function whose any/any[][] argument holds an error cell.
  if (m.allowErrorForDataTypeAny !== undefined && typeof m.allowErrorForDataTypeAny !== 'boolean') problems.push(`${ctx.file}: allowErrorForDataTypeAny must be a Boolean`);
  if (anyParameter && m.allowErrorForDataTypeAny !== true) problems.push(`${ctx.file}: parameters of type any but allowErrorForDataTypeAny is not true: error cells would stop the functions`);
  return problems;
}

/** Problems between the English file and a localized one: same ids, order, shapes and options ([naming] "Localize custom functions"). */
export function localizedProblems(english: unknown, localized: unknown, file: string): string[] {
  const en = ((english ?? {}) as Metadata).functions as Fn[] | undefined;
  const lo = ((localized ?? {}) as Metadata).functions as Fn[] | undefined;
  if (!Array.isArray(en) || !Array.isArray(lo)) return [`${file}: no "functions" array`];
  const problems: string[] = [];
  if (JSON.stringify(en.map((f) => f.id)) !== JSON.stringify(lo.map((f) => f.id))) problems.push(`${file}: ids differ from functions.json`);
  const top = (m: unknown) => JSON.stringify({ ...(m as Metadata), functions: undefined });
  if (top(english) !== top(localized)) problems.push(`${file}: top-level properties differ from functions.json`);
  for (const fn of lo) {
    const base = en.find((f) => f.id === fn.id);
    if (!base) continue;
    const shape = (f: Fn) => JSON.stringify({ options: f.options, result: f.result, helpUrl: f.helpUrl, parameters: (f.parameters as Param[]).map(({ name: _n, description: _d, ...rest }) => rest) });
    if (shape(base) !== shape(fn)) problems.push(`${file} ${String(fn.id)}: options, result, help URL or parameter types differ from functions.json`);
  }
  return problems;
}

/**
 * [json] "Make sure there is an association, otherwise the function won't be registered"; office.js
 * reports an id associated twice as [DuplicatedName]. `calls` are the ids passed to
 * CustomFunctions.associate while the built scripts ran.
 */
export function associationProblems(ids: readonly string[], calls: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of calls) counts.set(id, (counts.get(id) ?? 0) + 1);
  const problems: string[] = [];
  for (const id of ids) {
    const n = counts.get(id) ?? 0;
    if (n !== 1) problems.push(`${id} is associated ${n} times in the built bundle (exactly once wanted)`);
  }
  for (const id of counts.keys()) if (!ids.includes(id)) problems.push(`${id} is associated but not in functions.json`);
  return problems;
}
