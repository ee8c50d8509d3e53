// Delete with a confirmation dialog: nothing is removed until the user confirms.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n';

type Props = { title: string; body: string; busy: boolean; onConfirm: () => Promise<boolean> };

export function DeleteItem({ title, body, busy, onConfirm }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={busy}>{t.deleteItem}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t.cancel}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={async () => {
                const done = await onConfirm();
                if (!done) setOpen(false);
              }}
            >
              {t.confirmDelete}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
