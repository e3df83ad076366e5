import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptIntegration,
  addAgendaItem,
  addEvaluation,
  appendLog,
  givePosition,
  movePhase,
  openRound,
  passSpeaker,
  raiseObjection,
  recordDecision,
  removeAgendaItem,
  markRemoved,
  moveStage,
  setPresent,
  updateAgendaItem,
  withdrawObjection,
  writeNote,
} from './commands.ts';
import { changeNomination } from './selection.ts';
import { checkUpdate } from './checkUpdate.ts';
import { checkRights, RIGHTS } from './rights.ts';
import { evaluation, meta, nominations, notes, objections, participants, positions, proposal, terms } from './schema.ts';
import { setTerm } from './term.ts';
import type { Actor } from './types.ts';
import { edit, meetingDoc, NOW } from './testing/meeting.ts';
import { touchedPaths } from './updatePaths.ts';
import { FOLLOW_UP_CASES } from './testing/followUpCases.ts';

const as = (participantId: string): Actor => ({ kind: 'participant', participantId });
const SERVER: Actor = { kind: 'server' };

interface Case {
  title: string;
  actor: Actor;
  setup?: (server: Y.Doc) => void;
  change: (doc: Y.Doc) => void;
  /** The rule it is refused under, or null when allowed. */
  refused: string | null;
  reason?: RegExp;
}

const keystroke = (d: Y.Doc): void => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'So: ');
const openConsentRound = (s: Y.Doc): void => openRound(s, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
const bensCard = (s: Y.Doc): void =>
  raiseObjection(s, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
const card = (authorId: string, status = 'open') => ({
  itemId: 'item1',
  authorId,
  kind: 'concern',
  text: 'Hm',
  status,
  revision: 'r',
  createdAt: NOW,
});

const CASES: Case[] = [
  {
    title: '[R1] the server writes the log',
    actor: SERVER,
    change: (d) => appendLog(d, [{ type: 'join', at: NOW, actorId: 'ben', name: 'Ben', role: 'member' }]),
    refused: null,
  },
  {
    title: '[R1] the server writes anyone’s entries',
    actor: SERVER,
    change: (d) => positions(d).set('item1/cleo', { position: 'consent', round: 1, revision: 'r', at: NOW }),
    refused: null,
  },
  {
    title: '[R2] a member does not write the log',
    actor: as('ben'),
    change: (d) => appendLog(d, [{ type: 'join', at: NOW, actorId: 'ben', name: 'Ben', role: 'member' }]),
    refused: 'R2',
    reason: /only the server writes the log/,
  },
  {
    title: '[R2] the facilitator does not write the log',
    actor: as('fran'),
    change: (d) => appendLog(d, [{ type: 'phase', at: NOW, actorId: 'fran', from: 'lobby', to: 'opening' }]),
    refused: 'R2',
  },
  {
    title: '[R3] an observer writes nothing, not even their own presence',
    actor: as('otto'),
    change: (d) => setPresent(d, 'otto', false),
    refused: 'R3',
    reason: /observers may write nothing: participants\/otto/,
  },
  { title: '[R3] an observer does not type in the proposal', actor: as('otto'), change: keystroke, refused: 'R3' },
  {
    title: '[R3] a stranger writes nothing',
    actor: as('zed'),
    change: (d) => writeNote(d, 'opening', 'hi'),
    refused: 'R3',
    reason: /not a participant/,
  },
  {
    title: '[R4] a closed meeting is read-only for members',
    actor: as('ben'),
    setup: (s) => meta(s).set('phase', 'closed'),
    change: (d) => writeNote(d, 'opening', 'late'),
    refused: 'R4',
  },
  {
    title: '[R4] a closed meeting is read-only for the facilitator',
    actor: as('fran'),
    setup: (s) => meta(s).set('phase', 'closed'),
    change: (d) => setPresent(d, 'ben', false),
    refused: 'R4',
  },
  { title: '[R5] the facilitator writes meta', actor: as('fran'), change: (d) => meta(d).set('title', 'Budget 2027'), refused: null },
  {
    title: '[R5] a member does not write meta',
    actor: as('ben'),
    change: (d) => meta(d).set('title', 'Mine'),
    refused: 'R5',
    reason: /only the facilitator writes the meeting's settings: meta\/title/,
  },
  {
    title: '[R5] a guest does not make themselves facilitator',
    actor: as('gus'),
    change: (d) => meta(d).set('facilitatorId', 'gus'),
    refused: 'R5',
  },
  {
    title: '[R6] the facilitator adds an agenda item',
    actor: as('fran'),
    change: (d) => addAgendaItem(d, { id: 'item3', title: 'Rota', kind: 'explore', ownerId: null, timeboxMin: 5 }),
    refused: null,
  },
  {
    title: '[R6] the facilitator edits an item’s title (nested entry)',
    actor: as('fran'),
    change: (d) => updateAgendaItem(d, 'item1', { title: 'Buy two kettles' }),
    refused: null,
  },
  { title: '[R6] the facilitator removes an item', actor: as('fran'), change: (d) => removeAgendaItem(d, 'item2'), refused: null },
  {
    title: '[R6] a member does not edit an item’s title',
    actor: as('ben'),
    change: (d) => updateAgendaItem(d, 'item1', { title: 'Mine' }),
    refused: 'R6',
    reason: /agenda\[item1\]\.title/,
  },
  {
    title: '[R6] a member does not add an item',
    actor: as('cleo'),
    change: (d) => addAgendaItem(d, { id: 'item3', title: 'x', kind: 'report', ownerId: null, timeboxMin: 1 }),
    refused: 'R6',
  },
  { title: '[R6] a member does not remove an item', actor: as('cleo'), change: (d) => removeAgendaItem(d, 'item2'), refused: 'R6' },
  { title: '[R7] the facilitator opens a round', actor: as('fran'), change: openConsentRound, refused: null },
  { title: '[R7] a member does not open a round', actor: as('ben'), change: openConsentRound, refused: 'R7', reason: /rounds\/item1/ },
  {
    title: '[R7] a member does not pass the speaker',
    actor: as('ben'),
    setup: openConsentRound,
    change: (d) => passSpeaker(d, 'item1', 'ben'),
    refused: 'R7',
  },
  { title: '[R8] a member sets their own presence', actor: as('ben'), change: (d) => setPresent(d, 'ben', false), refused: null },
  { title: '[R8] a guest sets their own presence', actor: as('gus'), change: (d) => setPresent(d, 'gus', false), refused: null },
  {
    title: '[R8] a member does not rename themselves',
    actor: as('ben'),
    change: (d) => participants(d).set('ben', { name: 'Boss', role: 'member', present: true, joinedAt: NOW }),
    refused: 'R8',
    reason: /would change name/,
  },
  {
    title: '[R8] a guest does not make themselves a member',
    actor: as('gus'),
    change: (d) => participants(d).set('gus', { name: 'Gus', role: 'member', present: true, joinedAt: NOW }),
    refused: 'R8',
    reason: /would change role/,
  },
  {
    title: '[R8] a member does not set another’s presence',
    actor: as('ben'),
    change: (d) => setPresent(d, 'cleo', false),
    refused: 'R8',
    reason: /participants\/cleo is Cleo's/,
  },
  {
    title: '[R8] a member does not add a participant',
    actor: as('ben'),
    change: (d) => participants(d).set('ben2', { name: 'Ben 2', role: 'member', present: true, joinedAt: NOW }),
    refused: 'R8',
  },
  {
    title: '[R8] a member does not remove their own entry',
    actor: as('ben'),
    change: (d) => participants(d).delete('ben'),
    refused: 'R8',
    reason: /written by the server/,
  },
  {
    title: '[R8] present is true or false',
    actor: as('ben'),
    change: (d) => participants(d).set('ben', { name: 'Ben', role: 'member', present: 'yes', joinedAt: NOW }),
    refused: 'R8',
  },
  { title: '[R9] the facilitator takes attendance', actor: as('fran'), change: (d) => setPresent(d, 'cleo', false), refused: null },
  {
    title: '[R9] the facilitator does not change a role',
    actor: as('fran'),
    change: (d) => participants(d).set('gus', { name: 'Gus', role: 'member', present: true, joinedAt: NOW }),
    refused: 'R9',
    reason: /would change role/,
  },
  {
    title: '[R9] the facilitator does not mark someone removed: the server does',
    actor: as('fran'),
    change: (d) => markRemoved(d, 'cleo', NOW),
    refused: 'R9',
    reason: /would change removedAt/,
  },
  {
    title: '[R8] a member does not mark themselves removed',
    actor: as('ben'),
    change: (d) => markRemoved(d, 'ben', NOW),
    refused: 'R8',
    reason: /would change removedAt/,
  },
  {
    title: '[R9] the facilitator does not add a participant',
    actor: as('fran'),
    change: (d) => participants(d).set('x', { name: 'X', role: 'member', present: true, joinedAt: NOW }),
    refused: 'R9',
    reason: /written by the server/,
  },
  {
    title: '[R10] a member gives their own position',
    actor: as('ben'),
    setup: openConsentRound,
    change: (d) => givePosition(d, 'item1', 'ben', 'consent', NOW),
    refused: null,
  },
  {
    title: '[R10] a guest gives their own position (shown, never counted)',
    actor: as('gus'),
    setup: openConsentRound,
    change: (d) => givePosition(d, 'item1', 'gus', 'object', NOW),
    refused: null,
  },
  {
    title: '[R10] a member removes their own position',
    actor: as('ben'),
    setup: (s) => {
      openConsentRound(s);
      givePosition(s, 'item1', 'ben', 'object', NOW);
    },
    change: (d) => positions(d).delete('item1/ben'),
    refused: null,
  },
  {
    title: '[R10] a member does not forge another’s consent',
    actor: as('ben'),
    setup: openConsentRound,
    change: (d) => givePosition(d, 'item1', 'cleo', 'consent', NOW),
    refused: 'R10',
    reason: /^members may only write their own position: positions\/item1\/cleo is Cleo's$/,
  },
  {
    title: '[R10] the facilitator does not forge a position',
    actor: as('fran'),
    setup: openConsentRound,
    change: (d) => givePosition(d, 'item1', 'ben', 'consent', NOW),
    refused: 'R10',
  },
  {
    title: '[R10] a malformed position key belongs to nobody',
    actor: as('ben'),
    change: (d) => positions(d).set('ben', { position: 'consent' }),
    refused: 'R10',
    reason: /nobody's/,
  },
  { title: '[R11] a member raises their own card', actor: as('ben'), change: bensCard, refused: null },
  {
    title: '[R11] the author withdraws their card',
    actor: as('ben'),
    setup: bensCard,
    change: (d) => withdrawObjection(d, 'o1', NOW + 1),
    refused: null,
  },
  {
    title: '[R11] the author accepts the integration',
    actor: as('ben'),
    setup: bensCard,
    change: (d) => acceptIntegration(d, 'o1', 'Quiet kettle', NOW + 1),
    refused: null,
  },
  {
    title: '[R11] a card in another’s name is refused',
    actor: as('ben'),
    change: (d) => objections(d).set('o2', card('cleo')),
    refused: 'R11',
    reason: /must name its author Ben/,
  },
  { title: '[R11] a guest raises a concern card', actor: as('gus'), change: (d) => objections(d).set('o3', card('gus')), refused: null },
  {
    title: '[R11] a guest does not raise an objection card',
    actor: as('gus'),
    change: (d) => objections(d).set('o3', { ...card('gus'), kind: 'objection' }),
    refused: 'R11',
    reason: /guests raise concerns/,
  },
  {
    title: '[R11] a new card starts open',
    actor: as('ben'),
    change: (d) => objections(d).set('o2', card('ben', 'integrated')),
    refused: 'R11',
    reason: /starts open/,
  },
  {
    title: '[R11] another’s card is not withdrawn for them',
    actor: as('cleo'),
    setup: bensCard,
    change: (d) => withdrawObjection(d, 'o1', NOW + 1),
    refused: 'R11',
  },
  {
    title: '[R11] the facilitator does not clear an objection',
    actor: as('fran'),
    setup: bensCard,
    change: (d) => withdrawObjection(d, 'o1', NOW + 1),
    refused: 'R11',
  },
  {
    title: '[R11] a card taken over by another author is refused',
    actor: as('cleo'),
    setup: bensCard,
    change: (d) => objections(d).set('o1', { ...card('cleo'), itemId: 'item1' }),
    refused: 'R11',
    reason: /is Ben's card/,
  },
  {
    title: '[R11] the author does not rewrite the card’s text',
    actor: as('ben'),
    setup: bensCard,
    change: (d) => objections(d).set('o1', { ...(objections(d).get('o1') as object), text: 'Fine now' }),
    refused: 'R11',
    reason: /not text/,
  },
  {
    title: '[R11] the author does not delete their card',
    actor: as('ben'),
    setup: bensCard,
    change: (d) => objections(d).delete('o1'),
    refused: 'R11',
    reason: /never deleted/,
  },
  { title: '[R12] a member types in the proposal', actor: as('ben'), change: keystroke, refused: null },
  {
    title: '[R12] a guest does not type in the proposal: guests suggest in the notes',
    actor: as('gus'),
    change: keystroke,
    refused: 'R12',
    reason: /guests suggest changes in the item's notes/,
  },
  {
    title: '[R12] a guest who owns the item types in its proposal',
    actor: as('gus'),
    setup: (s) => updateAgendaItem(s, 'item1', { ownerId: 'gus' }),
    change: keystroke,
    refused: null,
  },
  {
    title: '[R19] a member sets the term of a proposal',
    actor: as('ben'),
    change: (d) => setTerm(d, 'item1', { reviewDate: '2028-01-31', measure: 'Fewer cold drinks' }),
    refused: null,
  },
  {
    title: '[R19] a guest does not set the term',
    actor: as('gus'),
    change: (d) => setTerm(d, 'item1', { reviewDate: '2028-01-31', measure: '' }),
    refused: 'R19',
    reason: /guests suggest/,
  },
  {
    title: '[R19] a term is { reviewDate, measure }',
    actor: as('ben'),
    change: (d) => terms(d).set('item1', { reviewDate: 'next spring', measure: '' }),
    refused: 'R19',
    reason: /must be \{ reviewDate/,
  },
  {
    title: '[R19] a term is changed, never removed',
    actor: as('ben'),
    change: (d) => terms(d).delete('item1'),
    refused: 'R19',
    reason: /never removed/,
  },
  {
    title: '[R19] no term for an item that does not exist',
    actor: as('ben'),
    change: (d) => terms(d).set('nope', { reviewDate: null, measure: '' }),
    refused: 'R19',
    reason: /no agenda item "nope"/,
  },
  {
    title: '[R20] in the consent round the facilitator does not type in the proposal either',
    actor: as('fran'),
    setup: (s) => moveStage(s, 'item1', 'consent'),
    change: keystroke,
    refused: 'R20',
    reason: /consent round on agenda item "item1" is on/,
  },
  {
    title: '[R20] in the consent round the owner does not change the term',
    actor: as('ben'),
    setup: (s) => moveStage(s, 'item1', 'consent'),
    change: (d) => setTerm(d, 'item1', { reviewDate: '2026-01-01', measure: '' }),
    refused: 'R20',
  },
  {
    title: '[R20] in resolve a member amends the proposal again',
    actor: as('cleo'),
    setup: (s) => moveStage(s, 'item1', 'resolve'),
    change: keystroke,
    refused: null,
  },
  {
    title: '[R12] no proposal for an item that does not exist',
    actor: as('ben'),
    change: (d) => proposal(d, 'nope').insert(0, [new Y.XmlText('x')]),
    refused: 'R12',
    reason: /no agenda item "nope"/,
  },
  {
    title: '[R12] a decided proposal is final',
    actor: as('ben'),
    setup: (s) => recordDecision(s, 'item1'),
    change: keystroke,
    refused: 'R12',
    reason: /is decided/,
  },
  { title: '[R13] a member writes a note', actor: as('ben'), change: (d) => writeNote(d, 'opening', 'Ben is tired'), refused: null },
  {
    title: '[R13] a guest starts a new note',
    actor: as('gus'),
    change: (d) => notes(d).set('gus-thoughts', new Y.Text('hm')),
    refused: null,
  },
  {
    title: '[R13] a note is not removed',
    actor: as('ben'),
    change: (d) => notes(d).delete('opening'),
    refused: 'R13',
    reason: /would be removed/,
  },
  {
    title: '[R13] a note is a Y.Text',
    actor: as('ben'),
    change: (d) => notes(d).set('x', 'plain' as unknown as Y.Text),
    refused: 'R13',
    reason: /must be a Y.Text/,
  },
  {
    title: '[R14] a member writes their own evaluation',
    actor: as('ben'),
    change: (d) => addEvaluation(d, 'ben', { ratings: { clarity: 4 }, comment: 'ok' }),
    refused: null,
  },
  {
    title: '[R14] a member does not write another’s evaluation',
    actor: as('ben'),
    change: (d) => addEvaluation(d, 'cleo', { ratings: { clarity: 1 }, comment: 'bad' }),
    refused: 'R14',
    reason: /evaluation\/cleo is Cleo's/,
  },
  { title: '[R15] nobody writes an unknown root', actor: as('fran'), change: (d) => d.getMap('extra').set('a', 1), refused: 'R15' },
  {
    title: '[R16] a member does not remove another’s position',
    actor: as('ben'),
    setup: (s) => {
      openConsentRound(s);
      givePosition(s, 'item1', 'cleo', 'object', NOW);
    },
    change: (d) => positions(d).delete('item1/cleo'),
    refused: 'R16',
    reason: /positions\/item1\/cleo is Cleo's/,
  },
  {
    title: '[R16] the facilitator does not remove a participant',
    actor: as('fran'),
    change: (d) => participants(d).delete('ben'),
    refused: 'R16',
  },
  {
    title: '[R16] a member does not delete another’s card',
    actor: as('cleo'),
    setup: bensCard,
    change: (d) => objections(d).delete('o1'),
    refused: 'R16',
  },
  {
    title: '[R16] a member does not delete another’s evaluation',
    actor: as('cleo'),
    setup: (s) => addEvaluation(s, 'ben', { ratings: {}, comment: 'fine' }),
    change: (d) => evaluation(d).delete('ben'),
    refused: 'R16',
  },
  ...FOLLOW_UP_CASES,
  {
    title: '[S4] a member changes their own nomination, with a reason, in the open change round',
    actor: as('ben'),
    setup: (s) => openRound(s, 'item1', { kind: 'change', order: ['ben'], now: NOW }),
    change: (d) => changeNomination(d, 'item1', 'ben', 'cleo', 'Cleo keeps good books', NOW),
    refused: null,
  },
  {
    title: '[S4] no nomination is written outside the change round',
    actor: as('ben'),
    setup: openConsentRound,
    change: (d) => nominations(d).set('item1/ben', { nomineeId: 'cleo', reason: 'x', round: 1, at: NOW }),
    refused: 'S4',
    reason: /only while the item's change round is open/,
  },
  {
    title: '[S4] a member does not change another’s nomination',
    actor: as('ben'),
    setup: (s) => openRound(s, 'item1', { kind: 'change', order: ['ben'], now: NOW }),
    change: (d) => nominations(d).set('item1/cleo', { nomineeId: 'ben', reason: 'x', round: 1, at: NOW }),
    refused: 'S4',
    reason: /is Cleo's/,
  },
];

describe('rights table (R1–R20), one update per case', () => {
  for (const c of CASES) {
    it(c.title, () => {
      const server = meetingDoc();
      movePhase(server, 'opening');
      c.setup?.(server);
      const update = edit(server, c.change);
      const result = checkUpdate(server, update, c.actor);
      if (c.refused === null) {
        expect(result).toMatchObject({ ok: true });
      } else {
        expect(result).toMatchObject({ ok: false, rule: c.refused });
        if (c.reason && !result.ok) expect(result.reason).toMatch(c.reason);
      }
    });
  }

  it('every row of RIGHTS has an allowed and a refused case above', () => {
    for (const row of RIGHTS) {
      const cases = CASES.filter((c) => c.title.startsWith(`[${row.id}]`));
      expect(
        cases.some((c) => c.refused === null),
        `${row.id} allowed`,
      ).toBe(true);
      expect(
        cases.some((c) => c.refused !== null),
        `${row.id} refused`,
      ).toBe(true);
    }
  });
});

describe('checkRights on paths', () => {
  it('[R3] allows an empty change to anyone, even an observer', () => {
    expect(checkRights(meetingDoc(), as('otto'), [])).toEqual({ ok: true });
  });

  it('[P4] refuses a nested type inside a plain-JSON entry', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => positions(d).set('item1/ben', new Y.Map()));
    expect(checkRights(server, as('ben'), touchedPaths(server, update))).toMatchObject({ ok: false, rule: 'P4', reason: /plain JSON/ });
  });

  it('[P4] refuses unkeyed content in a keyed root and keyed content in a sequence root', () => {
    const server = meetingDoc();
    const loose = new Y.Doc();
    loose.getArray('positions').insert(0, [1]);
    expect(checkRights(server, as('ben'), touchedPaths(server, Y.encodeStateAsUpdate(loose)))).toMatchObject({
      ok: false,
      rule: 'P4',
      reason: /keyed/,
    });
    const keyed = new Y.Doc();
    keyed.getMap('proposal/item1').set('x', 1);
    expect(checkRights(server, as('ben'), touchedPaths(server, Y.encodeStateAsUpdate(keyed)))).toMatchObject({
      ok: false,
      rule: 'P4',
      reason: /no keyed entries/,
    });
  });

  it('[P2] refuses an unresolved path whoever the actor', () => {
    const path = { op: 'unresolved', client: 1, clock: 4, reason: 'its parent is unknown' } as const;
    expect(checkRights(meetingDoc(), SERVER, [path])).toMatchObject({ ok: false, rule: 'P2', reason: /client 1, clock 4/ });
  });
});
