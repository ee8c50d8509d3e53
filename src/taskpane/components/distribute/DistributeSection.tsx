// 分发 in the pane: one fillable .xlsx per 责任单位 (or 责任领导 / 责任人), downloaded together as a
// .zip to attach to mails; in Excel on Mac, where nothing downloads, each opened as a new workbook
// for the user to save. The .xlsx writer (exceljs) is a chunk of its own, fetched on first use:
// it never weighs on the pane's start-up.
import { Button, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { SPLIT_BYS, type SplitBy } from '../../../ledger/distribute/split';
import type { Locale } from '../../../ledger/errors';
import type { LedgerStore } from '../../../ledger/store';
import type { IsoDate } from '../../../ledger/types';
import { describeError } from '../../format';
import { fill } from '../../i18n';
import type { Notice } from '../../hooks/useStoreAction';
import { NoticeBar } from '../common/NoticeBar';
import { canDownloadFiles } from '../../platform';
import { openWorkbooks } from '../../saveFile';
import { downloadBytes } from '../report/browserIo';
import { useStatsStyles } from '../stats/statsStyles';
import type { CollectStrings } from './collectStrings';

export function DistributeSection({ store, today, asOf, t, locale }: { store: LedgerStore; today: IsoDate; asOf: IsoDate; t: CollectStrings; locale: Locale }) {
  const styles = useStatsStyles();
  const [by, setBy] = useState<SplitBy>('责任单位');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The platform does not change while the pane is open.
  const [onMac] = useState(() => !canDownloadFiles());
  const make = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const [ledger, { distributeLedger }, { zipSync }] = await Promise.all([store.load(), import('../../../workbook/distributeXlsx'), import('fflate')]);
      const { files, unassigned } = await distributeLedger(ledger, { by, asOf, date: today, due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null });
      if (files.length === 0) {
        setNotice({ intent: 'warning', text: fill(t.distributeNone, t.splitByNoun[by]) });
        return;
      }
      const left = unassigned.length ? fill(t.unassigned, unassigned.length, t.splitByNoun[by]) : '';
      if (onMac) {
        const { opened, error } = await openWorkbooks(files);
        const names = files.slice(0, opened.length).map((f) => fill(t.fileMeasures, f.fileName, f.measures)).join(t.listSeparator);
        const stopped = error === null ? '' : fill(t.openStopped, files.length - opened.length, describeError(error, locale));
        const text = `${opened.length > 0 ? fill(t.distributedOpened, opened.length, names) : ''}${stopped}${left}`.trim();
        setNotice({ intent: opened.length === 0 ? 'error' : error !== null || left ? 'warning' : 'success', text });
        return;
      }
      const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, f.bytes])), { level: 0 });
      downloadBytes(zip, fill(t.zipName, t.splitByNoun[by]), 'application/zip');
      const names = files.map((f) => fill(t.fileMeasures, f.name, f.measures)).join(t.listSeparator);
      setNotice({ intent: left ? 'warning' : 'success', text: `${fill(t.distributed, files.length, names)}${left}` });
    } catch (error) {
      setNotice({ intent: 'error', text: describeError(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="distribute-heading">
      <h2 id="distribute-heading" className={styles.heading}>
        {t.distributeHeading}
      </h2>
      <p className={styles.intro}>{onMac ? t.distributeIntroMac : t.distributeIntro}</p>
      <Field label={t.distributeBy}>
        <Select value={by} onChange={(_, d) => setBy(d.value as SplitBy)}>
          {SPLIT_BYS.map((b) => (
            <option key={b} value={b}>
              {t.splitBy[b]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.distributeDue} hint={t.distributeDueHint}>
        <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => void make()}>
          {onMac ? t.distributeMakeMac : t.distributeMake}
        </Button>
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
