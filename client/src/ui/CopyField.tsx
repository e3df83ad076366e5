// A read-only link with a copy button and a spoken confirmation.
import { useId, useState } from 'react';
import { UI, UI_T } from '../board/words.ts';

export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <div className="row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy} aria-label={UI_T.copyLabel(label.toLowerCase())}>
          {UI.copy}
        </button>
      </div>
      <span role="status" className="hint">
        {copied ? UI.copied : ''}
      </span>
    </div>
  );
}
