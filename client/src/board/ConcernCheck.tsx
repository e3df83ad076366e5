// [C26] Asked once before a concern is recorded: is this an objection? Two clear answers.
import { CONCERN_CHECK } from './absenceWords.ts';

interface Props {
  text: string;
  onConcern: () => void;
  onObjection: () => void;
  onCancel: () => void;
}

export function ConcernCheck({ text, onConcern, onObjection, onCancel }: Props) {
  return (
    <div
      className="concern-check"
      role="group"
      aria-labelledby="concern-check-title"
      aria-describedby="concern-check-body"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h3 id="concern-check-title">{CONCERN_CHECK.title}</h3>
      <p id="concern-check-body">{CONCERN_CHECK.body}</p>
      <blockquote className="concern-text">{text}</blockquote>
      <div className="row">
        <button type="button" className="primary" onClick={onConcern} autoFocus>
          {CONCERN_CHECK.asConcern}
        </button>
        <button type="button" onClick={onObjection}>
          {CONCERN_CHECK.asObjection}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {CONCERN_CHECK.cancel}
        </button>
      </div>
    </div>
  );
}
