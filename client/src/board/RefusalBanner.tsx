// Tells the participant that the server refused a change, and that the board was
// reloaded with their other, unrefused changes kept.
import type { Refusal } from '@consent/shared';

export function RefusalBanner({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  return (
    <div className="banner banner-bad" role="alert">
      <p>
        <strong>Your last change was not accepted:</strong> {refusal.reason}
        {refusal.rule && <span className="hint"> (rule {refusal.rule})</span>} The board has been reloaded from the server; your other changes were kept.
      </p>
      <button type="button" className="small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
