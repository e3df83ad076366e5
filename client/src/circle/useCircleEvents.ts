// [CI31] The circle page's live updates: reads the circle's event stream with
// fetch (an EventSource cannot send the credential), counts the changes per part
// so the panels read again, and reconnects after a drop. A refusal (removed,
// expired) stops it: `onRefused` lets the page read the circle and show why.
import { useEffect, useState } from 'react';
import { CIRCLE_CHANGE_PARTS, CIRCLE_EVENTS, type CircleChangePart } from '@consent/shared';

export type ChangeCounts = Record<CircleChangePart, number>;

const ZERO = Object.fromEntries(CIRCLE_CHANGE_PARTS.map((p) => [p, 0])) as ChangeCounts;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/** The event name and data of each whole block in `buffer`; answers the rest. */
export function takeEvents(buffer: string, onEvent: (event: string, data: string) => void): string {
  let rest = buffer;
  for (let cut = rest.indexOf('\n\n'); cut >= 0; cut = rest.indexOf('\n\n')) {
    const block = rest.slice(0, cut);
    rest = rest.slice(cut + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    if (event) onEvent(event, /^data: (.*)$/m.exec(block)?.[1] ?? '');
  }
  return rest;
}

export function useCircleEvents(circleId: string, credential: string | undefined, onRefused: () => void): ChangeCounts {
  const [counts, setCounts] = useState<ChangeCounts>(ZERO);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `onRefused` is read when a refusal comes, not a reason to reconnect
  useEffect(() => {
    if (!credential) return;
    const abort = new AbortController();
    let retryMs = FIRST_RETRY_MS;
    let opened = 0;
    const bump = (parts: readonly CircleChangePart[]) =>
      setCounts((c) => {
        const next = { ...c };
        for (const p of parts) if (p in next) next[p]++;
        return next;
      });
    const onEvent = (event: string, data: string) => {
      if (event === CIRCLE_EVENTS.ready) {
        retryMs = FIRST_RETRY_MS;
        // after a drop, anything may have changed meanwhile
        if (opened++ > 0) bump(CIRCLE_CHANGE_PARTS);
      } else if (event === CIRCLE_EVENTS.changed) {
        bump((JSON.parse(data) as { parts: CircleChangePart[] }).parts);
      }
    };
    const run = async () => {
      while (!abort.signal.aborted) {
        try {
          const res = await fetch(`/api/circles/${encodeURIComponent(circleId)}/events`, {
            headers: { authorization: `Bearer ${credential}` },
            signal: abort.signal,
          });
          if (res.status >= 400 && res.status < 500 && res.status !== 429) {
            onRefused();
            return;
          }
          if (res.ok && res.body) {
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (let r = await reader.read(); !r.done; r = await reader.read()) buffer = takeEvents(buffer + r.value, onEvent);
          }
        } catch {
          // a dropped connection: try again below
        }
        if (abort.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      }
    };
    void run();
    return () => abort.abort();
  }, [circleId, credential]);
  return counts;
}
