import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { content, findArea, findSubarea } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ContentHtml, InlineHtml } from '../../components/ui/html';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { optionOrder } from '../../lib/random';
import { isTextEntry, LETTERS, optionSlot } from '../../lib/keys';
import { formatClock } from './clock';
import {
  CHECKPOINT_MS,
  checkpointClock,
  loadExam,
  pauseExam,
  remainingMs,
  resumeClock,
  saveResponse,
  stopClock,
  submitExam,
  updateAttempt,
  usedMs,
} from './data';

interface ExamData {
  attempt: AttemptRecord;
  questions: Question[];
}

export function loader({ params }: LoaderFunctionArgs): Promise<ExamData | null> {
  return loadExam(params.attemptId ?? '');
}

export function Component() {
  const data = useLoaderData() as ExamData | null;
  if (!data) return <NotFound what="exam" />;
  return <ExamView key={data.attempt.id} initial={data.attempt} questions={data.questions} />;
}

function ExamView({ initial, questions }: { initial: AttemptRecord; questions: Question[] }) {
  const [attempt, setAttempt] = useState(initial);
  if (attempt.status === 'submitted') return <ExamResult attempt={attempt} questions={questions} />;
  return <ExamRunner attempt={attempt} setAttempt={setAttempt} questions={questions} />;
}

function ExamRunner({
  attempt,
  setAttempt,
  questions,
}: {
  attempt: AttemptRecord;
  setAttempt: React.Dispatch<React.SetStateAction<AttemptRecord>>;
  questions: Question[];
}) {
  const [now, setNow] = useState(Date.now());
  const [confirming, setConfirming] = useState(false);
  const submitting = useRef(false);
  const navRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const paused = attempt.paused === true;
  const index = Math.min(attempt.position, questions.length - 1);
  const question = questions[index]!;
  const order = optionOrder(question.options.length, attempt.seed, question.id);
  const chosen = attempt.responses[question.id]?.choice ?? [];
  const marked = attempt.marked.includes(question.id);
  const left = remainingMs(attempt, now);
  const answeredCount = questions.filter((q) => (attempt.responses[q.id]?.choice.length ?? 0) > 0).length;

  // Clock updates from the database touch only the clock, never answers given meanwhile.
  const apply = useCallback(
    (a: AttemptRecord | undefined) =>
      a && setAttempt((s) => ({ ...s, usedMs: a.usedMs, runningSince: a.runningSince, paused: a.paused })),
    [setAttempt],
  );

  const submit = useCallback(async () => {
    if (submitting.current) return;
    submitting.current = true;
    const done = await submitExam(attempt.id, questions);
    if (done) setAttempt(done);
  }, [setAttempt, attempt.id, questions]);

  // The clock runs while the exam is on screen; it stops on pause, hiding or leaving the page.
  useEffect(() => {
    void resumeClock(attempt.id).then(apply);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const checkpoint = setInterval(() => void checkpointClock(attempt.id).then(apply), CHECKPOINT_MS);
    const hide = () => {
      if (document.visibilityState === 'hidden') void stopClock(attempt.id);
      else void resumeClock(attempt.id).then(apply);
    };
    const leave = () => void stopClock(attempt.id);
    document.addEventListener('visibilitychange', hide);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(tick);
      clearInterval(checkpoint);
      document.removeEventListener('visibilitychange', hide);
      window.removeEventListener('pagehide', leave);
      void stopClock(attempt.id);
    };
  }, [attempt.id, apply]);

  // Time's up: submit whatever is answered.
  useEffect(() => {
    if (left <= 0) void submit();
  }, [left, submit]);

  const choose = async (i: number) => {
    const next = question.multi
      ? chosen.includes(i)
        ? chosen.filter((x) => x !== i)
        : [...chosen, i].sort((a, b) => a - b)
      : [i];
    const response = { choice: next, at: Date.now() };
    setAttempt((s) => ({ ...s, responses: { ...s.responses, [question.id]: response } }));
    await saveResponse(attempt.id, question.id, response);
  };

  const goTo = async (i: number) => {
    if (i < 0 || i >= questions.length) return;
    setAttempt((s) => ({ ...s, position: i }));
    await updateAttempt(attempt.id, (a) => {
      a.position = i;
    });
  };

  const toggleMark = async () => {
    const next = marked ? attempt.marked.filter((id) => id !== question.id) : [...attempt.marked, question.id];
    setAttempt((s) => ({ ...s, marked: next }));
    await updateAttempt(attempt.id, (a) => {
      a.marked = next;
    });
  };

  const pause = async () => apply(await pauseExam(attempt.id, true));
  const resume = async () => apply(await pauseExam(attempt.id, false));

  // Keyboard: 1-9 / A-I choose, F flags for review.
  const keyState = useRef({ choose, toggleMark, order, paused });
  keyState.current = { choose, toggleMark, order, paused };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = keyState.current;
      if (k.paused || e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target)) return;
      const key = e.key.toUpperCase();
      const slot = optionSlot(key, k.order.length);
      if (slot >= 0) {
        e.preventDefault();
        void k.choose(k.order[slot]!);
      } else if (key === 'F') {
        e.preventDefault();
        void k.toggleMark();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onNavKey = (e: React.KeyboardEvent, i: number) => {
    const delta =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const target = e.key === 'Home' ? 0 : e.key === 'End' ? questions.length - 1 : delta ? i + delta : -1;
    if (target < 0 || target >= questions.length) return;
    e.preventDefault();
    navRefs.current[target]?.focus();
    void goTo(target);
  };

  const unanswered = questions.length - answeredCount;
  return (
    <>
      <PageTitle title="Mock exam">Mock exam</PageTitle>
      <div className="exam-bar">
        <p>
          Question {index + 1} of {questions.length} · {answeredCount} answered
        </p>
        <p role="timer" aria-label="Time left" className={left < 5 * 60_000 ? 'timer timer-low' : 'timer'}>
          {formatClock(left)} left
        </p>
        {paused ? (
          <button type="button" className="button" onClick={() => void resume()}>
            Resume
          </button>
        ) : (
          <button type="button" className="button-secondary" onClick={() => void pause()}>
            Pause
          </button>
        )}
      </div>
      {paused ? (
        <section className="card" aria-labelledby="paused">
          <h2 id="paused">Paused</h2>
          <p>The clock is stopped and the questions are hidden. Resume when you are ready.</p>
        </section>
      ) : (
        <>
          <article className="question" aria-label={`Question ${index + 1}`}>
            <div className="stem">
              <ContentHtml html={question.stemHtml} />
            </div>
            <fieldset>
              <legend>{question.multi ? 'Choose all that apply (scored all or nothing)' : 'Choose one answer'}</legend>
              <ul className="options">
                {order.map((i, slot) => (
                  <li key={i} className="option">
                    <label>
                      <input
                        type={question.multi ? 'checkbox' : 'radio'}
                        name={`exam-${question.id}`}
                        checked={chosen.includes(i)}
                        onChange={() => void choose(i)}
                      />
                      <span className="letter" aria-hidden="true">
                        {LETTERS[slot]}
                      </span>
                      <span className="option-text">
                        <InlineHtml html={question.options[i]!.html} />
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div className="actions">
              <button
                type="button"
                className="button-secondary"
                disabled={index === 0}
                onClick={() => void goTo(index - 1)}
              >
                Previous
              </button>
              <button
                type="button"
                className="button-secondary"
                aria-pressed={marked}
                onClick={() => void toggleMark()}
              >
                {marked ? 'Flagged for review' : 'Flag for review'}
              </button>
              <button
                type="button"
                className="button"
                disabled={index + 1 >= questions.length}
                onClick={() => void goTo(index + 1)}
              >
                Next
              </button>
            </div>
          </article>
          <nav aria-label="Question navigator" className="navigator">
            <p className="muted legend">
              <span className="dot dot-answered" /> answered <span className="dot dot-flagged" /> flagged{' '}
              <span className="dot" /> blank · arrow keys move
            </p>
            <ol>
              {questions.map((q, i) => {
                const done = (attempt.responses[q.id]?.choice.length ?? 0) > 0;
                const flag = attempt.marked.includes(q.id);
                const state = [done ? 'answered' : 'blank', flag ? 'flagged' : ''].filter(Boolean).join(', ');
                return (
                  <li key={q.id}>
                    <button
                      ref={(el) => {
                        navRefs.current[i] = el;
                      }}
                      type="button"
                      className={`nav-q${done ? ' is-answered' : ''}${flag ? ' is-flagged' : ''}`}
                      aria-label={`Question ${i + 1}: ${state}`}
                      aria-current={i === index ? 'step' : undefined}
                      tabIndex={i === index ? 0 : -1}
                      onClick={() => void goTo(i)}
                      onKeyDown={(e) => onNavKey(e, i)}
                    >
                      {i + 1}
                    </button>
                  </li>
                );
              })}
            </ol>
          </nav>
          <section aria-labelledby="submit-exam" className="card">
            <h2 id="submit-exam">Finish</h2>
            {confirming ? (
              <div role="alertdialog" aria-labelledby="confirm-text" className="stack">
                <p id="confirm-text">
                  {unanswered > 0 ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered. ` : ''}
                  {attempt.marked.length > 0 ? `${attempt.marked.length} flagged for review. ` : ''}
                  Submit the exam now? You cannot change answers afterwards.
                </p>
                <div className="actions">
                  <button type="button" className="button" onClick={() => void submit()}>
                    Submit now
                  </button>
                  <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                    Keep working
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                Submit exam
              </button>
            )}
          </section>
        </>
      )}
    </>
  );
}

function ExamResult({ attempt, questions }: { attempt: AttemptRecord; questions: Question[] }) {
  const result = attempt.result!;
  return (
    <>
      <PageTitle title="Mock exam result">Mock exam result</PageTitle>
      <section aria-labelledby="score" className="card">
        <h2 id="score">
          Score: {result.overall.percent}% ({result.overall.correct} of {result.overall.total})
        </h2>
        <p>
          Time used: {formatClock(usedMs(attempt))} of {formatClock(attempt.durationMs ?? 0)}. Unanswered questions
          count as wrong. The real exam sets its pass mark by expert judgement and publishes no fixed percentage; aim to
          be strong in every area.
        </p>
      </section>
      <h2>By area</h2>
      <div className="table-scroll" role="region" aria-label="Scores by area" tabIndex={0}>
        <table className="scores">
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Right</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {content.areas.map((a) => {
              const s = result.byArea[a.id];
              if (!s) return null;
              return [
                <tr key={a.id} className="area-row">
                  <th scope="row">{a.title}</th>
                  <td>
                    {s.correct} of {s.total}
                  </td>
                  <td>{s.percent}%</td>
                </tr>,
                ...a.subareas
                  .filter((sub) => result.bySubarea[sub.id])
                  .map((sub) => (
                    <tr key={sub.id}>
                      <th scope="row" className="sub">
                        {sub.title}
                      </th>
                      <td>
                        {result.bySubarea[sub.id]!.correct} of {result.bySubarea[sub.id]!.total}
                      </td>
                      <td>{result.bySubarea[sub.id]!.percent}%</td>
                    </tr>
                  )),
              ];
            })}
          </tbody>
        </table>
      </div>
      <h2>Review every question</h2>
      <ol className="review-list">
        {questions.map((q) => {
          const r = attempt.responses[q.id];
          const order = optionOrder(q.options.length, attempt.seed, q.id);
          const letter = (i: number) => LETTERS[order.indexOf(i)];
          const yours = r && r.choice.length > 0 ? r.choice.map(letter).sort().join(', ') : 'no answer';
          const right = q.options
            .flatMap((o, i) => (o.correct ? [letter(i)] : []))
            .sort()
            .join(', ');
          return (
            <li key={q.id} className="card">
              <details>
                <summary>
                  <span className={r?.correct ? 'tag tag-correct' : 'tag tag-wrong'}>
                    {r?.correct ? 'Right' : 'Wrong'}
                  </span>{' '}
                  {q.stemText.slice(0, 140)}
                  {q.stemText.length > 140 ? '…' : ''}
                </summary>
                <ContentHtml html={q.stemHtml} />
                <ul className="options">
                  {order.map((i, slot) => (
                    <li
                      key={i}
                      className={`option ${q.options[i]!.correct ? 'correct' : r?.choice.includes(i) ? 'wrong' : ''}`}
                    >
                      <span className="letter">{LETTERS[slot]}</span> <InlineHtml html={q.options[i]!.html} />
                    </li>
                  ))}
                </ul>
                <p>
                  Your answer: {yours}. Correct: {right}.{' '}
                  <span className="muted">{findSubarea(q.subarea)?.subarea.title ?? findArea(q.area)?.title}</span>
                </p>
                {q.explanationHtml && <ContentHtml html={q.explanationHtml} className="explanation" />}
              </details>
            </li>
          );
        })}
      </ol>
      <p>
        <Link className="button" to={paths.exam.href()}>
          Back to mock exams
        </Link>
      </p>
    </>
  );
}
