// [R30] What the board offers is exactly what the server accepts: for every
// role in a table of phases and stages, each write the board would make is
// written as the board writes it and judged by checkUpdate.
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { abilitiesOf, mayChangePresence, mayEditProposal, mayWrite, positionOpenTo } from './abilities.ts';
import { addEvaluation, givePosition, moveStage, openRound, setPresent, updateAgendaItem, writeNote } from './commands.ts';
import { consentWithConcern, objectWithReason } from './absence.ts';
import { checkUpdate } from './checkUpdate.ts';
import { meta, proposal, ROOT, type Phase, type Stage } from './schema.ts';
import { readMeeting } from './snapshot.ts';
import { setTerm } from './term.ts';
import { edit, meetingDoc, NOW } from './testing/meeting.ts';
import type { MeetingSnapshot } from './types.ts';

/** Fran facilitates, Ben (item1's owner) and Cleo are members, Gus a guest, Otto an observer, Zed nobody. */
const PEOPLE = ['fran', 'ben', 'cleo', 'gus', 'otto', 'zed'] as const;

interface Situation {
  title: string;
  phase: Phase;
  stage: Stage;
  /** The consent round on item1: open, open and sealed, sealed and revealed, or none. */
  round?: 'open' | 'sealed' | 'revealed' | 'closed';
  absent?: string[];
}

const SITUATIONS: Situation[] = [
  ...(['lobby', 'opening', 'agenda', 'closing', 'closed'] as const).map((phase) => ({ title: phase, phase, stage: 'draft' as const })),
  ...(['draft', 'present', 'clarify', 'react', 'resolve', 'decided', 'deferred'] as const).map((stage) => ({
    title: `items, item1 ${stage}`,
    phase: 'items' as const,
    stage,
  })),
  { title: 'items, item1 in its consent round', phase: 'items', stage: 'consent', round: 'open' },
  { title: 'items, item1 in a sealed consent round', phase: 'items', stage: 'consent', round: 'sealed' },
  { title: 'items, item1 in a revealed consent round', phase: 'items', stage: 'consent', round: 'revealed' },
  { title: 'items, item1 at consent after its round closed', phase: 'items', stage: 'consent', round: 'closed' },
  { title: 'items, Ben and Gus absent before the round', phase: 'items', stage: 'react', absent: ['ben', 'gus'] },
  { title: 'items, Ben absent in the round', phase: 'items', stage: 'consent', round: 'open', absent: ['ben'] },
  { title: 'items, Ben absent, item1 decided', phase: 'items', stage: 'decided', absent: ['ben'] },
  { title: 'closed, Ben absent', phase: 'closed', stage: 'react', absent: ['ben'] },
];

function serverDoc(s: Situation): Y.Doc {
  const doc = meetingDoc();
  doc.transact(() => {
    meta(doc).set('phase', s.phase);
    if (s.phase === 'items') meta(doc).set('activeItemId', 'item1');
    moveStage(doc, 'item1', s.stage);
    if (s.round) {
      openRound(doc, 'item1', {
        kind: 'consent',
        order: ['fran', 'ben', 'cleo', 'gus'],
        now: NOW,
        ...(s.round === 'open' ? {} : { reveal: 'together' as const }),
      });
    }
    for (const id of s.absent ?? []) setPresent(doc, id, false);
  });
  if (s.round === 'revealed' || s.round === 'closed') {
    doc.transact(() => {
      if (s.round === 'revealed') doc.getMap(ROOT.sealed).set('item1', { kind: 'position', round: 1, given: [], revealedAt: NOW });
      else doc.getMap(ROOT.rounds).set('item1', { ...(doc.getMap(ROOT.rounds).get('item1') as object), speaker: null, closedAt: NOW });
    });
  }
  return doc;
}

/** A write the board offers: what it writes, and whether the board offers it to `me` now. */
interface Offer {
  what: string;
  offered: (s: MeetingSnapshot, me: string) => boolean;
  write: (doc: Y.Doc, me: string) => void;
}

const keystroke = (d: Y.Doc): void => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'So: ');
const card = (me: string) => ({ id: `card-${me}`, itemId: 'item1', by: me, text: 'It is loud', now: NOW });
const positionOpen = (s: MeetingSnapshot, me: string): boolean =>
  abilitiesOf(s, me).canTakePosition && positionOpenTo(s, 'item1', me) !== null;

const OFFERS: Offer[] = [
  {
    what: 'an agenda item retitled (facilitator)',
    offered: (s, me) => abilitiesOf(s, me).isFacilitator,
    write: (d) => updateAgendaItem(d, 'item2', { title: 'News and views' }),
  },
  { what: 'a note written', offered: (s, me) => abilitiesOf(s, me).canEditText, write: (d) => writeNote(d, 'opening', 'Hello') },
  { what: 'the proposal typed in', offered: (s, me) => mayEditProposal(s, 'item1', me), write: keystroke },
  {
    what: 'the term changed',
    offered: (s, me) => mayEditProposal(s, 'item1', me),
    write: (d) => setTerm(d, 'item1', { reviewDate: null, measure: 'Tea is made.' }),
  },
  { what: 'a position given', offered: positionOpen, write: (d, me) => givePosition(d, 'item1', me, 'consent', NOW) },
  { what: 'consent with a concern', offered: positionOpen, write: (d, me) => consentWithConcern(d, card(me)) },
  {
    what: 'an objection raised',
    offered: (s, me) => positionOpen(s, me) && abilitiesOf(s, me).isMember,
    write: (d, me) => objectWithReason(d, card(me)),
  },
  {
    what: 'an evaluation given',
    offered: (s, me) => abilitiesOf(s, me).isSpeaker,
    write: (d, me) => addEvaluation(d, me, { ratings: { clarity: 4 }, comment: 'Good' }),
  },
  { what: 'oneself marked absent', offered: (s, me) => mayChangePresence(s, me, me), write: (d, me) => setPresent(d, me, false) },
  { what: 'Cleo marked absent', offered: (s, me) => mayChangePresence(s, me, 'cleo'), write: (d) => setPresent(d, 'cleo', false) },
];

/** Whether the server accepts the board's write; a command that cannot even be written counts as not accepted. */
function accepted(server: Y.Doc, offer: Offer, me: string): boolean {
  let update: Uint8Array;
  try {
    update = edit(server, (d) => offer.write(d, me));
  } catch {
    return false;
  }
  return checkUpdate(server, update, { kind: 'participant', participantId: me }).ok;
}

describe('[R30] the board offers exactly what the server accepts', () => {
  for (const situation of SITUATIONS) {
    it(`[R30] ${situation.title}`, () => {
      const server = serverDoc(situation);
      const snapshot = readMeeting(server).meeting;
      const table = PEOPLE.flatMap((me) => OFFERS.map((o) => `${me}: ${o.what}: ${o.offered(snapshot, me) ? 'offered' : 'not offered'}`));
      const judged = PEOPLE.flatMap((me) => OFFERS.map((o) => `${me}: ${o.what}: ${accepted(server, o, me) ? 'offered' : 'not offered'}`));
      expect(table).toEqual(judged);
    });
  }

  it('[R30] the table covers both answers of every offer', () => {
    const seen = new Map<string, Set<boolean>>();
    for (const situation of SITUATIONS) {
      const snapshot = readMeeting(serverDoc(situation)).meeting;
      for (const me of PEOPLE)
        for (const o of OFFERS) (seen.get(o.what) ?? seen.set(o.what, new Set()).get(o.what)!).add(o.offered(snapshot, me));
    }
    for (const o of OFFERS) expect([o.what, [...seen.get(o.what)!].sort()]).toEqual([o.what, [false, true]]);
  });
});

describe('[R30] abilities', () => {
  const snapshotOf = (s: Situation) => readMeeting(serverDoc(s)).meeting;
  it('[R3] an observer and a stranger hold no row of the table', () => {
    const s = snapshotOf({ title: '', phase: 'items', stage: 'react' });
    for (const me of ['otto', 'zed']) {
      expect(abilitiesOf(s, me)).toEqual({
        isFacilitator: false,
        isObserver: true,
        isSpeaker: false,
        isMember: false,
        canEditText: false,
        canTakePosition: false,
      });
      for (const root of [ROOT.notes, ROOT.positions, ROOT.meta, 'proposal/*']) expect(mayWrite(s, me, root)).toBe(false);
    }
  });
  it('[R4] a closed meeting offers nobody a write, the facilitator included', () => {
    const s = snapshotOf({ title: '', phase: 'closed', stage: 'react' });
    for (const me of PEOPLE) {
      const can = abilitiesOf(s, me);
      expect([can.isFacilitator, can.canEditText, can.canTakePosition, can.isSpeaker]).toEqual([false, false, false, false]);
    }
    expect(abilitiesOf(s, 'ben').isMember).toBe(true);
  });
  it('[R12] a guest edits the proposal of an item they own, not of others', () => {
    const doc = serverDoc({ title: '', phase: 'items', stage: 'react' });
    expect(mayEditProposal(readMeeting(doc).meeting, 'item1', 'gus')).toBe(false);
    updateAgendaItem(doc, 'item1', { ownerId: 'gus' });
    expect(mayEditProposal(readMeeting(doc).meeting, 'item1', 'gus')).toBe(true);
    expect(checkUpdate(doc, edit(doc, keystroke), { kind: 'participant', participantId: 'gus' }).ok).toBe(true);
  });
  it('[Q9] an absent member gives a position beforehand; present, in the round', () => {
    expect(positionOpenTo(snapshotOf({ title: '', phase: 'items', stage: 'react', absent: ['ben'] }), 'item1', 'ben')).toBe('beforehand');
    expect(positionOpenTo(snapshotOf({ title: '', phase: 'items', stage: 'react' }), 'item1', 'ben')).toBe(null);
    expect(positionOpenTo(snapshotOf({ title: '', phase: 'items', stage: 'consent', round: 'open' }), 'item1', 'ben')).toBe('round');
    expect(positionOpenTo(snapshotOf({ title: '', phase: 'items', stage: 'consent', round: 'sealed' }), 'item1', 'ben')).toBe(null);
  });
});
