// Asks once more before a move that cannot be undone: the sentence says what happens.
import { useEffect, useId, useRef } from 'react';
import { CONFIRM } from './facilitationWords.ts';

export function ConfirmMove({ text, onYes, onNo }: { text: string; onYes: () => void; onNo: () => void }) {
  const id = useId();
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={id} onKeyDown={(e) => e.key === 'Escape' && onNo()}>
      <p id={id}>{text}</p>
      <div className="row">
        <button type="button" className="primary" onClick={onYes}>
          {CONFIRM.yes}
        </button>
        <button type="button" ref={no} onClick={onNo}>
          {CONFIRM.no}
        </button>
      </div>
    </div>
  );
}
