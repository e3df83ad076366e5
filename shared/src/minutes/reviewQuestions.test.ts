import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { consentWithConcern, setDecisionPolicy } from '../absence.ts';
import { givePosition, movePhase, moveStage, openRound, recordDecision, setPresent } from '../commands.ts';
import { readMeeting } from '../snapshot.ts';
import { meetingDoc, NOW } from '../testing/meeting.ts';
import { buildMinutes, minutesHtml, minutesMarkdown } from './index.ts';
import { serverRun as runAt } from '../testing/heldMeeting.ts';

const EVIL = '<b>cost</b> & *more*';

/** Checks, applies and logs a write as the server does. */
/** A write the way the server runs it, a minute after NOW. */
const serverRun = (server: Y.Doc, actorId: string, change: (d: Y.Doc) => void): void => runAt(server, actorId, NOW + 60_000, change);

/** Assume-consent, Cleo absent; Ben consents with a concern; item1 decided. */
function decided(): Y.Doc {
  const server = meetingDoc();
  serverRun(server, 'fran', (d) => setDecisionPolicy(d, { quorum: 2, absentees: 'assume-consent' }));
  for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben'], now: NOW });
  setPresent(server, 'cleo', false);
  serverRun(server, 'fran', (d) => givePosition(d, 'item1', 'fran', 'consent', NOW));
  serverRun(server, 'ben', (d) => consentWithConcern(d, { id: 'k1', itemId: 'item1', by: 'ben', text: `Mind the ${EVIL}`, now: NOW }));
  serverRun(server, 'fran', (d) => recordDecision(d, 'item1'));
  return server;
}

const minutesOf = (doc: Y.Doc) => buildMinutes(readMeeting(doc).meeting, { meetingId: 'm1', now: NOW + 120_000 });

describe('[C28] the minutes carry concerns into the review', () => {
  it('[C28] JSON: a decided item lists its concerns as review questions, with who raised them', () => {
    const item = minutesOf(decided()).items.find((i) => i.id === 'item1')!;
    expect(item.reviewQuestions).toEqual([{ participantId: 'ben', name: 'Ben', cardId: 'k1', text: `Mind the ${EVIL}` }]);
    expect(item.consent).toMatchObject({
      state: 'consented',
      assumed: ['cleo'],
      absent: ['cleo'],
      quorum: { members: 3, present: 2, needed: 2, met: true },
    });
  });

  it('[C28] an item not yet decided has no review questions (its concerns are listed as concerns)', () => {
    const server = meetingDoc();
    for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
    for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
    openRound(server, 'item1', { kind: 'consent', order: [], now: NOW });
    consentWithConcern(server, { id: 'k1', itemId: 'item1', by: 'ben', text: 'Mind the cost', now: NOW });
    const item = minutesOf(server).items[0]!;
    expect(item.reviewQuestions).toEqual([]);
    expect(item.concerns).toMatchObject([{ id: 'k1', text: 'Mind the cost' }]);
    expect(minutesMarkdown(minutesOf(server))).not.toContain('Questions for the review');
  });

  it('[C28][Q2] Markdown: "Questions for the review" with the concern, escaped, and the quorum line', () => {
    const md = minutesMarkdown(minutesOf(decided()));
    expect(md).toContain('#### Questions for the review\n\n- Mind the \\<b\\>cost\\</b\\> & \\*more\\* — raised by **Ben**');
    expect(md).toContain(
      'Quorum: 2 of 3 members present, 2 needed (met); absent members are assumed to consent unless they left an objection',
    );
    expect(md).toContain('Absent: Cleo (assumed to consent: Cleo)');
  });

  it('[C28][Q2] HTML: the same heading and list, escaped', () => {
    const html = minutesHtml(minutesOf(decided()));
    expect(html).toContain('<h4>Questions for the review</h4>');
    expect(html).toContain('<li>Mind the &lt;b&gt;cost&lt;/b&gt; &amp; *more* — raised by <strong>Ben</strong></li>');
    expect(html).toContain('Absent: Cleo (assumed to consent: Cleo)');
  });
});
