// The first screen: create a meeting as its facilitator, then share the links.
import { useState, type FormEvent } from 'react';
import { ApiError, createMeeting, type CreatedMeeting } from '../api.ts';
import { saveSession } from '../session.ts';
import { boardPath, navigate } from '../router.ts';
import { TextField } from '../ui/TextField.tsx';
import { JoinLinks } from '../access/JoinLinks.tsx';
import { LINKS_LEAD } from '../access/words.ts';

export function StartPage() {
  const [title, setTitle] = useState('');
  const [circle, setCircle] = useState('');
  const [aim, setAim] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedMeeting | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await createMeeting({ title: title.trim(), circle: circle.trim(), aim: aim.trim(), facilitatorName: name.trim() });
      saveSession(m.meetingId, { participantId: m.participantId, token: m.token, role: m.role, name: name.trim() });
      setCreated(m);
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };

  if (created) return <MeetingLinks meeting={created} title={title} />;

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <main className="page narrow">
      <h1>Consent Board</h1>
      <p className="lead">A live meeting board for circles that decide by consent. Start a meeting; you will facilitate it.</p>
      <form onSubmit={submit} aria-label="Create a meeting">
        <TextField label="Meeting title" name="title" value={title} onChange={setTitle} required autoFocus error={fieldError('title')} />
        <TextField label="Circle" name="circle" value={circle} onChange={setCircle} hint="The circle that meets, e.g. “Garden circle”." error={fieldError('circle')} />
        <TextField label="The circle's aim" name="aim" value={aim} onChange={setAim} multiline hint="Its shared purpose: objections are weighed against it." error={fieldError('aim')} />
        <TextField label="Your name" name="facilitatorName" value={name} onChange={setName} required error={fieldError('facilitatorName')} />
        {error && !error.field && <p className="error" role="alert">{error.message}</p>}
        <button type="submit" className="primary" disabled={busy || !title.trim() || !name.trim()}>
          {busy ? 'Creating…' : 'Create meeting'}
        </button>
      </form>
    </main>
  );
}

function MeetingLinks({ meeting, title }: { meeting: CreatedMeeting; title: string }) {
  return (
    <main className="page narrow">
      <h1>“{title}” is ready</h1>
      <p className="lead">{LINKS_LEAD}</p>
      <JoinLinks meetingId={meeting.meetingId} codes={meeting.codes} />
      <button type="button" className="primary" onClick={() => navigate(boardPath(meeting.meetingId))}>
        Open the board
      </button>
    </main>
  );
}
