/**
 * "Are you sure?" for destructive actions. The action runs inside the dialog so a refusal from the
 * core (a credential still in use, say) is shown right where the user asked, not in a toast.
 */
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { messageOf } from './formErrors';
import { Icon } from './Icon';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** A warning known in advance; replaced by the core's answer if the action is refused. */
  note?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId?: string;
}

export function ConfirmDialog({ title, children, note, confirmLabel, onConfirm, onClose, testId = 'confirm-dialog' }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void confirm()}
      width={420}
      testId={testId}
      busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          {/* Focus starts on the destructive button: Delete then Enter is the flow keyboard users expect
              after an explicit Delete keypress, and Esc is always one key away. */}
          <button type="submit" className="btn btn-danger" data-autofocus disabled={busy || error !== null} data-testid="confirm-button">
            {busy && <span className="spinner" />}
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="confirm-text">{children}</div>
      {note && !error && <div className="confirm-note">{note}</div>}
      {error && (
        <div className="banner-error" role="alert" data-testid="confirm-error">
          <Icon name="alert" />
          <span>{error}</span>
        </div>
      )}
    </Dialog>
  );
}
