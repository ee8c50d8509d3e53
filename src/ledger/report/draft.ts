// The 整改情况通报 draft: one structured value that feeds every output (plain text to copy, rows
// for a worksheet, the GB/T 9704 .docx). Modelled on the published reports in fixtures/reports:
// 标题 · 开头 (dates, 巡察组, 反馈) · 一、整改工作组织情况 · 二、整改落实情况 (（一）方面 → 1. 问题 →
// 措施 → 整改情况) · 三、下一步工作打算 · 署名 · 日期.
import { formatChineseDate, parseIso } from '../dates';
import type { IsoDate, Ledger, MeasureRow, ProblemRow } from '../types';
import { measuresByProblem, rollUpAll } from '../rollup';
import { countLedger } from './summary';
import {
  categoryHeading,
  defaultNextStepsText,
  defaultOrganisationText,
  figuresParagraph,
  openingParagraph,
  reportTitle,
  sentence,
  stripNumbering,
} from './phrasing';
import { measureNote, statusLine } from './outcome';

/** Heading levels of GB/T 9704: 一、 （一） 1. （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/** What a paragraph is, so outputs can style it and the pane can tell the editable ones. */
export type ParagraphRole = 'opening' | 'organisation' | 'figures' | 'measure' | 'status' | 'nextSteps' | 'contact';

export type DraftBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; role: ParagraphRole; text: string }
  | { kind: 'signature'; text: string }
  | { kind: 'date'; text: string };

export type ReportDraft = { blocks: DraftBlock[] };

export type DraftOptions = {
  /** 统计截止日期: the figures and the 逾期 judgement are as of this day. */
  asOf: IsoDate;
  /** 成文日期 printed under the signature; defaults to asOf. */
  date?: IsoDate;
  /** 发文机关 (title and 署名); defaults to the round's 被巡察单位. */
  issuer?: string;
  /** Replaces the 一、整改工作组织情况 template; blank lines separate paragraphs. */
  organisationText?: string;
  /** Replaces the 三、下一步工作打算 template. */
  nextStepsText?: string;
  /** 联系方式 for the closing 监督 paragraph (电话、邮箱); no paragraph when blank. */
  contact?: string;
};

function assertIso(name: string, value: IsoDate): void {
  if (!parseIso(value)) throw new RangeError(`buildDraft: ${name} must be an ISO date YYYY-MM-DD, got ${value}`);
}

/** Paragraphs of a free text: one per non-blank line. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The issuer used when none is given. */
export function defaultIssuer(ledger: Ledger): string {
  return ledger.round.org.trim();
}

/** The editable templates with the ledger's figures filled in, as the pane shows them first. */
export function defaultTemplates(ledger: Ledger, asOf: IsoDate, issuer = defaultIssuer(ledger)): { organisation: string; nextSteps: string } {
  return {
    organisation: defaultOrganisationText(issuer, ledger.round.inspector),
    nextSteps: defaultNextStepsText(issuer, countLedger(ledger, asOf)),
  };
}

function groupByCategory(problems: readonly ProblemRow[]): { category: string; problems: ProblemRow[] }[] {
  const groups = new Map<string, ProblemRow[]>();
  for (const p of problems) {
    const key = stripNumbering(p.category);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups].map(([category, list]) => ({ category, problems: list }));
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for any count of 方面). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseOrdinal: 1–99, got ${n}`);
  if (n <= 10) return CHINESE_ORDINALS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_ORDINALS[tens - 1]}十${ones === 0 ? '' : CHINESE_ORDINALS[ones - 1]}`;
}

/** The blocks of one problem under its 方面: 1.问题, its measures (each with its newest progress), 整改情况. */
export function problemBlocks(problem: ProblemRow, index: number, measures: readonly MeasureRow[], asOf: IsoDate): DraftBlock[] {
  const blocks: DraftBlock[] = [{ kind: 'heading', level: 3, text: `${index}.${sentence(stripNumbering(problem.description)) || '（未填写问题描述）'}` }];
  const listed = measures.filter((m) => sentence(stripNumbering(m.text)).length > 0);
  if (measures.length === 1 && listed.length === 1) {
    blocks.push({ kind: 'paragraph', role: 'measure', text: `整改措施：${sentence(stripNumbering(listed[0].text))}` });
  } else {
    // Each measure with its own newest progress, so a note is read against its measure, not the problem.
    listed.forEach((m, i) => blocks.push({ kind: 'heading', level: 4, text: `（${i + 1}）${sentence(stripNumbering(m.text))}${measureNote(problem, m)}` }));
  }
  blocks.push({ kind: 'paragraph', role: 'status', text: statusLine(problem, measures, asOf) });
  return blocks;
}

export function buildDraft(ledger: Ledger, options: DraftOptions): ReportDraft {
  assertIso('asOf', options.asOf);
  const date = options.date ?? options.asOf;
  assertIso('date', date);
  const { round } = ledger;
  const issuer = (options.issuer ?? defaultIssuer(ledger)).trim();
  const counts = countLedger(ledger, options.asOf);
  const groups = groupByCategory(rollUpAll(ledger).problems);

  const blocks: DraftBlock[] = [
    { kind: 'title', text: reportTitle(issuer, round.kind) },
    { kind: 'paragraph', role: 'opening', text: openingParagraph(round) },
    { kind: 'heading', level: 1, text: '一、整改工作组织情况' },
  ];
  const organisation = splitParagraphs(options.organisationText ?? defaultOrganisationText(issuer, round.inspector));
  for (const text of organisation) blocks.push({ kind: 'paragraph', role: 'organisation', text });
  blocks.push({ kind: 'paragraph', role: 'figures', text: figuresParagraph(round.inspector, groups.length, counts, options.asOf) });

  blocks.push({ kind: 'heading', level: 1, text: '二、整改落实情况' });
  const measuresOf = measuresByProblem(ledger.measures);
  groups.forEach((group, g) => {
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseOrdinal(g + 1)}）${categoryHeading(group.category)}` });
    group.problems.forEach((problem, i) => {
      blocks.push(...problemBlocks(problem, i + 1, measuresOf.get(problem.id) ?? [], options.asOf));
    });
  });
  if (groups.length === 0) blocks.push({ kind: 'paragraph', role: 'status', text: '台账中尚无反馈问题。' });

  blocks.push({ kind: 'heading', level: 1, text: '三、下一步工作打算' });
  const nextSteps = splitParagraphs(options.nextStepsText ?? defaultNextStepsText(issuer, counts));
  for (const text of nextSteps) blocks.push({ kind: 'paragraph', role: 'nextSteps', text });
  const contact = options.contact?.trim() ?? '';
  if (contact) {
    blocks.push({ kind: 'paragraph', role: 'contact', text: `欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。${sentence(contact)}` });
  }
  if (issuer) blocks.push({ kind: 'signature', text: issuer });
  blocks.push({ kind: 'date', text: formatChineseDate(date) }); // Arabic numerals, GB/T 9704-2012 §7.3.5.1
  return { blocks };
}
