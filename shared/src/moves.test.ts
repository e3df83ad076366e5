import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedMoves, checkMove, everyMove, PHASE_MOVES, STAGE_MOVES, type Move } from './moves.ts';
import { ITEM_KINDS, PHASES, STAGES, type AgendaItem, type ItemKind, type Phase, type Stage } from './schema.ts';
import { META_DEFAULTS } from './snapshot.ts';
import type { Actor, MeetingSnapshot } from './types.ts';

const FAC: Actor = { kind: 'participant', participantId: 'f' };
const item = (id: string, kind: ItemKind, stage: Stage): AgendaItem => ({
  id,
  title: `Item ${id}`,
  kind,
  ownerId: null,
  timeboxMin: 5,
  stage,
  reviewDate: null,
});

function meeting(phase: Phase, items: AgendaItem[] = [], consented: string[] = []): MeetingSnapshot {
  const s: MeetingSnapshot = {
    meta: { ...META_DEFAULTS, phase, facilitatorId: 'f' },
    participants: {
      f: { name: 'Fay', role: 'member', present: true, joinedAt: 1 },
      g: { name: 'Gus', role: 'guest', present: true, joinedAt: 1 },
    },
    agenda: items,
    proposals: {},
    objections: {},
    positions: {},
    rounds: {},
    notes: {},
    evaluation: {},
    log: [],
    terms: {},
  };
  for (const i of items) {
    s.terms![i.id] = { reviewDate: '2027-01-01', measure: '' };
    s.proposals[i.id] = { nodes: [], revision: 'R' };
    s.rounds[i.id] = { kind: 'consent', number: 1, order: ['f'], speaker: null, openedAt: 1 };
    if (consented.includes(i.id)) s.positions[`${i.id}/f`] = { position: 'consent', round: 1, revision: 'R', at: 1 };
  }
  return s;
}

describe('phase moves', () => {
  const rows: [Phase, Phase, string | null][] = [];
  for (const from of PHASES) {
    for (const to of PHASES) {
      const forward = PHASES.indexOf(to) === PHASES.indexOf(from) + 1;
      rows.push([from, to, from === 'closed' ? 'M3' : forward ? null : 'M2']);
    }
  }
  it.each(rows)('[M2] %s → %s: %s', (from, to, rule) => {
    const v = checkMove(meeting(from), FAC, { kind: 'phase', to });
    if (rule === null) expect(v).toEqual({ ok: true });
    else expect(v).toMatchObject({ ok: false, rule });
  });

  it('[M2] the table is the single forward chain lobby → … → closed', () => {
    expect(PHASES.map((p) => PHASE_MOVES[p])).toEqual([['opening'], ['agenda'], ['items'], ['closing'], ['closed'], []]);
  });
});

describe('stage moves', () => {
  const table: Record<Stage, Stage[]> = {
    draft: ['present', 'deferred'],
    present: ['clarify', 'deferred'],
    clarify: ['react', 'deferred'],
    react: ['consent', 'deferred'],
    consent: ['resolve', 'decided', 'deferred'],
    resolve: ['consent', 'deferred'],
    decided: [],
    deferred: [],
  };
  const rows: [Stage, Stage, boolean][] = [];
  for (const from of STAGES) for (const to of STAGES) rows.push([from, to, table[from].includes(to)]);

  it.each(rows)('[M6] a consented consent item %s → %s allowed: %s', (from, to, allowed) => {
    const v = checkMove(meeting('items', [item('i1', 'consent', from)], ['i1']), FAC, { kind: 'stage', itemId: 'i1', to });
    expect(v.ok).toBe(allowed);
    if (!v.ok) expect(v.rule).toBe('M6');
  });

  it('[M6] STAGE_MOVES is exactly the documented table', () => {
    expect(STAGE_MOVES).toEqual(table);
  });

  it('[M13] consent → decided is refused while the term has no review date, and allowed once it has', () => {
    const s = meeting('items', [item('i1', 'consent', 'consent')], ['i1']);
    const decide: Move = { kind: 'stage', itemId: 'i1', to: 'decided' };
    expect(checkMove(s, FAC, decide)).toEqual({ ok: true });
    for (const term of [undefined, { reviewDate: null, measure: 'Used daily' }]) {
      if (term) s.terms!.i1 = term;
      else delete s.terms!.i1;
      expect(checkMove(s, FAC, decide)).toMatchObject({ ok: false, rule: 'M13', reason: /no review date/ });
      expect(allowedMoves(s, 'f')).not.toContainEqual(decide);
    }
    // a selection item's term is its role's term end (S1): M13 is about consent items
    const sel = meeting('items', [{ ...item('s1', 'selection', 'consent'), candidateId: 'f' }], ['s1']);
    delete sel.terms!.s1;
    expect(checkMove(sel, FAC, { kind: 'stage', itemId: 's1', to: 'decided' })).toEqual({ ok: true });
  });

  it('[M7] consent → decided is refused until deriveConsent says consented', () => {
    const v = checkMove(meeting('items', [item('i1', 'consent', 'consent')]), FAC, { kind: 'stage', itemId: 'i1', to: 'decided' });
    expect(v).toMatchObject({ ok: false, rule: 'M7' });
    if (!v.ok) expect(v.reason).toContain('collecting');
  });

  it('[M6][M12] a selection item runs the same process, and reaches its consent round once a candidate is proposed', () => {
    const s = meeting('items', [item('s1', 'selection', 'react')]);
    expect(checkMove(s, FAC, { kind: 'stage', itemId: 's1', to: 'consent' })).toMatchObject({ ok: false, rule: 'M12' });
    s.agenda[0] = { ...s.agenda[0]!, candidateId: 'f' };
    expect(checkMove(s, FAC, { kind: 'stage', itemId: 's1', to: 'consent' })).toEqual({ ok: true });
  });

  it.each(['report', 'explore'] as const)('[M5] a %s item has no stage moves', (kind) => {
    const v = checkMove(meeting('items', [item('r1', kind, 'draft')]), FAC, { kind: 'stage', itemId: 'r1', to: 'present' });
    expect(v).toMatchObject({ ok: false, rule: 'M5' });
    if (!v.ok) expect(v.reason).toContain(kind);
  });

  it.each(PHASES.filter((p) => p !== 'items' && p !== 'closed'))('[M4] no stage moves in phase %s', (phase) => {
    const v = checkMove(meeting(phase, [item('i1', 'consent', 'draft')]), FAC, { kind: 'stage', itemId: 'i1', to: 'present' });
    expect(v).toMatchObject({ ok: false, rule: 'M4' });
  });

  it('[M3] nothing moves once the meeting is closed', () => {
    const v = checkMove(meeting('closed', [item('i1', 'consent', 'draft')]), FAC, { kind: 'stage', itemId: 'i1', to: 'deferred' });
    expect(v).toMatchObject({ ok: false, rule: 'M3' });
  });

  it('[M8] an unknown item cannot move', () => {
    expect(checkMove(meeting('items'), FAC, { kind: 'stage', itemId: 'zz', to: 'present' })).toMatchObject({ ok: false, rule: 'M8' });
  });
});

describe('leaving the items [M11]', () => {
  const rows: [Stage, boolean][] = STAGES.map((stage) => [stage, !['present', 'clarify', 'react', 'consent', 'resolve'].includes(stage)]);
  it.each(rows)('[M11] a consent item at %s lets the meeting move to closing: %s', (stage, allowed) => {
    const v = checkMove(meeting('items', [item('i1', 'consent', stage)]), FAC, { kind: 'phase', to: 'closing' });
    expect(v.ok).toBe(allowed);
    if (!v.ok) expect(v).toMatchObject({ rule: 'M11', reason: expect.stringContaining('defer it') });
  });

  it('[M11] a selection item mid-process holds the meeting too; a report item never does', () => {
    const sel = meeting('items', [item('r', 'report', 'draft'), item('s', 'selection', 'clarify')]);
    expect(checkMove(sel, FAC, { kind: 'phase', to: 'closing' })).toMatchObject({ ok: false, rule: 'M11' });
    expect(allowedMoves(sel, 'f')).not.toContainEqual({ kind: 'phase', to: 'closing' });
    const deferred = meeting('items', [item('r', 'report', 'draft'), item('s', 'selection', 'deferred')]);
    expect(allowedMoves(deferred, 'f')).toContainEqual({ kind: 'phase', to: 'closing' });
  });

  it('[M11] once the stranded item is deferred, the board offers Closing again', () => {
    const s = meeting('items', [item('a', 'consent', 'resolve')]);
    expect(allowedMoves(s, 'f')).toEqual<Move[]>([
      { kind: 'stage', itemId: 'a', to: 'consent' },
      { kind: 'stage', itemId: 'a', to: 'deferred' },
    ]);
    s.agenda[0] = { ...s.agenda[0]!, stage: 'deferred' };
    expect(allowedMoves(s, 'f')).toEqual<Move[]>([{ kind: 'phase', to: 'closing' }]);
  });
});

describe('who moves', () => {
  const s = meeting('lobby', [item('i1', 'consent', 'draft')]);
  const actors: [string, Actor, boolean][] = [
    ['the facilitator', FAC, true],
    ['the server', { kind: 'server' }, true],
    ['a guest', { kind: 'participant', participantId: 'g' }, false],
    ['a stranger', { kind: 'participant', participantId: 'nobody' }, false],
  ];
  it.each(actors)('[M1] %s may move: %s', (_name, actor, ok) => {
    const v = checkMove(s, actor, { kind: 'phase', to: 'opening' });
    expect(v.ok).toBe(ok);
    if (!v.ok) expect(v).toMatchObject({ rule: 'M1', reason: expect.stringContaining('facilitator') });
  });

  it('[M1] without a facilitator id nobody but the server moves, not even a participant with an empty id', () => {
    const none = { ...s, meta: { ...s.meta, facilitatorId: '' } };
    expect(checkMove(none, { kind: 'participant', participantId: '' }, { kind: 'phase', to: 'opening' })).toMatchObject({ rule: 'M1' });
    expect(allowedMoves(none, '')).toEqual([]);
  });
});

describe('allowedMoves', () => {
  it("[M9] offers the facilitator the next phase and each item's next stages", () => {
    const s = meeting('items', [item('a', 'consent', 'consent'), item('b', 'report', 'draft'), item('c', 'consent', 'decided')], ['a']);
    // [M11] item a is mid-process, so the meeting cannot leave the items yet
    expect(allowedMoves(s, 'f')).toEqual<Move[]>([
      { kind: 'stage', itemId: 'a', to: 'resolve' },
      { kind: 'stage', itemId: 'a', to: 'decided' },
      { kind: 'stage', itemId: 'a', to: 'deferred' },
    ]);
    expect(allowedMoves(s, 'g')).toEqual([]);
  });

  const arbSnapshot = fc
    .record({
      phase: fc.constantFrom(...PHASES),
      items: fc.array(fc.record({ kind: fc.constantFrom(...ITEM_KINDS), stage: fc.constantFrom(...STAGES), consented: fc.boolean() }), {
        maxLength: 4,
      }),
    })
    .map(({ phase, items }) => {
      const list = items.map((it, n) => item(`i${n}`, it.kind, it.stage));
      return meeting(
        phase,
        list,
        list.filter((_, n) => items[n]?.consented).map((i) => i.id),
      );
    });

  it('[M9] lists exactly the moves checkMove accepts, out of every move there is', () => {
    fc.assert(
      fc.property(arbSnapshot, fc.constantFrom('f', 'g'), (s, actorId) => {
        const actor: Actor = { kind: 'participant', participantId: actorId };
        const accepted = everyMove(s).filter((m) => checkMove(s, actor, m).ok);
        const listed = allowedMoves(s, actorId);
        expect(listed.every((m) => checkMove(s, actor, m).ok)).toBe(true);
        expect(new Set(listed.map((m) => JSON.stringify(m)))).toEqual(new Set(accepted.map((m) => JSON.stringify(m))));
      }),
      { seed: 4242, numRuns: 300 },
    );
  });
});
