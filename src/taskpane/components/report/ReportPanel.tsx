// 报告: the summary sentence, the settings and editable template paragraphs of the 通报, a preview
// readable in the 320 px pane, and the ways out: copy as text, write to a new worksheet, download
// a GB/T 9704 .docx. In Excel on Mac nothing downloads: the Word button says it copies the text for
// Word, and is then the only copy button (a second one would do the same).
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import type { DraftBlock } from '../../../ledger/report/draft';
import { formatDate } from '../../format';
import { fill } from '../../i18n';
import type { PanelProps } from '../../panelProps';
import { REPORT_STRINGS } from './reportStrings';
import { useReportStyles } from './reportStyles';
import { useReport } from './useReport';

function PreviewBlock({ block, styles }: { block: DraftBlock; styles: ReturnType<typeof useReportStyles> }) {
  switch (block.kind) {
    case 'title':
      return <h3 className={styles.title}>{block.text}</h3>;
    case 'heading':
      if (block.level === 1) return <h4 className={styles.h1}>{block.text}</h4>;
      if (block.level === 2) return <h5 className={styles.h2}>{block.text}</h5>;
      return <p className={styles.paragraph}>{block.text}</p>;
    case 'paragraph':
      return <p className={styles.paragraph}>{block.text}</p>;
    case 'signature':
      return <p className={`${styles.closing} ${styles.closingGap}`}>{block.text}</p>;
    case 'date':
      return <p className={styles.closing}>{block.text}</p>;
  }
}

export function ReportPanel({ store, ledger, locale }: PanelProps) {
  const t = REPORT_STRINGS[locale];
  const styles = useReportStyles();
  const report = useReport(store, ledger, locale);
  const busy = report.busy !== null;
  const onMac = report.docxWay === 'clipboard';
  const spinner = (action: typeof report.busy) => (report.busy === action ? <Spinner size="tiny" /> : undefined);

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="report-summary">
        <h2 id="report-summary" className={styles.heading}>
          {t.summaryHeading}
        </h2>
        <p className={styles.summary}>{report.summary}</p>
        <span className={styles.note}>{fill(t.asOfNote, formatDate(report.asOf, locale))}</span>
      </section>

      <section className={styles.section} aria-labelledby="report-settings">
        <h2 id="report-settings" className={styles.heading}>
          {t.settingsHeading}
        </h2>
        <Field label={t.issuer} hint={t.issuerHint}>
          <Input value={report.issuer} onChange={(_, d) => report.setIssuer(d.value)} />
        </Field>
        <Field label={t.date}>
          <Input type="date" value={report.date} onChange={(_, d) => report.setDate(d.value)} />
        </Field>
        <Field label={t.contact} hint={t.contactHint}>
          <Input value={report.contact} onChange={(_, d) => report.setContact(d.value)} />
        </Field>
        <Field label={t.organisation}>
          <Textarea resize="vertical" rows={6} value={report.organisation} onChange={(_, d) => report.setOrganisation(d.value)} />
        </Field>
        <Field label={t.nextSteps}>
          <Textarea resize="vertical" rows={6} value={report.nextSteps} onChange={(_, d) => report.setNextSteps(d.value)} />
        </Field>
        {report.templatesEdited && (
          <div>
            <Button size="small" onClick={report.resetTemplates}>
              {t.resetTemplates}
            </Button>
          </div>
        )}
      </section>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy}
          icon={spinner('docx')}
          aria-describedby={onMac ? 'report-word-hint' : undefined}
          onClick={report.downloadDocx}
        >
          {onMac ? t.copyForWord : t.download}
        </Button>
        {!onMac && (
          <Button disabled={busy} icon={spinner('copy')} onClick={report.copy}>
            {t.copy}
          </Button>
        )}
        <Button
          disabled={busy || !report.canWriteSheet}
          icon={spinner('sheet')}
          title={report.canWriteSheet ? undefined : t.writeSheetMissing}
          onClick={report.writeSheet}
        >
          {t.writeSheet}
        </Button>
      </div>
      {onMac && (
        <span id="report-word-hint" className={styles.note}>
          {t.copyForWordHint}
        </span>
      )}
      {report.notice && (
        <MessageBar intent={report.notice.intent} role={report.notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{report.notice.text}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="report-preview">
        <h2 id="report-preview" className={styles.heading}>
          {t.previewHeading}
        </h2>
        <article className={styles.preview} aria-label={t.previewLabel} lang="zh-CN">
          {report.draft.blocks.map((block, i) => (
            <PreviewBlock key={i} block={block} styles={styles} />
          ))}
        </article>
      </section>
    </div>
  );
}
