// A decided item's record: when it was decided and its review date; a deferred item's way out.
import { itemExitOf, type AgendaItem } from '@consent/shared';
import { EXIT_WORDS } from './followUpWords.ts';
import { useBoard } from './BoardContext.ts';

export function DecisionSummary({ item }: { item: AgendaItem }) {
  const { snapshot } = useBoard();
  if (item.stage !== 'decided' && item.stage !== 'deferred') return null;
  // [O6] how the item left: carried, passed to a broader circle, or back to the backlog
  if (item.stage === 'deferred') return <p className="banner banner-warn">{EXIT_WORDS[itemExitOf(snapshot, item.id) ?? 'deferred']}.</p>;
  const decision = [...snapshot.log].reverse().find((e) => e.type === 'decision' && e.itemId === item.id);
  return (
    <p className="banner banner-ok" role="status">
      <strong>Decided</strong>
      {decision && <> on {new Date(decision.at).toLocaleString()}</>}
      {item.reviewDate && <>. Review by {item.reviewDate}</>}.
    </p>
  );
}
