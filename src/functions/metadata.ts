// Build-time derivations from the generated functions.json (pure, called by webpack.config.js):
// the zh-CN metadata (same ids, Chinese names and descriptions) and one self-contained help page
// per function, Chinese first with an English section, served by the add-in itself.
import { CATALOGUE, functionDoc, type FunctionDoc } from './catalogue';
import { renderFunctionPage, renderIndexPage } from './help-pages';

type MetadataParameter = { name: string; description?: string; [key: string]: unknown };
type MetadataFunction = { id: string; name: string; description?: string; parameters: MetadataParameter[]; [key: string]: unknown };
type Metadata = { functions: MetadataFunction[]; [key: string]: unknown };

function isMetadata(value: unknown): value is Metadata {
  return typeof value === 'object' && value !== null && Array.isArray((value as { functions?: unknown }).functions);
}

function docFor(fn: MetadataFunction): FunctionDoc {
  const doc = functionDoc(fn.id);
  if (!doc) throw new Error(`functions.json has ${fn.id}, which src/functions/catalogue.ts does not describe`);
  return doc;
}

type MetadataTypes = { type?: string };

/** A parameter Excel would hand errors to under allowErrorForDataTypeAny: type any (the default when absent). */
function takesAny(param: MetadataParameter & MetadataTypes): boolean {
  return param.type === undefined || param.type === 'any';
}

/**
 * What the JSDoc cannot say, added to the generated functions.json. `allowErrorForDataTypeAny` is a
 * top-level property (custom-functions-json, "allowErrorForDataTypeAny"), which the autogeneration
 * never writes (custom-functions-errors, "Errors as custom function inputs"): without it Excel does
 * not call a function at all when a range argument holds an error cell (#N/A in 截止日期), so the
 * per-row answers and the 第几项 messages would never happen. Set whenever a parameter is any/any[][].
 */
export function completeMetadata(functionsJson: unknown): unknown {
  const metadata = typeof functionsJson === 'string' ? (JSON.parse(functionsJson) as unknown) : functionsJson;
  if (!isMetadata(metadata)) throw new Error('completeMetadata: expected custom functions metadata with a "functions" array');
  const anyParameter = metadata.functions.some((fn) => fn.parameters.some(takesAny));
  return anyParameter ? { allowErrorForDataTypeAny: true, ...metadata } : metadata;
}

/**
 * functions.json → functions.zh-cn.json: every function and parameter keeps its id, order, types,
 * dimensionality, optional and volatile flags; names and descriptions become Chinese. Throws when
 * the input is not functions metadata or a function or parameter has no Chinese entry, so the build
 * fails instead of shipping a half-translated file.
 */
export function localizeMetadata(functionsJson: unknown): unknown {
  const metadata = typeof functionsJson === 'string' ? (JSON.parse(functionsJson) as unknown) : functionsJson;
  if (!isMetadata(metadata)) throw new Error('localizeMetadata: expected custom functions metadata with a "functions" array');
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const doc = docFor(fn);
      return {
        ...fn,
        name: doc.zhName,
        description: doc.zh,
        parameters: fn.parameters.map((param) => {
          const paramDoc = doc.params.find((p) => p.name === param.name);
          if (!paramDoc) throw new Error(`catalogue.ts has no Chinese entry for ${fn.id}(${param.name})`);
          return { ...param, name: paramDoc.zhName, description: paramDoc.zh };
        }),
      };
    }),
  };
}

/** The file name of a function's help page, as its @helpurl names it. */
export function helpPageName(id: string): string {
  return `help/${id.toLowerCase()}.html`;
}

/** Every help page: 'help/<id>.html' per function and 'help/index.html', self-contained HTML. */
export function renderHelpPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const doc of CATALOGUE) pages[helpPageName(doc.id)] = renderFunctionPage(doc);
  pages['help/index.html'] = renderIndexPage(CATALOGUE);
  return pages;
}
