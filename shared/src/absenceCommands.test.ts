import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { consentWithConcern, objectWithReason, setDecisionPolicy } from './absence.ts';
import { checkUpdate } from './checkUpdate.ts';
import { appendLog, givePosition, movePhase, moveStage, openRound, raiseObjection, recordDecision, setPresent } from './commands.ts';
import { deriveConsent } from './consent.ts';
import { itemRecord, reviewQuestions } from './itemRecord.ts';
import { readMeeting } from './snapshot.ts';
import type { Actor } from './types.ts';
import { edit, meetingDoc, NOW, peerOf, updateFrom, writeParagraph } from './testing/meeting.ts';

const FRAN: Actor = { kind: 'participant', participantId: 'fran' };
const BEN: Actor = { kind: 'participant', participantId: 'ben' };
const CLEO: Actor = { kind: 'participant', participantId: 'cleo' };
const snap = (d: Y.Doc) => readMeeting(d).meeting;

/** Items phase, item1 at `react` (no consent round yet), Cleo absent. */
function beforeRound(): Y.Doc {
  const server = meetingDoc();
  for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
  for (const to of ['present', 'clarify', 'react'] as const) moveStage(server, 'item1', to);
  setPresent(server, 'cleo', false);
  return server;
}
function inConsent(server = beforeRound()): Y.Doc {
  moveStage(server, 'item1', 'consent');
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben'], now: NOW });
  return server;
}

describe('[Q9] a position given beforehand', () => {
  it('[Q9] an absent member gives a position before the consent round opens: round 0, this revision; it counts once the round runs', () => {
    const server = beforeRound();
    givePosition(server, 'item1', 'cleo', 'consent', NOW);
    expect(snap(server).positions['item1/cleo']).toMatchObject({ round: 0, revision: snap(server).proposals.item1!.revision });
    inConsent(server);
    expect(deriveConsent(snap(server), 'item1').consented).toEqual(['cleo']);
  });

  it('[Q9] a present member, a blank proposal or a final item takes no position before the round', () => {
    const server = beforeRound();
    expect(() => givePosition(server, 'item1', 'ben', 'consent', NOW)).toThrow(/No consent round/);
    const blank = meetingDoc();
    setPresent(blank, 'cleo', false);
    expect(() => givePosition(blank, 'item2', 'cleo', 'consent', NOW)).toThrow(/No consent round/);
    moveStage(server, 'item1', 'deferred');
    expect(() => givePosition(server, 'item1', 'cleo', 'consent', NOW)).toThrow(/No consent round/);
  });

  it('[Q9][Q4] a beforehand position stops counting when the text changes, and when its giver comes back', () => {
    const server = beforeRound();
    givePosition(server, 'item1', 'cleo', 'consent', NOW);
    inConsent(server);
    setPresent(server, 'cleo', true);
    expect(deriveConsent(snap(server), 'item1')).toMatchObject({ missing: ['ben', 'cleo', 'fran'], stale: ['cleo'] });
    setPresent(server, 'cleo', false);
    writeParagraph(server, 'item1', 'A steel one.');
    expect(deriveConsent(snap(server), 'item1')).toMatchObject({ eligible: ['ben', 'fran'], consented: [] });
  });

  it('[R23] the server takes a round-0 position only from a member who is absent', () => {
    const server = beforeRound();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => givePosition(d, 'item1', 'cleo', 'object', NOW)),
        CLEO,
      ),
    ).toMatchObject({ ok: true });
    const forged = edit(server, (d) => {
      setPresent(d, 'ben', false);
      givePosition(d, 'item1', 'ben', 'consent', NOW);
    });
    expect(checkUpdate(server, forged, BEN)).toMatchObject({ ok: false, rule: 'R23', reason: /only by a member who is absent/ });
  });
});

describe('[Q1][R22] setting the policy', () => {
  it('[Q1] setDecisionPolicy writes plain values, and refuses impossible ones', () => {
    const doc = meetingDoc();
    setDecisionPolicy(doc, { quorum: 3, absentees: 'wait' });
    expect(snap(doc).meta).toMatchObject({ quorum: 3, absentees: 'wait' });
    expect(() => setDecisionPolicy(doc, { quorum: 0, absentees: 'wait' })).toThrow();
  });

  it.each(['lobby', 'opening'] as const)('[R22] the facilitator sets it in %s', (phase) => {
    const server = meetingDoc();
    if (phase === 'opening') movePhase(server, 'opening');
    expect(
      checkUpdate(
        server,
        edit(server, (d) => setDecisionPolicy(d, { quorum: 2, absentees: 'assume-consent' })),
        FRAN,
      ),
    ).toMatchObject({ ok: true });
    expect(
      checkUpdate(
        server,
        edit(server, (d) => setDecisionPolicy(d, { quorum: 1, absentees: 'assume-consent' })),
        BEN,
      ),
    ).toMatchObject({ ok: false, rule: 'R5' });
  });

  it('[R22] once the agenda is taken up the policy stands', () => {
    const server = meetingDoc();
    movePhase(server, 'opening');
    movePhase(server, 'agenda');
    expect(
      checkUpdate(
        server,
        edit(server, (d) => setDecisionPolicy(d, { quorum: 1, absentees: 'assume-consent' })),
        FRAN,
      ),
    ).toMatchObject({
      ok: false,
      rule: 'R22',
      reason: /set at the start/,
    });
  });
});

describe('[C25][C26] consent with a concern, in one step', () => {
  it('[C25] the card with its text and the position `concern` travel in one update, on one revision', () => {
    const server = inConsent();
    const peer = peerOf(server);
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    consentWithConcern(peer, { id: 'k1', itemId: 'item1', by: 'ben', text: 'Mind the cost', now: NOW });
    expect(updates).toHaveLength(1);
    expect(checkUpdate(server, updates[0]!, BEN)).toMatchObject({ ok: true });
    const s = snap(peer);
    expect(s.objections.k1).toMatchObject({
      kind: 'concern',
      text: 'Mind the cost',
      status: 'open',
      revision: s.positions['item1/ben']!.revision,
    });
    expect(s.positions['item1/ben']).toMatchObject({ position: 'concern', round: 1 });
    expect(() => consentWithConcern(peer, { id: 'k2', itemId: 'item1', by: 'ben', text: '  ', now: NOW })).toThrow(/needs its text/);
  });

  it('[C26] raised as an objection instead: the objection card and the position `object`, in one update', () => {
    const server = inConsent();
    const update = edit(server, (d) => objectWithReason(d, { id: 'x1', itemId: 'item1', by: 'ben', text: 'It harms the aim', now: NOW }));
    expect(checkUpdate(server, update, BEN)).toMatchObject({ ok: true });
    Y.applyUpdate(server, update);
    expect(deriveConsent(snap(server), 'item1')).toMatchObject({ state: 'objections', objecting: ['ben'], openObjections: ['x1'] });
  });
});

describe('[Q4][Q8] attendance racing a position or a card: both delivery orders derive the same record', () => {
  type Record = ReturnType<typeof deriveConsent>;
  type Race = [string, () => Y.Doc, (d: Y.Doc) => void, (d: Y.Doc) => void, (r: Record) => void];
  const races: Race[] = [
    [
      '[Q4] Ben consents in the round while the facilitator marks him absent: his consent on this revision counts',
      inConsent,
      (d) => givePosition(d, 'item1', 'ben', 'consent', NOW),
      (d) => setPresent(d, 'ben', false),
      (r) => expect(r).toMatchObject({ consented: ['ben'], absent: ['ben', 'cleo'] }),
    ],
    [
      '[Q9][C3] Cleo, absent, gives a position beforehand while the facilitator marks her present: in the round it no longer counts',
      beforeRound,
      (d) => givePosition(d, 'item1', 'cleo', 'consent', NOW),
      (d) => setPresent(d, 'cleo', true),
      (r) => expect(r).toMatchObject({ consented: [], missing: ['ben', 'cleo', 'fran'], stale: ['cleo'] }),
    ],
    [
      '[Q8] Cleo’s objection on the first text while the text is amended: set aside while she is absent',
      inConsent,
      (d) => raiseObjection(d, { id: 'o1', itemId: 'item1', authorId: 'cleo', kind: 'objection', text: 'Too dear', now: NOW }),
      (d) => writeParagraph(d, 'item1', 'A cheap one.'),
      (r) => expect(r).toMatchObject({ openObjections: [], setAside: ['o1'] }),
    ],
  ];
  it.each(races)('%s', (_title, start, first, second, check) => {
    const base = start();
    const a = updateFrom(peerOf(base), first);
    const b = updateFrom(peerOf(base), second);
    const records = [
      [a, b],
      [b, a],
    ].map((order) => {
      const doc = peerOf(base);
      for (const u of order) Y.applyUpdate(doc, u);
      if (consentRoundOf(doc) === null) inConsent(doc);
      return deriveConsent(snap(doc), 'item1');
    });
    expect(records[0]).toEqual(records[1]);
    check(records[0]!);
  });
});

const consentRoundOf = (d: Y.Doc) => snap(d).rounds.item1 ?? null;

it('[C27] the frozen record of a decision keeps the concern texts, as questions for the review', () => {
  const server = inConsent();
  givePosition(server, 'item1', 'fran', 'consent', NOW);
  consentWithConcern(server, { id: 'k1', itemId: 'item1', by: 'ben', text: 'Mind the cost', now: NOW + 1 });
  raiseObjection(server, { id: 'k0', itemId: 'item1', authorId: 'gus', kind: 'concern', text: 'Where does it stand?', now: NOW });
  const update = edit(server, (d) => recordDecision(d, 'item1'));
  const result = checkUpdate(server, update, FRAN);
  if (!result.ok) throw new Error(result.reason);
  Y.applyUpdate(server, update);
  appendLog(
    server,
    result.events.map((e) => ({ ...e, at: NOW + 5, actorId: 'fran' })),
  );
  expect(result.events.find((e) => e.type === 'decision')).toMatchObject({
    record: { concerns: ['ben'] },
    cards: [{ id: 'k0' }, { id: 'k1', text: 'Mind the cost' }],
  });
  setPresent(server, 'ben', false);
  const record = itemRecord(snap(server), 'item1');
  expect(record.frozenBy).toMatchObject({ type: 'decision' });
  expect(reviewQuestions(record)).toEqual([
    { cardId: 'k0', participantId: 'gus', text: 'Where does it stand?' },
    { cardId: 'k1', participantId: 'ben', text: 'Mind the cost' },
  ]);
});
