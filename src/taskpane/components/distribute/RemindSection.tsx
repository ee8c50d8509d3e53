// 催办 in the pane: the 督办提醒 of each unit with overdue or due-soon measures, to copy, and the
// .docx with a page per unit (the docx builder is fetched on first use). In Excel on Mac nothing
// downloads, so there the text is all it offers, and the intro says so.
import { Button, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { reminderDrafts, reminders, reminderText } from '../../../ledger/distribute/remind';
import type { IsoDate, Ledger } from '../../../ledger/types';
import { canDownloadFiles } from '../../platform';
import { copyText, DOCX_MIME, downloadBytes } from '../report/browserIo';
import { useStatsStyles } from '../stats/statsStyles';
import type { CollectStrings } from './collectStrings';

export function RemindSection({ ledger, asOf, t }: { ledger: Ledger; asOf: IsoDate; t: CollectStrings }) {
  const styles = useStatsStyles();
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [onMac] = useState(() => !canDownloadFiles());
  const list = () => reminders(ledger, { asOf });
  return (
    <section className={styles.section} aria-labelledby="remind-heading">
      <h2 id="remind-heading" className={styles.heading}>
        {t.remindHeading}
      </h2>
      <p className={styles.intro}>{onMac ? t.remindIntroMac : t.remindIntro}</p>
      <div className={styles.actions}>
        <Button onClick={() => setText(list().map((r) => reminderText(r, ledger, asOf)).join('\n\n——————\n\n') || t.remindNone)}>{t.remindMake}</Button>
      </div>
      {text !== null && (
        <>
          <Textarea aria-label={t.remindHeading} readOnly value={text} resize="vertical" rows={8} />
          <div className={styles.actions}>
            <Button size="small" onClick={() => void copyText(text).then(setCopied)}>
              {copied ? t.copied : t.copy}
            </Button>
            {!onMac && (
              <Button
                size="small"
                disabled={list().length === 0}
                onClick={async () => {
                  const { buildDocx } = await import('../../../ledger/report/docx');
                  downloadBytes(await buildDocx(reminderDrafts(list(), ledger, asOf)), t.remindFile, DOCX_MIME);
                }}
              >
                {t.docx}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
