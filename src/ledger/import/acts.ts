// Outcomes stated as the completed act itself (issue 15): "已全部清退到位", "已注销该账户",
// "已收回并上缴财政", "已于5月底前整改完毕", "相关单位已停止发放", "已修订印发《…办法》". A clause
// whose predicate is a completed remedial act (已/均已/全部 + an act of undoing or fixing; 完毕/到位)
// states 已完成 — unless the same clause limits it to a part ("其中…", "部分单位…"), which is never
// 已完成, or hedges it ("初步", "原则上"), which is ambiguous: a false "done" is the costly error, so
// an ambiguous clause leaves the item 未标注 with a warning. Clauses still under way are read by
// parseStatus (status.ts) and, by the weakest-clause rule, win over any act.
import { normalizeText } from '../normalize';

export type ActReading = 'done' | 'partial' | 'ambiguous' | null;

// Acts that undo or fix what a finding names. 建立/制定/修订/印发 fix a missing rule; 清退/收回/
// 注销/停止 undo a wrong payment or account; 处理/问责 close a case.
const ACT =
  '(?:清退|收回|追回|追缴|上缴|缴回|缴纳|注销|停止|停发|叫停|纠正|补缴|补交|补发|退还|退回|归还|撤销|撤回|撤除|修订|修改|印发|出台|建立|健全|制定|完善|补齐|补办|补签|补录|补充|清理|清零|拆除|关停|取消|调整|更正|改正|处理|处分|问责|整改|落实|办结|销号|解决|归档|规范|移交|完成)';
// 已 and its kin before the act, with at most a few words between ("已于5月底前", "已全部", "已按规定").
const DONE_ACT_RE = new RegExp(`(?:已经?|均已|业已|现已|全部已?|已全部)[^，,。；;计将争力预拟准正待需要应]{0,10}?${ACT}|${ACT.slice(0, -1)}|整改)(?:完毕|到位)|(?:已|均已)?(?:全部|彻底)?(?:整改)?完毕`);
// A plan, a duty or a question before the act turns it into an intention: "计划6月底前清退", "要求立即停止", "是否已完成".
const PLAN_RE = /计划|争取|力争|(?<!即)将(?!其|该|相关|上述|资金|款项|违规)|预计|拟|确保|要求|责令|督促|下一步|准备|打算|是否|能否|应当|应该|必须|需要?/;
// The act reaches only a part of the problem.
const PARTIAL_RE = /其中|部分|个别|有的|一些|少数|多数|大部分|大多数|大多|大都|个人|(?:\d+|[一二两三四五六七八九十]+)(?:项|个|条|件|名|人|家|笔)(?:问题|任务|措施|单位)?已/;
// Hedges: the act is said, but not that it is finished.
const HEDGE_RE = /初步|总体上|大体|原则上|基本上|暂时|临时|一定程度|阶段性|试行|暂行/;

const COUNT_AFTER_RE = /^(?:了)?(?:\d+|[一二两三四五六七八九十]+)(?:项|个|条|件|处)/;
// "整改已完成80%": a share short of the whole.
const SHARE_AFTER_RE = /^(?:了)?(?:约|近)?\d{1,2}(?:\.\d+)?%/;
// 已 before starting, urging or a meeting claims that act, not the remedy it is about: "已启动整改",
// "已督促相关单位整改", "已召开专题会议研究整改" (the same words status.ts reads).
const SET_GOING_RE = /^(?:已经?|均已|现已)(?:启动|开始|着手|督促|催促|责令|召开|研究|部署|安排|动员|提醒)/;

// Words of work still under way: any such clause keeps an item from 已完成 (the weakest-clause
// rule), though alone they state no outcome ("逐步规范" describes a measure).
export const UNDER_WAY_RE = /正推进|正在|部分|逐步|尚未|尚有|尚需|尚待|剩余|仍有|仍需|仍存在|推进中|整改中|未完成|未到位|未整改/;
// The rest of a problem not stated done ("其余资金将于年底前收回") is still under way; "其余已全部
// 整改到位" is not.
const REMAINDER_RE = /其余|余下|余款|尾款/;

/** Whether a clause says work is still under way (the weakest-clause rule). */
export function isUnderWay(clause: string): boolean {
  const text = normalizeText(clause);
  return UNDER_WAY_RE.test(text) || (REMAINDER_RE.test(text) && readAct(text) !== 'done');
}

/** The outcome a single clause states by its act, or null when it states none. */
export function readAct(clause: string): ActReading {
  const text = normalizeText(clause);
  const m = DONE_ACT_RE.exec(text);
  if (!m) return null;
  if (PLAN_RE.test(text.slice(0, m.index)) || SET_GOING_RE.test(m[0])) return null;
  if (HEDGE_RE.test(text)) return 'ambiguous';
  // "已完成2项": a count of what was done, of a whole the clause does not give.
  if (COUNT_AFTER_RE.test(text.slice(m.index + m[0].length)) && !/全部|均已|全面/.test(text)) return 'ambiguous';
  if (PARTIAL_RE.test(text.slice(0, m.index + m[0].length)) || SHARE_AFTER_RE.test(text.slice(m.index + m[0].length))) return 'partial';
  return 'done';
}
