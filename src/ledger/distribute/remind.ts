// 催办: for each 责任单位 with overdue (红) or due-soon (黄) measures, a short 督办提醒 in the
// register of a 督办通知 — to copy into a mail or chat, and as a page of a .docx (GB/T 9704 body,
// through the 通报's docx builder). Only the measure's own facts: no 销号 or 延期 workflow. Pure.
import { formatChineseDate } from '../dates';
import { isLedgerError } from '../errors';
import type { ReportDraft } from '../report/draft';
import { daysLeft, lightOf } from '../stats/ledger-metrics';
import type { IsoDate, Ledger } from '../types';
import { splitNames } from './split';

export type ReminderItem = { id: string; text: string; deadline: IsoDate; deadlineText: string; days: number; light: '红' | '黄' };
export type UnitReminder = { unit: string; items: ReminderItem[] };

export type RemindOptions = { asOf: IsoDate; /** 黄 within this many calendar days; default 7. */ days?: number };

/** Units in order of first appearance; within a unit, most overdue first. */
export function reminders(ledger: Ledger, options: RemindOptions): UnitReminder[] {
  const warnDays = options.days ?? 7;
  const byUnit = new Map<string, ReminderItem[]>();
  for (const m of ledger.measures) {
    if (!m.deadline) continue;
    const light = lightOf(m, options.asOf, { warnDays });
    if (isLedgerError(light) || (light !== '红' && light !== '黄')) continue;
    const item: ReminderItem = { id: m.id, text: m.text, deadline: m.deadline, deadlineText: m.deadlineText, days: daysLeft(m.deadline, options.asOf), light };
    for (const unit of splitNames(m.unit).length > 0 ? splitNames(m.unit) : ['（未填责任单位）']) {
      let list = byUnit.get(unit);
      if (!list) byUnit.set(unit, (list = []));
      list.push(item);
    }
  }
  return [...byUnit].map(([unit, items]) => ({ unit, items: items.sort((a, b) => a.days - b.days || (a.id < b.id ? -1 : 1)) }));
}

const shorten = (text: string, n = 60) => (Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}……` : text);

function itemLine(item: ReminderItem, i: number): string {
  const when = item.days < 0 ? `已逾期${-item.days}天` : item.days === 0 ? '今天到期' : `还剩${item.days}天`;
  return `${i + 1}. ${item.id} ${shorten(item.text)}（截止日期：${formatChineseDate(item.deadline)}，${when}，${item.light}灯）`;
}

function counts(r: UnitReminder): string {
  const red = r.items.filter((i) => i.light === '红').length;
  const yellow = r.items.length - red;
  return [red ? `已逾期${red}条` : '', yellow ? `临近整改时限${yellow}条` : ''].filter(Boolean).join('、');
}

/** The paragraphs of one unit's 督办提醒 (the text and the .docx say the same). */
function parts(r: UnitReminder, ledger: Ledger, asOf: IsoDate) {
  const issuer = ledger.round.org ? `${ledger.round.org}巡察整改工作领导小组办公室` : '巡察整改工作领导小组办公室';
  return {
    title: '督办提醒',
    salutation: `${r.unit}：`,
    opening:
      `根据巡察整改台账，截至${formatChineseDate(asOf)}，你单位牵头负责的整改措施中${counts(r)}（见下）。` +
      `请对照整改时限抓紧推进，${r.items.some((i) => i.light === '红') ? '逾期事项说明原因并明确完成时间，' : ''}3个工作日内将整改进展和佐证材料报送台账维护人员。`,
    items: r.items.map(itemLine),
    issuer,
    date: formatChineseDate(asOf),
  };
}

/** One unit's reminder as plain text, ready to paste into a mail or chat. */
export function reminderText(r: UnitReminder, ledger: Ledger, asOf: IsoDate): string {
  const p = parts(r, ledger, asOf);
  return [p.title, '', p.salutation, `　　${p.opening}`, ...p.items.map((l) => `　　${l}`), '', p.issuer, p.date].join('\n');
}

/** Every unit's reminder as a draft for the docx builder: one page each. */
export function reminderDrafts(list: readonly UnitReminder[], ledger: Ledger, asOf: IsoDate): ReportDraft[] {
  return list.map((r) => {
    const p = parts(r, ledger, asOf);
    return {
      blocks: [
        { kind: 'title', text: p.title },
        { kind: 'paragraph', role: 'opening', text: p.salutation },
        { kind: 'paragraph', role: 'opening', text: p.opening },
        ...p.items.map((text) => ({ kind: 'paragraph' as const, role: 'measure' as const, text })),
        { kind: 'signature', text: p.issuer },
        { kind: 'date', text: p.date },
      ],
    };
  });
}
