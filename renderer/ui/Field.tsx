/** A labelled form row: label, control, then either its error or its hint (never both). */
import type { ReactNode } from 'react';
import './field.css';

interface FieldProps {
  label: string;
  htmlFor: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
  /** Marks the label; the schema is what actually enforces it. */
  required?: boolean;
  className?: string;
}

export function Field({ label, htmlFor, error, hint, children, required, className }: FieldProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={htmlFor} className="field-label">
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {error ? (
        <div className="field-error" id={`${htmlFor}-error`} role="alert" data-testid={`error-${htmlFor}`}>
          {error}
        </div>
      ) : (
        hint && (
          <div className="field-hint" id={`${htmlFor}-hint`}>
            {hint}
          </div>
        )
      )}
    </div>
  );
}

/** aria props for a control inside a Field, so screen readers read the error with the label. */
export function describedBy(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : `${id}-hint` } as const;
}
