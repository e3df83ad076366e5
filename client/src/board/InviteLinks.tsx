// The facilitator's invite and observer links, to share again from the lobby.
import { useBoard } from './BoardContext.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { joinPath } from '../router.ts';

export function InviteLinks() {
  const { session, meetingId, can } = useBoard();
  if (!can.isFacilitator || !session.inviteCode) return null;
  return (
    <section className="invite-links" aria-label="Invite links">
      <CopyField label="Member invite link" value={location.origin + joinPath(meetingId, session.inviteCode)} hint="Members and guests join with this link." />
      {session.observerCode && (
        <CopyField label="Observer link" value={location.origin + joinPath(meetingId, session.observerCode, true)} hint="Observers see the board live and write nothing." />
      )}
    </section>
  );
}
