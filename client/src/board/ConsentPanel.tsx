// The right side: facilitator controls, the round's speaking order, everyone's
import { memo } from 'react';
// position on the active item with the derived state in words, my position, the objection cards.
import { activeItem, itemRecord, sealedRound, type ItemRecord } from '@consent/shared';
import { equalData } from '../state/share.ts';
import { useBoard, useMeetingSelect } from './BoardContext.ts';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import { RoundOrder } from './RoundOrder.tsx';
import { ParticipantList } from './ParticipantList.tsx';
import { MyPosition } from './MyPosition.tsx';
import { ObjectionCards } from './ObjectionCards.tsx';
import { consentSummary, deferredSummary, UI, UI_T } from './words.ts';
import { roundKeyOf } from '../state/roundKey.ts';
import { Handover } from './Handover.tsx';
import { SealedPosition } from './SealedPosition.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import { QuorumStatus } from './QuorumStatus.tsx';

export const ConsentPanel = memo(function ConsentPanel() {
  const { snapshot, can } = useBoard();
  const active = activeItem(snapshot);
  // Consent is the business of the items phase; before and after it the panel lists who is here.
  const consentItem =
    snapshot.meta.phase === 'items' && active && (active.kind === 'consent' || active.kind === 'selection') ? active : null;
  // [C16] a decided or deferred item shows the record frozen at that moment
  // derived from the whole snapshot, but re-rendered only when the record itself changes (not with every keystroke)
  const consentItemId = consentItem?.id ?? null;
  const item = useMeetingSelect((s) => (consentItemId ? itemRecord(s, consentItemId) : null), [consentItemId], sameButRevision);
  const record = item?.consent ?? null;
  const roundKey = roundKeyOf(snapshot);
  // [V1] a consent round revealed together takes positions privately until the reveal
  const sealed = consentItem ? sealedRound(snapshot, consentItem.id) : null;
  const sealedPositions = sealed?.kind === 'position' && !sealed.revealed && consentItem?.stage === 'consent' ? sealed : null;
  return (
    <aside className="panel consent-panel" aria-label={UI.consentPanel.label}>
      <Handover />
      {can.isFacilitator && <FacilitatorControls />}
      {roundKey && <RoundOrder roundKey={roundKey} />}
      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">{consentItem ? UI.consentPanel.consent : UI.consentPanel.participants}</h2>
        {record && (
          <p className={`consent-state state-${record.state}`} data-consent-state={record.state} role="status" aria-live="polite">
            {consentItem?.stage === 'decided'
              ? UI_T.decided(item?.term?.reviewDate ?? null)
              : consentItem?.stage === 'deferred'
                ? deferredSummary(consentSummary(record, snapshot))
                : consentSummary(record, snapshot)}
          </p>
        )}
        {record && <QuorumStatus record={record} />}
        <ParticipantList itemId={consentItem?.id ?? null} record={record} frozen={item?.frozenBy != null} />
      </section>
      {/* [R18] positions on a decided or deferred item are final: nothing to give */}
      {consentItem?.kind === 'selection' && <SelectionPanel item={consentItem} />}
      {sealedPositions && consentItem && <SealedPosition item={consentItem} state={sealedPositions} />}
      {!sealedPositions && consentItem && record && consentItem.stage !== 'decided' && consentItem.stage !== 'deferred' && (
        <MyPosition item={consentItem} record={record} />
      )}
      {item && consentItem && <ObjectionCards cards={item.cards} itemId={consentItem.id} />}
    </aside>
  );
});

/**
 * Two records that differ only in the proposal's revision they were derived on
 * show the same (the panel shows no revision; a keystroke changes it, and who
 * turned stale is in `stale`): the panel keeps the first.
 */
function sameButRevision(a: ItemRecord | null, b: ItemRecord | null): boolean {
  if (a === null || b === null) return a === b;
  return equalData({ ...a, consent: { ...a.consent, revision: '' } }, { ...b, consent: { ...b.consent, revision: '' } });
}
