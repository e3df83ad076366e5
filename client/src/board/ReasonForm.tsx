// A short required text with submit and cancel: reasons, integration notes.
import { useId, useState, type FormEvent } from 'react';
import { INPUT_LIMITS } from '@consent/shared';
import { UI } from './words.ts';

interface Props {
  label: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function ReasonForm({ label, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form className="reason-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        maxLength={INPUT_LIMITS.reason}
        onChange={(e) => setText(e.target.value)}
        required
        autoFocus
      />
      <div className="row">
        <button type="submit" className="primary" disabled={!text.trim()}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {UI.cancel}
        </button>
      </div>
    </form>
  );
}
