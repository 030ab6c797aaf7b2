import { useRef, useState } from 'react';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { OptionList } from '../../components/question/option-list';
import { useOptionKeys } from '../../components/question/use-option-keys';
import { useBringToTopOnMount } from '../../components/question/focus';
import { formatClock } from '../../lib/exam-clock';
import { optionOrder } from '../../lib/random';
import { ExamNavigator } from './exam-navigator';
import { SubmitPanel } from './submit-panel';
import { useExamClock } from './use-exam-clock';
import { chooseOption, getAttempt, moveTo, setMark, useWrite } from './data';
import './exam.css';

interface Props {
  attempt: AttemptRecord;
  setAttempt: React.Dispatch<React.SetStateAction<AttemptRecord>>;
  questions: Question[];
  submit: () => Promise<void>;
}

export function ExamRunner({ attempt, setAttempt, questions, submit }: Props) {
  const [moved, setMoved] = useState(false);
  const save = useWrite();
  const index = Math.min(attempt.position, questions.length - 1);
  const question = questions[index];
  const clock = useExamClock(attempt, question?.id);
  const timedSet = attempt.source.type !== 'exam';

  // A choice still being stored, so a second click before it lands builds on it (choose all that apply).
  const choosing = useRef<{ questionId: string; choice: number[] } | null>(null);

  /**
   * Stores one change, then shows it: the screen never shows as saved what a crash a moment
   * later would lose. A failure shows what is stored (another write of this exam may have
   * landed meanwhile) and says what was not saved.
   */
  const act = async (
    failed: string,
    write: () => Promise<AttemptRecord | undefined>,
    show: () => void,
    exclusive = false,
  ) => {
    const stored = await save.run(
      async () => {
        if (!(await write())) throw new Error('the exam is no longer on this device');
      },
      failed,
      {
        exclusive,
        undo: () => {
          void getAttempt(attempt.id).then(
            (now) =>
              now &&
              setAttempt((s) => ({ ...s, responses: now.responses, marked: now.marked, position: now.position })),
            () => undefined,
          );
        },
      },
    );
    if (stored) show();
    return stored;
  };

  if (!question) return null;
  const chosen = attempt.responses[question.id]?.choice ?? [];
  const marked = attempt.marked.includes(question.id);
  const order = optionOrder(question.options.length, attempt.seed, question.id);

  const choose = (i: number) => {
    const base = choosing.current?.questionId === question.id ? choosing.current.choice : chosen;
    const next = question.multi
      ? base.includes(i)
        ? base.filter((x) => x !== i)
        : [...base, i].sort((a, b) => a - b)
      : [i];
    const mine = { questionId: question.id, choice: next };
    choosing.current = mine;
    const at = Date.now();
    void act(
      `your answer to question ${index + 1} was not saved`,
      () => chooseOption(attempt.id, question.id, next, at),
      () => setAttempt((s) => ({ ...s, responses: { ...s.responses, [question.id]: { choice: next, at } } })),
    ).finally(() => {
      if (choosing.current === mine) choosing.current = null;
    });
  };

  /** Shows question i; `focusQuestion` false keeps the focus where it is (arrow keys in the navigator). */
  const goTo = (i: number, focusQuestion = true) => {
    if (i < 0 || i >= questions.length) return;
    void act(
      'your place in the exam was not saved',
      () => moveTo(attempt.id, i),
      () => {
        setMoved(focusQuestion);
        setAttempt((s) => ({ ...s, position: i }));
      },
    );
  };

  const toggleMark = () => {
    if (save.saving) return;
    const on = !marked;
    void act(
      on ? 'this flag was not saved' : 'the flag was not removed',
      () => setMark(attempt.id, question.id, on),
      () =>
        setAttempt((s) => {
          const others = s.marked.filter((q) => q !== question.id);
          return { ...s, marked: on ? [...others, question.id] : others };
        }),
      true,
    );
  };

  return (
    <>
      <PageTitle title={timedSet ? 'Timed set' : 'Mock exam'}>{timedSet ? attempt.title : 'Mock exam'}</PageTitle>
      <div className="exam-bar" data-sticky-top>
        <p>
          {questions.filter((q) => (attempt.responses[q.id]?.choice.length ?? 0) > 0).length} of {questions.length}{' '}
          answered
        </p>
        <p role="timer" aria-label="Time left" className={clock.left < 5 * 60_000 ? 'timer timer-low' : 'timer'}>
          {formatClock(clock.left)} left
        </p>
        {clock.paused ? (
          <button type="button" className="button" onClick={() => void clock.resume()}>
            Resume
          </button>
        ) : (
          <button type="button" className="button-secondary" onClick={() => void clock.pause()}>
            Pause
          </button>
        )}
      </div>
      {(save.error ?? clock.error) && (
        <p role="alert" className="notice notice-error">
          {save.error ?? clock.error}
        </p>
      )}
      {clock.paused ? (
        <section className="card" aria-labelledby="paused">
          <h2 id="paused">Paused</h2>
          <p>The clock is stopped and the questions are hidden. Resume when you are ready.</p>
        </section>
      ) : (
        <>
          <ExamQuestion
            key={question.id}
            question={question}
            heading={`Question ${index + 1} of ${questions.length}`}
            moved={moved}
            order={order}
            chosen={chosen}
            name={`exam-${question.id}`}
            choose={choose}
            marked={marked}
            toggleMark={toggleMark}
          />
          <div className="actions">
            <button type="button" className="button-secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
              Previous
            </button>
            <button
              type="button"
              className="button-secondary"
              aria-pressed={marked}
              disabled={save.saving}
              onClick={toggleMark}
            >
              {marked ? 'Flagged for review' : 'Flag for review'}
            </button>
            <button
              type="button"
              className="button"
              disabled={index + 1 >= questions.length}
              onClick={() => goTo(index + 1)}
            >
              Next
            </button>
          </div>
          <ExamNavigator questions={questions} attempt={attempt} index={index} goTo={goTo} />
        </>
      )}
      <SubmitPanel attempt={attempt} questions={questions} timeUp={clock.left <= 0} submit={submit} />
    </>
  );
}

interface QuestionProps {
  question: Question;
  heading: string;
  moved: boolean;
  order: number[];
  chosen: number[];
  name: string;
  choose: (i: number) => void;
  marked: boolean;
  toggleMark: () => void;
}

/** The question on screen; keyed by question, so moving to another brings its heading to the top. */
function ExamQuestion({ question, heading, moved, order, chosen, name, choose, toggleMark }: QuestionProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useBringToTopOnMount(headingRef, moved);
  useOptionKeys({
    slots: order.length,
    onSlot: (slot) => {
      const i = order[slot];
      if (i !== undefined) choose(i);
    },
    onFlag: toggleMark,
  });
  return (
    <article className="question" aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`} ref={headingRef} tabIndex={-1} className="question-heading">
        {heading}
      </h2>
      <div className="stem">
        <ContentHtml html={question.stemHtml} />
      </div>
      <OptionList question={question} order={order} chosen={chosen} name={name} onToggle={choose} revealed={false} />
    </article>
  );
}
