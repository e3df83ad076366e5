// The facilitator's invite links stay at hand for the whole meeting, for latecomers.
import { useId, useState } from 'react';
import { useBoard } from './BoardContext.ts';
import { InviteLinks } from './InviteLinks.tsx';
import { INVITE } from '../access/words.ts';

export function InviteButton() {
  const { can, snapshot } = useBoard();
  const [open, setOpen] = useState(false);
  const id = useId();
  // in the lobby the links are on the board itself; a closed meeting takes no one
  if (!can.isFacilitator || snapshot.meta.phase === 'lobby') return null;
  return (
    <div className="invite-menu">
      <button type="button" className="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {INVITE.button}
      </button>
      {open && (
        <div className="invite-panel" id={id} role="region" aria-label={INVITE.heading}>
          <InviteLinks />
          <button type="button" className="small" onClick={() => setOpen(false)}>
            {INVITE.close}
          </button>
        </div>
      )}
    </div>
  );
}
