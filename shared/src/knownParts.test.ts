import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { movePhase, setPresent } from './commands.ts';
import { checkUpdate } from './checkUpdate.ts';
import { MAX_REFUSED_RANGES, RefusedDeletes, deletionOf, freshPart, liveDeletions } from './knownParts.ts';
import { neutralizeUpdate } from './neutralize.ts';
import { agenda, meta, participants } from './schema.ts';
import type { DecodedUpdate } from './structLocator.ts';
import type { Actor } from './types.ts';
import { meetingDoc, peerOf, updateFrom } from './testing/meeting.ts';

const GUS: Actor = { kind: 'participant', participantId: 'gus' };
const decode = (u: Uint8Array) => Y.decodeUpdate(u) as DecodedUpdate;

describe('RefusedDeletes', () => {
  it('[P8] merges touching ranges and tells the uncovered parts of a range', () => {
    const set = new RefusedDeletes([
      { client: 1, clock: 10, len: 5 },
      { client: 1, clock: 20, len: 5 },
    ]);
    expect(set.size).toBe(2);
    set.add({ client: 1, clock: 15, len: 5 });
    expect([...set.ranges()]).toEqual([{ client: 1, clock: 10, len: 15 }]);
    expect(set.uncovered(1, 5, 30)).toEqual([
      { clock: 5, len: 5 },
      { clock: 25, len: 10 },
    ]);
    expect(set.uncovered(1, 12, 3)).toEqual([]);
    expect(set.uncovered(2, 12, 3)).toEqual([{ clock: 12, len: 3 }]);
  });

  it('[P8] stops remembering at its bound', () => {
    const set = new RefusedDeletes();
    for (let i = 0; i < MAX_REFUSED_RANGES; i++) expect(set.add({ client: 1, clock: i * 2, len: 1 })).toBe(true);
    expect(set.add({ client: 1, clock: MAX_REFUSED_RANGES * 2 + 5, len: 1 })).toBe(false);
    // merging into a known range adds nothing, so it is still kept
    expect(set.add({ client: 1, clock: 1, len: 1 })).toBe(true);
    expect(set.size).toBe(MAX_REFUSED_RANGES - 1);
  });
});

describe('freshPart', () => {
  it('[P7] leaves an update alone when the document holds none of it', () => {
    const server = meetingDoc();
    const update = updateFrom(peerOf(server), (d) => setPresent(d, 'gus', false));
    expect(freshPart(server, decode(update))).toBeNull();
  });

  it('[P7] a struct partly held is judged for its new part only, as Yjs integrates it', () => {
    const server = meetingDoc();
    const gus = peerOf(server);
    const held = Y.encodeStateVector(server);
    // Gus appends three plain values to the agenda (forbidden, R6), then one more: one struct of four once merged.
    const refused = updateFrom(gus, (d) => (d.getArray('agenda') as Y.Array<unknown>).push([1, 2, 3]));
    const verdict = checkUpdate(server, refused, GUS);
    expect(verdict.ok).toBe(false);
    Y.applyUpdate(server, neutralizeUpdate(refused));
    updateFrom(gus, (d) => (d.getArray('agenda') as Y.Array<unknown>).push([4]));
    const resent = Y.encodeStateAsUpdate(gus, held);
    const merged = decode(resent).structs.find((s) => s.id.client === gus.clientID)!;
    expect(merged.length).toBe(4);
    // The held clocks (a refusal's placeholder) are skipped; the rest leans on a GC, so Yjs makes it a GC too.
    const again = checkUpdate(server, resent, GUS);
    expect(again.ok).toBe(true);
    expect(
      decode(again.update)
        .structs.filter((s) => s.id.client === gus.clientID)
        .map((s) => [s.id.clock, s.length]),
    ).toEqual([[3, 1]]);
    Y.applyUpdate(server, again.update);
    expect(agenda(server).length).toBe(2);
  });

  it('[P8] a deletion refused before is taken out, the rest of the update is judged and applied', () => {
    const server = meetingDoc();
    const gus = peerOf(server);
    const phase = updateFrom(gus, (d) => movePhase(d, 'opening'));
    const refusal = checkUpdate(server, phase, GUS);
    expect(refusal.ok === false && refusal.rule).toBe('R5');
    const dead = liveDeletions(server, phase);
    expect(dead).toHaveLength(1);
    Y.applyUpdate(server, neutralizeUpdate(phase));
    setPresent(gus, 'gus', false);
    // a resync: the whole delete set rides along with the allowed write
    const step2 = Y.encodeStateAsUpdate(gus, Y.encodeStateVector(server));
    expect(checkUpdate(server, step2, GUS).ok).toBe(false);
    const verdict = checkUpdate(server, step2, GUS, { refusedDeletes: new RefusedDeletes(dead) });
    expect(verdict.ok).toBe(true);
    Y.applyUpdate(server, verdict.update);
    expect(meta(server).get('phase')).toBe('lobby');
    expect((participants(server).get('gus') as { present: boolean }).present).toBe(false);
  });
});

describe('deletionOf', () => {
  it('[P5] deletes exactly the placeholder ranges in the sender copy', () => {
    const server = meetingDoc();
    const gus = peerOf(server);
    const phase = updateFrom(gus, (d) => movePhase(d, 'opening'));
    expect(meta(gus).get('phase')).toBe('opening');
    const correction = deletionOf(neutralizeUpdate(phase));
    expect(decode(correction).structs).toEqual([]);
    Y.applyUpdate(gus, correction);
    expect(meta(gus).get('phase')).toBeUndefined();
    expect(participants(gus).size).toBe(participants(server).size);
  });
});
