// Import warnings in both locales. The importer records code + params with the zh-CN message (the
// command line prints it); the pane renders the same warning in its own locale.
import type { Locale } from '../errors';
import { fillTemplate } from '../template';
import type { ImportWarning, WarningCode } from './types';

const TEMPLATES: Record<WarningCode, Record<Locale, string>> = {
  noOutcome: { 'zh-CN': '“{0}”未写明整改结果，状态按未标注导入', en: '"{0}" states no outcome; imported as Not stated (未标注)' },
  statusFromProse: { 'zh-CN': '“{0}”没有整改情况行，状态“{1}”是从正文“{2}”推断的，请核对', en: '"{0}" has no status line; the status {1} was inferred from "{2}", please check' },
  yearInferred: { 'zh-CN': '“{0}”没有写年份，按{1}年处理', en: '"{0}" has no year; {1} was assumed' },
  deadlineUnresolved: { 'zh-CN': '“{0}”的整改时限“{1}”没有具体日期，需人工确认', en: 'The deadline "{1}" of "{0}" has no definite date and needs confirming' },
  deadlineChoice: { 'zh-CN': '“{0}”写有多个完成时限（{1}），取最晚的{2}', en: '"{0}" names several target dates ({1}); the latest, {2}, was kept' },
  noReference: { 'zh-CN': '文中没有可作参照的日期，未写年份的时限按{0}推算', en: 'The text has no reference date; yearless deadlines were resolved against {0}' },
  roundMissing: { 'zh-CN': '没有找到{0}，请在巡察信息中补充', en: 'Could not find {0}; fill it in on the round sheet' },
  unnumbered: { 'zh-CN': '第{0}行的问题标题没有编号，是按“{1}”格式识别的', en: 'The problem heading on line {0} has no number; it was recognised by its form "{1}"' },
  figureMismatch: { 'zh-CN': '文中写“{0}”，但识别出{1}', en: 'The text says "{0}" but {1} were found' },
  noProblems: { 'zh-CN': '文中没有逐项列出的问题，只读取了巡察信息和概况数字', en: 'The text lists no problems item by item; only the round and the summary figures were read' },
  outcomeAmbiguous: { 'zh-CN': '“{0}”的整改情况“{1}”没有说清是否已完成，状态按未标注导入，请核对', en: 'The outcome of "{0}" ("{1}") does not say clearly whether it is done; imported as Not stated (未标注), please check' },
  traditional: { 'zh-CN': '原文是繁体字，已按简体字识别和导入', en: 'The text is in traditional characters; it was read and imported in simplified ones' },
  cellTooLong: { 'zh-CN': '第{0}行的{1}有{2}字，超过 Excel 单元格上限32767字，{3}', en: 'The {1} on line {0} has {2|character|characters}, more than an Excel cell holds (32,767); {3}' },
  emptyProblem: { 'zh-CN': '第{0}行的“{1}”下没有问题内容，未导入', en: '"{1}" on line {0} has no finding under it and was not imported' },
  mixedStatus: { 'zh-CN': '“{0}”的整改情况含多种结果（{1}），按最弱的“{2}”导入', en: 'The status of "{0}" names several outcomes ({1}); the weakest, {2}, was kept' },
};

const FIELD_NAMES: Record<string, Record<Locale, string>> = {
  org: { 'zh-CN': '被巡察单位', en: 'the inspected unit' },
  inspector: { 'zh-CN': '巡察组', en: 'the inspection group' },
  inspectionStart: { 'zh-CN': '巡察开始日期', en: 'the inspection start date' },
  inspectionEnd: { 'zh-CN': '巡察结束日期', en: 'the inspection end date' },
  feedbackDate: { 'zh-CN': '反馈日期', en: 'the feedback date' },
  reportDate: { 'zh-CN': '报告日期', en: 'the report date' },
};

// cellTooLong's field and action, in words.
const CELL_WORDS: Record<string, Record<Locale, string>> = {
  finding: { 'zh-CN': '问题描述', en: 'finding' },
  measure: { 'zh-CN': '整改措施', en: 'measure' },
  cut: { 'zh-CN': '超出部分未导入，请核对原文', en: 'the rest was not imported; check the original' },
  split: { 'zh-CN': '已拆成{4}条措施', en: 'it was split into {4|measure|measures}' },
};

/** The parameters of a warning in a locale's words (field names, cellTooLong's parts). */
function shownParams(code: WarningCode, params: readonly string[], locale: Locale): string[] {
  if (code === 'roundMissing') return [FIELD_NAMES[params[0]]?.[locale] ?? params[0]];
  if (code === 'cellTooLong') {
    const action = fillTemplate(CELL_WORDS[params[3]]?.[locale] ?? '', params);
    return [params[0], CELL_WORDS[params[1]]?.[locale] ?? params[1], params[2], action];
  }
  return [...params];
}

/** A short excerpt of a finding for a message. */
export function excerpt(text: string, max = 24): string {
  const t = text.replace(/\s+/g, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function makeWarning(code: WarningCode, line: number | null, params: readonly string[]): ImportWarning {
  return { code, line, params: [...params], message: fillTemplate(TEMPLATES[code]['zh-CN'], shownParams(code, params, 'zh-CN')) };
}

export function formatWarning(warning: ImportWarning, locale: Locale): string {
  return fillTemplate(TEMPLATES[warning.code][locale], shownParams(warning.code, warning.params, locale));
}
