// First run in a workbook without a (complete) ledger: create it, or repair the one found, never
// touching data. The 巡察信息 form follows (App decides). A 巡察办 keeping a summary workbook needs
// no ledger at all: 只汇总 goes straight to 汇总 without creating any sheet.
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { LedgerPresence } from '../../../ledger/store';
import { describeError } from '../../format';
import { fill, useI18n } from '../../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start', minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, overflowWrap: 'anywhere' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: 'anywhere' },
  // The second way in, set apart by a rule: most users create a ledger.
  other: { alignSelf: 'stretch', paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Long labels wrap inside the button instead of widening a 320 px pane.
  wrapButton: { maxWidth: '100%', height: 'auto', minHeight: '32px', textAlign: 'start' },
});

/** Creates (or repairs) the ledger on click: a busy label while it runs, the store's error under it if it fails. */
export function CreateLedger({ label, onCreate, appearance = 'primary' }: { label: string; onCreate: () => Promise<void>; appearance?: 'primary' | 'secondary' }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.storeError}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <Button className={styles.wrapButton} appearance={appearance} onClick={go} disabled={busy}>
        {busy ? t.creating : label}
      </Button>
    </>
  );
}

type Props = {
  presence: Exclude<LedgerPresence, { state: 'ok' }>;
  onCreate: () => Promise<void>;
  /** Opens 汇总 without a ledger; absent where the store cannot consolidate. */
  onSummaryOnly?: () => void;
};

export function FirstRun({ presence, onCreate, onSummaryOnly }: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  const repair = presence.state === 'repairable';

  return (
    <div className={styles.box}>
      <section className={styles.box} aria-labelledby="first-run-title">
        <h2 className={styles.title} id="first-run-title">
          {repair ? t.repairTitle : t.firstRunTitle}
        </h2>
        <p className={styles.body}>{repair ? fill(t.repairBody, presence.missing.join(t.listSeparator)) : t.firstRunBody}</p>
        <CreateLedger label={repair ? t.openLedger : t.createLedger} onCreate={onCreate} />
      </section>
      {/* A damaged ledger is repaired, not bypassed: 只汇总 is for a workbook with no ledger at all. */}
      {!repair && onSummaryOnly && (
        <section className={mergeClasses(styles.box, styles.other)} aria-labelledby="first-run-summary">
          <h2 className={styles.subtitle} id="first-run-summary">
            {t.summaryOnlyTitle}
          </h2>
          <p className={styles.hint}>{t.summaryOnlyBody}</p>
          <Button className={styles.wrapButton} appearance="secondary" onClick={onSummaryOnly}>
            {t.summaryOnly}
          </Button>
        </section>
      )}
    </div>
  );
}
