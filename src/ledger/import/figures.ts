// Summary figures of a report's narrative ("制定的25条整改措施，已落实到位20条，整改到位率80%";
// "纳入长期坚持15项"; "收回清退违规资金4.01万元"): each number with its unit, the words around it
// and a label saying what it counts. Only narrative text is read: figures inside a finding describe
// the problem ("上轮巡察…整改完成率76%"), not this rectification.
import { chineseNumeralToNumber, normalizeText } from '../normalize';
import type { SummaryFigure } from './types';

// A number (Arabic, or a Chinese numeral up to 九十九) and the unit after it. 个 must name what it
// counts (个方面, 个问题…): "两个月" is a duration, not a figure.
const FIGURE_RE =
  /(\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*(%|‰|个(?=(?:大|具体|突出|主要|重点|共性|立行立改|方面的?)?(?:方面|问题|项|单位|部门|项目|支部|党组织|类)|已|完成|整改|$)|万元|亿元|元|条|项|件|点|类|名|人次|人|户|家|份|起|次|场)/g;

const CLAUSE_SPLIT_RE = /[，,。；;：:！？\n]/;
// Words that make a clause a rectification figure, not a date, a fee or a headcount in passing.
const CONTEXT_RE =
  /整改|会议|推进会|调度会|督[查导]|问题|措施|方面|意见|建议|完成|到位|推进|落实|长期|制度|机制|交办|移交|线索|办结|销号|问责|处理|处分|追责|约谈|谈话|诫勉|清退|收回|追回|追缴|补缴|挽回|退还|资金|金额|税款|罚款|损失|检查|治理|率/;

/** `units`: the rule holds only for figures in these units (meetings are counted in 次, not 人). */
type LabelRule = { re: RegExp; label: string; units?: readonly string[] };

// Labels in the vocabulary of DESIGN.md §7; the first matching rule wins, on the figure's own words.
const LABEL_RULES: readonly LabelRule[] = [
  { re: /整改到位率/, label: '整改到位率' },
  { re: /整改完成率|完成率|整改率/, label: '整改完成率' },
  { re: /销号率/, label: '销号率' },
  { re: /办结率/, label: '办结率' },
  // The number must count the 方面 ("5个方面问题"), not follow them ("等方面问题199条").
  { re: /个方面(?:的)?问题|个方面$/, label: '反馈问题方面数' },
  { re: /个方面(?:的)?意见|方面(?:的)?意见/, label: '反馈意见方面数' },
  { re: /意见建议|建议/, label: '意见建议数' },
  { re: /纳入长期|长期坚持|长期推进/, label: '纳入长期坚持问题数' },
  // "基本完成取得阶段性成果并持续整改问题4个", "阶段性完成7个": 基本完成 (DESIGN §4), not under way.
  { re: /阶段性|性成[果效]/, label: '基本完成问题数' },
  // "部分整改4项" (DESIGN §4: 部分整改 → 部分完成).
  { re: /部分(?:已)?(?:整改|完成)/, label: '部分完成问题数' },
  { re: /正在推进|正在整改|推进整改|整改中|持续推进/, label: '正在推进问题数' },
  { re: /基本完成/, label: '基本完成问题数' },
  { re: /未完成|未整改|尚未/, label: '未完成问题数' },
  // A count of 整改任务 is not a count of 问题 (issue 15): tasks keep their own labels.
  { re: /(?:已|己|按期)(?:全部)?(?:整改)?(?:完成|到位)[^，,]{0,6}任务|任务[^，,]{0,4}(?:已|己)(?:全部)?(?:整改)?(?:完成|到位)/, label: '已完成整改任务数' },
  { re: /任务|整改事项/, label: '整改任务总数' },
  { re: /(?:已)?(?:落实到位|整改到位)/, label: '已落实到位整改措施数' },
  // "反馈问题306个,整改279个,整改率达91.18%": a bare 整改 count in a tally is the rectified ones.
  { re: /^整改\d/, label: '已完成问题数' },
  { re: /(?:已|按期)(?:整改)?完成|完成整改|已整改|整改完成|完成[^，,未]{1,6}整改/, label: '已完成问题数' },
  { re: /整改措施|措施/, label: '整改措施总数' },
  // Work done for the rectification, labelled by what is counted (issue 15): letters, meetings, talks.
  { re: /交办函|督办函|交办单|提醒函|整改函/, label: '交办督办函件数' },
  { re: /交办/, label: '巡察交办问题数' },
  { re: /立行立改/, label: '立行立改问题数' },
  { re: /信访/, label: '信访件数' },
  { re: /办理完成|办结/, label: '办结数' },
  { re: /移交|线索/, label: '移交问题线索数' },
  { re: /修订[^，,]{0,4}制度|制度[^，,]{0,4}修订/, label: '修订完善制度数' },
  { re: /制度/, label: '制定完善制度数' },
  { re: /学习/, label: '组织学习次数', units: ['次', '场'] },
  { re: /会议|推进会|调度会|部署会|座谈会|专题会|民主生活会|组织生活会/, label: '召开会议次数', units: ['次', '场'] },
  { re: /督[查导]|检查/, label: '督查检查次数', units: ['次'] },
  { re: /专项(?:检查|治理|整治)/, label: '专项检查治理数' },
  { re: /党纪|政务处分|纪律处分/, label: '党纪政务处分人数' },
  { re: /问责|处分|处理|追责/, label: '问责处理人数' },
  // 约谈 and 提醒/诫勉谈话 act on a person; a bare 谈话 is the inspection's own interviews (谈话331人次).
  { re: /约谈|诫勉|提醒谈话|谈话提醒|批评教育|函询/, label: '约谈谈话人次' },
  { re: /个问题|问题/, label: '反馈问题总数' },
  { re: /个方面|方面/, label: '反馈问题方面数' },
];

// Sums of money are labelled by what became of the money, never as a count of problems or measures:
// "整改到位资金215587.84万元", "未整改资金35435.70万元", "问题资金251023.54万元" (an audit report
// read as prose). A bare 资金 after a recovery ("追回应由个人承担的资金146万元") is the recovery.
const MONEY_RULES: readonly LabelRule[] = [
  { re: /税款|税费/, label: '追缴税款' },
  { re: /挽回(?:经济)?损失/, label: '挽回经济损失' },
  { re: /未整改|未收回|未追回|尚未|未到位/, label: '未整改资金' },
  { re: /清退|收回|追回|追缴|补缴|挽回|退还|上缴|缴回/, label: '收回清退资金' },
  { re: /整改(?:到位)?(?:资金|金额)|整改到位/, label: '整改到位资金' },
  { re: /问题(?:资金|金额)|涉及(?:资金|金额)/, label: '涉及问题资金' },
  { re: /资金/, label: '收回清退资金' },
];
const MONEY_UNITS = new Set(['元', '万元', '亿元']);

// Units that count people, places, meetings or papers: a figure in them is kept only when its
// words say what rectification it counts ("问责处理6人"), not in passing ("2家单位", "提出3点").
const INCIDENTAL_UNITS = new Set(['家', '份', '点', '次', '场', '户', '名', '人', '人次', '起', '类']);

function ruleLabel(text: string, unit: string): string | null {
  for (const rule of MONEY_UNITS.has(unit) ? MONEY_RULES : LABEL_RULES) if (rule.re.test(text) && (!rule.units || rule.units.includes(unit))) return rule.label;
  return null;
}

/** The label, or null for a count whose words do not say what it counts ("…达到100%的51个"). */
function labelFor(text: string, unit: string): string | null {
  const known = ruleLabel(text, unit);
  if (known) return known;
  const words = text.replace(/\d+(?:\.\d+)?|[%‰]|\s|万元|亿元|元/g, '').replace(/^(?:已|共|累计|其中|并|和|及)/, '');
  if (MONEY_UNITS.has(unit)) return words || null;
  return unit === '%' ? words || '比率' : words && words !== unit ? `${words}数` : null;
}

// What a completed count means, by what it counts.
const DONE_LABEL = { 问题: '已完成问题数', 措施: '已落实到位整改措施数', 任务: '已完成整改任务数' } as const;
type Counted = keyof typeof DONE_LABEL;

function countedBy(label: string): Counted | null {
  if (/方面|率/.test(label)) return null;
  return label.includes('任务') ? '任务' : label.includes('措施') ? '措施' : label.includes('问题') ? '问题' : null;
}

// "整改任务106个，已完成整改98个", "制定整改措施48条…16个问题…已完成整改13个", "反馈问题42个，已整改
// 到位39个": a completed count that names no noun counts what the nearest earlier count in the same
// measure word counted (个 problems, 条 measures…), whatever the words 到位 or 完成 suggest.
function inherited(label: string, text: string, unit: string, before: readonly SummaryFigure[]): string {
  if (!Object.values(DONE_LABEL).includes(label as never) || /问题|措施|任务|事项/.test(text)) return label;
  // The count it follows is near: looking back a few figures keeps a text of thousands linear.
  for (let i = before.length - 1; i >= Math.max(0, before.length - 12); i--) {
    const counted = before[i].unit === unit ? countedBy(before[i].label) : null;
    if (counted) return DONE_LABEL[counted];
  }
  return label;
}

// Things a report counts that are no rectification figure: lists drawn up ("3项清单"), units or
// villages checked ("整改督促检查单位30个"), offices. The noun after the number says what is counted;
// a bare count takes the noun right before it.
const OTHER_NOUN = '(?:清单|台账|单位|部门|科室|股室|党组织|党委|党组|党总支|党支部|支部|企业|学校|项目|村|社区)';
const OTHER_AFTER_RE = new RegExp(`^[\\u4e00-\\u9fa5]{0,3}?${OTHER_NOUN}`);
const OTHER_BEFORE_RE = new RegExp(`${OTHER_NOUN}[)）”"’」』]?$`);
const LIST_AFTER_RE = /^(?:清单|台账|表|单)/;

function countsSomethingElse(lead: string, after: string, unit: string): boolean {
  if (/%|‰|元/.test(unit)) return false;
  const rest = after.replace(/^的/, '');
  const noun = tailOf(rest);
  // "3项问题清单": the 问题 names the lists.
  if (noun !== '' && !OUTCOME_TAIL_RE.test(noun)) return LIST_AFTER_RE.test(rest.slice(noun.length));
  return OTHER_AFTER_RE.test(rest) || OTHER_BEFORE_RE.test(lead);
}

function valueOf(digits: string): number | null {
  if (/^\d/.test(digits)) return Number(digits);
  return chineseNumeralToNumber(digits);
}

/** Figures in narrative paragraphs; the same label and value stated twice are listed once. */
export function readFigures(paragraphs: readonly string[]): SummaryFigure[] {
  const figures: SummaryFigure[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    // "6方面17项问题", "5大方面14个问题": a count of 方面 written without 个.
    // "4个大方面26个大项的问题": 大方面 and 大项的问题 are 方面 and 问题.
    const paragraphText = normalizeText(paragraph)
      .replace(/(\d+|[一二两三四五六七八九十]{1,3})个?大?(方面)/g, '$1个$2')
      .replace(/个大项(?:的)?(问题)/g, '个$1');
    for (const clause of paragraphText.split(CLAUSE_SPLIT_RE)) {
      if (!CONTEXT_RE.test(clause)) continue;
      const matches = [...clause.matchAll(FIGURE_RE)];
      matches.forEach((m, k) => {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        // Dates and years are not figures: 2022年, 3月, 15日 are excluded by the unit list; a
        // number right after 第 is an ordinal.
        if (clause[start - 1] === '第') return;
        // A bare 个 closing a clause counts only after Arabic digits ("已完成整改6个"), not in
        // idioms ("整改一个销号一个").
        if (m[2] === '个' && end === clause.length && !/^\d/.test(m[1])) return;
        // A Chinese numeral counts only when it ends the clause or names what it counts ("两个方面");
        // inside a name or a phrase it is not a figure ("中央八项规定", "作为一项重大政治任务").
        if (!/^\d/.test(m[1]) && end !== clause.length && tailOf(clause.slice(end)) === '' && !m[2].startsWith('个')) return;
        const value = valueOf(m[1]);
        if (value === null) return;
        const prev = k > 0 ? matches[k - 1] : null;
        const prevEnd = prev ? (prev.index ?? 0) + prev[0].length + nounTailOf(clause.slice((prev.index ?? 0) + prev[0].length, start)).length : 0;
        const nextStart = k + 1 < matches.length ? (matches[k + 1].index ?? clause.length) : clause.length;
        const text = figureText(clause, prevEnd, start, end, nextStart);
        const unit = m[2].startsWith('个') ? '个' : m[2];
        if (INCIDENTAL_UNITS.has(unit) && ruleLabel(text, unit) === null) return;
        // "一个问题一个问题地解决": 一个 is an idiom, not a count.
        if (m[1] === '一' && unit === '个') return;
        if (countsSomethingElse(clause.slice(prevEnd, start), clause.slice(end, nextStart), unit)) return;
        // "完成率达到100%的51个, 80%以下的4个": a threshold, not a rate.
        if (unit === '%' && /^(?:的|以下|以上|及以上)/.test(clause.slice(end))) return;
        const named = labelFor(text, unit);
        if (named === null) return;
        const label = inherited(named, text, unit, figures);
        const key = `${label}|${value}`;
        if (seen.has(key)) return;
        seen.add(key);
        figures.push({ text, label, value, unit });
      });
    }
  }
  return figures;
}

// The figure with the words that say what it counts: up to 10 characters before it, not reaching
// back over the previous figure (nor its noun) or past a 的/和/及/与 joint, and the noun (or, for
// a bare count, the outcome) after it.
const JOINT_RE = /[的和与、]|(?<![涉普以])及(?!时)/g;

function figureText(clause: string, prevEnd: number, start: number, end: number, nextStart: number): string {
  const from = Math.max(prevEnd, start - 10);
  let lead = clause.slice(from, start);
  const joint = Math.max(-1, ...[...lead.matchAll(JOINT_RE)].map((m) => m.index ?? -1));
  if (joint >= 0) lead = lead.slice(joint + 1);
  lead = lead.replace(/^(?:对照|其中|共|累计|并|已将|截至目前|截止目前|目前|问题(?!资金|金额)|方面)/, '');
  const tail = tailOf(clause.slice(end, nextStart));
  // "其中35个已整改": an outcome after a bare count says what it counts; after a named count
  // ("反馈问题42个已整改到位39个") it belongs to the next figure.
  const outcomeTail = OUTCOME_TAIL_RE.test(tail);
  return clause.slice(start - lead.length, end) + (outcomeTail && (/问题|措施|任务|方面/.test(lead) || nextStart < clause.length) ? '' : tail);
}

/** The noun after a figure, not an outcome: "42个已整改到位39个" leaves 已整改到位 to the 39. */
function nounTailOf(after: string): string {
  const tail = tailOf(after);
  return OUTCOME_TAIL_RE.test(tail) ? '' : tail;
}

// An outcome after a bare count ("35个已整改", "28项完成阶段性整改") rather than a noun.
const OUTCOME_TAIL_RE = /^(?:已|己|完成)/;

function tailOf(after: string): string {
  return /^(?:的)?(?:(?:具体|突出|主要|重点|立行立改)(?:的)?)?(?:方面|问题|意见建议|意见|建议|整改任务|任务|整改事项|整改措施|措施|制度|信访件|信访举报件)(?:问题|的意见)?|^(?:已|己)(?:全部)?(?:整改|完成)(?:到位|完成)?|^完成(?:阶段性)?整改/.exec(after)?.[0] ?? '';
}
