// A button that opens the browser's file chooser. The native input stays out of sight (its
// "no file chosen" text does not fit a 320 px pane) but keeps a label, so tests and assistive tech
// can still reach it; the button is what keyboard and pointer users press.
import { Button, Spinner } from '@fluentui/react-components';
import { useRef } from 'react';
import { XLSX_ACCEPT } from './fileBytes';
import { useStatsStyles } from './statsStyles';

export type FilePickerProps = {
  label: string;
  multiple?: boolean;
  busy?: boolean;
  disabled?: boolean;
  appearance?: 'primary' | 'secondary';
  onFiles: (files: File[]) => void;
};

export function FilePicker({ label, multiple = false, busy = false, disabled = false, appearance = 'secondary', onFiles }: FilePickerProps) {
  const styles = useStatsStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled || busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={XLSX_ACCEPT}
        multiple={multiple}
        aria-label={label}
        tabIndex={-1}
        disabled={disabled || busy}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared, so choosing the same file again (after fixing it) fires onChange again.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
