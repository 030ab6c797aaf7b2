import { useEffect, useId, useRef, useState } from 'react';
import type { Question } from '../../content/types';
import { ContentHtml, InlineHtml } from '../../components/ui/html';
import { correctIndexes, isCorrectChoice } from '../../lib/scoring';
import { formatWhen } from '../../lib/dates';
import { isTextEntry, LETTERS, optionSlot } from '../../lib/keys';
import type { Confidence, StoredCard } from '../../lib/review';
import { getCard, rateConfidence, recordAnswer, setFlag, useAnswersTo, useIsFlagged, type AnswerRecord } from './data';

interface Props {
  question: Question;
  context: string;
  /** Display order of the options (content indexes); content order when absent. */
  order?: number[] | undefined;
  /** An answer already given in this attempt (after a reload): shown as answered. */
  initial?: { choice: number[]; correct?: boolean | undefined; at: number } | undefined;
  onAnswered: (answer: AnswerRecord) => void;
  /** Rendered after feedback: the way on (next question, finish). */
  next: React.ReactNode;
}

/** One question: choose, check, see feedback and the explanation. Keyed by question id. */
export function QuestionCard({ question, context, order, initial, onAnswered, next }: Props) {
  const uid = useId();
  const shown = order ?? question.options.map((_, i) => i);
  const [chosen, setChosen] = useState<number[]>(initial?.choice ?? []);
  const [result, setResult] = useState<{ correct: boolean; record?: AnswerRecord } | null>(
    initial && initial.correct !== undefined ? { correct: initial.correct } : null,
  );
  const [cardBefore, setCardBefore] = useState<StoredCard | undefined>(undefined);
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const startedAt = useRef(Date.now());
  const earlier = useAnswersTo(question.id);
  const flagged = useIsFlagged(question.id);
  const answered = result !== null;
  const right = correctIndexes(question.options);
  const letterOf = (contentIndex: number) => LETTERS[shown.indexOf(contentIndex)];

  const toggle = (i: number) =>
    setChosen((c) =>
      question.multi ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i].sort((a, b) => a - b)) : [i],
    );

  const check = async () => {
    if (answered || chosen.length === 0) return;
    try {
      const before = await getCard(question.id);
      const record = await recordAnswer({
        questionId: question.id,
        choice: chosen,
        correct: isCorrectChoice(question.options, chosen),
        context,
        ms: Date.now() - startedAt.current,
      });
      setCardBefore(before);
      setResult({ correct: record.correct, record });
      setSaveError(null);
      onAnswered(record);
    } catch (err) {
      setSaveError(`Your answer could not be saved on this device (${(err as Error).message}). Try again.`);
    }
  };

  const rate = async (c: Confidence) => {
    if (!result?.record) return;
    setConfidence(c);
    await rateConfidence(result.record, c, cardBefore);
  };

  // Keyboard: 1-9 or A-I choose, F flags, Enter checks and then goes on.
  const keys = useRef({ toggle, answered, shown, flagged, check });
  keys.current = { toggle, answered, shown, flagged, check };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const k = keys.current;
      const key = e.key.toUpperCase();
      const slot = optionSlot(key, k.shown.length);
      if (slot >= 0 && !k.answered) {
        e.preventDefault();
        k.toggle(k.shown[slot]!);
      } else if (key === 'F') {
        e.preventDefault();
        void setFlag(question.id, !k.flagged);
      } else if (e.key === 'Enter' && !(e.target as HTMLElement | null)?.closest('button, a, summary, form')) {
        // Enter from anywhere but a control: check, or go on once answered.
        e.preventDefault();
        if (!k.answered) void k.check();
        else document.querySelector<HTMLElement>('[data-next]')?.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [question.id]);

  const previous = (earlier ?? []).filter((a) => a.id !== result?.record?.id && !(initial && a.at === initial.at));
  return (
    <article className="question" aria-labelledby={`${uid}-stem`}>
      <div id={`${uid}-stem`} className="stem">
        <ContentHtml html={question.stemHtml} />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <fieldset disabled={answered}>
          <legend>{question.multi ? 'Choose all that apply (scored all or nothing)' : 'Choose one answer'}</legend>
          <ul className="options">
            {shown.map((i, slot) => {
              const o = question.options[i]!;
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
                      {LETTERS[slot]}
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
        <div className="actions">
          {!answered && (
            <button type="submit" className="button" disabled={chosen.length === 0}>
              Check answer
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            aria-pressed={flagged}
            onClick={() => void setFlag(question.id, !flagged)}
          >
            {flagged ? 'Flagged' : 'Flag for later'}
          </button>
        </div>
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
              {!result.correct &&
                `The correct ${right.length > 1 ? 'answers are' : 'answer is'} ${right.map(letterOf).sort().join(', ')}.`}
            </p>
          </div>
        )}
      </div>
      {result && (
        <>
          {result.correct && result.record && (
            <div className="confidence" role="group" aria-label="How sure were you?">
              <span className="muted">How sure were you?</span>
              {(['guessed', 'easy'] as const).map((c) => (
                <button
                  key={c}
                  type="button"
                  className="button-secondary"
                  aria-pressed={confidence === c}
                  onClick={() => void rate(c)}
                >
                  {c === 'guessed' ? 'I guessed' : 'Easy'}
                </button>
              ))}
            </div>
          )}
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
                {formatWhen(a.at)}: {a.correct ? 'right' : 'wrong'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
