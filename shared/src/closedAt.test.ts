import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closedAt } from './closedAt.ts';
import { appendLog, createMeeting, movePhase } from './commands.ts';
import { ORIGIN } from './protocol.ts';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  createMeeting(doc, { title: 'T', circle: '', aim: '', facilitatorName: 'Fran', facilitatorId: 'fran', now: 1 }, ORIGIN.server);
  return doc;
}

describe('closedAt', () => {
  it('is null while the meeting is not closed', () => {
    const doc = meeting();
    expect(closedAt(doc)).toBeNull();
    appendLog(doc, [{ type: 'phase', at: 5, actorId: 'fran', from: 'closing', to: 'closed' }], ORIGIN.server);
    expect(closedAt(doc)).toBeNull();
  });

  it('is the time of the last move to closed, ignoring log entries that do not parse', () => {
    const doc = meeting();
    appendLog(doc, [{ type: 'phase', at: 10, actorId: 'fran', from: 'closing', to: 'closed' }], ORIGIN.server);
    appendLog(doc, [{ type: 'phase', at: 20, actorId: 'fran', from: 'closing', to: 'closed' }], ORIGIN.server);
    doc.getArray('log').push([{ type: 'phase', at: 'soon', to: 'closed' }]);
    movePhase(doc, 'closed', ORIGIN.server);
    expect(closedAt(doc)).toBe(20);
  });

  it('is null for a closed meeting whose log holds no such move', () => {
    const doc = meeting();
    movePhase(doc, 'closed', ORIGIN.server);
    expect(closedAt(doc)).toBeNull();
  });
});
