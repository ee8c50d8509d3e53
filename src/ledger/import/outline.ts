// The outline of a report: numbered headings nested by their marker style. The rank of a style is
// not fixed (one report uses 1、 for sections, another for measures, one uses both), so the nesting
// is learnt as the text goes, like a Markdown list: a marker continues an open level of its style
// when its number follows on, and opens a deeper level when it restarts at 1. A status line
// (整改情况：…) belongs to the item it closes, and closes the lists opened under that item.
import type { FieldName, Marker, SourceLine } from './lines';
import {
  isListLabel,
  readField,
  readMarker,
  readProblemHeading,
  readStatusLabel,
  splitInlineStatus,
} from './lines';

export type OutlineNode = {
  marker: Marker | null; // null for root and unnumbered problem headings
  /** Heading text without its marker (the whole line when the heading shares it with its body). */
  heading: string;
  /** The finding named by a 针对“…”问题 heading, when the heading is one. */
  patternFinding: string | null;
  line: number;
  parent: OutlineNode | null;
  children: OutlineNode[];
  /** Unnumbered lines before the status line (details of the heading, or measures in prose). */
  body: SourceLine[];
  /** The status line(s) and the unnumbered lines after them. */
  statusLines: SourceLine[];
  after: SourceLine[];
  fields: Partial<Record<FieldName, string>>;
  /** A 整改措施：/整改成效： label line came before the children: they are measures. */
  listLabelled: boolean;
  /** Order of opening, to tell which siblings were opened since the last status line. */
  seq: number;
};

function makeNode(parent: OutlineNode | null, marker: Marker | null, heading: string, line: number, seq: number): OutlineNode {
  return {
    marker,
    heading,
    patternFinding: null,
    line,
    parent,
    children: [],
    body: [],
    statusLines: [],
    after: [],
    fields: {},
    listLabelled: false,
    seq,
  };
}

export function isPatternNode(node: OutlineNode): boolean {
  return node.patternFinding !== null;
}

// Real reports nest five or six levels (一、 / （一） / 1. / （1） / ① / 一是); twelve leaves room
// for odd mixes while keeping 4,000 lines of "1. 学习" from becoming 4,000 levels.
const MAX_DEPTH = 12;

export function buildOutline(lines: readonly SourceLine[]): OutlineNode {
  const root = makeNode(null, null, '', 0, 0);
  const stack: OutlineNode[] = [root];
  let seq = 0;
  let lastStatusSeq = 0;
  const top = () => stack[stack.length - 1];

  const appendText = (line: SourceLine) => {
    const node = top();
    if (node.statusLines.length > 0) node.after.push(line);
    else node.body.push(line);
  };

  const open = (marker: Marker | null, heading: string, line: number, pattern: string | null): OutlineNode => {
    const parent = top();
    const node = makeNode(parent, marker, heading, line, ++seq);
    node.patternFinding = pattern;
    parent.children.push(node);
    stack.push(node);
    return node;
  };

  // Where a numbered heading goes: continue an open level of its style, or open a deeper one.
  const placeMarker = (marker: Marker) => {
    for (let i = stack.length - 1; i >= 1; i--) {
      const open = stack[i];
      if (open.marker?.style !== marker.style) continue;
      const previous = open.marker.value;
      const continues = previous === null || marker.value === null || marker.value === previous + 1;
      const restarts = marker.value === 1 && previous !== null && previous >= 1;
      // A restart deeper than any real report nests (MAX_DEPTH) continues the level instead: the
      // depth of the outline, and of every walk over it, stays bounded whatever the text.
      if (continues || !restarts || stack.length > MAX_DEPTH) {
        stack.length = i; // sibling of the open node
        return;
      }
      return; // restart: a new list below the current node
    }
  };

  // Where an unnumbered 针对“…”问题 heading goes: beside the last problem heading still open.
  const placePattern = () => {
    for (let i = stack.length - 1; i >= 1; i--) {
      if (isPatternNode(stack[i])) {
        stack.length = i;
        return;
      }
    }
  };

  // A status line closes the item it belongs to. The deepest open node is that item unless it is
  // one of a list opened since the last status line (004's 1、2、3、 measures before 完成情况：).
  const attachStatus = (line: SourceLine) => {
    let owner = top();
    while (owner.parent && owner.parent !== root && isListMember(owner, lastStatusSeq)) owner = owner.parent;
    if (owner === root) {
      root.body.push(line);
      return;
    }
    owner.statusLines.push(line);
    stack.length = stack.indexOf(owner) + 1;
    lastStatusSeq = seq;
  };

  // The text after a problem heading on its line: its status ("关于“X”的问题。整改情况：已完成")
  // or the start of its body.
  const restOfHeading = (node: OutlineNode, rest: SourceLine) => {
    if (readStatusLabel(rest.text)) attachStatus(rest);
    else node.body.push(rest);
  };

  for (const source of lines) {
    const text = source.text;
    const status = readStatusLabel(text);
    if (status && top() !== root) {
      if (status.rest === '' || isListLabel(text)) top().listLabelled = true;
      else if (top().statusLines.length > 0) top().after.push(source);
      else attachStatus(source);
      continue;
    }
    if (isListLabel(text)) {
      top().listLabelled = true;
      continue;
    }
    const field = readField(text);
    if (field && top() !== root) {
      const node = top();
      node.fields[field.field] = node.fields[field.field] ? `${node.fields[field.field]}\n${field.value}` : field.value;
      if (field.field === 'measures') node.listLabelled = true;
      continue;
    }
    const marked = readMarker(text);
    // "1.问题：…" — the label names the field; the heading is the finding after it.
    const headingText = marked ? stripFindingLabel(marked.rest) : text;
    const pattern = readProblemHeading(headingText);
    if (marked) {
      placeMarker(marked.marker);
      const inline = pattern ? null : splitInlineStatus(headingText);
      const heading = pattern ? headingText.slice(0, pattern.end).trim() : inline ? inline[0] : headingText;
      const node = open(marked.marker, heading, source.line, pattern?.finding ?? null);
      const rest = pattern ? headingText.slice(pattern.end).trim() : '';
      if (rest !== '') restOfHeading(node, { line: source.line, text: rest });
      if (inline) attachStatus({ line: source.line, text: inline[1] });
      continue;
    }
    if (pattern) {
      placePattern();
      const node = open(null, text.slice(0, pattern.end).trim(), source.line, pattern.finding);
      const rest = text.slice(pattern.end).trim();
      if (rest !== '') restOfHeading(node, { line: source.line, text: rest });
      continue;
    }
    appendText(source);
  }
  return root;
}

const FINDING_LABEL_RE = /^(?:存在|反馈|主要|具体)?问题(?:描述|表现)?\s*[：:]\s*(?=\S)/;

function stripFindingLabel(text: string): string {
  return text.replace(FINDING_LABEL_RE, '');
}

function isListMember(node: OutlineNode, lastStatusSeq: number): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.listLabelled) return true;
  const index = parent.children.lastIndexOf(node);
  // Earlier siblings opened since the last status line that got no status of their own. Siblings
  // are in opening order, so the scan stops at the first one opened before that line: each sibling
  // is looked at by one status line only, not by every later one.
  for (let i = index - 1; i >= 0 && parent.children[i].seq > lastStatusSeq; i--) {
    if (parent.children[i].statusLines.length === 0) return true;
  }
  return false;
}

/** A paragraph of a node's body made a node of its own (unnumbered, headed by the paragraph). */
export function adoptParagraph(parent: OutlineNode, line: SourceLine): OutlineNode {
  const node = makeNode(parent, null, line.text, line.line, parent.seq + 0.5);
  parent.body = parent.body.filter((l) => l !== line);
  parent.children.push(node);
  parent.children.sort((a, b) => a.line - b.line);
  return node;
}

/**
 * Turns the inline list of a leaf (一是…二是… in "（一）…方面。一是…。二是…。") into child nodes:
 * the leaf keeps the lead as its heading, each entry becomes a child with the entry as heading.
 */
export function splitIntoEntries(node: OutlineNode, lead: string, entries: readonly { marker: string; text: string }[]): OutlineNode[] {
  node.heading = lead.replace(/[。；;：:，,]+$/, '');
  node.body = [];
  node.children = entries.map((e, k) => {
    const child = makeNode(node, { style: 'inline', value: k + 1, text: e.marker }, e.text, node.line, node.seq + (k + 1) / (entries.length + 1));
    return child;
  });
  return node.children;
}

/** All nodes below root, depth first, in document order (a loop, not recursion: no stack limit). */
export function walk(node: OutlineNode, visit: (n: OutlineNode) => void): void {
  const pending: OutlineNode[] = [...node.children].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    visit(next);
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]);
  }
}

/** The node's ancestors below root, outermost first. */
export function ancestors(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (let p = node.parent; p && p.parent; p = p.parent) out.push(p);
  return out.reverse();
}

/** The heading, body and everything below a node as one text (for measures and the preview). */
export function fullText(node: OutlineNode): string {
  const parts = [node.marker ? `${node.marker.text}${node.heading}` : node.heading];
  for (const l of node.body) parts.push(l.text);
  for (const l of node.statusLines) parts.push(l.text);
  for (const l of node.after) parts.push(l.text);
  for (const c of node.children) parts.push(fullText(c));
  return parts.filter((p) => p !== '').join('\n');
}
