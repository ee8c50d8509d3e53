// The 整改进展 log (DESIGN.md §3, §4): one cell of text, newest entry first, each entry a line
// `YYYY-MM-DD：…`. An entry has a kind. Substantive progress — what was done, typed by people — feeds
// the 通报; workflow entries (销号 申请/退回/同意, 延期 申请/同意/不同意, 分发/回收) are internal and
// never appear in a published text.
//
// A workflow entry is written with its action in 【】 right after the date,
//   2026-11-10：【申请销号】佐证材料：自查报告；清退凭证
//   2026-11-12：【申请延期】新时限：2027年4月底前（2027-04-30）；原时限：2027年2月底前；理由：待预算批复
// so the cell stays readable for someone without the add-in, and the marker cannot be mistaken for
// progress. Ledgers written before the marker carry the add-in's own old wording ("申请销号，佐证材料：…",
// "已销号", "销号申请被退回：…", "申请延期至…"); those lines are recognised as workflow too.
// This file is the one parser and formatter of the cell: stores, the pane, the 通报 and 分发/回收 use it.
import { parseIso, ymdToIso } from './dates';
import type { IsoDate } from './types';

export type WorkflowAction =
  | 'closeApply'
  | 'closeReject'
  | 'closeApprove'
  | 'extendApply'
  | 'extendApprove'
  | 'extendRefuse'
  | 'distribute'
  | 'collect';

export type ProgressEntry =
  /** Substantive progress: what was done. `text` may span lines (hand-typed continuation lines). */
  | { kind: 'progress'; date: IsoDate | null; text: string }
  /** An internal step; `detail` is its human text after the 【tag】 (see the *Detail helpers). */
  | { kind: 'workflow'; date: IsoDate | null; action: WorkflowAction; detail: string };

/** The tag written in 【】 for each action: the words a reader of the cell sees. */
export const WORKFLOW_TAGS: Readonly<Record<WorkflowAction, string>> = {
  closeApply: '申请销号',
  closeReject: '销号退回',
  closeApprove: '同意销号',
  extendApply: '申请延期',
  extendApprove: '同意延期',
  extendRefuse: '不同意延期',
  distribute: '分发',
  collect: '回收',
};

const ACTION_OF_TAG = new Map<string, WorkflowAction>(Object.entries(WORKFLOW_TAGS).map(([a, t]) => [t, a as WorkflowAction]));

// ---- reading ---------------------------------------------------------------------------------

/** A date at the start of a line: 2026-12-06 (also 2026-1-6, 2026/1/6, 2026.1.6, 2026年1月6日), then ：or :. */
const DATED_LINE = /^\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)\s*[：:]\s*(.*)$/;
const TAGGED = /^【([^】]{1,8})】\s*(.*)$/s;

/** The old add-in's own wording of workflow lines, before the 【】 marker existed. */
const LEGACY: readonly { re: RegExp; action: WorkflowAction; detail: (m: RegExpExecArray) => string }[] = [
  { re: /^申请销号[，,]\s*佐证材料[：:]\s*(.*)$/s, action: 'closeApply', detail: (m) => closeApplyDetail(m[1]) },
  { re: /^已销号[。.]?$/, action: 'closeApprove', detail: () => '' },
  { re: /^销号申请被退回[：:]\s*(.*)$/s, action: 'closeReject', detail: (m) => reasonDetail(m[1]) },
  { re: /^申请延期至([^：:]*)(?:[：:]\s*(.*))?$/s, action: 'extendApply', detail: (m) => legacyExtension(m[1], m[2] ?? '') },
];

/** "需待预算批复后实施（原时限2027年2月底前）。" → the reason and the old deadline, as the old add-in wrote them. */
function legacyExtension(target: string, rest: string): string {
  // Only the last （原时限…） can end the line: looking there alone keeps a hostile line linear.
  const at = Math.max(rest.lastIndexOf('（原时限'), rest.lastIndexOf('(原时限'));
  const was = at >= 0 ? /^[（(]原时限([^）)]*)[）)]。?\s*$/.exec(rest.slice(at)) : null;
  const reason = (was ? rest.slice(0, at) : rest).trim().replace(/[。]$/, '');
  return extensionDetail({ deadlineText: target.trim(), deadline: null, previous: was ? was[1].trim() : '', reason });
}

function dateOf(m: RegExpExecArray): IsoDate | null {
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const iso = ymdToIso(year, month, day);
  return parseIso(iso) ? iso : null;
}

/** What one entry's first line says, after its date. */
function classify(date: IsoDate | null, body: string): ProgressEntry {
  const tagged = TAGGED.exec(body);
  const action = tagged ? ACTION_OF_TAG.get(tagged[1].trim()) : undefined;
  if (tagged && action) return { kind: 'workflow', date, action, detail: tagged[2].trim() };
  for (const legacy of LEGACY) {
    const m = legacy.re.exec(body.trim());
    if (m) return { kind: 'workflow', date, action: legacy.action, detail: legacy.detail(m) };
  }
  return { kind: 'progress', date, text: body.trim() };
}

/**
 * The entries of a 整改进展 cell, in the cell's order (newest first). A line starting with a date
 * opens an entry; a line without one continues the entry above it (Alt+Enter in Excel), or opens an
 * undated entry at the top. Blank lines are skipped. Never throws: any text is some entries.
 */
export function parseProgress(cell: string | null | undefined): ProgressEntry[] {
  const entries: ProgressEntry[] = [];
  let open: { date: IsoDate | null; lines: string[] } | null = null;
  const close = () => {
    if (open) entries.push(classify(open.date, open.lines.join('\n')));
    open = null;
  };
  for (const raw of String(cell ?? '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = DATED_LINE.exec(line);
    const date = m ? dateOf(m) : null;
    if (m && date) {
      close();
      open = { date, lines: [m[6].trim()] };
    } else if (open) open.lines.push(line);
    else open = { date: null, lines: [line] };
  }
  close();
  return entries;
}

// ---- writing ---------------------------------------------------------------------------------

/** One entry as the cell holds it: `YYYY-MM-DD：text`, or `YYYY-MM-DD：【tag】detail`. */
export function formatEntry(entry: ProgressEntry): string {
  const body = entry.kind === 'workflow' ? `【${WORKFLOW_TAGS[entry.action]}】${entry.detail}` : entry.text;
  return entry.date ? `${entry.date}：${body}` : body;
}

/** The whole cell, newest first. */
export function formatProgress(entries: readonly ProgressEntry[]): string {
  return entries.map(formatEntry).join('\n');
}

/**
 * Puts an entry on top of a cell. The lines already there are kept as they are (a person may have
 * typed them; rewriting them would change text nobody asked to change). The new entry is one line:
 * its line breaks become spaces, so it cannot swallow the next entry.
 */
export function prependEntry(cell: string, entry: ProgressEntry): string {
  const oneLine = (s: string) => s.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  const flat: ProgressEntry = entry.kind === 'workflow' ? { ...entry, detail: oneLine(entry.detail) } : { ...entry, text: oneLine(entry.text) };
  const line = formatEntry(flat);
  return cell.trim() ? `${line}\n${cell.trim()}` : line;
}

export function progressEntry(date: IsoDate, text: string): ProgressEntry {
  return { kind: 'progress', date, text };
}

export function workflowEntry(date: IsoDate, action: WorkflowAction, detail = ''): ProgressEntry {
  return { kind: 'workflow', date, action, detail };
}

// ---- the details of workflow entries ---------------------------------------------------------

export function closeApplyDetail(evidence: string): string {
  return `佐证材料：${evidence.trim()}`;
}

/** 退回 and 不同意延期 carry a reason. */
export function reasonDetail(reason: string): string {
  return reason.trim() ? `理由：${reason.trim()}` : '';
}

export function detailReason(detail: string): string {
  const m = /(?:^|；)理由[：:]\s*(.*)$/s.exec(detail);
  return m ? m[1].trim() : detail.trim();
}

/** A 延期 request, or what an approval changed: the new 整改时限 (and its date), the old one, why. */
export type Extension = { deadlineText: string; deadline: IsoDate | null; previous: string; reason: string };

/** 新时限：2027年4月底前（2027-04-30）；原时限：2027年2月底前；理由：… (the reason last: it may hold ；). */
export function extensionDetail(x: Extension): string {
  const target = x.deadlineText.trim() || x.deadline || '';
  const date = x.deadline && x.deadlineText.trim() ? `（${x.deadline}）` : '';
  const parts = [`新时限：${target}${date}`];
  if (x.previous.trim()) parts.push(`原时限：${x.previous.trim()}`);
  if (x.reason.trim()) parts.push(`理由：${x.reason.trim()}`);
  return parts.join('；');
}

export function parseExtension(detail: string): Extension {
  const field = (label: string) => new RegExp(`(?:^|；)${label}[：:]\\s*([^；]*)`).exec(detail)?.[1].trim() ?? '';
  let deadlineText = field('新时限');
  let deadline: IsoDate | null = null;
  const dated = /^(.*?)[（(](\d{4}-\d{2}-\d{2})[）)]$/.exec(deadlineText);
  if (dated && parseIso(dated[2])) [deadlineText, deadline] = [dated[1].trim(), dated[2]];
  else if (parseIso(deadlineText)) deadline = deadlineText;
  const reason = /(?:^|；)理由[：:]\s*(.*)$/s.exec(detail)?.[1].trim() ?? '';
  return { deadlineText, deadline, previous: field('原时限'), reason };
}

// ---- questions the rest of the add-in asks -----------------------------------------------------

/** Substantive entries only, newest first: what a published text may draw on. */
export function substantiveEntries(cell: string | null | undefined): Extract<ProgressEntry, { kind: 'progress' }>[] {
  return parseProgress(cell).filter((e): e is Extract<ProgressEntry, { kind: 'progress' }> => e.kind === 'progress');
}

/** The newest substantive entry's text ('' when none): "2022-10-12：督查办法已起草" → "督查办法已起草". */
export function latestSubstantive(cell: string | null | undefined): string {
  return substantiveEntries(cell)[0]?.text ?? '';
}

/** The newest workflow entry of one of `actions`, or null. */
export function latestWorkflow(cell: string | null | undefined, actions: readonly WorkflowAction[]): Extract<ProgressEntry, { kind: 'workflow' }> | null {
  for (const e of parseProgress(cell)) if (e.kind === 'workflow' && actions.includes(e.action)) return e;
  return null;
}
