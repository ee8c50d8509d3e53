// The first screen: 打开台账文件 (the picker, or a file dropped anywhere on the drop zone) and
// 新建台账. A file that cannot be opened is answered here, with the reason, and nothing is written.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { XLSX_ACCEPT } from '../taskpane/components/stats/fileBytes';
import { canOpenWithHandle, droppedFile, pickWithHandle, type FileHandle } from './fileAccess';
import type { PageStrings } from './pageStrings';
import { usePageStyles } from './pageStyles';

export type StartScreenProps = {
  t: PageStrings;
  appTitle: string;
  busy: string | null;
  error: string | null;
  onOpen: (file: File, handle: FileHandle | null) => void;
  onCreate: () => void;
};

export function StartScreen({ t, appTitle, busy, error, onOpen, onCreate }: StartScreenProps) {
  const styles = usePageStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const pick = async () => {
    if (!canOpenWithHandle()) return input.current?.click();
    const picked = await pickWithHandle(t.fileType).catch(() => null);
    if (picked) onOpen(picked.file, picked.handle);
  };
  return (
    <main className={styles.start}>
      <h1 className={styles.title}>{appTitle}</h1>
      <p className={styles.intro}>{t.intro}</p>
      <section
        aria-label={t.fileLabel}
        className={mergeClasses(styles.drop, over && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void droppedFile(e.dataTransfer).then((d) => d && onOpen(d.file, d.handle));
        }}
      >
        <Button appearance="primary" size="large" disabled={busy !== null} onClick={() => void pick()}>
          {t.open}
        </Button>
        <span className={styles.dropText}>{over ? t.dropActive : t.drop}</span>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept={`${XLSX_ACCEPT},.xlsm`}
          // The button above is what keyboard, pointer and assistive tech use; the input only opens the chooser.
          aria-hidden="true"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) onOpen(file, null);
          }}
        />
      </section>
      {busy && (
        <p role="status" aria-live="polite" className={styles.hint}>
          {busy}
        </p>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.openFailed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.create}>
        <Button disabled={busy !== null} onClick={onCreate}>
          {t.create}
        </Button>
        <p className={styles.hint}>{t.createHint}</p>
      </section>
    </main>
  );
}
