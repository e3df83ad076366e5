// buildMinutes: the minutes of a meeting as plain JSON, derived from a
// validated snapshot (DESIGN §6). Pure: time is a parameter.
import { itemRecord, reviewQuestions } from '../itemRecord.ts';
import { RATING_KEYS, ROUND_KEY, NOTE_KEY, type Card, type LogEvent } from '../schema.ts';
import { participantList, speakingTime, speakingTimeByRound } from '../selectors.ts';
import { deriveAgendaConsent } from '../agendaConsent.ts';
import type { AgendaConsentRecord } from '../schema.ts';
import { roundTitle } from './words.ts';
import { minutesT, type MinutesT } from './catalogue/index.ts';
import type { MeetingSnapshot } from '../types.ts';
import { proposalMarkdown } from './proposalText.ts';
import { itemExitOf } from '../backlogView.ts';
import { actionMinutes, answersMinutes, backlogMinutes } from './followUp.ts';
import {
  MINUTES_FORMAT,
  type MinutesCard,
  type MinutesDecision,
  type MinutesEvaluation,
  type MinutesAgendaConsent,
  type MinutesItem,
  type MinutesJson,
  type MinutesPerson,
  type MinutesRound,
  type TimelineEntry,
} from './types.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

/** `t`: the language of the words the JSON carries (round titles); English by default. */
export function buildMinutes(s: MeetingSnapshot, opts: { meetingId: string; now: number; t?: MinutesT }): MinutesJson {
  const t = opts.t ?? minutesT();
  const person = (participantId: string): MinutesPerson => ({ participantId, name: s.participants[participantId]?.name ?? participantId });
  const optionalPerson = (id: string | null): MinutesPerson | null => (id === null || id === '' ? null : person(id));
  const titleOf = (itemId: string): string =>
    s.agenda.find((i) => i.id === itemId)?.title ?? (itemId === ROUND_KEY.agenda ? t('heading.agenda') : itemId);
  // rounds are numbered per key across kinds (C15); people count them per kind: "consent round 2"
  const seen = new Map<string, number>();
  const titleOfRound = (roundKey: string, kind: Parameters<typeof roundTitle>[1], opened: boolean): string => {
    const key = `${roundKey}/${kind}`;
    const nth = (seen.get(key) ?? 0) + (opened ? 1 : 0);
    seen.set(key, nth);
    return roundTitle(s.agenda.find((i) => i.id === roundKey)?.title ?? null, kind, Math.max(1, nth), t);
  };

  return {
    format: MINUTES_FORMAT,
    generatedAt: iso(opts.now),
    meeting: {
      id: opts.meetingId,
      title: s.meta.title,
      circle: s.meta.circle,
      aim: s.meta.aim,
      phase: s.meta.phase,
      createdAt: iso(s.meta.createdAt),
      facilitator: optionalPerson(s.meta.facilitatorId),
      secretary: optionalPerson(s.meta.secretaryId),
    },
    attendance: participantList(s).map((p) => ({
      participantId: p.id,
      name: p.name,
      role: p.role,
      present: p.present,
      joinedAt: iso(p.joinedAt),
      removedAt: p.removedAt === undefined ? null : iso(p.removedAt),
    })),
    openingRound: roundOf(s, ROUND_KEY.opening, NOTE_KEY.opening, person),
    closingRound: roundOf(s, ROUND_KEY.closing, NOTE_KEY.closing, person),
    items: s.agenda.map((item): MinutesItem => {
      const proposal = s.proposals[item.id] ?? { nodes: [], revision: '' };
      // [C16] a decided or deferred item shows the record frozen at that moment, never one derived again
      const record = itemRecord(s, item.id);
      const cards = record.cards.map((c) => cardOf(c, proposal.revision, person));
      return {
        id: item.id,
        title: item.title,
        kind: item.kind,
        stage: item.stage,
        reviewDate: record.term?.reviewDate ?? null,
        term: record.term && { reviewDate: record.term.reviewDate, measure: record.term.measure },
        owner: optionalPerson(item.ownerId),
        timeboxMin: item.timeboxMin,
        proposal: { markdown: proposalMarkdown(proposal.nodes), revision: proposal.revision, nodes: proposal.nodes },
        consent: record.consent,
        recordFrozen: record.frozenBy && { at: iso(record.frozenBy.at), by: person(record.frozenBy.actorId), reason: record.frozenBy.type },
        objections: cards.filter((c) => c.kind === 'objection'),
        concerns: cards.filter((c) => c.kind === 'concern'),
        decision: decisionOf(s.log, item.id, person),
        // [C28] the concerns a decision carries become the questions of its review
        reviewQuestions:
          item.stage === 'decided'
            ? reviewQuestions(record).map((q) => ({ ...person(q.participantId), cardId: q.cardId, text: q.text }))
            : [],
        exit: itemExitOf(s, item.id),
        notes: s.notes[item.id] ?? '',
      };
    }),
    timeline: s.log.flatMap((e): TimelineEntry[] => {
      const at = iso(e.at);
      const by = person(e.actorId);
      switch (e.type) {
        case 'phase':
          return [{ at, type: 'phase', by, from: e.from, to: e.to }];
        case 'stage':
          return [{ at, type: 'stage', by, itemId: e.itemId, itemTitle: titleOf(e.itemId), from: e.from, to: e.to }];
        case 'decision':
          return [
            {
              at,
              type: 'decision',
              by,
              itemId: e.itemId,
              itemTitle: titleOf(e.itemId),
              revision: e.revision,
              reviewDate: e.reviewDate,
              measure: e.term?.measure || null,
            },
          ];
        case 'round':
        case 'roundClosed':
          return [
            {
              at,
              type: e.type,
              by,
              roundKey: e.roundKey,
              roundTitle: titleOfRound(e.roundKey, e.kind, e.type === 'round'),
              kind: e.kind,
              number: e.number,
            },
          ];
        case 'position':
          return [
            {
              at,
              type: 'position',
              by: person(e.participantId),
              itemId: e.itemId,
              itemTitle: titleOf(e.itemId),
              position: e.position,
              round: e.round,
              revision: e.revision,
            },
          ];
        case 'objection':
          return [{ at, type: 'objection', by, itemId: e.itemId, itemTitle: titleOf(e.itemId), objectionId: e.objectionId, kind: e.kind }];
        case 'objectionStatus':
          return [
            {
              at,
              type: 'objectionStatus',
              by,
              itemId: e.itemId,
              itemTitle: titleOf(e.itemId),
              objectionId: e.objectionId,
              kind: e.kind,
              status: e.status,
            },
          ];
        case 'amendment':
          return [
            { at, type: 'amendment', by, itemId: e.itemId, itemTitle: titleOf(e.itemId), revision: e.revision, stale: e.stale.map(person) },
          ];
        case 'secretary':
          return [{ at, type: 'secretary', by, secretary: optionalPerson(e.secretaryId) }];
        case 'agendaConsent':
          return [{ at, type: 'agendaConsent', by, state: e.record.state }];
        default:
          return [];
      }
    }),
    speakingTime: speakingTime(s, opts.now).map((t) => ({ ...person(t.participantId), ms: t.ms, turns: t.turns })),
    roundTimes: speakingTimeByRound(s, opts.now).map((r, i) => {
      // the round titles count again from the first round
      if (i === 0) seen.clear();
      return {
        roundKey: r.roundKey,
        title: titleOfRound(r.roundKey, r.kind, true),
        kind: r.kind,
        number: r.number,
        openedAt: iso(r.openedAt),
        speakingTime: r.times.map((t) => ({ ...person(t.participantId), ms: t.ms, turns: t.turns })),
      };
    }),
    agendaConsent: agendaConsentOf(s, person),
    evaluation: evaluationOf(s, person, t),
    backlog: backlogMinutes(s, person),
    actions: actionMinutes(s, person),
  };
}

/** [A4] The record logged when the meeting moved on to the items, else the one derived now (if the agenda round was opened). */
function agendaConsentOf(s: MeetingSnapshot, person: (id: string) => MinutesPerson): MinutesAgendaConsent | null {
  const logged = s.log.findLast((e): e is Extract<LogEvent, { type: 'agendaConsent' }> => e.type === 'agendaConsent');
  let record: AgendaConsentRecord;
  if (logged) record = logged.record;
  else if (s.rounds[ROUND_KEY.agenda]?.kind === 'agenda') record = deriveAgendaConsent(s);
  else return null;
  const reasonOf = (id: string): string => record.reasons.find((r) => r.participantId === id)?.text ?? '';
  return {
    state: record.state,
    recordedAt: logged ? iso(logged.at) : null,
    consented: record.consented.map(person),
    objecting: record.objecting.map((id) => ({ ...person(id), reason: reasonOf(id) })),
    missing: record.missing.map(person),
  };
}

function roundOf(s: MeetingSnapshot, roundKey: string, noteKey: string, person: (id: string) => MinutesPerson): MinutesRound {
  return { order: (s.rounds[roundKey]?.order ?? []).map(person), notes: s.notes[noteKey] ?? '' };
}

function cardOf(o: Card, revision: string, person: (id: string) => MinutesPerson): MinutesCard {
  return {
    id: o.id,
    authorId: o.authorId,
    authorName: person(o.authorId).name,
    kind: o.kind,
    text: o.text,
    status: o.status,
    stale: o.revision !== revision,
    createdAt: iso(o.createdAt),
    resolution: o.resolution ?? null,
    resolvedAt: o.resolvedAt === undefined ? null : iso(o.resolvedAt),
    path: o.path ?? null,
  };
}

/** The item's last decision in the log (a decision is final, so there is at most one in practice). */
function decisionOf(log: readonly LogEvent[], itemId: string, person: (id: string) => MinutesPerson): MinutesDecision | null {
  const e = log.findLast((x): x is Extract<LogEvent, { type: 'decision' }> => x.type === 'decision' && x.itemId === itemId);
  if (!e) return null;
  const selected = log.findLast((x): x is Extract<LogEvent, { type: 'selection' }> => x.type === 'selection' && x.itemId === itemId);
  return {
    ...(selected ? { selection: { roleName: selected.roleName, holder: person(selected.holderId), termEnd: selected.termEnd } } : {}),
    at: iso(e.at),
    by: person(e.actorId),
    text: e.text,
    revision: e.revision,
    reviewDate: e.reviewDate,
    measure: e.term?.measure || null,
    consented: e.consented.map(person),
    concerns: e.concerns.map(person),
  };
}

function evaluationOf(s: MeetingSnapshot, person: (id: string) => MinutesPerson, t: MinutesT): MinutesEvaluation {
  const entries = Object.entries(s.evaluation);
  const averages: Record<string, number | null> = {};
  for (const key of RATING_KEYS) {
    const given = entries.map(([, e]) => e.ratings[key]).filter((r): r is number => r !== undefined);
    averages[key] = given.length === 0 ? null : Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100;
  }
  return {
    count: entries.length,
    averages,
    comments: entries.filter(([, e]) => e.comment.trim() !== '').map(([id, e]) => ({ ...person(id), comment: e.comment })),
    answers: answersMinutes(s, person, t),
  };
}
