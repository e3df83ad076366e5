// Top of the board: what meeting this is, where it stands, who is here, and saving.
import { memo } from 'react';
import { activeItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { PhaseStepper } from './PhaseStepper.tsx';
import { Countdown } from './Countdown.tsx';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { MinutesMenu } from './MinutesMenu.tsx';
import { DeleteMeeting } from './DeleteMeeting.tsx';
import { InviteButton } from './InviteButton.tsx';
import { SECRETARY } from './facilitationWords.ts';
import { StageBadge } from './StageBadge.tsx';
import type { SaveState } from '../sync/useMeetingSync.ts';
import { FACILITATOR_LABEL, roleLabel, UI, UI_T } from './words.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';

export const TopBar = memo(function TopBar({ save }: { save: SaveState }) {
  const { snapshot, me, users, can } = useBoard();
  const { meta } = snapshot;
  const active = activeItem(snapshot);
  const mine = snapshot.participants[me];
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{meta.title || UI.topBar.untitled}</h1>
        <p className="aim">
          {meta.circle && <strong>{meta.circle}. </strong>}
          {meta.aim ? UI_T.aim(meta.aim) : <span className="hint">{UI.topBar.noAim}</span>}
        </p>
      </div>
      <PhaseStepper phase={meta.phase} />
      <div className="topbar-status">
        {active && (
          <p className="active-item">
            <span className="hint">{UI.topBar.now}</span> {active.title} <StageBadge item={active} />
          </p>
        )}
        <Countdown />
      </div>
      <div className="topbar-side">
        <PresenceAvatars users={users} meId={me} />
        <p className="me">
          {UI.topBar.you} <strong>{mine?.name ?? '…'}</strong> ({can.isFacilitator ? FACILITATOR_LABEL() : roleLabel(mine?.role)})
        </p>
        {meta.secretaryId && <p className="secretary">{SECRETARY.shown(snapshot.participants[meta.secretaryId]?.name ?? '')}</p>}
        <SaveIndicator state={save} />
        <InviteButton />
        <MinutesMenu />
        <LanguageSwitch />
        <DeleteMeeting />
      </div>
    </header>
  );
});
