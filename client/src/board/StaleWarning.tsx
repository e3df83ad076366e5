// While a consent round is open, editing the text makes positions already given stale.
import { itemById } from '@consent/shared';
import { useBoard } from './BoardContext.ts';

export function StaleWarning({ itemId }: { itemId: string }) {
  const { snapshot, can } = useBoard();
  const round = snapshot.rounds[itemId];
  const item = itemById(snapshot, itemId);
  if (!can.canEditText || item?.stage !== 'consent' || !round || round.kind !== 'consent' || round.closedAt !== undefined) return null;
  const given = Object.entries(snapshot.positions).filter(([k, p]) => k.startsWith(`${itemId}/`) && p.round === round.number).length;
  return (
    <p className="banner banner-warn" role="note">
      A consent round is open. Changing the text makes the positions already given stale{given ? ` (${given} given)` : ''}: they will have to be given again.
    </p>
  );
}
