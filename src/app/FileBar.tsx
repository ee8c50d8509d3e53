// The file bar in the pane's header: which file is open, whether it holds changes not yet saved
// (未保存, also ＊ in the window title), 保存 and 关闭文件.
import { Button } from '@fluentui/react-components';
import { NoticeBar } from '../taskpane/components/common/NoticeBar';
import type { Notice } from '../taskpane/hooks/useStoreAction';
import type { PageStrings } from './pageStrings';
import { usePageStyles } from './pageStyles';

export type FileBarProps = {
  t: PageStrings;
  fileName: string;
  unsaved: boolean;
  saving: boolean;
  notice: Notice | null;
  onSave: () => void;
  onClose: () => void;
  onDismiss: () => void;
};

export function FileBar({ t, fileName, unsaved, saving, notice, onSave, onClose, onDismiss }: FileBarProps) {
  const styles = usePageStyles();
  return (
    <>
    <div className={styles.bar} role="group" aria-label={t.fileLabel}>
      <span className={styles.fileName} title={fileName}>
        {fileName}
      </span>
      <span className={unsaved ? styles.unsaved : styles.savedMark} role="status" data-testid="save-state">
        {saving ? t.saving : unsaved ? t.unsaved : t.saved}
      </span>
      <Button size="small" appearance={unsaved ? 'primary' : 'secondary'} disabled={saving} onClick={onSave}>
        {t.save}
      </Button>
      <Button size="small" appearance="subtle" onClick={onClose}>
        {t.close}
      </Button>
    </div>
    {notice && (
      <div className={styles.notice}>
        <NoticeBar notice={notice} onDismiss={onDismiss} />
      </div>
    )}
    </>
  );
}
