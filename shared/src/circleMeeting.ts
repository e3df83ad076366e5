// A meeting of a circle, as the server writes it (docs/circles.md): the
// circle's members are seated before they arrive, and a member's first entry
// counts as their arrival. Circle ids never enter the document (CI14).
import type * as Y from 'yjs';
import { ORIGIN, type Origin } from './protocol.ts';
import { participant, valid } from './docLookup.ts';
import { appendLog, createMeeting } from './commands.ts';
import { log, meta, participants, ParticipantSchema, type Role } from './schema.ts';

export interface CircleSeat {
  personId: string;
  name: string;
  role: Extract<Role, 'member' | 'guest'>;
}

export interface CircleMeetingPlan {
  title: string;
  circle: string;
  aim: string;
  /** The circle's facilitator: the meeting's facilitator, their person id its participant id (CI11). */
  facilitator: { personId: string; name: string };
  /** The circle's secretary, when one of the seated members holds the role. */
  secretaryId: string | null;
  /** Every current member of the circle but the facilitator. */
  seats: CircleSeat[];
  now: number;
}

/** [CI11] The first content of a circle's meeting: the facilitator present, the other members seated but not present. */
export function createCircleMeeting(doc: Y.Doc, plan: CircleMeetingPlan, origin: Origin = ORIGIN.server): void {
  doc.transact(() => {
    createMeeting(
      doc,
      {
        title: plan.title,
        circle: plan.circle,
        aim: plan.aim,
        facilitatorId: plan.facilitator.personId,
        facilitatorName: plan.facilitator.name,
        now: plan.now,
      },
      origin,
    );
    appendLog(
      doc,
      [{ type: 'join', at: plan.now, actorId: plan.facilitator.personId, name: plan.facilitator.name, role: 'member' }],
      origin,
    );
    for (const s of plan.seats) {
      if (s.personId === plan.facilitator.personId) continue;
      participants(doc).set(
        s.personId,
        valid(ParticipantSchema, { name: s.name, role: s.role, present: false, joinedAt: plan.now }, 'participant'),
      );
    }
    const seated = plan.secretaryId !== null && participants(doc).has(plan.secretaryId);
    if (seated) meta(doc).set('secretaryId', plan.secretaryId);
  }, origin);
}

/** Whether the participant has arrived in the meeting (the log holds their `join`). */
export function hasArrived(doc: Y.Doc, participantId: string): boolean {
  return log(doc)
    .toArray()
    .some((e) => {
      const entry = e as { type?: unknown; actorId?: unknown };
      return entry.type === 'join' && entry.actorId === participantId;
    });
}

/**
 * [CI12] A member of the circle enters its meeting: a member seated at its creation arrives
 * (present, and a `join` in the log) on their first entry; one who joined the circle
 * since is seated and arrives. Later entries change nothing.
 */
export function arriveFromCircle(doc: Y.Doc, seat: CircleSeat, now: number, origin: Origin = ORIGIN.server): void {
  if (hasArrived(doc, seat.personId)) return;
  doc.transact(() => {
    const entry = participants(doc).has(seat.personId) ? participant(doc, seat.personId) : null;
    const role = entry?.role ?? seat.role;
    participants(doc).set(
      seat.personId,
      valid(ParticipantSchema, { ...(entry ?? { name: seat.name, role, joinedAt: now }), present: true }, 'participant'),
    );
    appendLog(doc, [{ type: 'join', at: now, actorId: seat.personId, name: entry?.name ?? seat.name, role }], origin);
  }, origin);
}
