// The rights matrix's cases (DESIGN §5): one write each, by whom, whether the
// server should refuse it and under which rule, and how its effect shows in a
// copy of the meeting. Run in order by rights.test.ts against a real server.
import * as Y from 'yjs';
import { daysFromToday } from '@consent/shared/testing/dates';
import {
  addAgendaItem,
  addEvaluation,
  appendLog,
  givePosition,
  movePhase,
  moveStage,
  openRound,
  proposal,
  raiseObjection,
  recordDecision,
  setPresent,
  setTerm,
  withdrawObjection,
  writeNote,
  type MeetingSnapshot,
} from '@consent/shared';

/** [CI19] review dates after today, whenever the tests run. */
export const REVIEW = daysFromToday(180);
const SOONER = daysFromToday(90);

export type Who = 'fran' | 'ann' | 'ben' | 'gil' | 'olga';

/** Adds a paragraph at the top of i1's proposal, as the editor would. */
const paragraph = (d: Y.Doc, text: string) => {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  proposal(d, 'i1').insert(0, [p]);
};

export interface Case {
  title: string;
  who: Who;
  write: (doc: Y.Doc) => void;
  /** The rule of the expected refusal, or null when the write is allowed. */
  refused: string | null;
  /** Whether the write's effect is in a copy of the meeting. */
  visible: (s: MeetingSnapshot) => boolean;
}

/** Every row of the rights table as writes by Fran (facilitator), Ann and Ben (members), Gil (guest) and Olga (observer), in order. */
export const matrixCases = (ids: Record<Who, string>, NOW: number): Case[] => [
  // facilitator: meta, agenda, rounds, anyone's present
  {
    title: 'facilitator moves the phase',
    who: 'fran',
    write: (d) => movePhase(d, 'opening'),
    refused: null,
    visible: (x) => x.meta.phase !== 'lobby',
  },
  {
    title: 'facilitator moves on to agenda',
    who: 'fran',
    write: (d) => movePhase(d, 'agenda'),
    refused: null,
    visible: (x) => x.meta.phase !== 'opening',
  },
  {
    title: 'facilitator moves on to items',
    who: 'fran',
    write: (d) => movePhase(d, 'items'),
    refused: null,
    visible: (x) => x.meta.phase === 'items',
  },
  {
    title: 'facilitator adds an agenda item',
    who: 'fran',
    write: (d) => addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: ids.ann, timeboxMin: 20 }),
    refused: null,
    visible: (x) => x.agenda.some((i) => i.id === 'i1'),
  },
  {
    title: '[R12] a guest does not write proposal text',
    who: 'gil',
    write: (d) => paragraph(d, 'Guests write here.'),
    refused: 'R12',
    visible: (x) => JSON.stringify(x.proposals.i1?.nodes).includes('Guests write here.'),
  },
  {
    title: "[R12] the item's owner writes proposal text",
    who: 'ann',
    write: (d) => paragraph(d, 'We buy heirloom seeds.'),
    refused: null,
    visible: (x) => x.proposals.i1?.nodes.length === 1,
  },
  {
    title: '[R19] a member sets the term',
    who: 'ben',
    write: (d) => setTerm(d, 'i1', { reviewDate: REVIEW, measure: 'Half the beds sown by May' }),
    refused: null,
    visible: (x) => x.terms?.i1?.reviewDate === REVIEW,
  },
  {
    title: '[R19] a guest does not set the term',
    who: 'gil',
    write: (d) => setTerm(d, 'i1', { reviewDate: SOONER, measure: '' }),
    refused: 'R19',
    visible: (x) => x.terms?.i1?.reviewDate === SOONER,
  },
  ...(['present', 'clarify', 'react', 'consent'] as const).map(
    (to): Case => ({
      title: `facilitator moves the item to ${to}`,
      who: 'fran',
      write: (d) => moveStage(d, 'i1', to),
      refused: null,
      visible: (x) => x.log.some((e) => e.type === 'stage' && e.to === to),
    }),
  ),
  {
    title: 'facilitator marks the observer absent',
    who: 'fran',
    write: (d) => setPresent(d, ids.olga, false),
    refused: null,
    visible: (x) => x.participants[ids.olga]?.present === false,
  },
  // member and guest rows
  {
    title: 'a guest marks themself absent',
    who: 'gil',
    write: (d) => setPresent(d, ids.gil, false),
    refused: null,
    visible: (x) => x.participants[ids.gil]?.present === false,
  },
  {
    title: 'a member marks another absent',
    who: 'ann',
    write: (d) => setPresent(d, ids.ben, false),
    refused: 'R8',
    visible: (x) => x.participants[ids.ben]?.present === false,
  },
  {
    title: 'facilitator opens the consent round',
    who: 'fran',
    write: (d) => openRound(d, 'i1', { kind: 'consent', order: [ids.fran, ids.ann, ids.ben], now: NOW }),
    refused: null,
    visible: (x) => x.rounds.i1?.kind === 'consent',
  },
  {
    title: '[R20] the owner does not change the text in the consent round',
    who: 'ann',
    write: (d) => paragraph(d, 'Late change.'),
    refused: 'R20',
    visible: (x) => JSON.stringify(x.proposals.i1?.nodes).includes('Late change.'),
  },
  {
    title: 'a member gives their own position',
    who: 'ann',
    write: (d) => givePosition(d, 'i1', ids.ann, 'consent', NOW),
    refused: null,
    visible: (x) => x.positions[`i1/${ids.ann}`]?.position === 'consent',
  },
  {
    title: "[R10] a member forges another member's consent",
    who: 'ann',
    write: (d) => givePosition(d, 'i1', ids.ben, 'consent', NOW),
    refused: 'R10',
    visible: (x) => x.positions[`i1/${ids.ben}`]?.position === 'consent',
  },
  {
    title: 'a member raises a concern as its author',
    who: 'ann',
    write: (d) => raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: ids.ann, kind: 'concern', text: 'Mind the budget', now: NOW }),
    refused: null,
    visible: (x) => x.objections.o1?.authorId === ids.ann,
  },
  {
    title: 'a member raises an objection in another name',
    who: 'ann',
    write: (d) => raiseObjection(d, { id: 'o2', itemId: 'i1', authorId: ids.ben, kind: 'objection', text: 'Forged', now: NOW }),
    refused: 'R11',
    visible: (x) => x.objections.o2 !== undefined,
  },
  {
    title: "a member withdraws another's card",
    who: 'ben',
    write: (d) => withdrawObjection(d, 'o1', NOW),
    refused: 'R11',
    visible: (x) => x.objections.o1?.status === 'withdrawn',
  },
  {
    title: 'a member writes a note',
    who: 'ann',
    write: (d) => writeNote(d, 'opening', 'Ann arrives curious'),
    refused: null,
    visible: (x) => x.notes.opening === 'Ann arrives curious',
  },
  {
    title: 'a member writes their own evaluation',
    who: 'ann',
    write: (d) => addEvaluation(d, ids.ann, { ratings: { clarity: 5 }, comment: 'good' }),
    refused: null,
    visible: (x) => x.evaluation[ids.ann]?.comment === 'good',
  },
  {
    title: "a member writes another's evaluation",
    who: 'ann',
    write: (d) => addEvaluation(d, ids.ben, { ratings: { clarity: 1 }, comment: 'bad' }),
    refused: 'R14',
    visible: (x) => x.evaluation[ids.ben] !== undefined,
  },
  {
    title: 'a member moves the phase',
    who: 'ben',
    write: (d) => movePhase(d, 'closing'),
    refused: 'R5',
    visible: (x) => x.meta.phase === 'closing',
  },
  {
    title: 'a member adds an agenda item',
    who: 'ben',
    write: (d) => addAgendaItem(d, { id: 'i2', title: 'Mine', kind: 'report', ownerId: ids.ben, timeboxMin: 5 }),
    refused: 'R6',
    visible: (x) => x.agenda.some((i) => i.id === 'i2'),
  },
  {
    title: 'a member opens a round',
    who: 'ben',
    write: (d) => openRound(d, 'opening', { kind: 'opening', order: [ids.ben], now: NOW }),
    refused: 'R7',
    visible: (x) => x.rounds.opening !== undefined,
  },
  {
    title: 'a member writes the log',
    who: 'ben',
    write: (d) => appendLog(d, [{ type: 'phase', at: NOW, actorId: ids.ben, from: 'items', to: 'closed' }]),
    refused: 'R2',
    visible: (x) => x.log.some((e) => e.actorId === ids.ben && e.type === 'phase'),
  },
  {
    title: 'an observer writes a note',
    who: 'olga',
    write: (d) => writeNote(d, 'closing', 'observed'),
    refused: 'R3',
    visible: (x) => x.notes.closing === 'observed',
  },
  {
    title: '[M7] facilitator decides before consent',
    who: 'fran',
    write: (d) => recordDecision(d, 'i1'),
    refused: 'M7',
    visible: (x) => x.log.filter((e) => e.type === 'decision').length > 1,
  },
  {
    title: 'the second member consents',
    who: 'ben',
    write: (d) => givePosition(d, 'i1', ids.ben, 'concern', NOW),
    refused: null,
    visible: (x) => x.positions[`i1/${ids.ben}`]?.position === 'concern',
  },
  {
    title: 'the facilitator consents',
    who: 'fran',
    write: (d) => givePosition(d, 'i1', ids.fran, 'consent', NOW),
    refused: null,
    visible: (x) => x.positions[`i1/${ids.fran}`]?.position === 'consent',
  },
  {
    title: 'facilitator records the decision once consented',
    who: 'fran',
    write: (d) => recordDecision(d, 'i1'),
    refused: null,
    visible: (x) => x.agenda[0]?.stage === 'decided',
  },
];
