// Joining from an invite link: a name and, for members' links, member or guest.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, joinMeeting } from '../api.ts';
import { loadSession, saveSession } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import { TextField } from '../ui/TextField.tsx';

export function JoinPage({ meetingId, code, observer }: { meetingId: string; code: string; observer: boolean }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<'member' | 'guest'>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = loadSession(meetingId);

  useEffect(() => {
    if (!code) setError('This link has no invite code. Ask the facilitator for the invite link.');
  }, [code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Members need not ask: the invite code makes members and the observer code observers.
      const joined = await joinMeeting(meetingId, { name: name.trim(), code, ...(role === 'guest' && !observer ? { role } : {}) });
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
        {observer ? (
          <p className="notice">This is an observer link: you will see the board live and write nothing.</p>
        ) : (
          <RoleChoice role={role} onChange={setRole} />
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || !name.trim() || !code}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}

function RoleChoice({ role, onChange }: { role: 'member' | 'guest'; onChange: (role: 'member' | 'guest') => void }) {
  return (
    <fieldset className="choice">
      <legend>Join as</legend>
      <label>
        <input type="radio" name="role" value="member" checked={role === 'member'} onChange={() => onChange('member')} />
        Member — your position counts in consent rounds
      </label>
      <label>
        <input type="radio" name="role" value="guest" checked={role === 'guest'} onChange={() => onChange('guest')} />
        Guest — you may speak, co-edit and raise concerns; your position does not count
      </label>
    </fieldset>
  );
}
