// A decided item's record: when it was decided, and the term consented to.
import { itemRecord, type AgendaItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { TERM } from './methodWords.ts';

export function DecisionSummary({ item }: { item: AgendaItem }) {
  const { snapshot } = useBoard();
  if (item.stage !== 'decided' && item.stage !== 'deferred') return null;
  if (item.stage === 'deferred') return <p className="banner banner-warn">Deferred to a later meeting.</p>;
  const decision = [...snapshot.log].reverse().find((e) => e.type === 'decision' && e.itemId === item.id);
  // [C16] the term frozen with the decision (an older document's own review date, failing that)
  const term = itemRecord(snapshot, item.id).term;
  return (
    <p className="banner banner-ok" role="status">
      <strong>Decided</strong>
      {decision && <> on {new Date(decision.at).toLocaleString()}</>}
      {term?.reviewDate && <>. {TERM.shown(term.reviewDate, term.measure)}</>}.
    </p>
  );
}
