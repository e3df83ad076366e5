// Rights cases of the backlog, action items and ways through (R25–R29, O2), one
// update per case, for the table-driven rights test (rights.test.ts).
import type * as Y from 'yjs';
import { acceptIntegration, moveStage, raiseObjection } from '../commands.ts';
import { addActionItem, addBacklogEntry, editBacklogEntry, exitItem, markActionDone } from '../followUpCommands.ts';
import { actions, backlog, meta, objections } from '../schema.ts';
import type { Actor } from '../types.ts';
import { NOW } from './meeting.ts';

const as = (participantId: string): Actor => ({ kind: 'participant', participantId });

export interface RightsCase {
  title: string;
  actor: Actor;
  setup?: (server: Y.Doc) => void;
  change: (doc: Y.Doc) => void;
  refused: string | null;
  reason?: RegExp;
}

const bensEntry = (s: Y.Doc): void => addBacklogEntry(s, 'b1', { title: 'Kettle rota', text: 'Who cleans it?', by: 'ben', now: NOW });
const bensAction = (s: Y.Doc): void =>
  addActionItem(s, 'a1', { itemId: 'item1', text: 'Order the kettle', assigneeId: 'cleo', due: '2027-01-10', by: 'ben', now: NOW });
const bensObjection = (s: Y.Doc): void =>
  raiseObjection(s, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
const entry = (authorId: string, source = 'proposed', itemId?: string) => ({
  title: 'T',
  text: '',
  source,
  authorId,
  at: NOW,
  ...(itemId ? { itemId } : {}),
});
const consentStage = (s: Y.Doc): void => {
  meta(s).set('phase', 'items');
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(s, 'item1', to);
};

export const FOLLOW_UP_CASES: RightsCase[] = [
  { title: '[R25] a member adds a backlog entry as themselves', actor: as('ben'), change: bensEntry, refused: null },
  {
    title: '[R25] the facilitator adds a backlog entry as themselves',
    actor: as('fran'),
    change: (d) => addBacklogEntry(d, 'b2', { title: 'Budget', text: '', by: 'fran', now: NOW }),
    refused: null,
  },
  {
    title: '[R25] a guest does not add a backlog entry',
    actor: as('gus'),
    change: (d) => backlog(d).set('b3', entry('gus')),
    refused: 'R25',
    reason: /guests suggest/,
  },
  {
    title: '[R25] an observer does not add a backlog entry',
    actor: as('otto'),
    change: (d) => backlog(d).set('b3', entry('otto')),
    refused: 'R3',
  },
  {
    title: '[R25] a backlog entry in another’s name is refused',
    actor: as('ben'),
    change: (d) => backlog(d).set('b3', entry('cleo')),
    refused: 'R25',
    reason: /must name its author Ben/,
  },
  {
    title: '[R25] a member does not write an item’s exit',
    actor: as('ben'),
    change: (d) => backlog(d).set('b3', entry('ben', 'carried', 'item1')),
    refused: 'R25',
    reason: /only the facilitator carries/,
  },
  {
    title: '[R25] a backlog entry is validated',
    actor: as('ben'),
    change: (d) => backlog(d).set('b3', { title: '', source: 'proposed' }),
    refused: 'R25',
    reason: /not a backlog entry/,
  },
  {
    title: '[R26] the author edits their entry’s text',
    actor: as('ben'),
    setup: bensEntry,
    change: (d) => editBacklogEntry(d, 'b1', { text: 'Who descales it?' }),
    refused: null,
  },
  {
    title: '[R26] the facilitator edits anyone’s entry title',
    actor: as('fran'),
    setup: bensEntry,
    change: (d) => editBacklogEntry(d, 'b1', { title: 'Kettle care' }),
    refused: null,
  },
  {
    title: '[R26] another member does not edit Ben’s entry',
    actor: as('cleo'),
    setup: bensEntry,
    change: (d) => editBacklogEntry(d, 'b1', { text: 'Mine' }),
    refused: 'R26',
    reason: /is Ben's entry/,
  },
  {
    title: '[R26] the author does not change the source',
    actor: as('ben'),
    setup: bensEntry,
    change: (d) => backlog(d).set('b1', { ...(backlog(d).get('b1') as object), source: 'evaluation' }),
    refused: 'R26',
    reason: /not source/,
  },
  {
    title: '[R27] the author does not remove their entry',
    actor: as('ben'),
    setup: bensEntry,
    change: (d) => backlog(d).delete('b1'),
    refused: 'R27',
    reason: /never removed/,
  },
  {
    title: '[R27] the facilitator does not remove their own entry',
    actor: as('fran'),
    setup: (s) => addBacklogEntry(s, 'b2', { title: 'x', text: '', by: 'fran', now: NOW }),
    change: (d) => backlog(d).delete('b2'),
    refused: 'R27',
  },
  {
    title: '[R27] the facilitator does not remove Ben’s entry',
    actor: as('fran'),
    setup: bensEntry,
    change: (d) => backlog(d).delete('b1'),
    refused: 'R16',
  },
  {
    title: '[R27] the author does not remove their action item',
    actor: as('ben'),
    setup: bensAction,
    change: (d) => actions(d).delete('a1'),
    refused: 'R27',
  },
  { title: '[R28] a member adds an action item for another participant', actor: as('ben'), change: bensAction, refused: null },
  {
    title: '[R28] the facilitator adds an action item on a report item',
    actor: as('fran'),
    change: (d) => addActionItem(d, 'a2', { itemId: 'item2', text: 'Share the news', assigneeId: 'gus', due: null, by: 'fran', now: NOW }),
    refused: null,
  },
  {
    title: '[R28] a guest does not add an action item',
    actor: as('gus'),
    change: (d) =>
      actions(d).set('a3', { itemId: 'item1', text: 'x', assigneeId: 'gus', due: null, done: false, authorId: 'gus', at: NOW }),
    refused: 'R28',
    reason: /guests suggest/,
  },
  {
    title: '[R28] an action item in another’s name is refused',
    actor: as('ben'),
    change: (d) =>
      actions(d).set('a3', { itemId: 'item1', text: 'x', assigneeId: 'ben', due: null, done: false, authorId: 'cleo', at: NOW }),
    refused: 'R28',
    reason: /must name its author/,
  },
  {
    title: '[R28] an action item names an agenda item',
    actor: as('ben'),
    change: (d) => actions(d).set('a3', { itemId: 'nope', text: 'x', assigneeId: 'ben', due: null, done: false, authorId: 'ben', at: NOW }),
    refused: 'R28',
    reason: /no agenda item "nope"/,
  },
  {
    title: '[R28] an action item is assigned to a participant',
    actor: as('ben'),
    change: (d) =>
      actions(d).set('a3', { itemId: 'item1', text: 'x', assigneeId: 'zed', due: null, done: false, authorId: 'ben', at: NOW }),
    refused: 'R28',
    reason: /not a participant/,
  },
  {
    title: '[R28] a new action item is not done yet',
    actor: as('ben'),
    change: (d) => actions(d).set('a3', { itemId: 'item1', text: 'x', assigneeId: 'ben', due: null, done: true, authorId: 'ben', at: NOW }),
    refused: 'R28',
    reason: /not done yet/,
  },
  {
    title: '[R29] the author marks it done',
    actor: as('ben'),
    setup: bensAction,
    change: (d) => markActionDone(d, 'a1', true, NOW + 1),
    refused: null,
  },
  {
    title: '[R29] the assignee marks it done',
    actor: as('cleo'),
    setup: bensAction,
    change: (d) => markActionDone(d, 'a1', true, NOW + 1),
    refused: null,
  },
  {
    title: '[R29] the facilitator marks it done',
    actor: as('fran'),
    setup: bensAction,
    change: (d) => markActionDone(d, 'a1', true, NOW + 1),
    refused: null,
  },
  {
    title: '[R29] a guest assignee marks their own action done',
    actor: as('gus'),
    setup: (s) => addActionItem(s, 'a2', { itemId: 'item1', text: 'x', assigneeId: 'gus', due: null, by: 'ben', now: NOW }),
    change: (d) => markActionDone(d, 'a2', true, NOW + 1),
    refused: null,
  },
  {
    title: '[R29] someone else does not mark it done',
    actor: as('gus'),
    setup: bensAction,
    change: (d) => markActionDone(d, 'a1', true, NOW + 1),
    refused: 'R29',
    reason: /is Ben's, for Cleo/,
  },
  {
    title: '[R29] the assignee does not rewrite the text',
    actor: as('cleo'),
    setup: bensAction,
    change: (d) => actions(d).set('a1', { ...(actions(d).get('a1') as object), text: 'Nothing' }),
    refused: 'R29',
    reason: /Ben's to change/,
  },
  {
    title: '[R29] the item an action came from never changes',
    actor: as('ben'),
    setup: bensAction,
    change: (d) => actions(d).set('a1', { ...(actions(d).get('a1') as object), itemId: 'item2' }),
    refused: 'R29',
    reason: /itemId of an action item never changes/,
  },
  {
    title: '[O2] the author records the way through with the integration',
    actor: as('ben'),
    setup: bensObjection,
    change: (d) => acceptIntegration(d, 'o1', { path: 'term', text: 'Review in three months' }, NOW + 1),
    refused: null,
  },
  {
    title: '[O2] a way through is not one of the three',
    actor: as('ben'),
    setup: bensObjection,
    change: (d) => objections(d).set('o1', { ...(objections(d).get('o1') as object), status: 'integrated', path: 'vote' }),
    refused: 'O2',
    reason: /one of amend, term, measure/,
  },
  {
    title: '[O2] a withdrawn objection takes no way through',
    actor: as('ben'),
    setup: bensObjection,
    change: (d) => objections(d).set('o1', { ...(objections(d).get('o1') as object), status: 'withdrawn', path: 'amend' }),
    refused: 'O2',
  },
  {
    title: '[O2] the facilitator does not record the way for the objector',
    actor: as('fran'),
    setup: bensObjection,
    change: (d) => acceptIntegration(d, 'o1', { path: 'amend', text: 'x' }, NOW + 1),
    refused: 'R11',
  },
  {
    title: '[BL5] the facilitator carries an item to the next meeting with its deferral',
    actor: as('fran'),
    setup: consentStage,
    change: (d) => exitItem(d, 'item1', { exit: 'carried', entryId: 'x1', by: 'fran', now: NOW }),
    refused: null,
  },
  {
    title: '[BL5] an exit entry without the deferral is refused',
    actor: as('fran'),
    setup: consentStage,
    change: (d) => backlog(d).set('x1', entry('fran', 'broader-circle', 'item1')),
    refused: 'BL5',
    reason: /same update that defers/,
  },
];
