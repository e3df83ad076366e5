// Test support: a circle's event stream (CI31) read with fetch, as the board reads
// it: the events so far, whether the stream ended, and a way to hang up.
export interface SseEvent {
  event: string;
  data: unknown;
}

export interface OpenStream {
  status: number;
  /** The refusal's body when the status is not 200. */
  error: string | null;
  events: SseEvent[];
  /** Comments seen (the heartbeat). */
  comments: number;
  closed: boolean;
  hangUp(): void;
}

export async function openCircleEvents(base: string, circleId: string, credential?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = credential ? { authorization: `Bearer ${credential}` } : {};
  const res = await fetch(`${base}/api/circles/${circleId}/events`, { headers, signal: abort.signal });
  const out: OpenStream = { status: res.status, error: null, events: [], comments: 0, closed: false, hangUp: () => abort.abort() };
  if (res.status !== 200 || !res.body) {
    out.error = ((await res.json()) as { error: string }).error;
    out.closed = true;
    return out;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  (async () => {
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        cut = buffer.indexOf('\n\n');
        if (block.startsWith(':')) out.comments++;
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) out.events.push({ event, data: data ? JSON.parse(data) : null });
      }
    }
  })()
    .catch(() => undefined)
    .finally(() => {
      out.closed = true;
    });
  return out;
}

/** Whether a `changed` event naming `part` arrived. */
export const sawChange = (s: OpenStream, part: string): boolean =>
  s.events.some((e) => e.event === 'changed' && ((e.data as { parts: string[] }).parts ?? []).includes(part));
