// [S1–S5] A selection item on the board: its role and term, the nominations
// and change rounds, and the facilitator's proposed candidate.
import { useState, type FormEvent } from 'react';
import { eligibleMembers, nominationTally, proposeCandidate, setSelectionTerms, type AgendaItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { SELECTION } from './revealWords.ts';
import { Nominations } from './Nominations.tsx';
import { nameOf, WRITING } from './words.ts';

function TermsForm({ item }: { item: AgendaItem }) {
  const { doc, write } = useBoard();
  const [role, setRole] = useState(item.roleName ?? '');
  const [termEnd, setTermEnd] = useState(item.termEnd ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write(WRITING.settingTheRole, () => setSelectionTerms(doc, item.id, { roleName: role, termEnd }));
  };
  return (
    <form className="reason-form" onSubmit={submit}>
      <label>
        {SELECTION.role} <input value={role} onChange={(e) => setRole(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {SELECTION.termEnd} <input type="date" value={termEnd} onChange={(e) => setTermEnd(e.target.value)} required />
      </label>
      <button type="submit" disabled={!role.trim() || !termEnd}>
        {SELECTION.saveTerms}
      </button>
    </form>
  );
}

function CandidateForm({ item }: { item: AgendaItem }) {
  const { snapshot, doc, write } = useBoard();
  const top = nominationTally(snapshot, item.id)[0]?.nomineeId ?? '';
  const [candidate, setCandidate] = useState(item.candidateId ?? top);
  const propose = (e: FormEvent) => {
    e.preventDefault();
    const text = SELECTION.proposalText(nameOf(snapshot, candidate), item.roleName ?? item.title, item.termEnd ?? '–');
    write(WRITING.proposingTheCandidate, () => proposeCandidate(doc, item.id, candidate, text));
  };
  return (
    <form className="row" onSubmit={propose}>
      <select aria-label={SELECTION.candidateLabel} value={candidate} onChange={(e) => setCandidate(e.target.value)} required>
        <option value="">…</option>
        {eligibleMembers(snapshot).map((id) => (
          <option key={id} value={id}>
            {nameOf(snapshot, id)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!candidate}>
        {SELECTION.propose}
      </button>
    </form>
  );
}

export function SelectionPanel({ item }: { item: AgendaItem }) {
  const { snapshot, can } = useBoard();
  const editable = can.isFacilitator && (item.stage === 'draft' || item.stage === 'present');
  return (
    <section className="selection" aria-labelledby="selection-heading">
      <h2 id="selection-heading">{SELECTION.heading}</h2>
      {item.roleName && item.termEnd ? (
        <p>{SELECTION.summary(item.roleName, item.termEnd)}</p>
      ) : (
        !editable && <p className="hint">{SELECTION.noTerms}</p>
      )}
      {editable && <TermsForm item={item} />}
      <Nominations item={item} />
      {item.candidateId && (
        <p>
          <strong>
            {item.stage === 'decided'
              ? SELECTION.selected(nameOf(snapshot, item.candidateId), item.roleName ?? item.title, item.termEnd ?? '–')
              : SELECTION.candidate(nameOf(snapshot, item.candidateId))}
          </strong>
        </p>
      )}
      {can.isFacilitator && item.stage === 'react' && <CandidateForm item={item} />}
    </section>
  );
}
