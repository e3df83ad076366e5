// The term of the active item's proposal: review date and measure of success,
// part of what the circle consents to (R19). Editable whenever the text is (R12,
// R20); a consent item needs a review date before it can be decided (M13).
import { useId, useState, type FormEvent } from 'react';
import { itemTerm, mayEditProposal, setTerm, type AgendaItem, type Term } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { TERM } from './methodWords.ts';

export function TermEditor({ item }: { item: AgendaItem }) {
  const { snapshot, me } = useBoard();
  if (item.kind !== 'consent') return null;
  const term = itemTerm(snapshot, item.id);
  const editable = mayEditProposal(snapshot, item.id, me);
  const open = item.stage !== 'decided' && item.stage !== 'deferred';
  const dated = snapshot.terms?.[item.id]?.reviewDate != null;
  return (
    <section className="term" aria-labelledby={`term-${item.id}`}>
      <h3 id={`term-${item.id}`}>{TERM.heading}</h3>
      <p className="hint">{TERM.intro}</p>
      {editable ? (
        // a new key when someone else changes the term: the form starts again from what the document holds
        <TermForm key={`${term?.reviewDate ?? ''}|${term?.measure ?? ''}`} itemId={item.id} term={term} />
      ) : (
        <dl className="term-shown">
          <dt>{TERM.reviewDate}</dt>
          <dd>{term?.reviewDate ?? TERM.none}</dd>
          <dt>{TERM.measure}</dt>
          <dd>{term?.measure || TERM.none}</dd>
        </dl>
      )}
      {open && !dated && (
        <p className="banner banner-warn" role="note">
          {item.stage === 'consent' ? TERM.needsDateInRound : TERM.needsDate}
        </p>
      )}
    </section>
  );
}

function TermForm({ itemId, term }: { itemId: string; term: Term | null }) {
  const { doc, write } = useBoard();
  const dateId = useId();
  const measureId = useId();
  const [date, setDate] = useState(term?.reviewDate ?? '');
  const [measure, setMeasure] = useState(term?.measure ?? '');
  const changed = date !== (term?.reviewDate ?? '') || measure !== (term?.measure ?? '');
  // [CI19] a review date in the past is refused where it is entered (the day as this device counts it)
  const today = new Date().toLocaleDateString('sv');
  const past = /^\d{4}-\d{2}-\d{2}$/.test(date) && date < today && date !== (term?.reviewDate ?? '');
  const valid = !past && (date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write(TERM.saving, () => setTerm(doc, itemId, { reviewDate: date === '' ? null : date, measure: measure.trim() }));
  };
  return (
    <form className="term-form" onSubmit={submit} aria-label={TERM.heading}>
      <div className="row">
        <label htmlFor={dateId}>{TERM.reviewDate}</label>
        <input id={dateId} type="date" value={date} min={today} aria-invalid={past} onChange={(e) => setDate(e.target.value)} />
      </div>
      {past && (
        <p className="error" role="alert">
          {TERM.pastDate(date)}
        </p>
      )}
      <label htmlFor={measureId}>{TERM.measure}</label>
      <input
        id={measureId}
        type="text"
        maxLength={1000}
        value={measure}
        placeholder={TERM.measurePlaceholder}
        onChange={(e) => setMeasure(e.target.value)}
      />
      <button type="submit" className="small" disabled={!changed || !valid}>
        {TERM.save}
      </button>
    </form>
  );
}
