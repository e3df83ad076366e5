// A personal link (or a transfer code from another device): one click lets this
// device into the circle as the person the link was made for. The code rides in
// the address's fragment (never sent to a server); the page then leaves that address.
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { circlePath, navigate } from '../router.ts';
import { redeemCode } from './circleApi.ts';
import { loadCircle, saveCircle } from './circleSession.ts';
import { JOIN_CIRCLE } from './words.ts';
import '../styles/circle.css';

const codeOfAddress = (): string => decodeURIComponent(location.hash.replace(/^#/, ''));

export function JoinCirclePage({ circleId }: { circleId: string }) {
  const [code] = useState(codeOfAddress);
  const [error, setError] = useState<string | null>(code ? null : JOIN_CIRCLE.noCode);
  const [busy, setBusy] = useState(false);
  const existing = loadCircle(circleId);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await redeemCode(circleId, code);
      saveCircle(circleId, { personId: c.personId, name: c.name, credential: c.credential, expiresAt: c.expiresAt });
      navigate(circlePath(circleId), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const open = (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(circlePath(circleId));
  };
  return (
    <main className="page narrow">
      <h1>{JOIN_CIRCLE.title}</h1>
      <p className="lead">{JOIN_CIRCLE.lead}</p>
      {existing && (
        <p className="notice">
          {JOIN_CIRCLE.already(existing.name)}{' '}
          <a href={circlePath(circleId)} onClick={open}>
            {JOIN_CIRCLE.open}
          </a>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {code && (
        <button type="button" className="primary" onClick={join} disabled={busy}>
          {busy ? JOIN_CIRCLE.joining : JOIN_CIRCLE.join}
        </button>
      )}
    </main>
  );
}
