// Whether my edits are durable on the server, still travelling, or kept offline.
import type { SaveState } from '../sync/useMeetingSync.ts';
import { UI } from './words.ts';

const TEXT: Record<SaveState, string> = UI.save;

export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p className={`save-indicator save-${state}`} role="status" aria-live="polite" data-save={state}>
      <span className="dot" aria-hidden="true" />
      {TEXT[state]}
    </p>
  );
}
