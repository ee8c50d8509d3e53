// Web-page chrome (issue 15): a report copied from a government site brings its page with it —
// "当前位置：首页 > 巡察工作", "发布时间：2022-06-17 来源：市委巡察办", "【打印】【关闭】", "索引号：…",
// "分享到：". Such lines are never content (not the 被巡察单位, a problem or a measure); the page's
// 成文日期 / 发布时间 is the report's date when the text carries no signed date of its own.
import { isValidYmd, ymdToIso } from '../dates';
import type { IsoDate } from '../types';

// Labels of page metadata. The unmistakable ones count anywhere on a line ("来源:市委巡察办发布时间:
// 2020-12-10"); the common words (来源, 作者, 编辑, 标签…) only at its start or after a space, so
// that "资金来源：财政拨款" stays text.
const STRONG_FIELD_RE =
  /(?:发布时间|发布日期|成文日期|成文时间|发文日期|发文时间|印发日期|生成日期|信息来源|文章来源|索引号|发文机关|发布机构|发文字号|主题分类|点击数|点击量|浏览次数|浏览量|阅读量|访问量|责任编辑|字体大小|色调调节|保护视力色|打印本页|关闭窗口)\s*[:：]/;
const FIELD_RE =
  /(?:^|[\s|｜])(?:标\s*题|来\s*源|文\s*号|字\s*号|主题词|关键词|关键字|作\s*者|编\s*辑|审\s*核|分享到|相关文章|相關文章|相关链接|标\s*签|字\s*体|验证码)\s*[:：]/;
const BRACKETED_RE = /^(?:\s*[【[]\s*(?:打印|关闭|打印本页|关闭窗口|收藏|返回顶部|大|中|小|字体|默认|加入收藏|分享)\s*[】\]]\s*)+$/;
const BREADCRUMB_RE = /首\s*页\s*(?:>|>>|»|->|＞|›|\/|→)|^(?:当前位置|您的位置|您现在的位置|现在位置|您现在位置|所在位置)\s*[:：]?/;
const LINK_RE = /^(?:>>|»)?\s*返回[\u4e00-\u9fa5]{0,12}首页$|是否继续\s*[?？]$|^留言与评论|^(?:上一篇|下一篇)\s*[:：]|^(?:打印|关闭|收藏|分享|返回顶部)$|^网站地图|^版权所有|^主办单位|^ICP备|公网安备/;
// A navigation bar: short words separated by spaces, opening with 首页 (a row of a flattened
// table is short words separated by spaces too, so the 首页 is required).
const NAV_RE = /^(?:首\s*页|首頁)(?:\s+[\u4e00-\u9fa5]{2,8}){2,}$/;

const DATED_FIELD_RE = /(成文日期|成文时间|发布时间|发布日期|发文日期|发文时间|印发日期)\s*[:：]?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const LEADING_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[|｜]|来源|$)/;

/** Whether a line is page chrome rather than report text. */
export function isChrome(line: string): boolean {
  const text = line.replace(/^[•·●▪■◆\-*]\s*/, '').trim();
  if (text === '' || text.length > 160) return false;
  // A sentence of the report may quote a 来源 or a date; chrome has no full stop.
  if (/[。；]/.test(text) && !BREADCRUMB_RE.test(text)) return false;
  return BRACKETED_RE.test(text) || BREADCRUMB_RE.test(text) || LINK_RE.test(text) || NAV_RE.test(text) || STRONG_FIELD_RE.test(text) || FIELD_RE.test(text) || LEADING_DATE_RE.test(text);
}

/** "标 题：关于…的通报" → the title it names (the rest of chrome carries none). */
export function chromeTitle(line: string): string | null {
  const m = /^[•·●]?\s*标\s*题\s*[:：]\s*(.+)$/.exec(line.trim());
  return m ? m[1].trim() : null;
}

export type ChromeDate = { date: IsoDate; rank: number };

/** The date a chrome line gives the page: 成文日期 first, then 发布时间, then a bare leading date. */
export function chromeDate(line: string): ChromeDate | null {
  const text = line.replace(/^[•·●▪■◆\-*]\s*/, '').trim();
  const field = DATED_FIELD_RE.exec(text);
  const m = field ? [field[2], field[3], field[4]] : LEADING_DATE_RE.exec(text)?.slice(1, 4);
  if (!m) return null;
  const [y, mo, d] = m.map(Number);
  if (!isValidYmd(y, mo, d)) return null;
  const rank = field ? (/^(?:成文|发文|印发)/.test(field[1]) ? 0 : 1) : 2;
  return { date: ymdToIso(y, mo, d), rank };
}
