// A 整改进展 log (or a problem's 备注) as entries: the date as the pane writes dates, substantive
// progress as typed, workflow entries (销号, 延期, 分发/回收) marked as such in the pane's language.
import { parseProgress, type ProgressEntry } from '../../../ledger/progress';
import { formatDate } from '../../format';
import { fill, useI18n } from '../../i18n';
import type { Strings } from '../../i18n/zh-CN';
import { useLedgerStyles } from './ledgerStyles';

function flowLabel(t: Strings, entry: Extract<ProgressEntry, { kind: 'workflow' }>): string {
  return t[`flow_${entry.action}`];
}

export function ProgressLog({ text, label }: { text: string; label?: string }) {
  const { t, locale } = useI18n();
  const styles = useLedgerStyles();
  const entries = parseProgress(text);
  if (entries.length === 0) return null;
  return (
    <ul className={styles.log} aria-label={label}>
      {entries.map((e, i) => {
        const when = e.date ? fill(t.datedEntry, formatDate(e.date, locale)) : '';
        if (e.kind === 'progress') return <li key={i}>{`${when}${e.text}`}</li>;
        return (
          <li key={i} className={styles.flowEntry}>
            {when}
            <span className={styles.flowTag}>{flowLabel(t, e)}</span>
            {e.detail}
          </li>
        );
      })}
    </ul>
  );
}
