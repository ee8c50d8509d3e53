// Text in, structure out: the report importer. Lines → outline → problems (with 方面, group,
// measures, status, deadline) → round and summary figures → warnings for everything guessed.
// Never throws on text: garbage gives ledgerError('notAReport').
import { ledgerError } from '../errors';
import type { LedgerError } from '../errors';
import { parseIso } from '../dates';
import type { IsoDate } from '../types';
import { fitCells } from './cells';
import { readFigures } from './figures';
import { expandInlineFindings, findingsInProse, narrativeText, placeItems, selectItems } from './items';
import { joinBrokenHeadings, splitPage } from './lines';
import type { SourceLine } from './lines';
import { splitInlineMeasures } from './measures';
import { expandTables } from './table';
import type { OutlineNode } from './outline';
import { buildOutline, fullText, isPatternNode } from './outline';
import { deadlineFromField, deadlineFromProse, outcomeFromProse, outcomeFromStatusLine } from './outcome';
import type { DeadlineReading, Outcome } from './outcome';
import { readRound, readTitle } from './round';
import { isTraditional, toSimplified } from './traditional';
import { soundsLikeInspection } from './vocabulary';
import type { ImportedMeasure, ImportedProblem, ImportResult, ImportWarning, ReportKind } from './types';
import { excerpt, makeWarning } from './warnings';

export type ImportOptions = {
  /** Reference date for yearless deadlines when the text has none of its own (e.g. today). */
  ref?: IsoDate;
};

function detectKind(title: string, root: OutlineNode): ReportKind {
  if (/整改方案|整改任务清单|整改清单|整改台账/.test(title)) return 'plan';
  if (/整改|通报|落实情况/.test(title)) return 'report';
  let statusOrPattern = false;
  const visit = (n: OutlineNode) => {
    if (n.statusLines.length > 0 || isPatternNode(n)) statusOrPattern = true;
    n.children.forEach(visit);
  };
  visit(root);
  if (statusOrPattern) return 'report';
  if (/反馈意见|反馈情况|巡察情况/.test(title)) return 'feedback';
  return 'feedback';
}

const text = (lines: readonly SourceLine[]) => lines.map((l) => l.text).join('\n');

function headingOf(node: OutlineNode): string {
  return node.heading.replace(/[。；;：:]$/, '');
}

function findingOf(node: OutlineNode, kind: ReportKind): string {
  if (node.patternFinding) return node.patternFinding;
  if (node.fields.finding) return node.fields.finding;
  const details = kind === 'feedback' || (node.statusLines.length > 0 && !node.listLabelled && node.children.length === 0);
  return details ? [node.heading, ...node.body.map((l) => l.text)].join('\n') : node.heading;
}

function rectificationOf(node: OutlineNode, kind: ReportKind): string {
  if (kind === 'feedback') return '';
  const details = node.statusLines.length > 0 && !node.listLabelled && node.children.length === 0 && !isPatternNode(node);
  const parts = [details ? '' : text(node.body), text(node.statusLines), text(node.after), ...node.children.map(fullText)];
  return parts.filter((p) => p !== '').join('\n');
}

function measureTexts(node: OutlineNode, kind: ReportKind, rect: string): string[] {
  if (kind === 'feedback') return [];
  if (node.children.length > 0) {
    return node.children.map((c) => fullText(c).slice(c.marker?.text.length ?? 0).trim()).filter((t) => t !== '');
  }
  if (node.fields.measures) {
    const inline = splitInlineMeasures(node.fields.measures);
    return inline.length > 0 ? inline : node.fields.measures.split('\n').filter((t) => t.trim() !== '');
  }
  return splitInlineMeasures(rect);
}

/** The report's own date, or the feedback date, or the caller's, or the latest date in the text. */
function referenceDate(reportDate: IsoDate | null, feedback: IsoDate | null, options: ImportOptions): IsoDate | null {
  if (reportDate) return reportDate;
  if (feedback) return feedback;
  if (options.ref && parseIso(options.ref)) return options.ref;
  return null;
}

/**
 * Imports stepwise, yielding progress (0–1) between stages and every few problems, so a pane can
 * show a bar and stay responsive on long texts. The return value is the result.
 */
export function* importSteps(input: string, options: ImportOptions = {}): Generator<number, ImportResult | LedgerError> {
  const raw = typeof input === 'string' ? input : '';
  const traditional = isTraditional(raw);
  const page = splitPage(traditional ? toSimplified(raw) : raw);
  const lines = expandTables(joinBrokenHeadings(page.lines));
  if (lines.length === 0 || !soundsLikeInspection(lines)) return ledgerError('notAReport');
  yield 0.1;
  const root = buildOutline(lines);
  const { title } = readTitle(lines);
  const kind = detectKind(title, root);
  yield 0.3;
  const selection = selectItems(root, kind !== 'feedback');
  const by = selection.by;
  let items = kind === 'feedback' ? expandInlineFindings(selection.items) : selection.items;
  // Problems listed in the prose of a news item share their paragraph with the round's sentences.
  let inProse = false;
  if (items.length === 0 && kind === 'feedback') {
    items = findingsInProse(root);
    inProse = items.length > 0;
  }
  // A heading with no words of its own ("问题一：" followed straight by its status line) has nothing
  // to import but a number: it is left out, and said so.
  const empty = items.filter((n) => findingOf(n, kind).trim() === '');
  if (empty.length > 0) items = items.filter((n) => !empty.includes(n));
  if (items.length === 0) return summaryOnly(lines, root, title, traditional, page.published);
  const placement = placeItems(items);
  const firstItemLine = Math.min(...items.map((i) => i.line));
  const roundReading = withPageDate(readRound(lines, inProse ? Infinity : firstItemLine), page.published);
  const round = roundReading.round;
  const warnings: ImportWarning[] = empty.map((n) => makeWarning('emptyProblem', n.line, [String(n.line), n.marker?.text ?? n.heading]));
  const ref = referenceDate(round.reportDate, round.feedbackDate, options);
  if (!round.reportDate && ref && kind !== 'feedback') warnings.push(makeWarning('noReference', null, [ref]));
  yield 0.4;

  const problems: ImportedProblem[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    const place = placement.get(node);
    const rect = rectificationOf(node, kind);
    const finding = findingOf(node, kind).trim();
    const label = excerpt(finding);
    const outcome = readOutcome(node, kind, rect);
    const deadline = readDeadline(node, kind, rect, ref, round.feedbackDate, outcome);
    const longTerm = outcome.longTerm || deadline.longTerm;
    noteOutcome(warnings, node, label, outcome, kind);
    noteDeadline(warnings, node, label, deadline);
    if (!node.marker && by !== 'structure') warnings.push(makeWarning('unnumbered', node.line, [String(node.line), excerpt(node.heading, 16)]));

    const measures: ImportedMeasure[] = measureTexts(node, kind, rect).map((measureText) => {
      const own = ref ? deadlineFromProse(measureText, ref) : null;
      const useOwn = own !== null && own.deadline !== null;
      return {
        text: measureText,
        status: outcome.status,
        longTerm,
        deadline: useOwn ? own.deadline : deadline.deadline,
        deadlineText: (useOwn ? own.deadlineText : deadline.deadlineText) ?? '',
        leader: node.fields.leader ?? '',
        unit: node.fields.unit ?? '',
        owner: node.fields.owner ?? '',
      };
    });
    problems.push({
      number: node.marker?.text ?? null,
      category: place?.category && headingOf(place.category) !== '' ? headingOf(place.category) : null,
      group: place && place.group.length > 0 ? place.group.map(headingOf).join(' / ') : null,
      finding,
      status: outcome.status,
      statusText: outcome.statusText,
      statusSource: outcome.source,
      longTerm,
      deadline: deadline.deadline,
      deadlineText: deadline.deadlineText,
      body: rect,
      measures,
      line: node.line,
    });
    if (i % 25 === 24) yield 0.4 + (0.5 * (i + 1)) / items.length;
  }
  yield 0.9;

  const figures = readFigures(narrativeText(lines, root, items));
  noteRound(warnings, roundReading, kind);
  noteFigures(warnings, figures, problems);
  if (kind !== 'report') {
    // A 反馈意见 or 整改方案 states no outcomes at all: one warning, not one per problem.
    warnings.unshift(makeWarning('noOutcome', null, [`全部${problems.length}个问题`]));
  }
  if (traditional) warnings.unshift(makeWarning('traditional', null, []));
  yield 1;
  return { kind, title: roundReading.title || title, round, problems: fitCells(problems, warnings), figures, warnings };
}

/**
 * A text with no itemised problem: a 整改进展 note, a news item or a speech that gives its round
 * and summary figures ("共反馈问题42个，已整改到位39个") is imported as a round with figures and no
 * problems (the preview offers to save the figures to 巡察信息); without figures it is not a report
 * unless it names its round and speaks of 巡察 in its title.
 */
function summaryOnly(lines: readonly SourceLine[], root: OutlineNode, title: string, traditional: boolean, published: IsoDate | null): ImportResult | LedgerError {
  const reading = withPageDate(readRound(lines, Infinity), published);
  const round = reading.round;
  const figures = readFigures(narrativeText(lines, root, []));
  const inspected = round.inspector !== null || round.inspectionStart !== null;
  if (figures.length === 0 && !(inspected && /巡[察视]/.test(title))) return ledgerError('notAReport');
  const kind = summaryKind(lines, figures);
  const warnings = [...(traditional ? [makeWarning('traditional', null, [])] : []), makeWarning('noProblems', null, [])];
  noteRound(warnings, reading, kind);
  return { kind, title: reading.title || title, round, problems: [], figures, warnings };
}

// Outcome figures make a text a report on rectification; without them, a text about the feedback
// meeting is a 反馈意见 (news of a 反馈会), anything about rectification work a report.
const OUTCOME_LABELS = /已完成|完成率|到位|基本完成|正在推进|未完成|销号|办结/;
const FEEDBACK_NEWS_RE = /反馈会|反馈会议|反馈巡[察视]情况|集中反馈|反馈了巡[察视]意见|反馈意见|反馈巡[察视]意见/;
const RECTIFICATION_NEWS_RE = /整改(?:工作)?(?:进展|督查|督导|推进会|部署|落实情况|情况报告|成效)|动员部署|回访|督查|整改进展|整改情况的?(?:通报|报告)/;

function summaryKind(lines: readonly SourceLine[], figures: ImportResult['figures']): ReportKind {
  if (figures.some((f) => OUTCOME_LABELS.test(f.label))) return 'report';
  const all = text(lines);
  return FEEDBACK_NEWS_RE.test(all) && !RECTIFICATION_NEWS_RE.test(all) ? 'feedback' : 'report';
}

/** The page's 成文日期/发布时间 (chrome.ts) as the report date, when the text signs none. */
function withPageDate(reading: ReturnType<typeof readRound>, published: IsoDate | null): ReturnType<typeof readRound> {
  if (reading.round.reportDate || !published) return reading;
  return { ...reading, round: { ...reading.round, reportDate: published } };
}

function readOutcome(node: OutlineNode, kind: ReportKind, rect: string): Outcome {
  if (node.statusLines.length > 0) return outcomeFromStatusLine(node.statusLines[0].text);
  if (kind === 'report') return outcomeFromProse(rect);
  return { status: null, statusText: '', source: 'none', longTerm: false, immediate: false, mixed: [] };
}

function readDeadline(node: OutlineNode, kind: ReportKind, rect: string, ref: IsoDate | null, feedback: IsoDate | null, outcome: Outcome): DeadlineReading {
  const none: DeadlineReading = { deadline: null, deadlineText: null, longTerm: false, choices: [], unresolved: false, yearless: false };
  if (!ref) return none;
  if (node.fields.deadline) return deadlineFromField(node.fields.deadline, ref, feedback);
  if (kind === 'feedback') return none;
  const reading = deadlineFromProse(rect, ref);
  if (reading.deadline === null && outcome.immediate && feedback) {
    return { ...none, deadline: feedback, deadlineText: '立行立改' };
  }
  return reading;
}

function noteOutcome(warnings: ImportWarning[], node: OutlineNode, label: string, outcome: Outcome, kind: ReportKind): void {
  if (kind !== 'report') return;
  if (outcome.status === null && outcome.ambiguous) warnings.push(makeWarning('outcomeAmbiguous', node.line, [label, excerpt(outcome.statusText, 30)]));
  else if (outcome.status === null) warnings.push(makeWarning('noOutcome', node.line, [label]));
  else if (outcome.source === 'prose') warnings.push(makeWarning('statusFromProse', node.line, [label, outcome.status, excerpt(outcome.statusText, 30)]));
  if (outcome.mixed.length > 1 && outcome.status) warnings.push(makeWarning('mixedStatus', node.line, [label, outcome.mixed.join('、'), outcome.status]));
}

function noteDeadline(warnings: ImportWarning[], node: OutlineNode, label: string, d: DeadlineReading): void {
  if (d.unresolved && d.deadlineText) warnings.push(makeWarning('deadlineUnresolved', node.line, [label, d.deadlineText]));
  if (d.choices.length > 1 && d.deadline) warnings.push(makeWarning('deadlineChoice', node.line, [label, d.choices.join('；'), d.deadline]));
  if (d.yearless && d.deadline && d.deadlineText) warnings.push(makeWarning('yearInferred', node.line, [d.deadlineText, d.deadline.slice(0, 4)]));
}

function noteRound(warnings: ImportWarning[], reading: ReturnType<typeof readRound>, kind: ReportKind): void {
  const r = reading.round;
  const fields = ['org', 'inspector', 'inspectionStart', 'inspectionEnd', 'feedbackDate', 'reportDate'] as const;
  for (const f of fields) {
    if (r[f] === null && !(kind === 'feedback' && f === 'feedbackDate')) warnings.push(makeWarning('roundMissing', null, [f]));
  }
  if (reading.inferred.includes('feedbackDate') && r.feedbackDate) warnings.push(makeWarning('yearInferred', null, [`反馈日期${Number(r.feedbackDate.slice(5, 7))}月${Number(r.feedbackDate.slice(8))}日`, r.feedbackDate.slice(0, 4)]));
  if (reading.inferred.includes('inspectionEnd') && r.inspectionEnd && r.inspectionStart && r.inspectionEnd.slice(0, 4) !== r.inspectionStart.slice(0, 4)) {
    warnings.push(makeWarning('yearInferred', null, [`巡察结束日期${Number(r.inspectionEnd.slice(5, 7))}月${Number(r.inspectionEnd.slice(8))}日`, r.inspectionEnd.slice(0, 4)]));
  }
}

function noteFigures(warnings: ImportWarning[], figures: ImportResult['figures'], problems: readonly ImportedProblem[]): void {
  const groups = new Set(problems.map((p) => `${p.category}|${p.group ?? p.finding}`)).size;
  const measures = problems.reduce((n, p) => n + p.measures.length, 0);
  for (const f of figures) {
    if (f.label === '反馈问题总数' && f.value !== problems.length && f.value !== groups) {
      warnings.push(makeWarning('figureMismatch', null, [f.text, `${problems.length}个问题`]));
    }
    if (f.label === '整改措施总数' && measures > 0 && f.value !== measures) {
      warnings.push(makeWarning('figureMismatch', null, [f.text, `${measures}条措施`]));
    }
  }
}

/** Imports a pasted report in one go. */
export function importReport(input: string, options: ImportOptions = {}): ImportResult | LedgerError {
  const steps = importSteps(input, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
