// When a meeting closed, by the server's clock: the time of the log event that
// moved it to `closed`, while its phase is `closed` (null otherwise).
import type * as Y from 'yjs';
import { LogEventSchema, log, meta } from './schema.ts';

export function closedAt(doc: Y.Doc): number | null {
  if (meta(doc).get('phase') !== 'closed') return null;
  const events = log(doc).toArray();
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = LogEventSchema.safeParse(events[i]);
    if (e.success && e.data.type === 'phase' && e.data.to === 'closed') return e.data.at;
  }
  return null;
}
