// 汇总's question before a file replaces rows another file brought: who is replaced by whom and how
// many rows go, 替换 or 跳过此文件. Inline above the results, not a modal dialog: the pane is narrow,
// the question belongs to this section, and the import simply waits for the answer. Focus goes to
// 跳过此文件 (the choice that loses nothing), and Esc skips too: nothing is replaced without a yes.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { PendingReplacement } from '../../../ledger/consolidate';
import { fill } from '../../i18n';
import type { StatsStrings } from './statsStrings';
import type { ReplaceAnswer } from './useConsolidate';

type Props = { question: PendingReplacement | null; onAnswer: (choice: ReplaceAnswer) => void; t: StatsStrings };

export function ReplaceQuestion({ question, onAnswer, t }: Props) {
  const skip = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) skip.current?.focus();
  }, [question]);
  if (!question) return null;
  const text = fill(question.inBatch ? t.replaceQuestionBatch : t.replaceQuestion, question.fileName, question.unit, question.replacedFile, question.rows);
  return (
    <div role="group" aria-label={t.replaceTitle} onKeyDown={(e) => (e.key === 'Escape' ? onAnswer('skip') : undefined)}>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.replaceTitle}</MessageBarTitle>
          <p style={PARAGRAPH}>{text}</p>
          <p style={PARAGRAPH}>{t.replaceHint}</p>
        </MessageBarBody>
        <MessageBarActions>
          <Button ref={skip} onClick={() => onAnswer('skip')}>
            {t.replaceSkip}
          </Button>
          <Button appearance="primary" onClick={() => onAnswer('replace')}>
            {t.replaceConfirm}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

const PARAGRAPH = { margin: '4px 0 0' } as const;
