// After a decision or deferral: which item comes next, taken up in one click.
import { activeItem, setActiveItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { FACILITATE } from './facilitationWords.ts';
import { WRITING } from './words.ts';

export function NextItemHint() {
  const { snapshot, doc, write } = useBoard();
  const active = activeItem(snapshot);
  if (snapshot.meta.phase !== 'items') return null;
  const finished =
    active !== null && (active.stage === 'decided' || active.stage === 'deferred' || !['consent', 'selection'].includes(active.kind));
  if (active && !finished) return null;
  const at = active ? snapshot.agenda.findIndex((i) => i.id === active.id) : -1;
  const open = (i: (typeof snapshot.agenda)[number]) => i.stage !== 'decided' && i.stage !== 'deferred' && i.id !== active?.id;
  const next = snapshot.agenda.slice(at + 1).find(open) ?? snapshot.agenda.find(open);
  return (
    <div className="next-item" role="status">
      {next ? (
        <>
          <p>{FACILITATE.nextItem(next.title)}</p>
          <button
            type="button"
            className={active?.kind === 'consent' || active?.kind === 'selection' || !active ? 'primary' : ''}
            onClick={() => write(WRITING.takingUpTheNextItem, () => setActiveItem(doc, next.id))}
          >
            {FACILITATE.takeUp(next.title)}
          </button>
        </>
      ) : (
        <p className="hint">{FACILITATE.allDone}</p>
      )}
    </div>
  );
}
