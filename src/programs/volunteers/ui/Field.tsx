import type { ReactNode } from 'react';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children(describedBy: string | undefined, invalid: boolean): ReactNode;
}

/** A USWDS form group: label, hint and error message tied to the input by id, so screen readers read them. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>{label}</label>
      {hint && <span className="usa-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="usa-error-message" id={`${id}-error`}>{error}</span>}
      {children(describedBy, Boolean(error))}
    </div>
  );
}
