// The facilitator's links, one per role, and a QR code for phones, fetched from the server (only the
// facilitator may read them), with a way to replace them all.
import { useEffect, useState } from 'react';
import type { JoinCodes } from '@consent/shared';
import { ApiError, fetchCodes, rotateCodes } from '../api.ts';
import { JoinLinks } from '../access/JoinLinks.tsx';
import { QrCode } from '../access/QrCode.tsx';
import { LINKS_WORDS, INVITE as INVITE_WORDS } from '../access/words.ts';
import { useBoard } from './BoardContext.ts';

const message = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export function InviteLinks() {
  const { session, meetingId, can } = useBoard();
  const [codes, setCodes] = useState<JoinCodes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replaced, setReplaced] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!can.isFacilitator) return;
    let live = true;
    fetchCodes(meetingId, session.token).then(
      (r) => live && setCodes(r.codes),
      (err) => live && setError(message(err)),
    );
    return () => {
      live = false;
    };
  }, [can.isFacilitator, meetingId, session.token]);

  if (!can.isFacilitator) return null;
  const replace = async () => {
    setBusy(true);
    setError(null);
    try {
      setCodes((await rotateCodes(meetingId, session.token)).codes);
      setReplaced(true);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="invite-links" aria-label={INVITE_WORDS.links}>
      <p className="hint">{LINKS_WORDS.linksLead}</p>
      {codes && <JoinLinks meetingId={meetingId} codes={codes} />}
      {codes && <QrCode meetingId={meetingId} codes={codes} />}
      <p className="hint">{LINKS_WORDS.replaceLinksHint}</p>
      <button type="button" onClick={replace} disabled={busy || !codes}>
        {LINKS_WORDS.replaceLinks}
      </button>
      <span role="status" className="hint">
        {replaced ? LINKS_WORDS.linksReplaced : ''}
      </span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
