// While objections are resolved, changing the text or term makes the positions given on it no longer count.
import { itemById } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { STALE_WARNING } from './methodWords.ts';

export function StaleWarning({ itemId }: { itemId: string }) {
  const { snapshot, can } = useBoard();
  const round = snapshot.rounds[itemId];
  const item = itemById(snapshot, itemId);
  // [R20] during the consent round nothing changes the text; in resolve an amendment asks everyone again
  if (!can.canEditText || item?.stage !== 'resolve' || !round || round.kind !== 'consent') return null;
  const revision = snapshot.proposals[itemId]?.revision;
  const given = Object.entries(snapshot.positions).filter(
    ([k, p]) => k.startsWith(`${itemId}/`) && p.round === round.number && p.revision === revision,
  ).length;
  return given === 0 ? null : (
    <p className="banner banner-warn" role="note">
      {STALE_WARNING(given)}
    </p>
  );
}
