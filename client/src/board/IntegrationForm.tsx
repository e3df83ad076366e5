// [O3] The objector says how their objection was integrated: which way through
// (text amended, term shortened, measure added) and one sentence for the minutes.
import { useId, useState, type FormEvent } from 'react';
import { INPUT_LIMITS, INTEGRATION_PATHS, type IntegrationPath, type WayThrough } from '@consent/shared';
import { WAY_THROUGH } from './followUpWords.ts';
import { UI } from './words.ts';

export function IntegrationForm({ onSubmit, onCancel }: { onSubmit: (way: WayThrough) => void; onCancel: () => void }) {
  const id = useId();
  const [path, setPath] = useState<IntegrationPath | null>(null);
  const [text, setText] = useState('');
  const ready = path !== null && text.trim() !== '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) onSubmit({ path, text: text.trim() });
  };
  return (
    <form className="reason-form integration-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <fieldset>
        <legend>{WAY_THROUGH.legend}</legend>
        {INTEGRATION_PATHS.map((p) => (
          <label key={p} className="choice">
            <input type="radio" name={`${id}-path`} value={p} checked={path === p} onChange={() => setPath(p)} />
            {WAY_THROUGH.choice[p]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={id}>{WAY_THROUGH.sentence}</label>
      <textarea id={id} rows={2} value={text} maxLength={INPUT_LIMITS.reason} onChange={(e) => setText(e.target.value)} required />
      <div className="row">
        <button type="submit" className="primary" disabled={!ready}>
          {WAY_THROUGH.submit}
        </button>
        <button type="button" onClick={onCancel}>
          {UI.cancel}
        </button>
      </div>
    </form>
  );
}
