// A decided item's record: when it was decided and its review date.
import type { AgendaItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';

export function DecisionSummary({ item }: { item: AgendaItem }) {
  const { snapshot } = useBoard();
  if (item.stage !== 'decided' && item.stage !== 'deferred') return null;
  if (item.stage === 'deferred') return <p className="banner banner-warn">Deferred to a later meeting.</p>;
  const decision = [...snapshot.log].reverse().find((e) => e.type === 'decision' && e.itemId === item.id);
  return (
    <p className="banner banner-ok" role="status">
      <strong>Decided</strong>
      {decision && <> on {new Date(decision.at).toLocaleString()}</>}
      {item.reviewDate && <>. Review by {item.reviewDate}</>}.
    </p>
  );
}
