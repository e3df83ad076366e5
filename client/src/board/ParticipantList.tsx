// Every participant: online or not, role, attendance, and their position on the active item.
import { positionKey, type ConsentRecord, type PositionValue } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { participantsInOrder } from '../state/participants.ts';
import { REMOVE } from '../access/words.ts';
import { RemoveParticipant } from './RemoveParticipant.tsx';
import { SECRETARY } from './facilitationWords.ts';
import { POSITION } from './methodWords.ts';
import { UI, FACILITATOR_LABEL, roleLabel } from './words.ts';

const POSITION_LABEL = UI.participants;

/** The position a frozen record (C16) lists for an eligible member, whatever the document says now. */
function recordedPosition(record: ConsentRecord, id: string): { position: PositionValue } | undefined {
  if (record.consented.includes(id)) return { position: 'consent' };
  if (record.concerns.includes(id)) return { position: 'concern' };
  if (record.objecting.includes(id)) return { position: 'object' };
  return undefined;
}

export function ParticipantList({
  itemId,
  record,
  frozen = false,
}: {
  itemId: string | null;
  record: ConsentRecord | null;
  frozen?: boolean;
}) {
  const { snapshot, online, me, can } = useBoard();
  const mayRemove = can.isFacilitator; // [R4] never in a closed meeting
  return (
    <ul className="participant-list">
      {participantsInOrder(snapshot).map(({ id, ...p }) => {
        const pos = frozen && record ? recordedPosition(record, id) : itemId ? snapshot.positions[positionKey(itemId, id)] : undefined;
        const stale = record?.stale.includes(id) ?? false;
        const counts = record?.eligible.includes(id) ?? false;
        const isOnline = online.has(id);
        const removed = p.removedAt !== undefined;
        return (
          <li key={id} className={`participant${removed ? ' removed' : ''}`} data-participant={p.name}>
            <span
              className={`presence ${isOnline ? 'online' : 'offline'}`}
              role="img"
              aria-label={isOnline ? UI.participants.online : UI.participants.notOnline}
            />
            <span className="participant-name">
              {p.name}
              {id === me && <span className="hint">{UI.participants.you}</span>}
            </span>
            <span className="participant-role">
              {snapshot.meta.facilitatorId === id ? FACILITATOR_LABEL() : roleLabel(p.role)}
              {snapshot.meta.secretaryId === id && `, ${SECRETARY.badge}`}
              {removed ? `, ${REMOVE.removed}` : !p.present && p.role !== 'observer' ? UI.participants.absent : ''}
            </span>
            {pos && (
              <span
                className={`position position-${pos.position}${stale ? ' stale' : ''}`}
                data-position={pos.position}
                data-stale={stale || undefined}
              >
                {POSITION_LABEL[pos.position]}
                {stale && <span className="earlier"> — {POSITION.earlier}</span>}
                {!counts && p.role === 'guest' && UI.participants.guestNoCount}
              </span>
            )}
            {!pos && record && counts && record.round !== null && (
              <span className="position position-missing">{frozen ? UI.participants.noPosition : UI.participants.waiting}</span>
            )}
            {mayRemove && !removed && id !== me && <RemoveParticipant id={id} name={p.name} />}
          </li>
        );
      })}
    </ul>
  );
}
