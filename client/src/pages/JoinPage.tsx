// Joining from an invite link: a name; the link's code alone decides the role.
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '@consent/shared';
import { ApiError, joinMeeting } from '../api.ts';
import { loadSession, saveSession } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import { TextField } from '../ui/TextField.tsx';
import { JOIN_AS, JOIN_NO_CODE } from '../access/words.ts';

export function JoinPage({ meetingId, code, role }: { meetingId: string; code: string; role: Role | null }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = loadSession(meetingId);

  useEffect(() => {
    if (!code) setError(JOIN_NO_CODE);
  }, [code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await joinMeeting(meetingId, { name: name.trim(), code });
      saveSession(meetingId, { ...joined, name: name.trim() });
      navigate(boardPath(meetingId), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <h1>Join the meeting</h1>
      {existing && (
        <p className="notice">
          You already joined this meeting on this device as <strong>{existing.name || existing.role}</strong>.{' '}
          <a href={boardPath(meetingId)} onClick={(e) => { e.preventDefault(); navigate(boardPath(meetingId)); }}>
            Return to the board
          </a>
        </p>
      )}
      <form onSubmit={submit} aria-label="Join the meeting">
        <TextField label="Your name" name="name" value={name} onChange={setName} required autoFocus />
        {role && <p className="notice">{JOIN_AS[role]}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || !name.trim() || !code}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}
