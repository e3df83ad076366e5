// Tells the participant that the server refused a change and the board was reloaded.
import type { Refusal } from '../sync/wire.ts';

export function RefusalBanner({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  return (
    <div className="banner banner-bad" role="alert">
      <p>
        <strong>Your last change was not accepted:</strong> {refusal.reason}
        {refusal.rule && <span className="hint"> (rule {refusal.rule})</span>} The board has been reloaded from the server.
      </p>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
