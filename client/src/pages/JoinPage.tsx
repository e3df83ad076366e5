// Joining from an invite link: the page names the meeting and the role the
// link grants; the person gives a name. The link's code alone decides the role.
import { useEffect, useState, type FormEvent } from 'react';
import { INPUT_LIMITS, type Invitation, type Role } from '@consent/shared';
import { ApiError, fetchInvitation, joinMeeting } from '../api.ts';
import { loadSession, saveSession } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import { TextField } from '../ui/TextField.tsx';
import { JOIN_AS, JOIN_PAGE, LINKS_WORDS } from '../access/words.ts';

export function JoinPage({ meetingId, code, role }: { meetingId: string; code: string; role: Role | null }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const existing = loadSession(meetingId);

  useEffect(() => {
    if (!code) {
      setError(LINKS_WORDS.joinNoCode);
      return;
    }
    let live = true;
    fetchInvitation(meetingId, code).then(
      (i) => live && setInvitation(i),
      (err) => live && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [meetingId, code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const joined = await joinMeeting(meetingId, { name: name.trim(), code });
      saveSession(meetingId, { ...joined, name: name.trim(), ...(invitation ? { title: invitation.title } : {}) });
      navigate(boardPath(meetingId), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const shownRole = invitation?.role ?? role;
  return (
    <main className="page narrow">
      <h1>{invitation?.title ? JOIN_PAGE.titleOf(invitation.title) : JOIN_PAGE.title}</h1>
      {invitation?.circle && <p className="lead">{JOIN_PAGE.circle(invitation.circle)}</p>}
      {existing && (
        <p className="notice">
          {JOIN_PAGE.already} <strong>{existing.name || existing.role}</strong>.{' '}
          <a
            href={boardPath(meetingId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(boardPath(meetingId));
            }}
          >
            {JOIN_PAGE.returnToBoard}
          </a>
        </p>
      )}
      {invitation?.closed ? (
        <p className="notice">{JOIN_PAGE.closed}</p>
      ) : (
        <form onSubmit={submit} aria-label={JOIN_PAGE.title}>
          <TextField
            label={JOIN_PAGE.yourName}
            name="name"
            value={name}
            onChange={setName}
            required
            autoFocus
            maxLength={INPUT_LIMITS.name}
            hint={JOIN_PAGE.nameHint}
          />
          {shownRole && <p className="notice">{JOIN_AS[shownRole]}</p>}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {!name.trim() && code && !error && (
            <p id="join-hint" className="hint">
              {JOIN_PAGE.needName}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy || !name.trim() || !code}>
            {busy ? JOIN_PAGE.joining : JOIN_PAGE.join}
          </button>
        </form>
      )}
    </main>
  );
}
