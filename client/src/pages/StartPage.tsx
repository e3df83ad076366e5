// The first screen: create a meeting as its facilitator; the board's lobby then shares the links.
import { useState, type FormEvent } from 'react';
import { INPUT_LIMITS } from '@consent/shared';
import { ApiError, createMeeting } from '../api.ts';
import { listSessions, saveSession } from '../session.ts';
import { boardPath, CIRCLES_PATH, MEETINGS_PATH, NEW_CIRCLE_PATH, navigate } from '../router.ts';
import { START_LINKS } from '../circle/words.ts';
import { TextField } from '../ui/TextField.tsx';
import { START } from '../access/words.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';

export function StartPage() {
  const [title, setTitle] = useState('');
  const [circle, setCircle] = useState('');
  const [aim, setAim] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const known = listSessions().length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await createMeeting({ title: title.trim(), circle: circle.trim(), aim: aim.trim(), facilitatorName: name.trim() });
      saveSession(m.meetingId, { participantId: m.participantId, token: m.token, role: m.role, name: name.trim(), title: title.trim() });
      // the links live on the board (lobby, then "Invite"), so a reload never loses them
      navigate(boardPath(m.meetingId));
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  const incomplete = !title.trim() || !name.trim();
  return (
    <main className="page narrow">
      <LanguageSwitch />
      <h1>Consent Board</h1>
      <p className="lead">{START.lead}</p>
      <nav className="start-links">
        <a
          href={NEW_CIRCLE_PATH}
          onClick={(e) => {
            e.preventDefault();
            navigate(NEW_CIRCLE_PATH);
          }}
        >
          {START_LINKS.newCircle}
        </a>
        {' · '}
        <a
          href={CIRCLES_PATH}
          onClick={(e) => {
            e.preventDefault();
            navigate(CIRCLES_PATH);
          }}
        >
          {START_LINKS.myCircles}
        </a>
        {known > 0 && (
          <>
            {' · '}
            <a
              href={MEETINGS_PATH}
              onClick={(e) => {
                e.preventDefault();
                navigate(MEETINGS_PATH);
              }}
            >
              {START.myMeetings}
            </a>
          </>
        )}
      </nav>
      <form onSubmit={submit} aria-label={START.form}>
        <TextField
          label={START.title}
          name="title"
          value={title}
          onChange={setTitle}
          required
          autoFocus
          maxLength={INPUT_LIMITS.title}
          error={fieldError('title')}
        />
        <TextField
          label={START.circle}
          name="circle"
          value={circle}
          onChange={setCircle}
          maxLength={INPUT_LIMITS.circle}
          hint={START.circleHint}
          error={fieldError('circle')}
        />
        <TextField
          label={START.aim}
          name="aim"
          value={aim}
          onChange={setAim}
          multiline
          maxLength={INPUT_LIMITS.aim}
          hint={START.aimHint}
          error={fieldError('aim')}
        />
        <TextField
          label={START.yourName}
          name="facilitatorName"
          value={name}
          onChange={setName}
          required
          maxLength={INPUT_LIMITS.name}
          error={fieldError('facilitatorName')}
        />
        {error && !error.field && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        {incomplete && (
          <p id="create-hint" className="hint">
            {START.needFields}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || incomplete} aria-describedby={incomplete ? 'create-hint' : undefined}>
          {busy ? START.creating : START.create}
        </button>
      </form>
    </main>
  );
}
