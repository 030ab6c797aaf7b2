import { useId, useState } from 'react';
import type { Question } from '../../content/types';
import { ContentHtml, InlineHtml } from '../../components/ui/html';
import { correctIndexes, isCorrectChoice } from '../../lib/scoring';
import { formatWhen } from '../../lib/dates';
import { recordAnswer, useAnswersTo, type AnswerRecord } from './data';

const LETTERS = 'ABCDEFGHI';

interface Props {
  question: Question;
  context: string;
  onAnswered: (answer: AnswerRecord) => void;
  /** Rendered after feedback: the way on (next question, finish). */
  next: React.ReactNode;
}

/** One question: choose, check, see feedback and the explanation. Keyed by question id. */
export function QuestionCard({ question, context, onAnswered, next }: Props) {
  const uid = useId();
  const [chosen, setChosen] = useState<number[]>([]);
  const [result, setResult] = useState<AnswerRecord | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const earlier = useAnswersTo(question.id);
  const answered = result !== null;
  const right = correctIndexes(question.options);

  const toggle = (i: number) =>
    setChosen((c) => (question.multi ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i].sort((a, b) => a - b)) : [i]));

  const check = async (e: React.FormEvent) => {
    e.preventDefault();
    if (answered || chosen.length === 0) return;
    try {
      const record = await recordAnswer({ questionId: question.id, choice: chosen, correct: isCorrectChoice(question.options, chosen), context });
      setResult(record);
      setSaveError(null);
      onAnswered(record);
    } catch (err) {
      setSaveError(`Your answer could not be saved on this device (${(err as Error).message}). Try again.`);
    }
  };

  const previous = (earlier ?? []).filter((a) => a.id !== result?.id);
  return (
    <article className="question" aria-labelledby={`${uid}-stem`}>
      <div id={`${uid}-stem`} className="stem">
        <ContentHtml html={question.stemHtml} />
      </div>
      <form onSubmit={check}>
        <fieldset disabled={answered}>
          <legend>{question.multi ? 'Choose all that apply (scored all or nothing)' : 'Choose one answer'}</legend>
          <ul className="options">
            {question.options.map((o, i) => {
              const isChosen = chosen.includes(i);
              const mark = answered ? (o.correct ? 'correct' : isChosen ? 'wrong' : '') : '';
              return (
                <li key={i} className={`option ${mark}`}>
                  <label>
                    <input
                      type={question.multi ? 'checkbox' : 'radio'}
                      name={`${uid}-option`}
                      checked={isChosen}
                      onChange={() => toggle(i)}
                    />
                    <span className="letter" aria-hidden="true">
                      {LETTERS[i]}
                    </span>
                    <span className="option-text">
                      <InlineHtml html={o.html} />
                      {answered && o.correct && <span className="tag tag-correct"> Correct answer</span>}
                      {answered && !o.correct && isChosen && <span className="tag tag-wrong"> Your choice</span>}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {!answered && (
          <button type="submit" className="button" disabled={chosen.length === 0}>
            Check answer
          </button>
        )}
      </form>
      {saveError && (
        <p role="alert" className="notice notice-error">
          {saveError}
        </p>
      )}
      <div role="status" aria-live="polite" className="feedback-region">
        {result && (
          <div className={`feedback ${result.correct ? 'feedback-right' : 'feedback-wrong'}`}>
            <p className="verdict">
              {result.correct ? 'Correct.' : 'Not quite.'}{' '}
              {!result.correct && `The correct ${right.length > 1 ? 'answers are' : 'answer is'} ${right.map((i) => LETTERS[i]).join(', ')}.`}
            </p>
          </div>
        )}
      </div>
      {result && (
        <>
          {question.explanationHtml && (
            <section aria-label="Explanation" className="explanation">
              <ContentHtml html={question.explanationHtml} />
            </section>
          )}
          {question.referenceHtml && (
            <p className="reference">
              Reference: <InlineHtml html={question.referenceHtml} />
            </p>
          )}
          {next}
        </>
      )}
      {previous.length > 0 && (
        <details className="history">
          <summary>
            Answered {previous.length} {previous.length === 1 ? 'time' : 'times'} before · last time{' '}
            {previous[0]!.correct ? 'right' : 'wrong'}
          </summary>
          <ul>
            {previous.slice(0, 10).map((a) => (
              <li key={a.id}>
                {formatWhen(a.at)}: chose {a.choice.map((i) => LETTERS[i]).join(', ')}, {a.correct ? 'right' : 'wrong'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
