// Which outline nodes are problems, and the 方面 and group each sits under. A problem is the finest
// heading that carries a finding: the node a status line closes, a 针对“…”问题 heading, or — in
// a 反馈意见 or 整改方案 without either — the finest heading in a problem section. Sections that
// only narrate (整改工作组织情况, 下一步工作打算, 意见建议) hold none, whatever their numbering.
import type { OutlineNode } from './outline';
import { ancestors, isPatternNode, walk } from './outline';

// Section titles that are narrative whatever they contain.
const ALWAYS_NARRATIVE_RE = /下一步|打算|意见建议|^建议|工作建议|线索|移交|联系方式|附件/;
// Titles that are narrative unless they also name a problem (fallback only).
const NARRATIVE_RE =
  /组织|领导|重视|做法|总体|基本情况|工作开展|开展情况|长效|担当|认识|部署|主要成效|成效|体会|经验|整改要求|工作要求|保障|机制建设/;
// Words of a finding: what is wrong.
const FINDING_RE =
  /问题|不(?!断|折不扣|松|减|变|移|懈|忘|仅)|未|缺|差距|薄弱|短板|滞后|欠缺|偏(?:少|低|高|弱|差|大)|弱化|淡化|虚化|漏洞|隐患|违规|违反|违纪|超标|私|随意|走形式|形式主义|官僚主义|尚存|仍有|仍然|较大|较弱|较低|有待|亟待|乏力|乏|失|松|软|宽|慢|难/;

export function isFindingLike(text: string): boolean {
  return FINDING_RE.test(text);
}

function isNarrativeSection(node: OutlineNode, strict: boolean): boolean {
  const title = node.heading;
  if (ALWAYS_NARRATIVE_RE.test(title)) return true;
  return strict && NARRATIVE_RE.test(title) && !/问题|整改(?:落实|完成)?情况/.test(title);
}

/** Whether a node lies in a narrative top-level section. */
function inNarrative(node: OutlineNode, strict: boolean): boolean {
  const chain = [...ancestors(node), node];
  // Top-level sections, and (for a report with no 一、 level) nothing else.
  return chain.slice(0, 1).some((n) => isNarrativeSection(n, strict)) || chain.some((n) => ALWAYS_NARRATIVE_RE.test(n.heading) && n !== node);
}

function finest(nodes: Set<OutlineNode>): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const node of nodes) {
    let hasInner = false;
    walk(node, (d) => {
      if (nodes.has(d)) hasInner = true;
    });
    if (!hasInner) out.push(node);
  }
  return out.sort((a, b) => a.line - b.line || a.seq - b.seq);
}

export type ItemSelection = { items: OutlineNode[]; by: 'status' | 'pattern' | 'structure' };

export function selectItems(root: OutlineNode, measuresAllowed: boolean): ItemSelection {
  const marked = new Set<OutlineNode>();
  let anyStatus = false;
  walk(root, (n) => {
    if (inNarrative(n, false)) return;
    if (n.statusLines.length > 0) {
      marked.add(n);
      anyStatus = true;
    } else if (isPatternNode(n)) marked.add(n);
  });
  if (marked.size > 0) return { items: finest(marked), by: anyStatus ? 'status' : 'pattern' };

  // No status lines and no problem headings (a 反馈意见 or 整改方案): the finest headings of the
  // problem sections. In a plan, a leaf that does not read as a finding under one that does is a
  // measure of it.
  const items = new Set<OutlineNode>();
  walk(root, (n) => {
    if (n.children.length > 0 || inNarrative(n, true)) return;
    if (n.parent === root && !isFindingLike(n.heading)) return;
    const parent = n.parent;
    const measureOf = measuresAllowed && parent && parent !== root && !isFindingLike(n.heading) && isFindingLike(parent.heading);
    items.add(measureOf ? parent : n);
  });
  return { items: finest(items), by: 'structure' };
}

export type Placement = { category: OutlineNode | null; group: OutlineNode[] };

/**
 * The 方面 of each item: the outermost ancestor level at which the items differ (a single section
 * holding every problem, such as 二、整改落实情况, is the 方面 only when there is nothing finer).
 * Headings between the 方面 and the item are its group.
 */
export function placeItems(items: readonly OutlineNode[]): Map<OutlineNode, Placement> {
  const chains = items.map((item) => ancestors(item));
  let level = 0;
  for (;;) {
    const atLevel = chains.map((c) => c[level]);
    const next = chains.map((c) => c[level + 1]);
    const shared = atLevel.every((n) => n !== undefined && n === atLevel[0]);
    // Descend past a level every item shares when every item also has a finer ancestor.
    if (shared && next.every((n) => n !== undefined)) level++;
    else break;
  }
  const out = new Map<OutlineNode, Placement>();
  items.forEach((item, i) => {
    const chain = chains[i];
    out.set(item, { category: chain[level] ?? null, group: chain.slice(level + 1) });
  });
  return out;
}
