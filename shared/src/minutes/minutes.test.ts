import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { markRemoved } from '../commands.ts';
import { agenda, log, proposal, terms } from '../schema.ts';
import { readMeeting } from '../snapshot.ts';
import { heldMeeting, MIN, T0 } from '../testing/heldMeeting.ts';
import { buildMinutes, MINUTES_CSP, MINUTES_STYLE, minutesHtml, minutesMarkdown, type MinutesJson } from './index.ts';

const EVIL = '<script>alert("x")</script>';

const minutesOf = (doc: Y.Doc): MinutesJson => buildMinutes(readMeeting(doc).meeting, { meetingId: 'm1', now: T0 + 40 * MIN });

describe('buildMinutes', () => {
  const m = minutesOf(heldMeeting());

  it('names the meeting, its facilitator and when it was held', () => {
    expect(m.format).toBe('consent-board-minutes/1');
    expect(m.generatedAt).toBe('2026-11-26T09:40:00.000Z');
    expect(m.meeting).toEqual({
      id: 'm1',
      title: 'Ops circle',
      circle: 'Ops',
      aim: 'Keep the office running',
      phase: 'closed',
      createdAt: '2026-11-26T09:00:00.000Z',
      facilitator: { participantId: 'fran', name: 'Fran' },
      secretary: null,
    });
  });

  it('lists attendance by name with role and presence', () => {
    expect(m.attendance.map((p) => [p.name, p.role, p.present])).toEqual([
      ['Ben', 'member', true],
      ['Cleo', 'member', true],
      ['Dora', 'member', false],
      ['Fran', 'member', true],
      ['Gus', 'guest', true],
    ]);
  });

  it('marks a participant the facilitator removed, with the time, and keeps them in the list', () => {
    const doc = heldMeeting();
    markRemoved(doc, 'dora', T0 + 32 * MIN);
    const removed = minutesOf(doc);
    expect(removed.attendance.find((p) => p.name === 'Dora')).toMatchObject({ present: false, removedAt: '2026-11-26T09:32:00.000Z' });
    expect(removed.attendance.find((p) => p.name === 'Ben')?.removedAt).toBeNull();
    expect(minutesMarkdown(removed)).toContain('| Dora | member | removed 2026-11-26 09:32 UTC |');
    expect(minutesHtml(removed)).toContain('removed 2026-11-26 09:32 UTC');
  });

  it('keeps the opening round’s order and notes', () => {
    expect(m.openingRound).toEqual({
      order: ['fran', 'ben', 'cleo'].map((id) => expect.objectContaining({ participantId: id })),
      notes: 'All arrived.',
    });
    expect(m.closingRound).toEqual({ order: [], notes: '' });
  });

  it('records the decided item: final text, consent record, cards, decision', () => {
    const [kettle, news] = m.items;
    expect(kettle).toMatchObject({
      id: 'kettle',
      title: 'Buy a kettle',
      kind: 'consent',
      stage: 'decided',
      reviewDate: '2027-05-01',
      owner: { name: 'Ben' },
      notes: 'Ben orders it.',
    });
    expect(kettle!.proposal.markdown).toBe('We buy a kettle.\n\nIt is a quiet one.');
    expect(kettle!.consent).toMatchObject({
      state: 'consented',
      round: 2,
      consented: ['ben', 'fran'],
      concerns: ['cleo'],
      missing: [],
      openObjections: [],
    });
    expect(kettle!.objections).toEqual([
      {
        id: 'obj1',
        authorId: 'cleo',
        authorName: 'Cleo',
        kind: 'objection',
        text: 'Too loud',
        status: 'integrated',
        stale: true,
        createdAt: '2026-11-26T09:14:00.000Z',
        resolution: 'Quiet model',
        resolvedAt: '2026-11-26T09:17:00.000Z',
        path: null,
      },
    ]);
    expect(kettle!.concerns).toEqual([
      expect.objectContaining({ id: 'con1', authorName: 'Gus', status: 'open', resolution: null, resolvedAt: null }),
    ]);
    expect(kettle!.decision).toEqual({
      at: '2026-11-26T09:20:00.000Z',
      by: { participantId: 'fran', name: 'Fran' },
      text: 'We buy a kettle.\nIt is a quiet one.',
      revision: kettle!.proposal.revision,
      reviewDate: '2027-05-01',
      measure: 'Nobody waits for hot water',
      consented: [
        { participantId: 'ben', name: 'Ben' },
        { participantId: 'fran', name: 'Fran' },
      ],
      concerns: [{ participantId: 'cleo', name: 'Cleo' }],
    });
    expect(news).toMatchObject({ id: 'news', kind: 'report', decision: null, objections: [], concerns: [], proposal: { markdown: '' } });
  });

  it('[C16] shows the term consented to, review date and measure, in JSON, Markdown and HTML', () => {
    expect(m.items[0]!.term).toEqual({ reviewDate: '2027-05-01', measure: 'Nobody waits for hot water' });
    expect(m.items[1]!.term).toBeNull();
    const md = minutesMarkdown(m);
    expect(md).toContain('**Review date:** 2027-05-01\\\n**Measure of success:** Nobody waits for hot water');
    expect(md).toContain('review by 2027-05-01; success measured by: Nobody waits for hot water.');
    const html = minutesHtml(m);
    expect(html).toContain('<b>Measure of success:</b> Nobody waits for hot water');
    expect(html).toContain('review by 2027-05-01; success measured by: Nobody waits for hot water.');
  });

  it('[C16] a document written before terms shows the item’s own review date, with no measure', () => {
    const old = heldMeeting();
    old.transact(() => {
      terms(old).delete('kettle');
      (agenda(old).get(0) as Y.Map<unknown>).set('reviewDate', '2026-12-24');
      // a decision logged by an older server carries no term
      const i = log(old)
        .toArray()
        .findIndex((e) => (e as { type?: string }).type === 'decision');
      const { term: _dropped, ...decision } = log(old).get(i) as Record<string, unknown>;
      log(old).delete(i, 1);
      log(old).insert(i, [{ ...decision, reviewDate: '2026-12-24' }]);
    });
    const om = minutesOf(old);
    expect(om.items[0]).toMatchObject({ reviewDate: '2026-12-24', term: { reviewDate: '2026-12-24', measure: '' } });
    expect(om.items[0]!.decision).toMatchObject({ reviewDate: '2026-12-24', measure: null });
    expect(minutesMarkdown(om)).toContain('**Review date:** 2026-12-24');
  });

  it('[C16] says the decided item’s record is the one frozen at the decision; an open item’s is derived', () => {
    expect(m.items[0]!.recordFrozen).toEqual({
      at: '2026-11-26T09:20:00.000Z',
      by: { participantId: 'fran', name: 'Fran' },
      reason: 'decision',
    });
    expect(m.items[1]!.recordFrozen).toBeNull();
  });

  it('builds the timeline from phase, stage and decision events, with ISO times', () => {
    expect(m.timeline.filter((e) => e.type === 'phase').map((e) => e.type === 'phase' && `${e.from}>${e.to}`)).toEqual([
      'lobby>opening',
      'opening>agenda',
      'agenda>items',
      'items>closing',
      'closing>closed',
    ]);
    expect(m.timeline.find((e) => e.type === 'decision')).toEqual({
      at: '2026-11-26T09:20:00.000Z',
      type: 'decision',
      by: { participantId: 'fran', name: 'Fran' },
      itemId: 'kettle',
      itemTitle: 'Buy a kettle',
      revision: m.items[0]!.proposal.revision,
      reviewDate: '2027-05-01',
      measure: 'Nobody waits for hot water',
    });
    expect(m.timeline.find((e) => e.type === 'stage')).toMatchObject({
      at: '2026-11-26T09:09:00.000Z',
      itemTitle: 'Buy a kettle',
      from: 'draft',
      to: 'present',
    });
  });

  it('sums speaking time per person from the speaker events', () => {
    const opening = m.speakingTime.find((t) => t.participantId === 'ben');
    expect(opening).toEqual({ participantId: 'ben', name: 'Ben', ms: 3 * MIN, turns: 1 });
    expect(m.speakingTime.find((t) => t.participantId === 'cleo')?.ms).toBe(1 * MIN);
  });

  it('averages the evaluation ratings and keeps the comments', () => {
    expect(m.evaluation).toEqual({
      count: 2,
      averages: { timekeeping: 3.5, equivalence: null, clarity: 5, effectiveness: null },
      comments: [{ participantId: 'ben', name: 'Ben', comment: 'Good pace' }],
      answers: [],
    });
  });

  it('falls back to ids for people the meeting does not know, and to empty text for missing parts', () => {
    const doc = new Y.Doc();
    const empty = buildMinutes(readMeeting(doc).meeting, { meetingId: 'x', now: 0 });
    expect(empty.meeting.facilitator).toBeNull();
    expect(empty.items).toEqual([]);
    expect(minutesMarkdown(empty)).toContain('No agenda items.');
    expect(minutesHtml(empty)).toContain('No agenda items.');
  });
});

describe('minutesMarkdown', () => {
  const md = minutesMarkdown(minutesOf(heldMeeting()));

  it('has a section for every part of the minutes', () => {
    for (const heading of [
      '# Ops circle',
      '## Attendance',
      '## Opening round',
      '## Items',
      '### 1. Buy a kettle',
      '#### Proposal',
      '#### Consent',
      '#### Objections',
      '#### Concerns',
      '#### Decision',
      '#### Notes',
      '## Timeline',
      '## Speaking time',
      '## Evaluation',
      '## Closing round',
    ]) {
      expect(md).toContain(`${heading}`);
    }
  });

  it('writes the decision, the consent and how the objection was integrated', () => {
    expect(md).toContain('review by 2027-05-01');
    expect(md).toContain('Consented: Ben, Fran; with a concern: Cleo.');
    expect(md).toContain('#### Consent\n\n_As recorded at the decision, 2026-11-26 09:20 UTC._\n\n**Consented** (round 2)');
    expect(md).toContain('> We buy a kettle.\\\n> It is a quiet one.');
    expect(md).toContain(
      '- **Cleo** (integrated, raised on an earlier text): Too loud\\\n  _Integrated as:_ Quiet model (2026-11-26 09:17 UTC)',
    );
    expect(md).toContain('| Ben | 3:00 | 1 |');
    expect(md).toContain('| timekeeping | 3.50 |');
    expect(md).toContain('| 2026-11-26 09:20 UTC | Buy a kettle: decided (revision');
  });
});

describe('minutesHtml', () => {
  const html = minutesHtml(minutesOf(heldMeeting()));

  it('is one self-contained printable page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(?!https?:|mailto:)/);
    expect(html).toContain('<title>Minutes: Ops circle</title>');
    expect(html).toContain('<div class="proposal"><p>We buy a kettle.</p><p>It is a quiet one.</p></div>');
    expect(html).toContain('<i>Integrated as:</i> Quiet model');
  });

  it('carries its own policy before any user text: no script, no request', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${MINUTES_CSP}">`;
    expect(html.indexOf(meta)).toBeGreaterThan(0);
    expect(html.indexOf(meta)).toBeLessThan(html.indexOf('<title>'));
    expect(MINUTES_CSP).toContain("default-src 'none'");
    expect(MINUTES_CSP).not.toMatch(/script-src|unsafe-eval/);
    expect(html).toContain(`<style>${MINUTES_STYLE}</style>`);
  });
});

describe('minutes escape every user string', () => {
  const evil = (plain: string): string => `${plain} ${EVIL}`;
  const m = minutesOf(heldMeeting(evil));

  it('keeps the strings as they are in the JSON', () => {
    expect(m.meeting.title).toBe(`Ops circle ${EVIL}`);
    expect(m.items[0]!.objections[0]!.resolution).toBe(`Quiet model ${EVIL}`);
  });

  it('never lets a <script> into the HTML', () => {
    const html = minutesHtml(m);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // title, circle, aim, names, item title, proposal, cards, resolution, notes, decision, evaluation comment
    expect(html.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(20);
  });

  it('never lets raw HTML into the Markdown', () => {
    const md = minutesMarkdown(m);
    // every < is backslash-escaped, so no Markdown renderer reads it as HTML
    expect(md).not.toMatch(/(^|[^\\])</);
    expect(md).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(md.split('\\<script\\>').length - 1).toBeGreaterThanOrEqual(20);
  });

  it('escapes a proposal written by a bot with markup in its node names and attributes', () => {
    const doc = heldMeeting();
    doc.transact(() => {
      const odd = new Y.XmlElement('img onerror=alert(1)');
      odd.setAttribute('src', 'x" onerror="alert(1)');
      odd.insert(0, [new Y.XmlText(EVIL)]);
      proposal(doc, 'news').insert(0, [odd]);
    });
    const html = minutesHtml(minutesOf(doc));
    expect(html).not.toMatch(/<img|<script|onerror="/i);
  });
});
