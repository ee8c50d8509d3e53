// 发送副本: in Excel the open workbook's copy (store.makeSendCopy); everywhere, a saved ledger file
// frozen in the browser and downloaded — the only way in the preview (in Excel on Mac, where
// nothing downloads, opened as a new workbook instead, and the hint says so).
import { Button, Spinner } from '@fluentui/react-components';
import { NoticeBar } from '../common/NoticeBar';
import { FilePicker } from './FilePicker';
import type { StatsStrings } from './statsStrings';
import { useStatsStyles } from './statsStyles';
import type { SendCopyState } from './useStats';

export function SendCopySection({ state, t }: { state: SendCopyState; t: StatsStrings }) {
  const styles = useStatsStyles();
  const busy = state.busy !== null;
  return (
    <section className={styles.section} aria-labelledby="stats-send">
      <h2 id="stats-send" className={styles.heading}>
        {t.sendHeading}
      </h2>
      <p className={styles.intro}>{t.sendIntro}</p>
      <div className={styles.actions}>
        {state.canMakeCopy && (
          <Button appearance="primary" disabled={busy} icon={state.busy === 'copy' ? <Spinner size="tiny" /> : undefined} onClick={state.makeCopy}>
            {t.makeCopy}
          </Button>
        )}
        <FilePicker label={t.chooseSaved} busy={state.busy === 'file'} disabled={busy} onFiles={(files) => void state.freezeFile(files[0])} />
      </div>
      <span className={styles.note}>{state.savedCopyOpens ? t.chooseSavedHintMac : t.chooseSavedHint}</span>
      <NoticeBar notice={state.notice} onDismiss={state.clearNotice} />
    </section>
  );
}
