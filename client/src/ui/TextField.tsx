// A labelled text input or textarea with an error line.
import { useId } from 'react';
import { UI } from '../board/words.ts';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  error?: string | undefined;
  hint?: string;
  name?: string;
  autoFocus?: boolean;
  /** The longest text the server takes (INPUT_LIMITS): the input stops there. */
  maxLength?: number;
}

export function TextField({ label, value, onChange, required, multiline, error, hint, name, autoFocus, maxLength }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    required,
    autoFocus,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {!required && <span className="optional">{UI.optional}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}
