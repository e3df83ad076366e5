// A decided item's record: when it was decided, and the term consented to; a deferred item's way out.
import { itemExitOf, itemRecord, type AgendaItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { EXIT_WORDS } from './followUpWords.ts';
import { TERM } from './methodWords.ts';
import { UI, UI_T } from './words.ts';

export function DecisionSummary({ item }: { item: AgendaItem }) {
  const { snapshot } = useBoard();
  if (item.stage !== 'decided' && item.stage !== 'deferred') return null;
  // [O6] how the item left: carried, passed to a broader circle, or back to the backlog
  if (item.stage === 'deferred') return <p className="banner banner-warn">{EXIT_WORDS[itemExitOf(snapshot, item.id) ?? 'deferred']}.</p>;
  const decision = [...snapshot.log].reverse().find((e) => e.type === 'decision' && e.itemId === item.id);
  // [C16] the term frozen with the decision (an older document's own review date, failing that)
  const term = itemRecord(snapshot, item.id).term;
  return (
    <p className="banner banner-ok" role="status">
      <strong>{UI.decision.decided}</strong>
      {decision && UI_T.decidedOn(decision.at)}
      {term?.reviewDate && <>. {TERM.shown(term.reviewDate, term.measure)}</>}.
    </p>
  );
}
