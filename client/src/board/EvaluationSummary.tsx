// The closing round's evaluation cards and the average of each rating.
import { RATING_KEYS, EVALUATION_PROMPTS, evaluationEntryId, sendAnswerToBacklog, type Evaluation } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ANSWERS, PROMPT_QUESTION } from './followUpWords.ts';
import { nameOf, RATING_LABEL, UI, UI_T } from './words.ts';

export function EvaluationSummary() {
  const { snapshot } = useBoard();
  const cards = Object.entries(snapshot.evaluation);
  if (cards.length === 0) return <p className="hint">{UI.evaluationSummary.none}</p>;
  const average = (key: (typeof RATING_KEYS)[number]) => {
    const values = cards.map(([, c]) => c.ratings[key]).filter((v): v is number => typeof v === 'number');
    return values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1) : '–';
  };
  return (
    <section className="evaluation-summary" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{UI_T.evaluationHeading(cards.length)}</h2>
      <dl className="averages">
        {RATING_KEYS.map((k) => (
          <div key={k}>
            <dt>{RATING_LABEL[k]}</dt>
            <dd>{average(k)} / 5</dd>
          </div>
        ))}
      </dl>
      <ul className="evaluation-cards">
        {cards.map(([id, c]) => (
          <li key={id} className="card">
            <strong>{nameOf(snapshot, id)}</strong>{' '}
            <span className="hint">{RATING_KEYS.map((k) => `${RATING_LABEL[k]} ${c.ratings[k] ?? '–'}`).join(' · ')}</span>
            {c.comment && <p>{c.comment}</p>}
            <Answers participantId={id} card={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** [E4][E5] A card's answers to the open prompts; a member sends one to the backlog in one click. */
function Answers({ participantId, card }: { participantId: string; card: Evaluation }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const given = EVALUATION_PROMPTS.filter((p) => (card[p] ?? '').trim() !== '');
  if (given.length === 0) return null;
  return (
    <dl className="answers">
      {given.map((prompt) => {
        const sent = snapshot.backlog?.[evaluationEntryId(participantId, prompt)] !== undefined;
        return (
          <div key={prompt}>
            <dt>{PROMPT_QUESTION[prompt]}</dt>
            <dd>
              <span className="answer-text">{card[prompt]}</span>{' '}
              {sent ? (
                <span className="badge">{ANSWERS.sent}</span>
              ) : (
                can.isMember &&
                can.canEditText && (
                  <button
                    type="button"
                    className="small"
                    aria-label={`${ANSWERS.send}: ${card[prompt]}`}
                    onClick={() =>
                      write(ANSWERS.sending, () =>
                        sendAnswerToBacklog(doc, { participantId, prompt, title: PROMPT_QUESTION[prompt], by: me, now: Date.now() }),
                      )
                    }
                  >
                    {ANSWERS.send}
                  </button>
                )
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
