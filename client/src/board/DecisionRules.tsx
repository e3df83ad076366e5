// [Q1][R22] The facilitator sets the quorum and the absentee policy at the start (lobby or opening).
import { useId, useState, type FormEvent } from 'react';
import {
  ABSENTEE_POLICIES,
  POLICY_PHASES,
  QUORUM_MAX,
  decisionPolicy,
  quorumNeeded,
  quorumState,
  setDecisionPolicy,
  type AbsenteePolicy,
} from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ABSENTEE_LABEL, DECISION_RULES } from './absenceWords.ts';

export function DecisionRules() {
  const { snapshot, doc, write } = useBoard();
  const id = useId();
  const policy = decisionPolicy(snapshot);
  const [quorum, setQuorum] = useState(policy.quorum === null ? '' : String(policy.quorum));
  const [absentees, setAbsentees] = useState<AbsenteePolicy>(policy.absentees);
  if (!POLICY_PHASES.includes(snapshot.meta.phase)) return null;
  const members = quorumState(snapshot).members;
  const save = (e: FormEvent) => {
    e.preventDefault();
    const n = quorum.trim() === '' ? null : Number(quorum);
    write(DECISION_RULES.saving, () => setDecisionPolicy(doc, { quorum: n, absentees }));
  };
  return (
    <form className="decision-rules" aria-labelledby={`${id}-h`} onSubmit={save}>
      <h3 id={`${id}-h`}>{DECISION_RULES.heading}</h3>
      <p className="hint">{DECISION_RULES.intro}</p>
      <label htmlFor={`${id}-q`}>{DECISION_RULES.quorumLabel}</label>
      <input
        id={`${id}-q`}
        type="number"
        inputMode="numeric"
        min={1}
        max={QUORUM_MAX}
        step={1}
        value={quorum}
        aria-describedby={`${id}-qh`}
        onChange={(e) => setQuorum(e.target.value)}
      />
      <p id={`${id}-qh`} className="hint">
        {DECISION_RULES.quorumHint(members, quorumNeeded({ quorum: null, absentees }, members))}
      </p>
      <label htmlFor={`${id}-a`}>{DECISION_RULES.absenteesLabel}</label>
      <select id={`${id}-a`} value={absentees} onChange={(e) => setAbsentees(e.target.value as AbsenteePolicy)}>
        {ABSENTEE_POLICIES.map((p) => (
          <option key={p} value={p}>
            {ABSENTEE_LABEL[p]}
          </option>
        ))}
      </select>
      <div className="row">
        <button type="submit">{DECISION_RULES.save}</button>
      </div>
    </form>
  );
}
