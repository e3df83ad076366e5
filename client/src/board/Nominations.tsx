// [S2–S4] Nominations of a selection item: given privately and revealed
// together, then listed with their reasons; changed in the change round.
import { useState, type FormEvent } from 'react';
import { changeNomination, eligibleMembers, nominationsOf, sealedRound, type AgendaItem } from '@consent/shared';
import { sealNomination } from '../api.ts';
import { useBoard } from './BoardContext.ts';
import { SELECTION } from './revealWords.ts';
import { SealedProgress } from './SealedPosition.tsx';
import { useServerCall } from './useSealedCall.ts';
import { nameOf, WRITING } from './words.ts';

function NominationForm({
  submitLabel,
  onSubmit,
  busy,
}: {
  submitLabel: string;
  onSubmit: (nomineeId: string, reason: string) => void;
  busy: boolean;
}) {
  const { snapshot } = useBoard();
  const [nominee, setNominee] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nominee && reason.trim()) onSubmit(nominee, reason.trim());
  };
  return (
    <form className="reason-form" onSubmit={submit}>
      <label>
        {SELECTION.nominate}{' '}
        <select value={nominee} onChange={(e) => setNominee(e.target.value)} required>
          <option value="">…</option>
          {eligibleMembers(snapshot).map((id) => (
            <option key={id} value={id}>
              {nameOf(snapshot, id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {SELECTION.because}
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={busy || !nominee || !reason.trim()}>
        {submitLabel}
      </button>
    </form>
  );
}

export function Nominations({ item }: { item: AgendaItem }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const { run, error, busy } = useServerCall();
  const [mine, setMine] = useState<string | null>(null);
  const sealed = sealedRound(snapshot, item.id);
  const round = snapshot.rounds[item.id];
  const changing = round?.kind === 'change' && round.closedAt === undefined;
  const list = nominationsOf(snapshot, item.id);

  const nominate = async (nomineeId: string, reason: string) => {
    if (await run((m, t) => sealNomination(m, t, item.id, { nomineeId, reason }))) setMine(nomineeId);
  };

  return (
    <div className="nominations">
      {sealed && !sealed.revealed && (
        <>
          <SealedProgress state={sealed} itemId={item.id} />
          {mine && <p className="hint">{SELECTION.yours(nameOf(snapshot, mine))}</p>}
          {can.isMember && <NominationForm submitLabel={SELECTION.giveNomination} busy={busy} onSubmit={(n, r) => void nominate(n, r)} />}
        </>
      )}
      {list.length > 0 && (
        <>
          <h3>{SELECTION.revealed}</h3>
          <ul className="nomination-list">
            {list.map((n) => (
              <li key={n.by}>
                <strong>{SELECTION.nominates(nameOf(snapshot, n.by), nameOf(snapshot, n.nomineeId))}</strong>
                {n.changedFrom && SELECTION.changed(nameOf(snapshot, n.changedFrom))}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {changing && can.isMember && (
        <details>
          <summary>{SELECTION.change}</summary>
          <NominationForm
            submitLabel={SELECTION.change}
            busy={false}
            onSubmit={(n, r) => write(WRITING.changingYourNomination, () => changeNomination(doc, item.id, me, n, r, Date.now()))}
          />
        </details>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
