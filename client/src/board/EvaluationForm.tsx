// My meeting-evaluation card for the closing round: a few 1–5 ratings and a comment.
import { useState, type FormEvent } from 'react';
import { addEvaluation, EVALUATION_PROMPTS, RATING_KEYS, type Evaluation, type EvaluationPrompt } from '@consent/shared';
import { PROMPT_QUESTION } from './followUpWords.ts';
import { useBoard } from './BoardContext.ts';
import { RATING_LABEL, UI, WRITING } from './words.ts';
import { EVALUATION } from './facilitationWords.ts';

type Ratings = Evaluation['ratings'];

export function EvaluationForm() {
  const { snapshot, doc, me, write } = useBoard();
  const mine = snapshot.evaluation[me];
  const [ratings, setRatings] = useState<Ratings>(mine?.ratings ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [answers, setAnswers] = useState<Record<EvaluationPrompt, string>>({ worked: mine?.worked ?? '', improve: mine?.improve ?? '' });
  const [saved, setSaved] = useState(false);

  // [E1] an empty card says nothing: at least one rating or a comment
  const blank = Object.keys(ratings).length === 0 && [comment, answers.worked, answers.improve].every((t) => t.trim() === '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blank) return;
    setSaved(
      write(WRITING.savingYourEvaluation, () =>
        addEvaluation(doc, me, { ratings, comment: comment.trim(), worked: answers.worked.trim(), improve: answers.improve.trim() }),
      ),
    );
  };

  return (
    <form className="evaluation-form" onSubmit={submit} aria-label={UI.evaluationForm.heading}>
      <h2>{UI.evaluationForm.heading}</h2>
      {RATING_KEYS.map((key) => (
        <fieldset key={key} className="rating">
          <legend>{RATING_LABEL[key]}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={`rating-${key}`}
                value={n}
                checked={ratings[key] === n}
                onChange={() => {
                  setSaved(false);
                  setRatings({ ...ratings, [key]: n });
                }}
              />
              {n}
            </label>
          ))}
        </fieldset>
      ))}
      {EVALUATION_PROMPTS.map((prompt) => (
        <label key={prompt} className="field">
          {PROMPT_QUESTION[prompt]}
          <textarea
            name={`evaluation-${prompt}`}
            rows={2}
            maxLength={2000}
            value={answers[prompt]}
            onChange={(e) => {
              setSaved(false);
              setAnswers({ ...answers, [prompt]: e.target.value });
            }}
          />
        </label>
      ))}
      <label className="field">
        {UI.evaluationForm.comment}
        <textarea
          name="evaluation-comment"
          rows={2}
          maxLength={5000}
          value={comment}
          onChange={(e) => {
            setSaved(false);
            setComment(e.target.value);
          }}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={blank} aria-describedby={blank ? 'evaluation-blank' : undefined}>
          {mine ? UI.evaluationForm.update : UI.evaluationForm.add}
        </button>
        <span role="status" className="hint">
          {saved ? UI.evaluationForm.saved : ''}
        </span>
      </div>
      {blank && (
        <p id="evaluation-blank" className="hint">
          {EVALUATION.blank}
        </p>
      )}
    </form>
  );
}
