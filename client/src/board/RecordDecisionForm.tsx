// Recording a consented decision: every decision carries a review date.
import { useId, useState, type FormEvent } from 'react';
import { recordDecision } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { CONFIRM } from './facilitationWords.ts';

const inMonths = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + n);
  return d.toISOString().slice(0, 10);
};

export function RecordDecisionForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { doc, write } = useBoard();
  const id = useId();
  const [date, setDate] = useState(inMonths(6));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (write('Recording the decision', () => recordDecision(doc, itemId, date))) onDone();
  };
  return (
    <form className="decision-form" onSubmit={submit} aria-label="Record the decision">
      <label htmlFor={id}>Review date</label>
      <p className="hint">By when does the circle look at this decision again?</p>
      <input id={id} type="date" name="review-date" value={date} min={new Date().toISOString().slice(0, 10)} onChange={(e) => setDate(e.target.value)} required />
      <p className="hint">{CONFIRM.decision}</p>
      <div className="row">
        <button type="submit" className="primary" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date)}>Record decision</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
