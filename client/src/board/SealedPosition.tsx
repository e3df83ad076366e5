// [V1–V6] My position in a consent round revealed together: given privately
// through the server, with the progress for everyone and "Reveal now" for the facilitator.
import { useEffect, useState } from 'react';
import { SealedPositionSchema, type AgendaItem, type PositionValue, type SealedRoundState } from '@consent/shared';
import { ownSealed, revealNow, sealPosition } from '../api.ts';
import { POSITION } from './methodWords.ts';
import { useBoard } from './BoardContext.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { SEALED } from './revealWords.ts';
import { useServerCall } from './useSealedCall.ts';
import { UI } from './words.ts';

export function SealedProgress({ state, itemId }: { state: SealedRoundState; itemId: string }) {
  const { can } = useBoard();
  const { run, error, busy } = useServerCall();
  const words = state.kind === 'position' ? SEALED.progress : SEALED.nominationProgress;
  return (
    <div className="sealed-progress">
      <p role="status" aria-live="polite">
        {words(state.given.length, state.eligible.length)}
      </p>
      {can.isFacilitator && (
        <button type="button" disabled={busy} onClick={() => void run((m, t) => revealNow(m, t, itemId))}>
          {SEALED.revealNow}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SealedPosition({ item, state }: { item: AgendaItem; state: SealedRoundState }) {
  const { can, me } = useBoard();
  const { run, error, busy } = useServerCall();
  const [mine, setMine] = useState<PositionValue | null>(null);
  const [asking, setAsking] = useState<'concern' | 'object' | null>(null);
  const given = state.given.includes(me);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round asks the server again
  useEffect(() => {
    // after a reload: what did I give in this round? (the server tells me only my own)
    if (!given) return setMine(null);
    let live = true;
    void run((m, t) => ownSealed(m, t, item.id)).then((out) => {
      const parsed = SealedPositionSchema.safeParse(out?.mine);
      if (live && parsed.success) setMine(parsed.data.position);
    });
    return () => {
      live = false;
    };
  }, [given, item.id, state.round, run]);

  const give = async (position: PositionValue, reason?: string) => {
    const out = await run((m, t) => sealPosition(m, t, item.id, { position, ...(reason ? { reason } : {}) }));
    if (out) {
      setMine(position);
      setAsking(null);
    }
  };

  return (
    <section className="my-position sealed" aria-labelledby="sealed-heading">
      <h2 id="sealed-heading">{SEALED.heading}</h2>
      <p className="hint">{SEALED.intro}</p>
      <SealedProgress state={state} itemId={item.id} />
      {can.isMember && (
        <>
          {mine && <p className="hint">{SEALED.yours(SEALED.position[mine] ?? mine)}</p>}
          <div className="row" role="group" aria-label={SEALED.giveLabel}>
            <button type="button" className="primary" disabled={busy} onClick={() => void give('consent')}>
              {UI.myPosition.consent}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking('concern')} aria-expanded={asking === 'concern'}>
              {UI.myPosition.concern}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking('object')} aria-expanded={asking === 'object'}>
              {POSITION.object}
            </button>
          </div>
          {asking && (
            <ReasonForm
              label={asking === 'object' ? SEALED.objectionLabel : SEALED.concernLabel}
              submitLabel={asking === 'object' ? SEALED.objectPrivately : SEALED.concernPrivately}
              onSubmit={(text) => void give(asking, text)}
              onCancel={() => setAsking(null)}
            />
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
