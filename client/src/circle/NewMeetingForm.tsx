// [CI21][CI22][CI25] The facilitator's new meeting: what the circle offers (reviews
// due, role terms ending, the backlog) as checkboxes; the chosen ones become agenda items.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.ts';
import { createMeetingWith, fetchOffers } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { keepAndOpen } from './openMeeting.ts';
import { NEW_MEETING } from './recordWords.ts';
import { roleLabel } from './words.ts';
import { useLoaded } from './useLoaded.ts';

type Picked = Record<'reviews' | 'terms' | 'backlog', string[]>;

function Choices({
  legend,
  options,
  picked,
  onToggle,
}: {
  legend: string;
  options: { id: string; label: string }[];
  picked: string[];
  onToggle(id: string): void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="offer-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input type="checkbox" checked={picked.includes(o.id)} onChange={() => onToggle(o.id)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function NewMeetingForm({ circleId, session, onCancel }: { circleId: string; session: CircleSession; onCancel(): void }) {
  const titleId = useId();
  const { data: offers, error: loadError } = useLoaded(() => fetchOffers(circleId, session.credential), [circleId, session.credential]);
  const [picked, setPicked] = useState<Picked>({ reviews: [], terms: [], backlog: [] });
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (group: keyof Picked) => (id: string) =>
    setPicked((p) => ({ ...p, [group]: p[group].includes(id) ? p[group].filter((x) => x !== id) : [...p[group], id] }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      keepAndOpen(
        await createMeetingWith(circleId, session.credential, { ...(title.trim() ? { title: title.trim() } : {}), ...picked }),
        session.name,
      );
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };
  const empty = offers && offers.reviews.length + offers.terms.length + offers.backlog.length === 0;
  return (
    <form className="new-meeting" aria-label={NEW_MEETING.heading} onSubmit={submit}>
      <h3>{NEW_MEETING.heading}</h3>
      <p className="hint">{NEW_MEETING.lead}</p>
      <label htmlFor={titleId}>{NEW_MEETING.title}</label>
      <input id={titleId} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {offers && (
        <>
          <Choices
            legend={NEW_MEETING.reviews}
            picked={picked.reviews}
            onToggle={toggle('reviews')}
            options={offers.reviews.map((r) => ({ id: r.entryId, label: NEW_MEETING.review(r.title, r.reviewDate) }))}
          />
          <Choices
            legend={NEW_MEETING.terms}
            picked={picked.terms}
            onToggle={toggle('terms')}
            options={offers.terms.map((t) => ({ id: t.roleName, label: NEW_MEETING.term(roleLabel(t.roleName), t.holderName, t.termEnd) }))}
          />
          <Choices
            legend={NEW_MEETING.backlog}
            picked={picked.backlog}
            onToggle={toggle('backlog')}
            options={offers.backlog.map((b) => ({ id: b.id, label: b.title }))}
          />
          {empty && <p className="hint">{NEW_MEETING.nothing}</p>}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !offers}>
          {busy ? NEW_MEETING.creating : NEW_MEETING.create}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {NEW_MEETING.cancel}
        </button>
      </div>
    </form>
  );
}
