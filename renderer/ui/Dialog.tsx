/**
 * A modal built on the native <dialog>: the browser gives us the top layer, focus trapping, inert
 * background and Esc-to-cancel, and restores focus to the opener when it closes.
 */
import { useEffect, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Icon } from './Icon';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** When set, the body is a <form> and Enter submits it. */
  onSubmit?: () => void;
  width?: number;
  testId?: string;
  /** A busy dialog ignores Esc so a half-finished request is not orphaned. */
  busy?: boolean;
}

export function Dialog({ title, onClose, children, footer, onSubmit, width = 480, testId, busy = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  // Layout effect: its cleanup runs before React removes the element, so close() happens while the
  // dialog is still in the document and the browser returns focus to whatever opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // React's autoFocus runs before the dialog is shown (and so fails); showModal() would then pick
    // the header's close button. Mark the intended field with data-autofocus instead.
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea)');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (e: Event) => {
      e.preventDefault();
      if (!busyRef.current) onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={`${testId ?? 'dialog'}-title`}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Close" onClick={onClose} disabled={busy}>
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </>
  );

  return (
    <dialog ref={ref} className="dialog" style={{ width }} data-testid={testId} aria-labelledby={`${testId ?? 'dialog'}-title`}>
      {onSubmit ? (
        <form onSubmit={submit} noValidate>
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
