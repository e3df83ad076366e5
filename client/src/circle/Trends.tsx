// [CI28] The circle's trends: one small bar chart per evaluation criterion, the
// speaking-time Gini figure and the objections integrated, meeting by meeting,
// with the same figures as a table. Inline SVG rather than a charting library:
// a handful of bars per chart needs no scales, tooltips or canvas, and SVG keeps
// the chart crisp on a phone and readable by a screen reader through its label.
import { TREND_CRITERIA, type MeetingTrend } from '@consent/shared';
import { fetchTrends } from './circleApi.ts';
import type { CircleSession } from './circleSession.ts';
import { TRENDS } from './recordWords.ts';
import { useLoaded } from './useLoaded.ts';

const W = 240;
const H = 110;

function Bars({ title, values, max, format }: { title: string; values: (number | null)[]; max: number; format(v: number): string }) {
  const slot = W / Math.max(values.length, 1);
  const bar = Math.min(36, slot * 0.6);
  const summary = `${title}: ${values.map((v, i) => `${i + 1}: ${v === null ? TRENDS.noValue : format(v)}`).join(', ')}`;
  return (
    <figure className="trend-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 26}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        <line x1="0" y1={H} x2={W} y2={H} className="axis" />
        {values.map((v, i) => {
          const x = i * slot + (slot - bar) / 2;
          const h = v === null ? 0 : Math.max(2, (v / max) * (H - 26));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one bar per meeting, in meeting order
            <g key={i}>
              {v !== null && <rect x={x} y={H - h} width={bar} height={h} className="bar" />}
              <text x={x + bar / 2} y={v === null ? H - 6 : H - h - 5} textAnchor="middle" className="value">
                {v === null ? TRENDS.noValue : format(v)}
              </text>
              <text x={x + bar / 2} y={H + 22} textAnchor="middle" className="label">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function TrendTable({ meetings }: { meetings: MeetingTrend[] }) {
  return (
    <details className="trend-table">
      <summary>{TRENDS.table}</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{TRENDS.meeting}</th>
              {TREND_CRITERIA.map((c) => (
                <th key={c} scope="col">
                  {TRENDS.criteria[c]}
                </th>
              ))}
              <th scope="col">{TRENDS.speaking}</th>
              <th scope="col">{TRENDS.integrated}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m, i) => (
              <tr key={m.meetingId}>
                <th scope="row">
                  {i + 1}. {m.title}
                </th>
                {TREND_CRITERIA.map((c) => (
                  <td key={c}>{m.ratings[c]?.toFixed(1) ?? TRENDS.noValue}</td>
                ))}
                <td>
                  {m.speaking
                    ? TRENDS.speakingCell(
                        m.speaking.gini,
                        m.speaking.most.name,
                        m.speaking.most.share,
                        m.speaking.least.name,
                        m.speaking.least.share,
                      )
                    : TRENDS.noValue}
                </td>
                <td>{m.objectionsIntegrated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function Trends({ circleId, session, version }: { circleId: string; session: CircleSession; version: number }) {
  const { data, error } = useLoaded(() => fetchTrends(circleId, session.credential), [circleId, session.credential, version]);
  const meetings = data?.meetings ?? [];
  return (
    <section aria-labelledby="trends-heading" className="circle-section trends">
      <h2 id="trends-heading">{TRENDS.heading}</h2>
      <p className="hint">{TRENDS.lead}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && meetings.length === 0 && <p className="hint">{TRENDS.none}</p>}
      {meetings.length > 0 && (
        <>
          <ol className="trend-meetings">
            {meetings.map((m) => (
              <li key={m.meetingId}>{m.title}</li>
            ))}
          </ol>
          <div className="trend-charts">
            {TREND_CRITERIA.map((c) => (
              <Bars
                key={c}
                title={TRENDS.ratingChart(TRENDS.criteria[c]!)}
                values={meetings.map((m) => m.ratings[c])}
                max={5}
                format={(v) => v.toFixed(1)}
              />
            ))}
            <Bars title={TRENDS.gini} values={meetings.map((m) => m.speaking?.gini ?? null)} max={1} format={(v) => v.toFixed(2)} />
            <Bars
              title={TRENDS.objections}
              values={meetings.map((m) => m.objectionsIntegrated)}
              max={Math.max(1, ...meetings.map((m) => m.objectionsIntegrated))}
              format={(v) => String(v)}
            />
          </div>
          <p className="hint">{TRENDS.giniExplained}</p>
          <TrendTable meetings={meetings} />
        </>
      )}
    </section>
  );
}
