// 整改台账助手 as a page over a ledger file (DESIGN §12): the first screen, then the task pane's own
// App — the same tabs and components — over the file store, with the file bar in its header.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../ledger/errors';
import { App } from '../taskpane/App';
import { STRINGS } from '../taskpane/i18n';
import { FileBar } from './FileBar';
import { PAGE_STRINGS } from './pageStrings';
import { StartScreen } from './StartScreen';
import { usePageFile } from './usePageFile';

export function PageApp({ locale }: { locale: Locale }) {
  const t = PAGE_STRINGS[locale];
  const [file, actions] = usePageFile(locale);
  if (file.phase === 'start') {
    return (
      <FluentProvider theme={webLightTheme} lang={locale}>
        <StartScreen t={t} appTitle={STRINGS[locale].appTitle} busy={file.busy} error={file.error} onOpen={(f, h) => void actions.open(f, h)} onCreate={() => void actions.create()} />
      </FluentProvider>
    );
  }
  const bar = (
    <FileBar
      t={t}
      fileName={file.fileName}
      unsaved={file.unsaved}
      saving={file.saving}
      notice={file.notice}
      onSave={() => void actions.save()}
      onClose={actions.close}
      onDismiss={actions.clearNotice}
    />
  );
  // A new store is a new session: keyed, so nothing of the previous file's tabs survives.
  return <App key={file.id} store={file.store} locale={locale} fileBar={bar} />;
}
