// The 导入 tab: paste a report → read it (with a progress bar) → a preview of the 方面/问题/措施 tree
// with counts and warnings, where each problem can be left out or have its finding, status and
// deadline corrected → insert the chosen ones in one batch. 取消 discards everything.
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatWarning } from '../../../ledger/import';
import { UNMARKED } from '../../../ledger/types';
import { StatusSelect } from '../common/StatusSelect';
import type { Status } from '../../../ledger/types';
import { formatDate } from '../../format';
import { statusLabel } from '../../i18n/values';
import type { PanelProps } from '../../panelProps';
import { fillIn, IMPORT_STRINGS } from './importStrings';
import type { ImportStrings } from './importStrings';
import { useImportStyles } from './importStyles';
import { useImport } from './useImport';
import type { DraftProblem, ImportState } from './useImport';

export function ImportPanel({ store, ledger, locale, onLedgerChanged }: PanelProps) {
  const styles = useImportStyles();
  const t = IMPORT_STRINGS[locale];
  const state = useImport(store, ledger, locale, onLedgerChanged);
  const busy = state.phase === 'parsing' || state.phase === 'inserting';

  return (
    <section className={styles.panel} aria-labelledby="import-heading">
      <h2 id="import-heading" className={styles.heading}>
        {t.heading}
      </h2>
      <Field label={t.textLabel} hint={t.textHint}>
        <Textarea
          className={styles.textarea}
          value={state.text}
          onChange={(_, d) => state.setText(d.value)}
          disabled={busy}
          resize="vertical"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance={state.phase === 'preview' ? 'secondary' : 'primary'} onClick={() => void state.parse()} disabled={busy || state.text.trim() === ''}>
          {t.parse}
        </Button>
        {(state.phase !== 'idle' || state.text !== '') && (
          <Button onClick={state.phase === 'idle' ? () => state.setText('') : state.cancel} disabled={state.phase === 'inserting'}>
            {state.phase === 'idle' ? t.clear : t.cancel}
          </Button>
        )}
      </div>
      {busy && (
        <Field validationMessage={state.phase === 'parsing' ? t.parsing : t.inserting} validationState="none">
          <ProgressBar value={state.phase === 'parsing' ? state.progress : undefined} max={1} aria-label={state.phase === 'parsing' ? t.parsing : t.inserting} />
        </Field>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.intent} role={state.notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase !== 'idle' && state.result && <Preview state={state} t={t} locale={locale} />}
    </section>
  );
}

function Preview({ state, t, locale }: { state: ImportState; t: ImportStrings; locale: PanelProps['locale'] }) {
  const styles = useImportStyles();
  const result = state.result;
  if (!result) return null;
  const categories = groupByCategory(state.draft);
  const chosen = state.draft.filter((d) => d.include);
  const measureCount = state.draft.reduce((n, d) => n + d.source.measures.length, 0);
  const r = result.round;
  const roundText = [r.org, r.inspector, formatDate(r.feedbackDate, locale) || null].map((v) => v ?? t.unknown).join(t.roundSeparator);
  return (
    <section aria-labelledby="import-preview-heading" className={styles.panel}>
      <h3 id="import-preview-heading" className={styles.heading}>
        {t.previewHeading}
      </h3>
      <div className={styles.summary} role="status">
        <span>{fillIn(t.counts, categories.length, state.draft.length, measureCount, chosen.length)}</span>
        <span>{fillIn(t.round, roundText)}</span>
        <span>{state.roundWillSave ? t.roundWillSave : t.roundKept}</span>
      </div>
      {result.warnings.length > 0 && (
        <details>
          <summary>{fillIn(t.warningsHeading, result.warnings.length)}</summary>
          <ul className={styles.warnings} aria-label={fillIn(t.warningsHeading, result.warnings.length)}>
            {result.warnings.map((w, i) => (
              <li key={i}>{formatWarning(w, locale)}</li>
            ))}
          </ul>
        </details>
      )}
      {result.figures.length > 0 && (
        <details open={result.problems.length === 0}>
          <summary>{fillIn(t.figuresHeading, result.figures.length)}</summary>
          <ul className={styles.warnings} aria-label={fillIn(t.figuresHeading, result.figures.length)}>
            {result.figures.map((f, i) => (
              <li key={i}>{`${f.label}：${f.value}${f.unit}（${f.text}）`}</li>
            ))}
          </ul>
        </details>
      )}
      {result.problems.length === 0 ? (
        <FiguresOnly state={state} t={t} />
      ) : (
        <ProblemTree state={state} t={t} locale={locale} categories={categories} chosen={chosen.length} />
      )}
    </section>
  );
}

/** A text with a round and figures but no problems: its round can be saved, nothing else inserted. */
function FiguresOnly({ state, t }: { state: ImportState; t: ImportStrings }) {
  const styles = useImportStyles();
  return (
    <>
      <p>{state.roundWillSave ? t.figuresOnly : `${t.figuresOnly}${t.roundNothingToSave}`}</p>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void state.saveRound()} disabled={state.phase !== 'preview' || (!state.roundWillSave && (state.result?.figures.length ?? 0) === 0)}>
          {t.saveRound}
        </Button>
        <Button onClick={state.cancel} disabled={state.phase === 'inserting'}>
          {t.cancel}
        </Button>
      </div>
    </>
  );
}

type TreeProps = { state: ImportState; t: ImportStrings; locale: PanelProps['locale']; categories: [string | null, DraftProblem[]][]; chosen: number };

function ProblemTree({ state, t, locale, categories, chosen }: TreeProps) {
  const styles = useImportStyles();
  return (
    <>
      <Checkbox
        label={t.selectAll}
        checked={chosen === state.draft.length ? true : chosen === 0 ? false : 'mixed'}
        onChange={(_, d) => state.toggleAll(d.checked === true)}
      />
      <ul className={styles.tree} aria-label={t.treeLabel}>
        {categories.map(([category, problems]) => (
          <li key={category ?? ''}>
            <div className={styles.category}>{category ?? t.uncategorised}</div>
            <ul className={styles.problems} aria-label={category ?? t.uncategorised}>
              {problems.map((p) => (
                <ProblemItem key={p.key} problem={p} state={state} t={t} locale={locale} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void state.insert()} disabled={state.phase !== 'preview' || chosen === 0}>
          {fillIn(t.insert, chosen)}
        </Button>
        <Button onClick={state.cancel} disabled={state.phase === 'inserting'}>
          {t.cancel}
        </Button>
      </div>
    </>
  );
}

function groupByCategory(draft: readonly DraftProblem[]): [string | null, DraftProblem[]][] {
  const groups = new Map<string | null, DraftProblem[]>();
  for (const d of draft) {
    const list = groups.get(d.source.category);
    if (list) list.push(d);
    else groups.set(d.source.category, [d]);
  }
  return [...groups];
}

/** The number as written (1. （一） 一是); a bare one (a list read out of a sentence: "1") gets a dot, or it runs into the finding. */
function numbered(number: string | null, finding: string): string {
  if (!number) return finding;
  return /[0-9０-９]$/.test(number) ? `${number}. ${finding}` : `${number}${finding}`;
}

function ProblemItem({ problem, state, t, locale }: { problem: DraftProblem; state: ImportState; t: ImportStrings; locale: PanelProps['locale'] }) {
  const styles = useImportStyles();
  const [editing, setEditing] = useState(false);
  const p = problem;
  const label = numbered(p.source.number, p.finding.split('\n')[0]);
  const meta = [statusLabel(p.status ?? UNMARKED, locale), p.source.longTerm ? t.longTerm : '', p.deadline ? `${t.deadline} ${formatDate(p.deadline, locale)}` : '', p.source.group ?? '']
    .filter(Boolean)
    .join(' · ');
  return (
    <li className={p.include ? styles.problem : `${styles.problem} ${styles.excluded}`}>
      <div className={styles.problemHead}>
        <Checkbox checked={p.include} onChange={(_, d) => state.toggle(p.key, d.checked === true)} aria-label={fillIn(t.about, t.include, label)} />
        <span className={styles.finding}>{label}</span>
        <Button size="small" appearance="subtle" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-label={fillIn(t.about, editing ? t.doneEditing : t.edit, label)}>
          {editing ? t.doneEditing : t.edit}
        </Button>
      </div>
      <div className={styles.meta}>{meta}</div>
      {editing && (
        <div className={styles.editor}>
          <Field label={t.finding}>
            <Textarea value={p.finding} onChange={(_, d) => state.edit(p.key, { finding: d.value })} resize="vertical" />
          </Field>
          <Field label={t.status}>
            <StatusSelect
              value={p.status ?? ''}
              unmarked="offer"
              unmarkedValue=""
              onChange={(value) => state.edit(p.key, { status: value === '' ? null : (value as Status) })}
            />
          </Field>
          <Field label={t.deadline}>
            <Input type="date" value={p.deadline ?? ''} onChange={(_, d) => state.edit(p.key, { deadline: d.value === '' ? null : d.value })} />
          </Field>
        </div>
      )}
      {p.source.measures.length > 0 ? (
        <ol className={styles.measures} aria-label={fillIn(t.about, t.measures, label)}>
          {p.source.measures.map((m, i) => (
            <li key={i}>{m.text.length > 80 ? `${m.text.slice(0, 80)}…` : m.text}</li>
          ))}
        </ol>
      ) : (
        <div className={styles.meta}>{t.noMeasures}</div>
      )}
    </li>
  );
}
