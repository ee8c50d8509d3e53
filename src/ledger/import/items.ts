// Which outline nodes are problems, and the 方面 and group each sits under. A problem is the finest
// heading that carries a finding: the node a status line closes, a 针对“…”问题 heading, or — in
// a 反馈意见 or 整改方案 without either — the finest heading in a problem section. Sections that
// only narrate (整改工作组织情况, 下一步工作打算, 意见建议) hold none, whatever their numbering.
import { splitInlineList } from './measures';
import type { OutlineNode } from './outline';
import { adoptParagraph, ancestors, isPatternNode, splitIntoEntries, walk } from './outline';

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

// A work slogan as a section title: "坚持问题导向，推动整改落实", "压实整改责任". The words that
// name problems in general (问题导向, 反馈问题) do not make it a finding.
const SLOGAN_START_RE =
  /^(?:坚持|聚焦|强化|压实|提高|提升|扛牢|扛起|突出|紧扣|加强|狠抓|推动|健全|建立|巩固|深化|注重|着力|持续|切实|从严|严格|聚力|坚决|立足|夯实|凝聚|完善|抓实|抓好|做实|筑牢)/;
const GENERIC_PROBLEM_WORDS_RE = /问题导向|(?:解决|整改|发现|反馈|查摆|梳理|剖析)(?:的)?问题|问题(?:整改|清单|台账)/g;

function isSlogan(title: string): boolean {
  return SLOGAN_START_RE.test(title) && !isFindingLike(title.replace(GENERIC_PROBLEM_WORDS_RE, ''));
}

function isNarrativeSection(node: OutlineNode, strict: boolean): boolean {
  const title = node.heading;
  if (ALWAYS_NARRATIVE_RE.test(title)) return true;
  return strict && ((NARRATIVE_RE.test(title) && !/问题|整改(?:落实|完成)?情况/.test(title)) || isSlogan(title));
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

const REPORT_SECTION_RE = /^(?:巡察|巡视)?(?:反馈)?(?:意见|问题)?(?:的)?(?:整改|整治)(?:落实|进展|完成)?(?:情况|进展情况)$/;

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
    // The report's own section ("二、整改落实情况") holding the problems is no 方面: it names no category.
    const category = chain[level] && REPORT_SECTION_RE.test(chain[level].heading.trim()) ? null : (chain[level] ?? null);
    out.set(item, { category, group: chain.slice(level + 1) });
  });
  return out;
}

// A heading that names a 方面 rather than a finding: "落实全面从严治党战略部署方面".
const ASPECT_LEAD_RE = /方面(?:的|存在的)?(?:问题)?$|(?:存在|主要)(?:的)?问题(?:有|是)?$|等问题$/;

/**
 * In a 反馈意见 the problems of a 方面 are often one paragraph: "（二）落实全面从严治党战略部署方面。
 * 一是…。二是…。" Each entry of such a list is a problem of its own, under the 方面 heading. (In a
 * 通报 the same list is the measures of a problem, so this applies to feedback only.) A heading that
 * is itself a finding ("1.学习不深入。一是…") keeps its list as details.
 */
export function expandInlineFindings(items: readonly OutlineNode[]): OutlineNode[] {
  return items.flatMap((item) => {
    if (item.children.length > 0) return [item];
    const text = [item.heading, ...item.body.map((l) => l.text)].join('\n');
    const list = splitInlineList(text);
    if (list.entries.length < 2) return [item];
    const lead = list.lead.replace(/[。；;：:，,\s]+$/, '');
    if (lead !== '' && isFindingLike(lead) && !ASPECT_LEAD_RE.test(lead)) return [item];
    return splitIntoEntries(item, lead, list.entries);
  });
}

// Closing sections whose numbers are plans or contacts, not results.
const PLAN_SECTION_RE = /下一步|打算|建议|要求|联系|监督/;

/** Every source line of a node and its descendants. */
function linesOf(node: OutlineNode, into: Set<number>): void {
  into.add(node.line);
  for (const l of [...node.body, ...node.statusLines, ...node.after]) into.add(l.line);
  for (const c of node.children) linesOf(c, into);
}

/**
 * Narrative text that can hold summary figures: everything before the first problem, and the
 * closing top-level sections that hold no problem and report results ("三、问题线索移交：…线索3件"),
 * never plans (下一步工作打算: "确保整改率达到100%") or contacts.
 */
export function narrativeText(lines: readonly { line: number; text: string }[], root: OutlineNode, items: readonly OutlineNode[]): string[] {
  const first = items.length > 0 ? Math.min(...items.map((i) => i.line)) : Infinity;
  const last = items.length > 0 ? Math.max(...items.map((i) => i.line)) : -Infinity;
  const itemSet = new Set(items);
  const excluded = new Set<number>();
  const closing = new Set<number>();
  for (const section of root.children) {
    if (PLAN_SECTION_RE.test(section.heading)) linesOf(section, excluded);
    else if (section.line > last) {
      let holdsItem = false;
      walk(section, (n) => {
        if (itemSet.has(n)) holdsItem = true;
      });
      if (!holdsItem) linesOf(section, closing);
    }
  }
  return lines.filter((l) => !excluded.has(l.line) && (l.line < first || closing.has(l.line))).map((l) => l.text);
}

// The sentence that introduces a list of problems: "但也存在一些问题：", "主要存在以下问题".
const PROBLEMS_INTRO_RE = /(?:存在|发现|指出|反映出?)[^。；;]{0,12}问题(?:有|是|如下)?$|主要问题(?:有|是|如下)?$/;

/**
 * A 反馈意见 written as news prose has no headings at all: "巡察组指出，…但也存在一些问题：一是…；
 * 二是…". Each entry of a list introduced as problems is a problem (the lists after 巡察组建议 are
 * not: their lead-in does not introduce problems). The list's paragraph becomes an unnamed 方面.
 */
export function findingsInProse(root: OutlineNode): OutlineNode[] {
  const items: OutlineNode[] = [];
  for (const line of [...root.body]) {
    const listed = problemsListedInSentence(line.text);
    if (listed.length >= 3) {
      const node = adoptParagraph(root, line);
      items.push(...splitIntoEntries(node, '', listed.map((text, k) => ({ marker: `${k + 1}`, text }))));
      continue;
    }
    const list = splitInlineList(line.text);
    if (list.entries.length < 2) continue;
    const lead = list.lead.replace(/[。；;：:，,\s]+$/, '');
    if (!PROBLEMS_INTRO_RE.test(lead) || /建议/.test(lead)) continue;
    const node = adoptParagraph(root, line);
    items.push(...splitIntoEntries(node, '', list.entries));
  }
  return items;
}

// "…存在A、B、C等问题": a feedback news item lists its problems in one sentence, by 、.
const LISTED_RE = /存在([^。；;：:]{6,600}?)等(?:突出|方面的?|方面)?问题/;
// "发现的主要问题是：A，B，C。D，E。": a colon list of clauses, up to the first sentence about
// clues, suggestions or what follows (线索, 移交, 建议, 要求).
const COLON_LIST_RE = /(?:主要|突出|存在的)问题(?:是|有|如下|主要是)\s*[:：]/;
const LIST_END_RE = /线索|移交|建议|要求|强调|表示|指出|会议|巡察组|[“"]/;

/** The problems a feedback paragraph lists in prose, or [] when it lists none (fewer than three). */
export function problemsListedInSentence(text: string): string[] {
  const listed = LISTED_RE.exec(text);
  if (listed) {
    const parts = listed[1].split('、').map((p) => p.trim());
    if (parts.length >= 3 && parts.every((p) => p.length >= 2 && p.length <= 60)) return parts;
  }
  const colon = COLON_LIST_RE.exec(text);
  if (!colon) return [];
  const out: string[] = [];
  for (const sentence of text.slice(colon.index + colon[0].length).split(/[。；;]/)) {
    if (sentence.trim() === '' || LIST_END_RE.test(sentence)) break;
    out.push(...sentence.split(/[，,]/).map((c) => c.trim()).filter((c) => c.length >= 4));
  }
  return out.length >= 3 && out.every((c) => c.length <= 80) ? out : [];
}
