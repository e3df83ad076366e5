// The middle of the board: what this phase asks for, and the active item's proposal.
import { memo } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { activeItem } from '@consent/shared';
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

export const CentrePanel = memo(function CentrePanel({ provider, user }: { provider: WebsocketProvider; user: AwarenessUser }) {
  const { snapshot, doc, can } = useBoard();
  const phase = snapshot.meta.phase;
  const active = activeItem(snapshot);
  return (
    <main className="panel centre-panel" aria-label="Meeting">
      <PhaseIntro />
      {phase === 'lobby' && <InviteLinks />}
      {phase === 'opening' && <NotesField noteKey="opening" label="Opening round notes" />}
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
          <NotesField noteKey="closing" label="Closing round notes" />
        </>
      )}
      {active ? (
        <section className="proposal-section" aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">Proposal: {active.title}</h2>
          <DecisionSummary item={active} />
          <StaleWarning itemId={active.id} />
          <ProposalEditor key={active.id} doc={doc} provider={provider} user={user} itemId={active.id} itemTitle={active.title}
            editable={can.canEditText && active.stage !== 'decided'} />
          <ActionItems item={active} />
          <NotesField key={`notes-${active.id}`} noteKey={active.id} label={`Notes on “${active.title}”`} />
        </section>
      ) : (
        phase === 'items' && <p className="hint">No item is active. {can.isFacilitator ? 'Activate an item in the agenda.' : 'The facilitator activates the next item.'}</p>
      )}
      {/* [Q2] people come and go during the items: attendance, and so the quorum, stays in reach */}
      {phase === 'items' && <AttendanceList />}
    </main>
  );
});
