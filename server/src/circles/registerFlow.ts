// Test support: a consent item of a circle's meeting decided over the wire, as
// the board would write it, step by step (each write judged by the server).
import type * as Y from 'yjs';
import { givePosition, moveStage, openRound, raiseObjection, recordDecision, setTerm, type Term } from '@consent/shared';
import { writeOnce, writeParagraph } from '../testing/harness.ts';

export interface Seat {
  personId: string;
  token: string;
}

/** Runs an item from draft to decided; the first seat facilitates. `concern`: a seat that consents with a concern card. */
export async function decideItem(
  wsBase: string,
  meetingId: string,
  seats: Seat[],
  itemId: string,
  o: { text?: string; term: Term; concern?: { by: number; text: string } },
): Promise<void> {
  const fac = seats[0]!;
  const w = async (seat: Seat, write: (d: Y.Doc) => void) => {
    const refused = await writeOnce(wsBase, meetingId, seat.token, write);
    if (refused) throw new Error(`refused: ${refused.rule} ${refused.reason}`);
  };
  const now = Date.now();
  for (const stage of ['present', 'clarify', 'react'] as const) await w(fac, (d) => moveStage(d, itemId, stage));
  if (o.text) await w(fac, (d) => writeParagraph(d, itemId, o.text!));
  await w(fac, (d) => setTerm(d, itemId, o.term));
  await w(fac, (d) => moveStage(d, itemId, 'consent'));
  await w(fac, (d) => openRound(d, itemId, { kind: 'consent', order: seats.map((s) => s.personId), now }));
  for (const [i, seat] of seats.entries()) {
    if (o.concern?.by === i) {
      await w(seat, (d) =>
        raiseObjection(d, { id: `concern-${itemId}`, itemId, authorId: seat.personId, kind: 'concern', text: o.concern!.text, now }),
      );
      await w(seat, (d) => givePosition(d, itemId, seat.personId, 'concern', now));
    } else {
      await w(seat, (d) => givePosition(d, itemId, seat.personId, 'consent', now));
    }
  }
  await w(fac, (d) => recordDecision(d, itemId));
}
