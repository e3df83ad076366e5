import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptIntegration,
  addAgendaItem,
  addEvaluation,
  createMeeting,
  addParticipant,
  movePhase,
  moveStage,
  raiseObjection,
} from '../commands.ts';
import { addActionItem, addBacklogEntry, exitItem, markActionDone, sendAnswerToBacklog } from '../followUpCommands.ts';
import { readMeeting } from '../snapshot.ts';
import { writeParagraph } from '../testing/meeting.ts';
import { buildMinutes, minutesHtml, minutesMarkdown } from './index.ts';
import { serverRun } from '../testing/heldMeeting.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const run = serverRun;

/** Three objections integrated three ways, three items leaving three ways, an action item, an answer sent to the backlog. */
function meeting(): Y.Doc {
  const s = new Y.Doc();
  createMeeting(s, { title: 'Ops', circle: 'Ops', aim: 'Run the office', facilitatorId: 'fran', facilitatorName: 'Fran', now: T0 });
  addParticipant(s, 'ben', { name: 'Ben', role: 'member', now: T0 });
  addParticipant(s, 'cleo', { name: 'Cleo', role: 'member', now: T0 });
  for (const [id, title] of [
    ['kettle', 'Buy a kettle'],
    ['shed', 'Build a shed'],
    ['hall', 'Rent the hall'],
    ['rota', 'Cleaning rota <b>'],
  ] as const) {
    addAgendaItem(s, { id, title, kind: 'consent', ownerId: 'ben', timeboxMin: 10 });
    writeParagraph(s, id, `We ${title}.`);
  }
  run(s, 'fran', T0, (d) => movePhase(d, 'opening'));
  run(s, 'fran', T0, (d) => movePhase(d, 'agenda'));
  run(s, 'fran', T0, (d) => movePhase(d, 'items'));
  for (const id of ['kettle', 'shed', 'hall'])
    for (const to of ['present', 'clarify', 'react', 'consent'] as const) run(s, 'fran', T0, (d) => moveStage(d, id, to));
  const ways = [
    ['o1', 'amend', 'Quiet model'],
    ['o2', 'term', 'Review in three months'],
    ['o3', 'measure', 'We log the noise'],
  ] as const;
  for (const [id] of ways)
    run(s, 'cleo', T0 + 1, (d) =>
      raiseObjection(d, { id, itemId: 'kettle', authorId: 'cleo', kind: 'objection', text: `Worry ${id}`, now: T0 + 1 }),
    );
  run(s, 'ben', T0 + 2, (d) =>
    raiseObjection(d, { id: 'o4', itemId: 'shed', authorId: 'ben', kind: 'objection', text: 'No permit yet', now: T0 + 2 }),
  );
  run(s, 'fran', T0 + 3, (d) => moveStage(d, 'kettle', 'resolve'));
  run(s, 'ben', T0 + 4, (d) => writeParagraph(d, 'kettle', 'A quiet one.'));
  for (const [id, path, text] of ways) run(s, 'cleo', T0 + 5, (d) => acceptIntegration(d, id, { path, text }, T0 + 5));
  run(s, 'fran', T0 + 6, (d) =>
    exitItem(d, 'shed', { exit: 'carried', entryId: 'x-shed', by: 'fran', now: T0 + 6, text: 'Once the permit is in' }),
  );
  run(s, 'fran', T0 + 7, (d) => exitItem(d, 'hall', { exit: 'broader-circle', entryId: 'x-hall', by: 'fran', now: T0 + 7 }));
  run(s, 'fran', T0 + 8, (d) => moveStage(d, 'rota', 'deferred'));
  run(s, 'ben', T0 + 9, (d) =>
    addActionItem(d, 'a1', { itemId: 'kettle', text: 'Order the kettle', assigneeId: 'cleo', due: '2027-01-10', by: 'ben', now: T0 + 9 }),
  );
  run(s, 'cleo', T0 + 10, (d) => markActionDone(d, 'a1', true, T0 + 10));
  run(s, 'ben', T0 + 11, (d) => addBacklogEntry(d, 'b1', { title: 'Office plants', text: '', by: 'ben', now: T0 + 11 }));
  run(s, 'cleo', T0 + 13, (d) =>
    addEvaluation(d, 'cleo', { ratings: { clarity: 4 }, comment: '', worked: 'Short rounds', improve: 'Start on time' }),
  );
  run(s, 'ben', T0 + 14, (d) =>
    sendAnswerToBacklog(d, { participantId: 'cleo', prompt: 'improve', title: 'What could improve?', by: 'ben', now: T0 + 14 }),
  );
  return s;
}

describe('minutes of what the meeting hands on', () => {
  const m = buildMinutes(readMeeting(meeting()).meeting, { meetingId: 'm1', now: T0 + 20 });
  const md = minutesMarkdown(m);
  const html = minutesHtml(m);

  it('[O7] JSON: every objection says its way through, every deferred item its way out', () => {
    const byId = Object.fromEntries(m.items.map((i) => [i.id, i]));
    expect(byId.kettle!.objections.map((c) => [c.id, c.path, c.resolution])).toEqual([
      ['o1', 'amend', 'Quiet model'],
      ['o2', 'term', 'Review in three months'],
      ['o3', 'measure', 'We log the noise'],
    ]);
    expect([byId.kettle!.exit, byId.shed!.exit, byId.hall!.exit, byId.rota!.exit]).toEqual([null, 'carried', 'broader-circle', 'deferred']);
    expect(byId.shed!.objections[0]).toMatchObject({ id: 'o4', status: 'open', path: null });
  });

  it('[O7] Markdown and HTML name each way through and each way out', () => {
    for (const text of [md, html]) {
      expect(text).toContain('Amended the text: Quiet model');
      expect(text).toContain('Shortened the term: Review in three months');
      expect(text).toContain('Added a measure that watches the feared effect: We log the noise');
      expect(text).toContain('Carried to the next meeting, with 1 objection still to integrate.');
      expect(text).toContain('Passed to a broader circle.');
      expect(text).toContain('Deferred: back to the backlog.');
    }
  });

  it('[BL6] "Carried to the next meeting" lists every entry, the deferred item without one included', () => {
    expect(m.backlog.map((e) => [e.id, e.source, e.itemTitle, e.derived])).toEqual([
      ['x-shed', 'carried', 'Build a shed', false],
      ['x-hall', 'broader-circle', 'Rent the hall', false],
      ['deferred-rota', 'deferred', 'Cleaning rota <b>', true],
      ['b1', 'proposed', null, false],
      ['evaluation-improve-cleo', 'evaluation', null, false],
    ]);
    expect(md).toContain('## Carried to the next meeting\n\n- **Build a shed** (carried item: Build a shed; Fran) — Once the permit is in');
    expect(md).toContain('- **Cleaning rota \\<b\\>** (deferred item: Cleaning rota \\<b\\>; Fran)');
    expect(html).toContain('<h2>Carried to the next meeting</h2>');
    expect(html).toContain('Cleaning rota &lt;b&gt;');
    expect(html).not.toContain('rota <b>');
  });

  it('[AI5] action items are listed with the item they came from, who, by when and whether done', () => {
    expect(m.actions).toEqual([
      expect.objectContaining({
        id: 'a1',
        itemId: 'kettle',
        itemTitle: 'Buy a kettle',
        text: 'Order the kettle',
        assignee: { participantId: 'cleo', name: 'Cleo' },
        due: '2027-01-10',
        done: true,
        author: { participantId: 'ben', name: 'Ben' },
      }),
    ]);
    expect(md).toContain('| Buy a kettle | Order the kettle | Cleo | 2027-01-10 | done |');
    expect(html).toContain('<td>Buy a kettle</td><td>Order the kettle</td><td>Cleo</td><td>2027-01-10</td><td>done</td>');
  });

  it('[E4] the answers to the open prompts appear, and which went to the backlog', () => {
    expect(m.evaluation.answers).toEqual([
      { participantId: 'cleo', name: 'Cleo', prompt: 'worked', question: 'What worked well?', text: 'Short rounds', inBacklog: false },
      { participantId: 'cleo', name: 'Cleo', prompt: 'improve', question: 'What could improve?', text: 'Start on time', inBacklog: true },
    ]);
    expect(md).toContain('- _What could improve?_ **Cleo:** Start on time (to the backlog)');
    expect(html).toContain('<i>What worked well?</i> <b>Cleo:</b> Short rounds</li>');
  });
});
