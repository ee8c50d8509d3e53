// The MessageBar after 生成发送副本: what was done, then each thing the copy changed that the user
// should know before sending it — cells never calculated, formulas that reached outside the
// workbook (now values), macros removed, external links removed, zip entries not copied — one
// point each, cells and links named (the first few, then how many more).
import type { SendCopyFindings } from '../../../ledger/store';
import { fill } from '../../i18n';
import type { Notice } from '../../hooks/useStoreAction';
import type { StatsStrings } from './statsStrings';

const SHOWN = 8;

function named(list: readonly string[], t: StatsStrings): string {
  const shown = list.slice(0, SHOWN).join(t.listSeparator);
  return list.length > SHOWN ? `${shown}${fill(t.andMore, list.length - SHOWN)}` : shown;
}

/** The warnings of a copy, in the order a sender should read them. */
export function sendCopyWarnings(found: SendCopyFindings, t: StatsStrings): string[] {
  const items: string[] = [];
  const uncached = found.uncached ?? [];
  if (uncached.length > 0) items.push(fill(t.copyUncached, uncached.length, named(uncached, t)));
  for (const kind of ['WEBSERVICE', 'DDE', 'HYPERLINK', 'LINK'] as const) {
    const cells = (found.live ?? []).filter((l) => l.kind === kind).map((l) => l.cell);
    if (cells.length > 0) items.push(fill(t.copyLive[kind], cells.length, named(cells, t)));
  }
  const links = found.externalLinks ?? [];
  if (links.length > 0) items.push(fill(t.copyLinks, links.length, named(links.map((l) => fill(t.copyLinkKinds[l.kind], l.target)), t)));
  if ((found.linkNames ?? []).length > 0) items.push(fill(t.copyLinkNames, named(found.linkNames ?? [], t)));
  if (found.macros === 'dropped') items.push(t.copyMacrosDropped);
  const unsafe = found.unsafeEntries ?? [];
  if (unsafe.length > 0) items.push(fill(t.copyUnsafe, unsafe.length, named(unsafe, t)));
  return items;
}

/** Success when the copy needs no word of warning; else a warning listing each point under `done`. */
export function sendCopyNotice(done: string, found: SendCopyFindings, t: StatsStrings): Notice {
  const items = sendCopyWarnings(found, t);
  if (items.length === 0) return { intent: 'success', text: done };
  return { intent: 'warning', text: `${done}${t.copyCheck}`, items };
}
