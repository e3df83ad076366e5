// The facilitator removes a participant, after saying what that does: their link
// stops working and their sockets close; their entry and positions stay.
import { useState } from 'react';
import { ApiError, removeParticipant } from '../api.ts';
import { REMOVE } from '../access/words.ts';
import { useBoard } from './BoardContext.ts';

export function RemoveParticipant({ id, name }: { id: string; name: string }) {
  const { meetingId, session } = useBoard();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await removeParticipant(meetingId, session.token, id);
      setAsking(false);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button type="button" className="link remove-participant" onClick={() => setAsking(true)}>
        {REMOVE.button(name)}
      </button>
    );
  }
  return (
    <div className="remove-confirm" role="group" aria-label={REMOVE.button(name)}>
      <p>{REMOVE.confirm(name)}</p>
      <button type="button" className="danger" onClick={remove} disabled={busy}>
        {REMOVE.yes}
      </button>
      <button type="button" onClick={() => setAsking(false)} disabled={busy}>
        {REMOVE.no}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
