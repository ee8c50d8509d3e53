// A dismissable MessageBar for the outcome of an action; errors are announced as alerts.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { Notice } from '../../hooks/useStoreAction';
import { useI18n } from '../../i18n';

// Inline: the bar's body is one block of text; the list only needs its indent and no extra gap.
// Points name cells and file paths (file:///C:/x.exe): they may break anywhere, or a 320 px pane scrolls.
const LIST = { margin: '4px 0 0', paddingLeft: '1.2em', overflowWrap: 'anywhere' } as const;

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss?: () => void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {notice.text}
        {notice.items && notice.items.length > 0 && (
          <ul style={LIST}>
            {notice.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={t.dismiss} onClick={onDismiss}>
              ✕
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
