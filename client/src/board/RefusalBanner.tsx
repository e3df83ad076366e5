// Tells the participant that the server refused a change, and that the board was
// reloaded with their other, unrefused changes kept.
import type { Refusal } from '@consent/shared';
import { UI, UI_T } from './words.ts';

export function RefusalBanner({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  return (
    <div className="banner banner-bad" role="alert">
      <p>
        <strong>{UI.refusal.notAccepted}</strong> {refusal.reason}
        {refusal.rule && <span className="hint">{UI_T.rule(refusal.rule)}</span>}
        {UI.refusal.reloaded}
      </p>
      <button type="button" className="small" onClick={onDismiss}>
        {UI.refusal.dismiss}
      </button>
    </div>
  );
}
