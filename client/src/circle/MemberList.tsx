// The circle's members with their role in the circle; the facilitator may give a
// member a new personal link or remove them (confirmed first: it cannot be undone).
import { useState } from 'react';
import type { CircleMemberView, CircleView } from '@consent/shared';
import { ApiError } from '../api.ts';
import { circleLink, newPersonalLink, removeMember } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { LinkShare } from './LinkShare.tsx';
import { ADD_MEMBER, CIRCLE_PAGE, MEMBER_ROLE, REMOVE_MEMBER, roleLabel } from './words.ts';

interface Props {
  circle: CircleView;
  session: CircleSession;
  onChange(): void;
}

export function MemberList({ circle, session, onChange }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const facilitator = circle.you.facilitator;

  const act = async (what: () => Promise<void>) => {
    setError(null);
    try {
      await what();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const remove = (m: CircleMemberView) =>
    act(async () => {
      await removeMember(circle.id, session.credential, m.personId);
      setConfirming(null);
      onChange();
    });
  const relink = (m: CircleMemberView) =>
    act(async () => {
      const l = await newPersonalLink(circle.id, session.credential, m.personId);
      setLink({ name: m.name, url: circleLink(circle.id, l.code) });
    });

  return (
    <section aria-labelledby="members-heading" className="circle-section">
      <h2 id="members-heading">{CIRCLE_PAGE.members}</h2>
      <ul className="circle-members">
        {circle.members.map((m) => (
          <li key={m.personId} className={m.removedAt !== null ? 'removed' : undefined}>
            <span className="member-name">{m.name}</span> <span className="badge">{MEMBER_ROLE[m.role]}</span>
            {circle.roles
              .filter((r) => r.holderId === m.personId)
              .map((r) => (
                <span key={r.name} className="badge role-badge">
                  {roleLabel(r.name)}
                </span>
              ))}
            {m.removedAt !== null ? (
              <span className="hint"> · {CIRCLE_PAGE.removed}</span>
            ) : (
              m.joinedAt === null && <span className="hint"> · {CIRCLE_PAGE.invited}</span>
            )}
            {facilitator && m.removedAt === null && m.personId !== circle.you.personId && (
              <span className="member-actions">
                {m.joinedAt === null && (
                  <button type="button" className="small" onClick={() => relink(m)}>
                    {ADD_MEMBER.newLink(m.name)}
                  </button>
                )}
                {confirming === m.personId ? (
                  <span role="group" aria-label={REMOVE_MEMBER.button(m.name)}>
                    <span className="confirm">{REMOVE_MEMBER.confirm(m.name)}</span>{' '}
                    <button type="button" className="small danger" onClick={() => remove(m)}>
                      {REMOVE_MEMBER.yes}
                    </button>{' '}
                    <button type="button" className="small" onClick={() => setConfirming(null)}>
                      {REMOVE_MEMBER.no}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="small" onClick={() => setConfirming(m.personId)}>
                    {REMOVE_MEMBER.button(m.name)}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <LinkShare label={ADD_MEMBER.link(link.name)} hint={ADD_MEMBER.linkHint} url={link.url} qrAlt={ADD_MEMBER.qrAlt(link.name)} />
      )}
    </section>
  );
}
