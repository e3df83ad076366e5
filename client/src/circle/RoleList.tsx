// The circle's roles with holder and term; the facilitator changes one in a small form
// (a term end in the past is refused by the server, with its sentence shown here).
import { useId, useState, type FormEvent } from 'react';
import type { CircleRoleView, CircleView } from '@consent/shared';
import { ApiError } from '../api.ts';
import { setRole } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { CIRCLE_PAGE, roleLabel, SET_ROLE } from './words.ts';

export function RoleList({ circle, session, onChange }: { circle: CircleView; session: CircleSession; onChange(): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (id: string | null) => circle.members.find((m) => m.personId === id)?.name ?? null;
  return (
    <section aria-labelledby="roles-heading" className="circle-section">
      <h2 id="roles-heading">{CIRCLE_PAGE.roles}</h2>
      <dl className="circle-roles">
        {circle.roles.map((r) => (
          <div key={r.name} className="role-row">
            <dt>{roleLabel(r.name)}</dt>
            <dd>
              {nameOf(r.holderId) ?? <span className="hint">{CIRCLE_PAGE.vacant}</span>}
              <span className="hint"> · {CIRCLE_PAGE.term(r.termStart, r.termEnd)}</span>
              {circle.you.facilitator && editing !== r.name && (
                <button type="button" className="small" onClick={() => setEditing(r.name)}>
                  {SET_ROLE.button(roleLabel(r.name))}
                </button>
              )}
              {editing === r.name && (
                <RoleForm
                  circle={circle}
                  session={session}
                  role={r}
                  onDone={(changed) => {
                    setEditing(null);
                    if (changed) onChange();
                  }}
                />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RoleForm({
  circle,
  session,
  role,
  onDone,
}: {
  circle: CircleView;
  session: CircleSession;
  role: CircleRoleView;
  onDone(changed: boolean): void;
}) {
  const id = useId();
  const [holderId, setHolderId] = useState(role.holderId ?? '');
  const [termEnd, setTermEnd] = useState(role.termEnd ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await setRole(circle.id, session.credential, role.name, { holderId: holderId || null, termEnd: termEnd || null });
      onDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} className="role-form" aria-label={SET_ROLE.heading(roleLabel(role.name))}>
      <label htmlFor={`${id}-holder`}>{SET_ROLE.holder}</label>
      <select id={`${id}-holder`} value={holderId} onChange={(e) => setHolderId(e.target.value)}>
        <option value="">{SET_ROLE.vacant}</option>
        {circle.members
          .filter((m) => m.removedAt === null)
          .map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name}
            </option>
          ))}
      </select>
      <label htmlFor={`${id}-end`}>{SET_ROLE.termEnd}</label>
      <input id={`${id}-end`} type="date" value={termEnd} onChange={(e) => setTermEnd(e.target.value)} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary small">
          {SET_ROLE.save}
        </button>
        <button type="button" className="small" onClick={() => onDone(false)}>
          {SET_ROLE.cancel}
        </button>
      </div>
    </form>
  );
}
