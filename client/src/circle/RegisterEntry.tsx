// One decision of the register: title, review status (past due in red), the text
// in force, its consent record, and the versions it replaced.
import type { RegisterEntry as Entry, RegisterRow } from '@consent/shared';
import { REGISTER } from './recordWords.ts';

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function ConsentRecord({ e }: { e: Entry }) {
  const c = e.consent;
  return (
    <ul className="register-record">
      <li>{REGISTER.consented(c.consented.map((p) => p.name).join(', '))}</li>
      {c.concerns.map((x) => (
        <li key={`c-${x.participantId}`}>{REGISTER.concern(x.name, x.text)}</li>
      ))}
      {c.objections.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a frozen record's objections never change order
        <li key={`o-${i}`}>
          {REGISTER.objection(o.name, o.text)} —{' '}
          {o.status === 'integrated' ? REGISTER.integrated(o.path, o.resolution) : o.status === 'withdrawn' ? REGISTER.withdrawn : o.status}
        </li>
      ))}
    </ul>
  );
}

export function RegisterEntryView({ e, today }: { e: RegisterRow; today: string }) {
  const past = e.reviewDate !== null && e.reviewDate < today;
  const status = past ? REGISTER.pastDue(e.reviewDate!) : e.reviewDue ? REGISTER.dueToday : REGISTER.review(e.reviewDate);
  return (
    <li className="register-entry" data-review={past ? 'overdue' : e.reviewDue ? 'due' : 'later'}>
      <h3>{e.title}</h3>
      <p className={past ? 'review-status overdue' : e.reviewDue ? 'review-status due' : 'review-status'}>{status}</p>
      {e.measure && <p className="hint">{REGISTER.measure(e.measure)}</p>}
      <div className="register-text">{e.text}</div>
      <p className="hint">
        {REGISTER.decided(dayOf(e.decidedAt), e.meetingTitle)} · {REGISTER.revision(e.revision)}
      </p>
      <details>
        <summary>{REGISTER.record}</summary>
        <ConsentRecord e={e} />
      </details>
      {e.history.length > 0 && (
        <details className="register-history">
          <summary>{REGISTER.history(e.history.length)}</summary>
          <ol>
            {e.history.map((h) => (
              <li key={h.id}>
                <p>
                  <strong>{REGISTER.version(dayOf(h.decidedAt), h.meetingTitle)}</strong>
                </p>
                <div className="register-text">{h.text}</div>
                <ConsentRecord e={h} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
