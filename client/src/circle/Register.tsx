// The circle's decision register: reviews due first, searchable, downloadable.
import { useId, useState } from 'react';
import { REGISTER_FORMATS, REGISTER_PAGE_MAX, type RegisterFormat } from '@consent/shared';
import { downloadRegister, fetchRegister } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { RegisterEntryView } from './RegisterEntry.tsx';
import { REGISTER } from './recordWords.ts';
import { useLoaded } from './useLoaded.ts';

const PAGE = 50;

export function Register({ circleId, session, version }: { circleId: string; session: CircleSession; version: number }) {
  const searchId = useId();
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [failed, setFailed] = useState<string | null>(null);
  const { data, error } = useLoaded(
    () => fetchRegister(circleId, session.credential, q.trim(), limit),
    [circleId, session.credential, q, limit, version],
  );
  const download = (f: RegisterFormat) => () => {
    setFailed(null);
    downloadRegister(circleId, session.credential, f).catch((err: unknown) => setFailed(String((err as Error).message ?? err)));
  };
  return (
    <section aria-labelledby="register-heading" className="circle-section register">
      <h2 id="register-heading">{REGISTER.heading}</h2>
      <p className="hint">{REGISTER.lead}</p>
      <label htmlFor={searchId}>{REGISTER.search}</label>
      <input
        id={searchId}
        type="search"
        value={q}
        maxLength={200}
        onChange={(e) => {
          setQ(e.target.value);
          setLimit(PAGE);
        }}
      />
      {(error ?? failed) && (
        <p className="error" role="alert">
          {error ?? failed}
        </p>
      )}
      {data && (
        <>
          <p className="hint" role="status">
            {data.total === 0 ? (q.trim() ? REGISTER.noMatch(q.trim()) : REGISTER.none) : REGISTER.count(data.entries.length, data.total)}
          </p>
          <ul className="register-list">
            {data.entries.map((e) => (
              <RegisterEntryView key={e.id} e={e} today={data.today} />
            ))}
          </ul>
          {data.entries.length < data.total && limit < REGISTER_PAGE_MAX && (
            <button type="button" onClick={() => setLimit((l) => Math.min(l + PAGE, REGISTER_PAGE_MAX))}>
              {REGISTER.more}
            </button>
          )}
        </>
      )}
      <div className="register-export" role="group" aria-label={REGISTER.export}>
        <span>{REGISTER.export}:</span>
        {REGISTER_FORMATS.map((f) => (
          <button key={f} type="button" className="small" onClick={download(f)}>
            {REGISTER.formats[f]}
          </button>
        ))}
      </div>
    </section>
  );
}
