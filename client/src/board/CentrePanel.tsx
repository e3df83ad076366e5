// The middle of the board: what this phase asks for, and the active item's proposal.
import { memo } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { activeItem, editLockOf, mayEditProposal } from '@consent/shared';
import type { AwarenessUser } from '../sync/useMeetingSync.ts';
import { useBoard } from './BoardContext.ts';
import { ProposalEditor } from './ProposalEditor.tsx';
import { StaleWarning } from './StaleWarning.tsx';
import { PhaseIntro } from './PhaseIntro.tsx';
import { InviteLinks } from './InviteLinks.tsx';
import { NotesField } from './NotesField.tsx';
import { AttendanceList } from './AttendanceList.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';
import { EvaluationSummary } from './EvaluationSummary.tsx';
import { DecisionSummary } from './DecisionSummary.tsx';
import { AgendaConsent } from './AgendaConsent.tsx';
import { ActionItems } from './ActionItems.tsx';
import { TermEditor } from './TermEditor.tsx';
import { LOCK_REASON, NOTES } from './methodWords.ts';
import { UI, UI_T } from './words.ts';

export const CentrePanel = memo(function CentrePanel({ provider, user }: { provider: WebsocketProvider; user: AwarenessUser }) {
  const { snapshot, doc, me, can } = useBoard();
  const phase = snapshot.meta.phase;
  const active = activeItem(snapshot);
  // [R12][R19][R20] who may change the text and term now, and why not
  const lock = active ? editLockOf(snapshot, active.id, me) : null;
  const lockReason = can.canEditText && lock !== null && lock !== 'no-item' ? LOCK_REASON[lock] : undefined;
  return (
    <main className="panel centre-panel" aria-label={UI.centre.label}>
      <PhaseIntro />
      {phase === 'lobby' && <InviteLinks />}
      {phase === 'opening' && <NotesField noteKey="opening" label={UI.notes.opening} />}
      {phase === 'agenda' && (
        <>
          <AgendaConsent />
          <AttendanceList />
        </>
      )}
      {(phase === 'closing' || phase === 'closed') && (
        <>
          {phase === 'closing' && can.isSpeaker && <EvaluationForm />}
          <EvaluationSummary />
          <NotesField noteKey="closing" label={UI.notes.closing} />
        </>
      )}
      {active ? (
        <section className="proposal-section" aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">{UI_T.proposalHeading(active.title)}</h2>
          <DecisionSummary item={active} />
          <StaleWarning itemId={active.id} />
          <ProposalEditor
            key={active.id}
            doc={doc}
            provider={provider}
            user={user}
            itemId={active.id}
            itemTitle={active.title}
            editable={mayEditProposal(snapshot, active.id, me)}
            reason={lockReason}
          />
          <TermEditor item={active} />
          <ActionItems item={active} />
          <NotesField
            key={`notes-${active.id}`}
            noteKey={active.id}
            label={NOTES.label(active.title)}
            hint={lock === 'guest' && can.canEditText ? NOTES.guestHint : undefined}
          />
        </section>
      ) : (
        phase === 'items' && (
          <p className="hint">
            {UI.centre.noActive} {can.isFacilitator ? UI.centre.activate : UI.centre.waitActivate}
          </p>
        )
      )}
      {/* [Q2] people come and go during the items: attendance, and so the quorum, stays in reach */}
      {phase === 'items' && <AttendanceList />}
    </main>
  );
});
