// [CI24][CI25] The circle's backlog: what members proposed between meetings and
// what meetings handed on; a member adds to it here.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { fetchBacklog, proposeBacklog } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { BACKLOG } from './recordWords.ts';
import { useLoaded } from './useLoaded.ts';

export function CircleBacklog({
  circleId,
  session,
  canPropose,
  version,
}: {
  circleId: string;
  session: CircleSession;
  canPropose: boolean;
  version: number;
}) {
  const titleId = useId();
  const textId = useId();
  const { data, error, reload } = useLoaded(() => fetchBacklog(circleId, session.credential), [circleId, session.credential, version]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      await proposeBacklog(circleId, session.credential, { title: title.trim(), ...(text.trim() ? { text: text.trim() } : {}) });
      setTitle('');
      setText('');
      reload();
    } catch (err) {
      setFailed(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="backlog-heading" className="circle-section">
      <h2 id="backlog-heading">{BACKLOG.heading}</h2>
      <p className="hint">{BACKLOG.lead}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && data.backlog.length === 0 && <p className="hint">{BACKLOG.none}</p>}
      {data && data.backlog.length > 0 && (
        <ul className="circle-backlog">
          {data.backlog.map((b) => (
            <li key={b.id}>
              <strong>{b.title}</strong>
              {b.text && <span> — {b.text}</span>}
              <br />
              <span className="hint">{BACKLOG.from(b.authorName, BACKLOG.sources[b.source] ?? b.source)}</span>
            </li>
          ))}
        </ul>
      )}
      {canPropose && (
        <form onSubmit={submit} aria-label={BACKLOG.add} className="backlog-form">
          <label htmlFor={titleId}>{BACKLOG.title}</label>
          <input id={titleId} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor={textId}>{BACKLOG.text}</label>
          <textarea id={textId} maxLength={5000} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          {failed && (
            <p className="error" role="alert">
              {failed}
            </p>
          )}
          <button type="submit" disabled={busy || title.trim() === ''}>
            {busy ? BACKLOG.adding : BACKLOG.add}
          </button>
        </form>
      )}
    </section>
  );
}
