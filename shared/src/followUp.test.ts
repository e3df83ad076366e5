import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { acceptIntegration, addEvaluation, appendLog, moveStage, raiseObjection } from './commands.ts';
import { addActionItem, addBacklogEntry, editBacklogEntry, exitItem, markActionDone, sendAnswerToBacklog } from './followUpCommands.ts';
import { actionsOf, backlogOf, itemExitOf } from './backlogView.ts';
import { checkUpdate } from './checkUpdate.ts';
import { evaluationEntryId } from './followUpSchema.ts';
import { backlog, meta, actions, objections } from './schema.ts';
import { readMeeting } from './snapshot.ts';
import { meetingDoc, NOW, peerOf, updateFrom } from './testing/meeting.ts';

const who = (participantId: string) => ({ kind: 'participant', participantId }) as const;

/** A meeting in phase items with item1 in its consent round stage and Ben's open objection. */
function resolving(): Y.Doc {
  const s = meetingDoc();
  meta(s).set('phase', 'items');
  for (const to of ['present', 'clarify', 'react', 'consent', 'resolve'] as const) moveStage(s, 'item1', to);
  raiseObjection(s, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
  return s;
}

/** Checks and applies an update as the server does, logging its events; returns the verdict. */
function serve(server: Y.Doc, actorId: string, update: Uint8Array) {
  const result = checkUpdate(server, update, who(actorId));
  if (result.ok) {
    Y.applyUpdate(server, update);
    if (result.events.length > 0)
      appendLog(
        server,
        result.events.map((e) => ({ ...e, at: NOW + 9, actorId })),
      );
  }
  return result;
}

describe('ways through an objection (O)', () => {
  it('[O1] accepting an integration records the way through beside the sentence', () => {
    const s = resolving();
    acceptIntegration(s, 'o1', { path: 'measure', text: 'We measure the noise for a month' }, NOW + 1);
    expect(objections(s).get('o1')).toMatchObject({
      status: 'integrated',
      path: 'measure',
      resolution: 'We measure the noise for a month',
    });
  });

  it('[O1] a concern takes no way through, and a plain sentence still integrates as before', () => {
    const s = resolving();
    raiseObjection(s, { id: 'c1', itemId: 'item1', authorId: 'cleo', kind: 'concern', text: 'Costly', now: NOW });
    expect(() => acceptIntegration(s, 'c1', { path: 'amend', text: 'x' }, NOW)).toThrow(/not a concern/);
    expect(() => acceptIntegration(s, 'o1', { path: 'vote' as 'amend', text: 'x' }, NOW)).toThrow();
    acceptIntegration(s, 'o1', 'Quiet model', NOW);
    expect(objections(s).get('o1')).not.toHaveProperty('path');
  });

  it('[O4] carrying an item ends it in this meeting and writes its backlog entry in one update', () => {
    const s = resolving();
    const peer = peerOf(s);
    const update = updateFrom(peer, (d) =>
      exitItem(d, 'item1', { exit: 'carried', entryId: 'x1', by: 'fran', now: NOW + 5, text: 'Needs a quote' }),
    );
    expect(serve(s, 'fran', update)).toMatchObject({ ok: true });
    const { meeting } = readMeeting(s);
    expect(meeting.agenda[0]!.stage).toBe('deferred');
    expect(meeting.backlog!.x1).toEqual({
      title: 'Buy a kettle',
      text: 'Needs a quote',
      source: 'carried',
      itemId: 'item1',
      authorId: 'fran',
      at: NOW + 5,
    });
  });

  it('[O5] a plain deferral returns the item to the backlog: its entry has source "deferred"', () => {
    const s = resolving();
    expect(
      serve(
        s,
        'fran',
        updateFrom(peerOf(s), (d) => exitItem(d, 'item1', { exit: 'deferred', entryId: 'x1', by: 'fran', now: NOW })),
      ),
    ).toMatchObject({ ok: true });
    expect(backlogOf(readMeeting(s).meeting)).toEqual([
      expect.objectContaining({ id: 'x1', source: 'deferred', itemId: 'item1', derived: false }),
    ]);
  });

  it('[O6] the deferral log event records the way the item left; a deferral without an entry records "deferred"', () => {
    for (const exit of ['carried', 'broader-circle', 'deferred'] as const) {
      const s = resolving();
      const result = checkUpdate(
        s,
        updateFrom(peerOf(s), (d) => exitItem(d, 'item1', { exit, entryId: 'x1', by: 'fran', now: NOW })),
        who('fran'),
      );
      expect(result.ok && result.events.find((e) => e.type === 'deferral')).toMatchObject({
        type: 'deferral',
        itemId: 'item1',
        path: exit,
      });
    }
    const s = resolving();
    const bare = checkUpdate(
      s,
      updateFrom(peerOf(s), (d) => moveStage(d, 'item1', 'deferred')),
      who('fran'),
    );
    expect(bare.ok && bare.events.find((e) => e.type === 'deferral')).toMatchObject({ path: 'deferred' });
  });

  it('[O6] an item leaves one way only: two exit entries for one deferral are refused', () => {
    const s = resolving();
    const update = updateFrom(peerOf(s), (d) => {
      exitItem(d, 'item1', { exit: 'carried', entryId: 'x1', by: 'fran', now: NOW });
      backlog(d).set('x2', { title: 'T', text: '', source: 'broader-circle', itemId: 'item1', authorId: 'fran', at: NOW });
    });
    expect(checkUpdate(s, update, who('fran'))).toMatchObject({ ok: false, rule: 'BL5', reason: /one way only/ });
  });

  it('[O8] an integration racing a deferral, both orders: integrated first is frozen with its way; deferred first refuses the late integration', () => {
    const s1 = resolving();
    const s2 = peerOf(s1);
    const integrate = updateFrom(peerOf(s1), (d) => acceptIntegration(d, 'o1', { path: 'amend', text: 'Quiet model' }, NOW + 1));
    const defer = updateFrom(peerOf(s1), (d) => exitItem(d, 'item1', { exit: 'broader-circle', entryId: 'x1', by: 'fran', now: NOW + 2 }));
    expect(serve(s1, 'ben', integrate)).toMatchObject({ ok: true });
    expect(serve(s1, 'fran', defer)).toMatchObject({ ok: true });
    const frozen = readMeeting(s1).meeting.log.find((e) => e.type === 'deferral');
    expect(frozen).toMatchObject({
      path: 'broader-circle',
      cards: [expect.objectContaining({ id: 'o1', status: 'integrated', path: 'amend' })],
    });

    expect(serve(s2, 'fran', defer)).toMatchObject({ ok: true });
    expect(serve(s2, 'ben', integrate)).toMatchObject({ ok: false, rule: 'R18' });
    expect(itemExitOf(readMeeting(s2).meeting, 'item1')).toBe('broader-circle');
  });
});

describe('the backlog (BL)', () => {
  it('[BL1] readers ignore an entry that fails its schema, and an exit must name its item', () => {
    const s = meetingDoc();
    backlog(s).set('bad', { title: 'x', text: '', source: 'carried', authorId: 'fran', at: NOW });
    backlog(s).set('worse', { title: '   ', text: '', source: 'proposed', authorId: 'fran', at: NOW });
    const read = readMeeting(s);
    expect(read.meeting.backlog).toEqual({});
    expect(read.ignored.filter((i) => i.root === 'backlog').map((i) => i.key)).toEqual(['bad', 'worse']);
  });

  it('[BL2] a member proposes an entry; ids are unique', () => {
    const s = meetingDoc();
    addBacklogEntry(s, 'b1', { title: 'Kettle rota', text: '', by: 'ben', now: NOW });
    expect(() => addBacklogEntry(s, 'b1', { title: 'again', text: '', by: 'ben', now: NOW })).toThrow(/taken/);
    expect(readMeeting(s).meeting.backlog!.b1).toMatchObject({ source: 'proposed', authorId: 'ben' });
  });

  it('[BL3] editing changes title and text only', () => {
    const s = meetingDoc();
    addBacklogEntry(s, 'b1', { title: 'Kettle rota', text: '', by: 'ben', now: NOW });
    editBacklogEntry(s, 'b1', { text: 'Weekly' });
    expect(backlog(s).get('b1')).toEqual({ title: 'Kettle rota', text: 'Weekly', source: 'proposed', authorId: 'ben', at: NOW });
    expect(() => editBacklogEntry(s, 'nope', { text: 'x' })).toThrow(/no backlog entry/);
  });

  it('[BL4] a deferral racing a member’s backlog edit, both orders: both land, nothing is lost', () => {
    for (const order of [
      ['defer', 'edit'],
      ['edit', 'defer'],
    ] as const) {
      const s = resolving();
      addBacklogEntry(s, 'b1', { title: 'Kettle rota', text: '', by: 'ben', now: NOW, itemId: 'item1' });
      const updates = {
        defer: updateFrom(peerOf(s), (d) => exitItem(d, 'item1', { exit: 'carried', entryId: 'x1', by: 'fran', now: NOW + 1 })),
        edit: updateFrom(peerOf(s), (d) => editBacklogEntry(d, 'b1', { text: 'Weekly, after the deferral too' })),
      };
      const actor = { defer: 'fran', edit: 'ben' } as const;
      for (const step of order)
        expect(serve(s, actor[step], updates[step]), `${order.join(' then ')}: ${step}`).toMatchObject({ ok: true });
      const rows = backlogOf(readMeeting(s).meeting);
      expect(rows.map((r) => [r.id, r.source, r.text])).toEqual([
        ['b1', 'proposed', 'Weekly, after the deferral too'],
        ['x1', 'carried', ''],
      ]);
    }
  });

  it('[BL6] a deferred item that no entry links is listed all the same, from its deferral', () => {
    const s = resolving();
    expect(
      serve(
        s,
        'fran',
        updateFrom(peerOf(s), (d) => moveStage(d, 'item1', 'deferred')),
      ),
    ).toMatchObject({ ok: true });
    expect(backlogOf(readMeeting(s).meeting)).toEqual([
      {
        id: 'deferred-item1',
        title: 'Buy a kettle',
        text: '',
        source: 'deferred',
        itemId: 'item1',
        authorId: 'fran',
        at: NOW + 9,
        derived: true,
      },
    ]);
  });
});

describe('action items (AI)', () => {
  it('[AI1] an action item is validated: text, assignee, an ISO due date or none', () => {
    const s = meetingDoc();
    expect(() => addActionItem(s, 'a1', { itemId: 'item1', text: ' ', assigneeId: 'ben', due: null, by: 'ben', now: NOW })).toThrow();
    expect(() => addActionItem(s, 'a1', { itemId: 'item1', text: 'x', assigneeId: 'ben', due: '10 Jan', by: 'ben', now: NOW })).toThrow(
      /ISO date/,
    );
    expect(() => addActionItem(s, 'a1', { itemId: 'item1', text: 'x', assigneeId: 'zed', due: null, by: 'ben', now: NOW })).toThrow();
    actions(s).set('junk', { itemId: 'item1' });
    expect(readMeeting(s).ignored).toContainEqual(expect.objectContaining({ root: 'actions', key: 'junk' }));
  });

  it('[AI2] created from an agenda item of any kind, listed per item, oldest first', () => {
    const s = meetingDoc();
    addActionItem(s, 'a2', { itemId: 'item2', text: 'Share the news', assigneeId: 'gus', due: null, by: 'fran', now: NOW + 1 });
    addActionItem(s, 'a1', { itemId: 'item1', text: 'Order it', assigneeId: 'cleo', due: '2027-01-10', by: 'ben', now: NOW });
    const m = readMeeting(s).meeting;
    expect(actionsOf(m).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(actionsOf(m, 'item2')).toEqual([
      { id: 'a2', itemId: 'item2', text: 'Share the news', assigneeId: 'gus', due: null, done: false, authorId: 'fran', at: NOW + 1 },
    ]);
  });

  it('[AI3] marking done stamps the time; undoing clears it', () => {
    const s = meetingDoc();
    addActionItem(s, 'a1', { itemId: 'item1', text: 'Order it', assigneeId: 'cleo', due: null, by: 'ben', now: NOW });
    markActionDone(s, 'a1', true, NOW + 5);
    expect(actions(s).get('a1')).toMatchObject({ done: true, doneAt: NOW + 5 });
    markActionDone(s, 'a1', false, NOW + 6);
    expect(actions(s).get('a1')).not.toHaveProperty('doneAt');
  });

  it('[AI4] an action item created while its item is deferred, both orders: both land (actions outlive the item)', () => {
    for (const first of ['action', 'defer'] as const) {
      const s = resolving();
      const action = updateFrom(peerOf(s), (d) =>
        addActionItem(d, 'a1', { itemId: 'item1', text: 'Ask for a quote', assigneeId: 'ben', due: null, by: 'cleo', now: NOW }),
      );
      const defer = updateFrom(peerOf(s), (d) => exitItem(d, 'item1', { exit: 'carried', entryId: 'x1', by: 'fran', now: NOW }));
      const steps =
        first === 'action'
          ? ([
              ['cleo', action],
              ['fran', defer],
            ] as const)
          : ([
              ['fran', defer],
              ['cleo', action],
            ] as const);
      for (const [actor, u] of steps) expect(serve(s, actor, u)).toMatchObject({ ok: true });
      expect(Object.keys(readMeeting(s).meeting.actions!)).toEqual(['a1']);
    }
  });
});

describe('evaluation that feeds the next meeting (E)', () => {
  it('[E2][E3] a card may carry the two answers; an answer alone says something', () => {
    const s = meetingDoc();
    addEvaluation(s, 'ben', { ratings: {}, comment: '', worked: 'The rounds', improve: '' });
    expect(readMeeting(s).meeting.evaluation.ben).toMatchObject({ worked: 'The rounds' });
    expect(() => addEvaluation(s, 'cleo', { ratings: {}, comment: '', worked: ' ', improve: '' })).toThrow(/rating or a comment/);
  });

  it('[E5] one click sends an answer to the backlog, once', () => {
    const s = meetingDoc();
    addEvaluation(s, 'ben', { ratings: {}, comment: '', improve: 'Start on time' });
    sendAnswerToBacklog(s, { participantId: 'ben', prompt: 'improve', title: 'What could improve?', by: 'cleo', now: NOW });
    expect(backlog(s).get(evaluationEntryId('ben', 'improve'))).toEqual({
      title: 'What could improve?',
      text: 'Start on time',
      source: 'evaluation',
      authorId: 'cleo',
      at: NOW,
    });
    expect(() => sendAnswerToBacklog(s, { participantId: 'ben', prompt: 'improve', title: 'x', by: 'cleo', now: NOW })).toThrow(/taken/);
    expect(() => sendAnswerToBacklog(s, { participantId: 'ben', prompt: 'worked', title: 'x', by: 'cleo', now: NOW })).toThrow(
      /no such answer/,
    );
  });
});
