// A small strict XML parser for the add-in manifest: enough XML 1.0 to prove a manifest well-formed
// (one root, matched tags, quoted unique attributes, known entities, comments and CDATA) and to
// resolve namespaces. No dependency, because npm's XML parsers here are only transitive ones.

export type XmlElement = {
  /** The name as written, e.g. `bt:Image`. */
  qname: string;
  /** The local part, e.g. `Image`. */
  local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; '' when none. */
  ns: string;
  /** Attributes by name as written (`xsi:type`, `DefaultValue`). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element, entities decoded, trimmed. */
  text: string;
  line: number;
  column: number;
};

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'XmlSyntaxError';
  }
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const XML_URI = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

type OpenElement = { element: XmlElement; scope: Map<string, string>; textParts: string[] };

export function parseXml(source: string): XmlElement {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  let pos = 0;
  const stack: OpenElement[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;

  const where = (at: number): [number, number] => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return [line, at - before.lastIndexOf('\n')];
  };
  const fail = (message: string, at = pos): never => {
    const [line, column] = where(at);
    throw new XmlSyntaxError(message, line, column);
  };

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, body: string, offset: number) => {
      if (!match.endsWith(';')) fail(`'&' must start an entity such as &amp;`, at + offset);
      if (body.startsWith('#x')) return codePoint(parseInt(body.slice(2), 16), body, at + offset);
      if (body.startsWith('#')) return codePoint(Number(body.slice(1)), body, at + offset);
      if (body in PREDEFINED) return PREDEFINED[body];
      return fail(`unknown entity &${body};`, at + offset);
    });
  const codePoint = (n: number, body: string, at: number): string => {
    if (!Number.isInteger(n) || n <= 0 || n > 0x10ffff) fail(`bad character reference &${body};`, at);
    return String.fromCodePoint(n);
  };

  const resolve = (qname: string, scope: Map<string, string>, isAttribute: boolean, at: number): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) return [isAttribute ? '' : (scope.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    const uri = prefix === 'xml' ? XML_URI : prefix === 'xmlns' ? XMLNS_URI : scope.get(prefix);
    if (uri === undefined) fail(`namespace prefix '${prefix}' is not declared`, at);
    return [uri as string, qname.slice(colon + 1)];
  };

  const readName = (): string => {
    const match = NAME.exec(text.slice(pos, pos + 200));
    if (!match) fail('expected a name');
    pos += (match as RegExpExecArray)[0].length;
    return (match as RegExpExecArray)[0];
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };

  const readStartTag = () => {
    const start = pos;
    pos++; // '<'
    const qname = readName();
    const attributes: Record<string, string> = {};
    const attributeAt: Record<string, number> = {};
    for (;;) {
      const hadSpace = /\s/.test(text[pos] ?? '');
      skipSpace();
      if (text.startsWith('/>', pos) || text[pos] === '>') break;
      if (pos >= text.length) fail('unterminated start tag', start);
      if (!hadSpace) fail('attributes must be separated by white space');
      const at = pos;
      const name = readName();
      skipSpace();
      if (text[pos] !== '=') fail(`attribute ${name} needs a value`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of ${name} must be quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated value of ${name}`, at);
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail(`'<' is not allowed in the value of ${name}`, at);
      if (name in attributes) fail(`attribute ${name} is repeated`, at);
      attributes[name] = decode(raw, pos + 1).replace(/[\t\n\r]/g, ' ');
      attributeAt[name] = at;
      pos = end + 1;
    }
    const selfClosing = text.startsWith('/>', pos);
    pos += selfClosing ? 2 : 1;

    const parentScope = stack.length > 0 ? stack[stack.length - 1].scope : new Map<string, string>();
    const scope = new Map(parentScope);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'xmlns') scope.set('', value);
      else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    }
    const [ns, local] = resolve(qname, scope, false, start);
    const seen = new Set<string>();
    for (const name of Object.keys(attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const [uri, attrLocal] = resolve(name, scope, true, attributeAt[name]);
      const key = `${uri} ${attrLocal}`;
      if (seen.has(key)) fail(`attribute ${name} is repeated through its namespace`, attributeAt[name]);
      seen.add(key);
    }
    const [line, column] = where(start);
    const element: XmlElement = { qname, local, ns, attributes, children: [], text: '', line, column };
    if (stack.length > 0) stack[stack.length - 1].element.children.push(element);
    else if (root) fail('a document has exactly one root element', start);
    else root = element;
    if (selfClosing) {
      if (stack.length === 0) rootClosed = true;
    } else {
      stack.push({ element, scope, textParts: [] });
    }
  };

  const readEndTag = () => {
    const start = pos;
    pos += 2;
    const qname = readName();
    skipSpace();
    if (text[pos] !== '>') fail('expected > to end the end tag');
    pos++;
    const open = stack.pop();
    if (!open) return fail(`end tag </${qname}> without a start tag`, start);
    if (open.element.qname !== qname) fail(`</${qname}> closes <${open.element.qname}> (line ${open.element.line})`, start);
    open.element.text = open.textParts.join('').trim();
    if (stack.length === 0) rootClosed = true;
  };

  const skipUntil = (terminator: string, what: string): string => {
    const end = text.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    const body = text.slice(pos, end);
    pos = end + terminator.length;
    return body;
  };

  while (pos < text.length) {
    if (text.startsWith('<!--', pos)) {
      const at = pos;
      pos += 4;
      const body = skipUntil('-->', 'comment');
      if (body.includes('--') || body.endsWith('-')) fail(`'--' is not allowed inside a comment`, at);
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      pos += 9;
      stack[stack.length - 1].textParts.push(skipUntil(']]>', 'CDATA section'));
    } else if (text.startsWith('<?', pos)) {
      const at = pos;
      pos += 2;
      const target = readName();
      if (target.toLowerCase() === 'xml' && at !== 0) fail('the XML declaration must come first', at);
      skipUntil('?>', 'processing instruction');
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      if (root) fail('DOCTYPE after the root element');
      pos += 9;
      skipUntil('>', 'DOCTYPE');
    } else if (text.startsWith('</', pos)) {
      readEndTag();
    } else if (text[pos] === '<') {
      if (rootClosed) fail('content after the root element');
      readStartTag();
    } else {
      const next = text.indexOf('<', pos);
      const end = next < 0 ? text.length : next;
      const raw = text.slice(pos, end);
      if (stack.length === 0) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else {
        if (raw.includes(']]>')) fail(`']]>' is not allowed in text`);
        stack[stack.length - 1].textParts.push(decode(raw, pos));
      }
      pos = end;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].element.qname}> is never closed`);
  if (!root) fail('no root element');
  return root as unknown as XmlElement;
}

/** Depth-first walk, parents before children. */
export function* walk(element: XmlElement, ancestors: XmlElement[] = []): Generator<[XmlElement, XmlElement[]]> {
  yield [element, ancestors];
  for (const child of element.children) yield* walk(child, [...ancestors, element]);
}

/** The local part of an `xsi:type`-style value (`bt:Foo` → `Foo`). */
export function typeOf(element: XmlElement): string | undefined {
  const type = element.attributes['xsi:type'];
  return type === undefined ? undefined : type.slice(type.indexOf(':') + 1);
}
