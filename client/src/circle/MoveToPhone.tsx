// "Move to my phone": a QR code of a transfer link that opens the circle once, as me,
// within minutes; this device keeps its own access.
import { useState } from 'react';
import type { TransferLink } from '@consent/shared';
import { ApiError } from '../api.ts';
import { circleLink, transferCode } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { LinkShare } from './LinkShare.tsx';
import { MOVE_TO_PHONE } from './words.ts';

export function MoveToPhone({ circleId, session, now = Date.now }: { circleId: string; session: CircleSession; now?: () => number }) {
  const [transfer, setTransfer] = useState<TransferLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    setError(null);
    try {
      setTransfer(await transferCode(circleId, session.credential));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="move-heading" className="circle-section">
      <h2 id="move-heading" className="visually-hidden">
        {MOVE_TO_PHONE.heading}
      </h2>
      {transfer ? (
        <div className="move-to-phone">
          <h3>{MOVE_TO_PHONE.heading}</h3>
          <p>{MOVE_TO_PHONE.lead(Math.max(1, Math.round((transfer.expiresAt - now()) / 60_000)))}</p>
          <LinkShare label={MOVE_TO_PHONE.link} url={circleLink(circleId, transfer.code)} qrAlt={MOVE_TO_PHONE.qrAlt} />
          <button type="button" onClick={() => setTransfer(null)}>
            {MOVE_TO_PHONE.close}
          </button>
        </div>
      ) : (
        <button type="button" onClick={make}>
          {MOVE_TO_PHONE.button}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
