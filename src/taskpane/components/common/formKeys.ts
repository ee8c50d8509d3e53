// The pane's forms answer the keyboard alike (录入, and 添加整改措施 on 台账): one handler for both,
// so a user who learned Ctrl+Enter on one finds it on the other.
import type { KeyboardEvent } from 'react';

export type FormKeys = {
  /** Ctrl+Enter (Cmd+Enter on a Mac) from anywhere in the form: what the primary button does. */
  submit: () => void;
  /** Esc, when the form has a 取消: what that button does. */
  cancel?: () => void;
};

/** An input where a plain Enter would submit an HTML form (the browser's implicit submission). */
function isOneLineField(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && !['button', 'submit', 'checkbox', 'radio', 'reset'].includes(target.type);
}

/**
 * Enter in a one-line field would submit the whole form half typed: here it does nothing, as in a
 * sheet's cell editor. Ctrl+Enter saves from anywhere; Enter still works in text areas, buttons and
 * an IME's candidate list (isComposing), and Esc is left to an IME or an open list that handled it.
 */
export function formKeyDown({ submit, cancel }: FormKeys) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      // An open list (a combobox's options) closes first; the form is cancelled by the next Esc.
      if (!cancel || event.defaultPrevented || (event.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
      event.preventDefault();
      cancel();
      return;
    }
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
      return;
    }
    if (isOneLineField(event.target)) event.preventDefault();
  };
}
