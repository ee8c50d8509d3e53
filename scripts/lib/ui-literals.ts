// The pane and the page speak Chinese and English through their string catalogues
// (src/taskpane/i18n, *Strings.ts); a Chinese literal written straight into a component shows up
// untranslated in the English UI. This finds such literals in one source file: string, template and
// JSX text containing CJK characters or full-width punctuation. Comments are not literals, so the
// Chinese in them is never reported. Two places are catalogues by construction and skipped:
// - arguments of console.* (log labels for developers, never on screen);
// - the values of an object literal keyed by locale ({ 'zh-CN': …, en: … }), a catalogue in small.
import ts from 'typescript';

/** CJK ideographs, CJK punctuation (、。「」), and full-width forms (，：（）｜＊). */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export type LiteralFinding = { file: string; line: number; text: string };

function isConsoleCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console';
}

function propertyName(p: ts.ObjectLiteralElementLike): string | null {
  if (!p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return null;
}

/** `{ 'zh-CN': …, en: … }`: an object literal whose keys include both locales. */
function isLocaleRecord(node: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const keys = new Set(node.properties.map(propertyName));
  return keys.has('zh-CN') && keys.has('en');
}

function isLiteral(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode | ts.JsxText {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
}

/** Every CJK literal of `source` outside console calls and locale records, with its 1-based line. */
export function cjkLiterals(file: string, source: string): LiteralFinding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: LiteralFinding[] = [];
  const visit = (node: ts.Node): void => {
    if (isConsoleCall(node) || isLocaleRecord(node)) return;
    if (isLiteral(node) && CJK.test(node.text)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.text.trim() });
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return found;
}
