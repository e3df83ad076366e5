// The minutes of the facilitation: the timeline from the server's log, speaking
// time per round, consent to the agenda, the secretary, and words as the board says them.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptIntegration,
  addAgendaItem,
  addParticipant,
  createMeeting,
  givePosition,
  movePhase,
  openRound,
  passSpeaker,
  raiseObjection,
  closeRound,
} from '../commands.ts';
import { setSecretary, startStage } from '../facilitation.ts';
import { giveAgendaPosition } from '../agendaConsent.ts';
import { readMeeting } from '../snapshot.ts';
import { writeParagraph } from '../testing/meeting.ts';
import { buildMinutes, minutesHtml, minutesMarkdown } from './index.ts';
import { serverRun } from '../testing/heldMeeting.ts';
import { moveStage } from '../commands.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const S = 1000;

const run = serverRun;

function meeting(): Y.Doc {
  const s = new Y.Doc();
  createMeeting(s, { title: 'Ops', circle: 'Ops', aim: 'Run the office', facilitatorId: 'fran', facilitatorName: 'Fran', now: T0 });
  addParticipant(s, 'ben', { name: 'Ben', role: 'member', now: T0 });
  addParticipant(s, 'cleo', { name: 'Cleo', role: 'member', now: T0 });
  addAgendaItem(s, { id: 'kettle', title: 'Buy a kettle (quiet)', kind: 'consent', ownerId: 'ben', timeboxMin: 20 });
  addAgendaItem(s, { id: 'news', title: 'News', kind: 'report', ownerId: null, timeboxMin: 5 });
  writeParagraph(s, 'kettle', 'We buy a kettle (about 30) [see list].');
  writeParagraph(s, 'news', 'The printer is fixed.');
  run(s, 'fran', T0, (d) => movePhase(d, 'opening'));
  run(s, 'fran', T0, (d) => openRound(d, 'opening', { kind: 'opening', order: ['fran', 'ben'], now: T0 }));
  run(s, 'fran', T0 + 42 * S, (d) => passSpeaker(d, 'opening', 'ben'));
  run(s, 'fran', T0 + 50 * S, (d) => closeRound(d, 'opening', T0 + 50 * S));
  run(s, 'fran', T0 + 60 * S, (d) => setSecretary(d, 'cleo'));
  run(s, 'fran', T0 + 70 * S, (d) => movePhase(d, 'agenda'));
  run(s, 'fran', T0 + 71 * S, (d) => openRound(d, 'agenda', { kind: 'agenda', order: ['fran', 'ben', 'cleo'], now: T0 + 71 * S }));
  run(s, 'ben', T0 + 72 * S, (d) => giveAgendaPosition(d, 'ben', { position: 'consent' }, T0 + 72 * S));
  run(s, 'cleo', T0 + 73 * S, (d) => giveAgendaPosition(d, 'cleo', { position: 'object', reason: 'News first, please.' }, T0 + 73 * S));
  run(s, 'fran', T0 + 80 * S, (d) => movePhase(d, 'items'));
  for (const to of ['present', 'clarify'] as const)
    run(s, 'fran', T0 + 90 * S, (d) => startStage(d, 'kettle', to, { order: ['fran', 'ben', 'cleo'], now: T0 + 90 * S }));
  run(s, 'fran', T0 + 100 * S, (d) => startStage(d, 'kettle', 'react', { order: ['fran', 'ben', 'cleo'], now: T0 + 100 * S }));
  run(s, 'fran', T0 + 110 * S, (d) => startStage(d, 'kettle', 'consent', { order: ['fran', 'ben', 'cleo'], now: T0 + 110 * S }));
  run(s, 'ben', T0 + 111 * S, (d) => givePosition(d, 'kettle', 'ben', 'consent', T0 + 111 * S));
  run(s, 'cleo', T0 + 112 * S, (d) =>
    raiseObjection(d, { id: 'o1', itemId: 'kettle', authorId: 'cleo', kind: 'objection', text: 'Too loud', now: T0 + 112 * S }),
  );
  run(s, 'cleo', T0 + 112 * S, (d) =>
    raiseObjection(d, { id: 'c1', itemId: 'kettle', authorId: 'cleo', kind: 'concern', text: 'Costly', now: T0 + 112 * S }),
  );
  run(s, 'fran', T0 + 113 * S, (d) => moveStage(d, 'kettle', 'resolve'));
  run(s, 'ben', T0 + 120 * S, (d) => writeParagraph(d, 'kettle', 'A quiet one.'));
  run(s, 'cleo', T0 + 130 * S, (d) => acceptIntegration(d, 'o1', 'Quiet model', T0 + 130 * S));
  return s;
}

const minutes = () => buildMinutes(readMeeting(meeting()).meeting, { meetingId: 'm1', now: T0 + 200 * S });

describe('minutes of the facilitation', () => {
  it('[T2] the timeline holds rounds opened and closed, positions, cards raised and integrated, the amendment with whose positions turned stale', () => {
    const text = minutes().timeline.map((e) => `${e.at.slice(11, 19)} ${e.type}`);
    expect(text).toEqual(
      expect.arrayContaining([
        '09:00:00 round',
        '09:00:50 roundClosed',
        '09:01:00 secretary',
        '09:01:11 round',
        '09:01:12 position',
        '09:01:20 agendaConsent',
        '09:01:51 position',
        '09:01:52 objection',
        '09:02:00 amendment',
        '09:02:10 objectionStatus',
      ]),
    );
    const md = minutesMarkdown(minutes());
    expect(md).toContain('Opening round opened');
    expect(md).toContain('Buy a kettle (quiet): consent round opened');
    expect(md).toContain('Opening round closed');
    expect(md).toContain('Buy a kettle (quiet): Ben consents (on revision');
    expect(md).toContain('Buy a kettle (quiet): objection raised by Cleo');
    expect(md).toContain('proposal amended (from revision');
    expect(md).toContain('no longer counting: Ben');
    expect(md).toContain('Buy a kettle (quiet): objection integrated by Cleo');
    expect(md).toContain('Cleo named secretary');
  });

  it('[T1] speaking time per round: the opening round’s 42 s do not appear in the reaction round', () => {
    const m = minutes();
    const opening = m.roundTimes.find((r) => r.roundKey === 'opening')!;
    expect(opening.speakingTime).toEqual([
      { participantId: 'fran', name: 'Fran', ms: 42_000, turns: 1 },
      { participantId: 'ben', name: 'Ben', ms: 8000, turns: 1 },
    ]);
    const react = m.roundTimes.find((r) => r.kind === 'react')!;
    expect(react.title).toBe('Buy a kettle (quiet): quick reactions');
    expect(react.speakingTime).toEqual([{ participantId: 'fran', name: 'Fran', ms: 10_000, turns: 1 }]);
    expect(m.speakingTime.find((t) => t.participantId === 'fran')!.ms).toBe(42_000 + 9000 + 10_000 + 10_000 + 3000); // opening, agenda, clarify, react, consent until the stage moved
    expect(minutesMarkdown(m)).toContain('### Buy a kettle (quiet): quick reactions');
  });

  it('[A4] the minutes say whether the agenda was consented, with the objection’s reason', () => {
    const m = minutes();
    expect(m.agendaConsent).toMatchObject({
      state: 'objections',
      recordedAt: '2026-11-26T09:01:20.000Z',
      consented: [{ name: 'Ben' }],
      objecting: [{ name: 'Cleo', reason: 'News first, please.' }],
      missing: [{ name: 'Fran' }],
    });
    expect(minutesMarkdown(m)).toContain('The agenda was not consented: objections were raised.');
    expect(minutesHtml(m)).toContain('<b>Cleo</b> objects: News first, please.');
  });

  it('[MD2] a concern is "recorded" as on the board (its JSON status stays open); [MD4] the secretary is named', () => {
    const m = minutes();
    expect(m.items[0]!.concerns[0]).toMatchObject({ status: 'open' });
    const md = minutesMarkdown(m);
    expect(md).toContain('- **Cleo** (recorded, raised on an earlier text): Costly');
    expect(md).not.toContain('(open)');
    expect(minutesHtml(m)).toContain('<b>Cleo</b> (recorded, raised on an earlier text)');
    expect(m.meeting.secretary).toEqual({ participantId: 'cleo', name: 'Cleo' });
    expect(md).toContain('**Secretary:** Cleo');
  });

  it('[MD3] a report item is not a proposal with a stage; [MD1] brackets stay as written in Markdown and in proposal.markdown', () => {
    const m = minutes();
    const md = minutesMarkdown(m);
    const news = md.slice(md.indexOf('### 2. News'), md.indexOf('## Closing round'));
    expect(news).toContain('**Kind:** report');
    expect(news).not.toContain('Stage');
    expect(news).not.toContain('Proposal');
    expect(news).toContain('#### Text\n\nThe printer is fixed.');
    expect(m.items[0]!.proposal.markdown).toBe('We buy a kettle (about 30) [see list].\n\nA quiet one.');
    expect(md).toContain('### 1. Buy a kettle (quiet)');
    expect(md).not.toMatch(/\\[([[]/);
    const empty = buildMinutes(readMeeting(new Y.Doc()).meeting, { meetingId: 'm2', now: T0 });
    expect(minutesMarkdown(empty)).toContain('**Secretary:** none named');
    expect(empty.agendaConsent).toBeNull();
  });
});
