// The facilitator's "Delete meeting": a confirmation dialog, then the whole
// meeting leaves the server and this device forgets its seat in it.
import { useEffect, useRef, useState } from 'react';
import { deleteMeeting } from '../api.ts';
import { navigate } from '../router.ts';
import { forgetSession } from '../session.ts';
import { useBoard } from './BoardContext.ts';
import { DELETE_WORDS } from './words.ts';

function ConfirmDelete({ onClose }: { onClose: () => void }) {
  const { meetingId, session } = useBoard();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteMeeting(meetingId, session.token);
      forgetSession(meetingId);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-meeting-title" onClose={onClose}>
      <h2 id="delete-meeting-title">{DELETE_WORDS.title}</h2>
      <p>{DELETE_WORDS.body}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger solid" disabled={busy} onClick={() => void confirm()}>
          {busy ? DELETE_WORDS.deleting : DELETE_WORDS.confirm}
        </button>
        <button type="button" autoFocus disabled={busy} onClick={() => dialog.current?.close()}>
          {DELETE_WORDS.cancel}
        </button>
      </div>
    </dialog>
  );
}

export function DeleteMeeting() {
  const { can } = useBoard();
  const [asking, setAsking] = useState(false);
  if (!can.isFacilitator) return null;
  return (
    <>
      <button type="button" className="small danger" onClick={() => setAsking(true)}>
        {DELETE_WORDS.open}
      </button>
      {asking && <ConfirmDelete onClose={() => setAsking(false)} />}
    </>
  );
}
