// First run in a workbook without a (complete) ledger: create it, or repair the one found, never
// touching data. The 巡察信息 form follows (App decides).
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { LedgerPresence } from '../../../ledger/store';
import { describeError } from '../../format';
import { fill, useI18n } from '../../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0 },
});

type Props = {
  presence: Exclude<LedgerPresence, { state: 'ok' }>;
  onCreate: () => Promise<void>;
};

export function FirstRun({ presence, onCreate }: Props) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const repair = presence.state === 'repairable';

  async function go() {
    setBusy(true);
    setError(null);
    try {
      await onCreate();
    } catch (e) {
      setError(describeError(e, locale));
      setBusy(false);
    }
  }

  return (
    <section className={styles.box} aria-labelledby="first-run-title">
      <h2 className={styles.title} id="first-run-title">
        {repair ? t.repairTitle : t.firstRunTitle}
      </h2>
      <p className={styles.body}>{repair ? fill(t.repairBody, presence.missing.join('、')) : t.firstRunBody}</p>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.storeError}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" onClick={go} disabled={busy}>
        {busy ? t.creating : repair ? t.openLedger : t.createLedger}
      </Button>
    </section>
  );
}
