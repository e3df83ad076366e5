// The facilitator adds a member by name and role and gets their personal link (copy or QR).
import { useId, useState, type FormEvent } from 'react';
import { CIRCLE_LIMITS, CIRCLE_MEMBER_ROLES, type CircleMemberRole } from '@consent/shared';
import { ApiError } from '../api.ts';
import { TextField } from '../ui/TextField.tsx';
import { addMember, circleLink } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { LinkShare } from './LinkShare.tsx';
import { ADD_MEMBER, MEMBER_ROLE } from './words.ts';

export function AddMember({ circleId, session, onAdded }: { circleId: string; session: CircleSession; onAdded(): void }) {
  const roleId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<CircleMemberRole>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const added = await addMember(circleId, session.credential, { memberName: name.trim(), role });
      setLink({ name: name.trim(), url: circleLink(circleId, added.code) });
      setName('');
      onAdded();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="add-member-heading" className="circle-section">
      <h2 id="add-member-heading">{ADD_MEMBER.heading}</h2>
      <form onSubmit={submit} aria-label={ADD_MEMBER.heading}>
        <TextField
          label={ADD_MEMBER.name}
          name="memberName"
          value={name}
          onChange={setName}
          required
          maxLength={CIRCLE_LIMITS.name}
          error={error?.field === 'memberName' ? error.message : undefined}
        />
        <div className="field">
          <label htmlFor={roleId}>{ADD_MEMBER.role}</label>
          <p className="hint" id={`${roleId}-hint`}>
            {ADD_MEMBER.roleHint}
          </p>
          <select
            id={roleId}
            value={role}
            aria-describedby={`${roleId}-hint`}
            onChange={(e) => setRole(e.target.value as CircleMemberRole)}
          >
            {CIRCLE_MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {MEMBER_ROLE[r]}
              </option>
            ))}
          </select>
        </div>
        {error && error.field !== 'memberName' && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          {busy ? ADD_MEMBER.adding : ADD_MEMBER.add}
        </button>
      </form>
      {link && (
        <LinkShare label={ADD_MEMBER.link(link.name)} hint={ADD_MEMBER.linkHint} url={link.url} qrAlt={ADD_MEMBER.qrAlt(link.name)} />
      )}
    </section>
  );
}
