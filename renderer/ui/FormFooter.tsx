/** A form dialog's footer: the form-wide error (if any), Cancel, and the submit button (with a spinner while busy). */
import type { ReactNode } from 'react';

export function FormFooter({
  error,
  busy,
  onCancel,
  submitLabel,
  submitTestId,
}: {
  error?: string | undefined;
  busy: boolean;
  onCancel: () => void;
  submitLabel: ReactNode;
  submitTestId: string;
}) {
  return (
    <>
      {error && (
        <span className="error-text form-error" role="alert" data-testid="form-error">
          {error}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={submitTestId}>
        {busy && <span className="spinner" />}
        {submitLabel}
      </button>
    </>
  );
}
