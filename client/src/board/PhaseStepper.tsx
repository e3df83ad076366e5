// The meeting's phases in order, with the current one marked.
import { PHASES, type Phase } from '@consent/shared';
import { PHASE_LABEL, UI } from './words.ts';

export function PhaseStepper({ phase }: { phase: Phase }) {
  const at = PHASES.indexOf(phase);
  return (
    <nav aria-label={UI.agenda.phase}>
      <ol className="stepper">
        {PHASES.map((p, i) => (
          <li key={p} className={i < at ? 'done' : i === at ? 'current' : 'todo'} aria-current={i === at ? 'step' : undefined}>
            {PHASE_LABEL[p]}
          </li>
        ))}
      </ol>
    </nav>
  );
}
