// The sentences of a 通报 in the published reports' phrasing: title, opening, figures, status
// lines, category headings and the two editable templates.
import { daysInMonth, formatChineseDate, parseIso } from '../dates';
import type { IsoDate, Round, RoundKind } from '../types';
import { summarySentence } from './summary';
import type { SummaryCounts } from './summary';

/** Leading numbering a category or description may carry from an import: （一） 一、 1. 1、 （1） (1) ①. */
const LEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+(?:[、，]|[.．](?!\d))|[①-⑳])\s*/;

export function stripNumbering(text: string): string {
  return text.replace(LEADING_NUMBER, '').trim();
}

/** Text ending in a full stop, as every paragraph of a 通报 does; '' stays ''. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[，,、；;：:\s]+$/, '');
  if (t === '') return '';
  return /[。！？!?）”」》]$/.test(t) ? t : `${t}。`;
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/[。；;，,\s]+$/, '');
}

export function reportTitle(issuer: string, kind: RoundKind | ''): string {
  const subject = kind === '回头看' ? '巡察“回头看”整改情况' : '巡察整改情况';
  return `${issuer}关于${subject}的通报`;
}

/** The 党委 that sent the group: 县委第七巡察组 → 县委, 中共XX市委第二巡察组 → 中共XX市委. */
export function superiorOf(inspector: string): string | null {
  const m = /^(.+?委)(?=第|巡|$)/.exec(inspector.trim());
  return m ? m[1] : null;
}

/** 2021年11月10日至12月20日 (the year once when both days fall in it, as the reports write it). */
export function dateRange(start: IsoDate | null, end: IsoDate | null): string | null {
  const s = start ? parseIso(start) : null;
  const e = end ? parseIso(end) : null;
  if (s && e) {
    const tail = s.year === e.year ? `${e.month}月${e.day}日` : formatChineseDate(end as IsoDate);
    return `${formatChineseDate(start as IsoDate)}至${tail}`;
  }
  if (s) return `${formatChineseDate(start as IsoDate)}起`;
  if (e) return `${formatChineseDate(end as IsoDate)}前`;
  return null;
}

const KIND_VERB: Record<RoundKind | '', string> = {
  '': '进行了巡察',
  常规: '进行了巡察',
  专项: '开展了专项巡察',
  回头看: '进行了巡察“回头看”',
  提级: '开展了提级巡察',
  交叉: '开展了交叉巡察',
};

export function openingParagraph(round: Round): string {
  const inspector = round.inspector.trim() || '巡察组';
  const org = round.org.trim() || '我单位';
  const superior = superiorOf(inspector);
  const when = dateRange(round.start, round.end);
  const parts: string[] = [];
  const lead = superior ? `根据${superior}统一部署，` : '';
  parts.push(`${lead}${when ? `${when}，` : ''}${inspector}对${org}${KIND_VERB[round.kind]}。`);
  if (round.feedback && parseIso(round.feedback)) parts.push(`${formatChineseDate(round.feedback)}，${inspector}向${org}反馈了巡察意见。`);
  parts.push('按照《中国共产党巡视工作条例》有关规定，现将巡察整改情况予以通报。');
  return parts.join('');
}

export function defaultOrganisationText(issuer: string, inspector: string): string {
  const who = issuer || '我单位';
  const group = inspector.trim() || '巡察组';
  return (
    `${who}高度重视巡察反馈意见整改落实工作，把抓好巡察整改作为重大政治任务，第一时间召开专题会议研究部署，` +
    `成立由主要负责同志任组长的巡察整改工作领导小组。对照${group}反馈的问题逐条梳理分解，研究制定整改方案，` +
    '建立问题清单、任务清单、责任清单，明确责任领导、责任单位、责任人和整改时限，实行台账管理、对账销号，' +
    '定期调度推进，确保整改工作有力有序开展、取得实效。'
  );
}

export function figuresParagraph(inspector: string, aspects: number, counts: SummaryCounts, asOf: IsoDate): string {
  const group = inspector.trim() || '巡察组';
  const lead =
    counts.problems > 0
      ? `对照${group}反馈的${aspects > 1 ? `${aspects}个方面` : ''}问题，逐项制定整改措施，明确责任和时限。`
      : '';
  return `${lead}截至${formatChineseDate(asOf)}，${summarySentence(counts)}。`;
}

export function defaultNextStepsText(issuer: string, counts: SummaryCounts): string {
  const who = issuer || '我单位';
  const open = counts.problems - counts.problemsDone;
  const parts = [`下一步，${who}将坚持标准不降、力度不减，持续抓好巡察整改后续工作。`];
  if (open > 0) parts.push(`对尚未完成的${open}项问题，紧盯整改时限，压实整改责任，确保按期整改到位；`);
  if (counts.problemsLongTerm > 0) parts.push(`对纳入长期坚持的${counts.problemsLongTerm}项问题，建立长效机制，定期跟踪问效，防止问题反弹；`);
  if (counts.problemsDone > 0) parts.push('对已完成的整改事项适时开展“回头看”，巩固整改成果；');
  parts.push('坚持举一反三、建章立制，把巡察整改成果转化为推动事业高质量发展的实际成效。');
  return parts.join('');
}

/** （一）…的整改情况: the reports' 方面 heading. */
export function categoryHeading(category: string): string {
  const c = withoutFullStop(category);
  if (c === '') return '其他问题的整改情况';
  if (/整改(落实)?情况$/.test(c)) return c;
  if (/问题$/.test(c)) return `${c}的整改情况`;
  return `${c}问题的整改情况`;
}

/** 2022-12-31 → 2022年12月底前, 2022-12-15 → 2022年12月15日前. */
export function deadlinePhrase(iso: IsoDate): string {
  const ymd = parseIso(iso);
  if (!ymd) throw new RangeError(`deadlinePhrase: not an ISO date: ${iso}`);
  return ymd.day === daysInMonth(ymd.year, ymd.month) ? `${ymd.year}年${ymd.month}月底前` : `${formatChineseDate(iso)}前`;
}
