// Sample ledgers: `sampleLedger()` for the preview (a realistic round whose dates move with today,
// so there is always something overdue, due soon and in the future) and `generateLedger()` for
// the 5,000-measure performance test (deterministic for a seed).
import { addDays, addMonths, daysInMonth, parseIso, todayIso } from '../ledger/dates';
import { rollUpAll } from '../ledger/ledger-ops';
import { closeApplyDetail, extensionDetail, formatEntry, reasonDetail, workflowEntry, type WorkflowAction } from '../ledger/progress';
import { UNMARKED, type IsoDate, type Ledger, type MeasureRow, type ProblemRow, type Status } from '../ledger/types';
import { SAMPLE_CATEGORIES, SAMPLE_INSPECTOR, SAMPLE_ORG, SAMPLE_PROBLEMS, type DueSpec, type MeasureSpec } from './sampleData';

function ymd(iso: IsoDate): { year: number; month: number; day: number } {
  const v = parseIso(iso);
  if (!v) throw new RangeError(`not an ISO date: ${iso}`);
  return v;
}

function monthEnd(today: IsoDate, n: number): IsoDate {
  const first = addMonths(`${today.slice(0, 7)}-01`, n);
  const { year, month } = ymd(first);
  return `${first.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

function clamp(iso: IsoDate, lo: IsoDate, hi: IsoDate): IsoDate {
  return iso < lo ? lo : iso > hi ? hi : iso;
}

/** The 整改时限 text and the 截止日期 it means, as a person would have typed them. */
export function resolveDue(due: DueSpec, today: IsoDate, feedback: IsoDate): { text: string; date: IsoDate | null } {
  const cn = (iso: IsoDate) => ymd(iso);
  switch (due.kind) {
    case 'days': {
      const date = addDays(today, due.n);
      const d = cn(date);
      return { text: `${d.year}年${d.month}月${d.day}日前`, date };
    }
    case 'monthEnd': {
      const date = monthEnd(today, due.n);
      const d = cn(date);
      return { text: `${d.year}年${d.month}月底前`, date };
    }
    case 'yearEnd':
      return { text: `${today.slice(0, 4)}年底前`, date: `${today.slice(0, 4)}-12-31` };
    case 'withinMonths':
      return { text: `${due.n}个月内`, date: addMonths(feedback, due.n) };
    case 'immediate':
      return { text: '立行立改', date: feedback };
    case 'longTerm':
      return { text: '长期坚持', date: null };
    case 'longTermBy': {
      const date = monthEnd(today, due.n);
      const d = cn(date);
      return { text: `长期坚持，${d.year}年${d.month}月底前取得阶段性成效`, date };
    }
  }
}

function sampleMeasure(spec: MeasureSpec, id: string, problemId: string, today: IsoDate, feedback: IsoDate): MeasureRow {
  const at = (ago: number) => clamp(addDays(today, -ago), feedback, today);
  const due = resolveDue(spec.due, today, feedback);
  const doneDate = spec.status === '已完成' ? at(spec.doneAgo ?? 30) : null;
  const lines = (spec.progress ?? []).map(([ago, text]) => `${at(ago)}：${text}`);
  let closeDate: IsoDate | null = null;
  const applied = doneDate ? clamp(addDays(doneDate, 3), feedback, today) : at(10);
  // Workflow entries as the add-in writes them (progress.ts), so the sample shows what a ledger holds.
  const flow = (date: IsoDate, action: WorkflowAction, detail = '') => formatEntry(workflowEntry(date, action, detail));
  const applyLine = (date: IsoDate) => flow(date, 'closeApply', closeApplyDetail(spec.evidence ?? ''));
  switch (spec.close) {
    case '已申请':
      lines.unshift(applyLine(applied));
      break;
    case '已销号':
      closeDate = clamp(addDays(applied, 7), feedback, today);
      lines.unshift(flow(closeDate, 'closeApprove'), applyLine(applied));
      break;
    case '退回':
      lines.unshift(flow(at(5), 'closeReject', reasonDetail('佐证材料不完整，请补充修订后制度的印发文件。')), applyLine(at(15)));
      break;
    case '申请延期': {
      // A pending request: the deadline stays until someone approves it.
      const wanted = monthEnd(today, 4);
      const d = ymd(wanted);
      const detail = extensionDetail({ deadlineText: `${d.year}年${d.month}月底前`, deadline: wanted, previous: due.text, reason: '需待年度预算批复后实施' });
      lines.unshift(flow(at(3), 'extendApply', detail));
      break;
    }
    default:
      break;
  }
  return {
    id, problemId, text: spec.text, leader: spec.leader, unit: spec.unit, coUnits: spec.coUnits ?? '', owner: spec.owner,
    deadlineText: due.text, deadline: due.date, status: spec.status, longTerm: spec.longTerm ?? spec.due.kind.startsWith('longTerm'),
    doneDate, progress: lines.join('\n'), evidence: spec.evidence ?? '', closeState: spec.close ?? '未申请', closeDate, note: '',
  };
}

/** A realistic ledger: 市委第三巡察组 at a 县卫健委党组, fed back about four months before `today`. */
export function sampleLedger(today: IsoDate = todayIso()): Ledger {
  const feedback = addMonths(today, -4);
  const start = addMonths(feedback, -4);
  const problems: ProblemRow[] = [];
  const measures: MeasureRow[] = [];
  SAMPLE_PROBLEMS.forEach((spec, i) => {
    const id = `P${String(i + 1).padStart(3, '0')}`;
    problems.push({
      id, sourceNumber: spec.sourceNumber, category: SAMPLE_CATEGORIES[spec.category], description: spec.description,
      source: spec.source, leader: spec.leader, leadUnit: spec.leadUnit, status: UNMARKED, longTerm: false,
      closeState: '未申请', closeDate: null, note: '',
    });
    spec.measures.forEach((m, j) => measures.push(sampleMeasure(m, `${id}-M${String(j + 1).padStart(2, '0')}`, id, today, feedback)));
  });
  return rollUpAll({
    round: { org: SAMPLE_ORG, inspector: SAMPLE_INSPECTOR, kind: '常规', start, end: addDays(start, 40), feedback, months: 3, asOf: null },
    problems,
    measures,
  });
}

// ---- generated ledgers for performance tests ------------------------------------------------

/** mulberry32: a small, fast, deterministic PRNG (also the bench's data). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['办公室', '人事科', '财务科', '医政医管科', '基层卫生科', '疾病预防控制科', '机关党委', '药政科', '妇幼健康科', '规划发展与信息化科', '县人民医院', '县中医院', '县妇幼保健院', '城关镇卫生院', '城东社区卫生服务中心'];
const OWNERS = ['赵丽', '孙鹏', '周敏', '马倩', '高伟', '钱晓燕', '吴静', '郑浩', '冯雪', '陈磊', '褚红', '卫东', '蒋芳', '沈涛', '韩梅'];
/** The reference day of generated ledgers: fixed so that a seed always gives the same ledger. */
export const GENERATED_TODAY = '2026-11-22';

/**
 * A deterministic ledger of `measureCount` measures (1–4 per problem) in 4 方面, with statuses,
 * deadlines spread from four months before `today` to four months after, flags and 销号 states.
 */
export function generateLedger(measureCount: number, seed = 1, today: IsoDate = GENERATED_TODAY): Ledger {
  if (!Number.isInteger(measureCount) || measureCount < 0) throw new RangeError(`measureCount must be a whole number ≥ 0, got ${measureCount}`);
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const feedback = addMonths(today, -4);
  const problems: ProblemRow[] = [];
  const measures: MeasureRow[] = [];
  const allSpecs = SAMPLE_PROBLEMS.flatMap((p) => p.measures);
  const weights: Status[] = ['未启动', '正在推进', '正在推进', '部分完成', '基本完成', '已完成', '已完成', '已完成', '已完成'];
  for (let p = 1; measures.length < measureCount; p++) {
    const spec = pick(SAMPLE_PROBLEMS);
    const unit = pick(UNITS);
    const pid = `P${String(p).padStart(3, '0')}`;
    problems.push({
      id: pid, sourceNumber: `${p}`, category: SAMPLE_CATEGORIES[spec.category], description: `${unit}${spec.description}`,
      source: spec.source, leader: spec.leader, leadUnit: unit, status: UNMARKED, longTerm: false,
      closeState: '未申请', closeDate: null, note: '',
    });
    const count = Math.min(1 + Math.floor(rand() * 4), measureCount - measures.length);
    for (let j = 1; j <= count; j++) {
      const m = pick(allSpecs);
      const status = pick(weights);
      const longTerm = rand() < 0.15;
      const deadline = longTerm && rand() < 0.5 ? null : addDays(today, Math.floor(rand() * 240) - 120);
      const done = status === '已完成';
      const doneDate = done ? clamp(addDays(today, -Math.floor(rand() * 110)), feedback, today) : null;
      const closeState = done ? pick(['未申请', '已申请', '已销号', '已销号'] as const) : pick(['未申请', '未申请', '未申请', '申请延期'] as const);
      const d = deadline ? ymd(deadline) : null;
      measures.push({
        id: `${pid}-M${String(j).padStart(2, '0')}`, problemId: pid, text: m.text, leader: m.leader, unit: pick(UNITS),
        coUnits: rand() < 0.3 ? pick(UNITS) : '', owner: pick(OWNERS),
        deadlineText: d ? `${d.year}年${d.month}月${d.day}日前` : '长期坚持', deadline, status, longTerm, doneDate,
        progress: doneDate ? `${doneDate}：已完成整改。` : '', evidence: done ? '整改报告' : '', closeState,
        closeDate: closeState === '已销号' && doneDate ? clamp(addDays(doneDate, 5), feedback, today) : null, note: '',
      });
    }
  }
  return rollUpAll({
    round: { org: SAMPLE_ORG, inspector: SAMPLE_INSPECTOR, kind: '常规', start: addMonths(feedback, -4), end: addMonths(feedback, -3), feedback, months: 3, asOf: null },
    problems,
    measures,
  });
}
