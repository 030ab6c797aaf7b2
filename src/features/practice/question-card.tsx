import { useEffect, useId, useRef, useState } from 'react';
import type { Question } from '../../content/types';
import { ContentHtml, InlineHtml } from '../../components/ui/html';
import { OptionList } from '../../components/question/option-list';
import { useOptionKeys } from '../../components/question/use-option-keys';
import { bringIntoView, useBringToTopOnMount } from '../../components/question/focus';
import { correctIndexes, isCorrectChoice } from '../../lib/scoring';
import { LETTERS } from '../../lib/keys';
import type { Confidence } from '../../lib/review';
import { rateConfidence, setFlag, storageUsable, useIsFlagged, useWrite, type AnswerRecord } from './data';
import { AnswerHistory } from './answer-history';

interface Props {
  question: Question;
  /** "Question 3 of 10": the heading that takes focus when the question changes. */
  heading: string;
  /** Display order of the options (content indexes); content order when absent. */
  order?: number[] | undefined;
  /** An answer already given in this attempt (after a reload): shown as answered. */
  initial?: { choice: number[]; correct?: boolean | undefined; at: number } | undefined;
  /** Stores the answer (one named operation of the page's kind); throws when it cannot. */
  onCheck: (choice: number[], ms: number) => Promise<{ correct: boolean; record?: AnswerRecord | undefined }>;
  /** Rendered after feedback: the way on (next question, finish). */
  next: React.ReactNode;
  /** True when the candidate moved here (Next, Skip, Previous): heading to the top, focused. */
  moved: boolean;
}

/** One question in tutor mode: choose, check, see feedback and the explanation. Keyed by question id. */
export function QuestionCard({ question, heading, order, initial, onCheck, next, moved }: Props) {
  const uid = useId();
  const shown = order ?? question.options.map((_, i) => i);
  const [chosen, setChosen] = useState<number[]>(initial?.choice ?? []);
  const [result, setResult] = useState<{ correct: boolean; record?: AnswerRecord | undefined } | null>(
    initial && initial.correct !== undefined ? { correct: initial.correct } : null,
  );
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [checkedNow, setCheckedNow] = useState(false);
  const [unkept, setUnkept] = useState<string | null>(null);
  // The answer is one write; the flag and "how sure" are another, so each says its own failure.
  const answer = useWrite();
  const mark = useWrite();
  const saving = answer.saving;
  const [startedAt] = useState(() => Date.now());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const flagged = useIsFlagged(question.id);
  const answered = result !== null;
  const right = correctIndexes(question.options);
  const letterOf = (contentIndex: number) => LETTERS[shown.indexOf(contentIndex)];
  useBringToTopOnMount(headingRef, moved);

  const toggle = (i: number) =>
    setChosen((c) =>
      question.multi ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i].sort((a, b) => a - b)) : [i],
    );

  const check = async () => {
    if (answered || saving || chosen.length === 0) return;
    // Without storage on this device, practice still teaches: the verdict, not kept.
    if (!storageUsable()) {
      setResult({ correct: isCorrectChoice(question.options, chosen) });
      setCheckedNow(true);
      setUnkept('Not saved: storage is unavailable on this device, so this answer is not kept.');
      return;
    }
    // A failure shows no verdict: the choice stays, unchecked, to try again.
    await answer.run(async () => {
      setResult(await onCheck(chosen, Date.now() - startedAt));
      setCheckedNow(true);
    }, 'this answer was not saved');
  };

  // After checking, the verdict and the explanation come into view and the verdict takes focus.
  useEffect(() => {
    if (checkedNow) bringIntoView(feedbackRef.current);
  }, [checkedNow]);

  // The button shows what is stored (read live), so a failed flag leaves it as it was.
  const toggleFlag = () =>
    mark.run(() => setFlag(question.id, !flagged), flagged ? 'the flag was not removed' : 'this flag was not saved');

  useOptionKeys({
    slots: shown.length,
    onSlot: (slot) => {
      const i = shown[slot];
      if (!answered && i !== undefined) toggle(i);
    },
    onFlag: () => void toggleFlag(),
    onEnter: () => {
      if (!answered) void check();
      else document.querySelector<HTMLElement>('[data-next]')?.click();
    },
  });

  const rate = async (c: Confidence) => {
    const record = result?.record;
    if (!record) return;
    const before = confidence;
    setConfidence(c);
    await mark.run(() => rateConfidence(record, c), 'how sure you were was not saved', {
      undo: () => setConfidence(before),
    });
  };

  return (
    <article className="question" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} ref={headingRef} tabIndex={-1} className="question-heading">
        {heading}
      </h2>
      <div className="stem">
        <ContentHtml html={question.stemHtml} />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <OptionList
          question={question}
          order={shown}
          chosen={chosen}
          name={`${uid}-option`}
          onToggle={toggle}
          revealed={answered}
          disabled={saving}
        />
        <div className="actions">
          {!answered && (
            <button type="submit" className="button" disabled={chosen.length === 0 || saving}>
              {saving ? 'Saving…' : 'Check answer'}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            aria-pressed={flagged}
            disabled={mark.saving}
            onClick={() => void toggleFlag()}
          >
            {flagged ? 'Flagged' : 'Flag for later'}
          </button>
        </div>
      </form>
      {[unkept, answer.error, mark.error].map(
        (text) =>
          text && (
            <p key={text} role="alert" className="notice notice-error">
              {text}
            </p>
          ),
      )}
      <div role="status" aria-live="polite" className="feedback-region">
        {result && (
          <div
            ref={feedbackRef}
            tabIndex={-1}
            className={`feedback ${result.correct ? 'feedback-right' : 'feedback-wrong'}`}
          >
            <p className="verdict">
              <span aria-hidden="true">{result.correct ? '✓ ' : '✗ '}</span>
              {result.correct ? 'Correct.' : 'Not quite.'}{' '}
              {!result.correct &&
                `The correct ${right.length > 1 ? 'answers are' : 'answer is'} ${right.map(letterOf).sort().join(', ')}.`}
            </p>
            {question.explanationHtml && (
              <section aria-label="Explanation" className="explanation">
                <ContentHtml html={question.explanationHtml} />
              </section>
            )}
          </div>
        )}
      </div>
      {result && (
        <>
          {question.referenceHtml && (
            <p className="reference">
              Reference: <InlineHtml html={question.referenceHtml} />
            </p>
          )}
          {result.correct && result.record && (
            <div className="confidence" role="group" aria-label="How sure were you?">
              <span className="muted">How sure were you?</span>
              {(['guessed', 'easy'] as const).map((c) => (
                <button
                  key={c}
                  type="button"
                  className="button-secondary"
                  aria-pressed={confidence === c}
                  disabled={mark.saving}
                  onClick={() => void rate(c)}
                >
                  {c === 'guessed' ? 'I guessed' : 'Easy'}
                </button>
              ))}
            </div>
          )}
          {next}
        </>
      )}
      <AnswerHistory questionId={question.id} exclude={result?.record?.id} initialAt={initial?.at} />
    </article>
  );
}
