// [O6] Over the wire: the server writes the deferral's log event with the way the
// item left (carried, passed to a broader circle, plainly deferred), taken from the
// backlog entry written in the same update; an exit entry alone is refused [BL5].
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, backlog, exitItem, movePhase, moveStage, readMeeting, type LogEvent } from '@consent/shared';
import {
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  writeParagraph,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
let ann = { id: '', token: '' };
let watcher: Peer;
const NOW = 1_800_000_000_000;
const as = (token: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, token, write);
const deferrals = (): Extract<LogEvent, { type: 'deferral' }>[] =>
  readMeeting(watcher.doc).meeting.log.filter((e): e is Extract<LogEvent, { type: 'deferral' }> => e.type === 'deferral');

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  const j = await join(s.url, m, 'Ann');
  ann = { id: j.participantId, token: j.token };
  for (const to of ['opening', 'agenda', 'items'] as const) expect(await as(m.token, (d) => movePhase(d, to))).toBeNull();
  for (const id of ['i1', 'i2', 'i3']) {
    expect(
      await as(m.token, (d) => addAgendaItem(d, { id, title: `Item ${id}`, kind: 'consent', ownerId: null, timeboxMin: 10 })),
    ).toBeNull();
    expect(await as(m.token, (d) => writeParagraph(d, id, 'We plant.'))).toBeNull();
    expect(await as(m.token, (d) => moveStage(d, id, 'present'))).toBeNull();
  }
  watcher = connectPeer(s.wsBase, m.meetingId, m.token);
  await synced(watcher);
});
afterAll(async () => {
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[O6] the deferral log event carries the way out', () => {
  it('[O6] carried, passed to a broader circle and plainly deferred are each logged with their path', async () => {
    expect(await as(m.token, (d) => exitItem(d, 'i1', { exit: 'carried', entryId: 'x1', by: m.participantId, now: NOW }))).toBeNull();
    expect(
      await as(m.token, (d) => exitItem(d, 'i2', { exit: 'broader-circle', entryId: 'x2', by: m.participantId, now: NOW })),
    ).toBeNull();
    expect(await as(m.token, (d) => moveStage(d, 'i3', 'deferred'))).toBeNull();
    await waitFor(() => deferrals().length === 3, 'three deferrals to reach the watcher');
    expect(deferrals().map((e) => [e.itemId, e.path, e.actorId])).toEqual([
      ['i1', 'carried', m.participantId],
      ['i2', 'broader-circle', m.participantId],
      ['i3', 'deferred', m.participantId],
    ]);
    expect(Object.keys(readMeeting(watcher.doc).meeting.backlog ?? {})).toEqual(['x1', 'x2']);
  });

  it('[BL5] an exit entry without its deferral, or from a member, is refused and not stored', async () => {
    const entry = { title: 'Sneaky', text: '', source: 'carried', itemId: 'i1', authorId: m.participantId, at: NOW };
    expect(await as(m.token, (d) => backlog(d).set('x9', entry))).toMatchObject({ rule: 'BL5' });
    expect(await as(ann.token, (d) => backlog(d).set('x9', { ...entry, authorId: ann.id }))).toMatchObject({ rule: 'R25' });
    expect(readMeeting(watcher.doc).meeting.backlog?.x9).toBeUndefined();
  });
});
