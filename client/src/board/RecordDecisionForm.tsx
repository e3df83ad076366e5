// Recording a consented decision with the term the circle consented to (M13).
import { itemTerm, recordDecision } from '@consent/shared';
import type { FormEvent } from 'react';
import { useBoard } from './BoardContext.ts';
import { CONFIRM } from './facilitationWords.ts';
import { TERM } from './methodWords.ts';
import { UI, WRITING } from './words.ts';

export function RecordDecisionForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { snapshot, doc, write } = useBoard();
  const term = itemTerm(snapshot, itemId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (write(WRITING.recordingTheDecision, () => recordDecision(doc, itemId))) onDone();
  };
  return (
    <form className="decision-form" onSubmit={submit} aria-label={UI.recordDecision.label}>
      <p>
        {TERM.heading}: {TERM.shown(term?.reviewDate ?? null, term?.measure ?? '')}
      </p>
      <p className="hint">{CONFIRM.decision}</p>
      <div className="row">
        <button type="submit" className="primary">
          {UI.recordDecision.submit}
        </button>
        <button type="button" onClick={onDone}>
          {UI.cancel}
        </button>
      </div>
    </form>
  );
}
