// Creating a circle: its founder becomes its first member and facilitator, and lands on the circle page.
import { useState, type FormEvent } from 'react';
import { CIRCLE_LIMITS } from '@consent/shared';
import { ApiError } from '../api.ts';
import { circlePath, navigate } from '../router.ts';
import { TextField } from '../ui/TextField.tsx';
import { createCircle } from './circleApi.ts';
import { saveCircle } from './circleSession.ts';
import { NEW_CIRCLE } from './words.ts';
import '../styles/circle.css';

export function NewCirclePage() {
  const [name, setName] = useState('');
  const [aim, setAim] = useState('');
  const [domain, setDomain] = useState('');
  const [you, setYou] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const c = await createCircle({ circleName: name.trim(), aim: aim.trim(), domain: domain.trim(), facilitatorName: you.trim() });
      saveCircle(c.circleId, {
        personId: c.personId,
        name: c.name,
        credential: c.credential,
        expiresAt: c.expiresAt,
        circleName: name.trim(),
      });
      navigate(circlePath(c.circleId));
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.message, field: err.field } : { message: String(err) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  const incomplete = !name.trim() || !you.trim();
  return (
    <main className="page narrow">
      <h1>{NEW_CIRCLE.title}</h1>
      <p className="lead">{NEW_CIRCLE.lead}</p>
      <form onSubmit={submit} aria-label={NEW_CIRCLE.form}>
        <TextField
          label={NEW_CIRCLE.name}
          name="circleName"
          value={name}
          onChange={setName}
          required
          autoFocus
          maxLength={CIRCLE_LIMITS.circleName}
          hint={NEW_CIRCLE.nameHint}
          error={fieldError('circleName')}
        />
        <TextField
          label={NEW_CIRCLE.aim}
          name="aim"
          value={aim}
          onChange={setAim}
          multiline
          maxLength={CIRCLE_LIMITS.aim}
          hint={NEW_CIRCLE.aimHint}
          error={fieldError('aim')}
        />
        <TextField
          label={NEW_CIRCLE.domain}
          name="domain"
          value={domain}
          onChange={setDomain}
          multiline
          maxLength={CIRCLE_LIMITS.domain}
          hint={NEW_CIRCLE.domainHint}
          error={fieldError('domain')}
        />
        <TextField
          label={NEW_CIRCLE.you}
          name="facilitatorName"
          value={you}
          onChange={setYou}
          required
          maxLength={CIRCLE_LIMITS.name}
          error={fieldError('facilitatorName')}
        />
        {error && !error.field && (
          <p className="error" role="alert">
            {error.message}
          </p>
        )}
        {incomplete && <p className="hint">{NEW_CIRCLE.needFields}</p>}
        <button type="submit" className="primary" disabled={busy || incomplete}>
          {busy ? NEW_CIRCLE.creating : NEW_CIRCLE.create}
        </button>
      </form>
    </main>
  );
}
