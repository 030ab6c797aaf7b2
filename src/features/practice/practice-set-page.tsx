import { useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { loadQuestionsById } from '../../content/runtime';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { paths } from '../../config/paths';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { optionOrder } from '../../lib/random';
import { QuestionCard } from './question-card';
import { getAttempt, saveResponse, updateAttempt } from './data';

interface SetData {
  attempt: AttemptRecord;
  questions: Question[];
}

export async function loader({ params }: LoaderFunctionArgs): Promise<SetData | null> {
  const attempt = await getAttempt(params.attemptId ?? '');
  if (!attempt || attempt.kind !== 'practice') return null;
  return { attempt, questions: await loadQuestionsById(attempt.questionIds) };
}

export function Component() {
  const data = useLoaderData() as SetData | null;
  if (!data) return <NotFound what="practice set" />;
  return <SetRunner key={data.attempt.id} initial={data.attempt} questions={data.questions} />;
}

function SetRunner({ initial, questions }: { initial: AttemptRecord; questions: Question[] }) {
  const [attempt, setAttempt] = useState(initial);
  const index = Math.min(attempt.position, questions.length);
  const done = attempt.status === 'submitted' || index >= questions.length;
  const answered = Object.values(attempt.responses);
  const right = answered.filter((r) => r.correct).length;

  const move = async (position: number) => {
    const finished = position >= questions.length;
    const updated = await updateAttempt(attempt.id, (a) => {
      a.position = position;
      if (finished) a.status = 'submitted';
    });
    if (updated) setAttempt(updated);
  };

  return (
    <>
      <PageTitle title={`Practice: ${attempt.title}`}>Practice: {attempt.title}</PageTitle>
      {done ? (
        <section aria-labelledby="set-done" className="card">
          <h2 id="set-done">Set complete</h2>
          <p>
            You got {right} of {questions.length} right.
          </p>
          {right < answered.length && (
            <ul>
              {questions
                .filter((q) => attempt.responses[q.id] && !attempt.responses[q.id]!.correct)
                .map((q) => (
                  <li key={q.id}>
                    <Link to={`${paths.practiceArea.href(q.area)}?q=${q.id}`}>{q.stemText.slice(0, 120)}</Link>
                  </li>
                ))}
            </ul>
          )}
          <p>
            <Link className="button" to={paths.practice.href()}>
              Start another set
            </Link>
          </p>
        </section>
      ) : (
        <>
          <p className="progress-line">
            Question {index + 1} of {questions.length}
            <span className="muted">
              {' '}
              · {right} of {answered.length} right so far
            </span>
          </p>
          <QuestionCard
            key={questions[index]!.id}
            question={questions[index]!}
            context={`set:${attempt.id}`}
            order={optionOrder(questions[index]!.options.length, attempt.seed, questions[index]!.id)}
            initial={attempt.responses[questions[index]!.id]}
            onAnswered={async (a) => {
              const response = { choice: a.choice, correct: a.correct, at: a.at };
              await saveResponse(attempt.id, a.questionId, response);
              setAttempt((s) => ({ ...s, responses: { ...s.responses, [a.questionId]: response } }));
            }}
            next={
              <button type="button" className="button" data-next autoFocus onClick={() => void move(index + 1)}>
                {index + 1 === questions.length ? 'Finish set' : 'Next question'}
              </button>
            }
          />
          <nav aria-label="Questions" className="pager">
            <button
              type="button"
              className="button-secondary"
              disabled={index === 0}
              onClick={() => void move(index - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={index + 1 >= questions.length}
              onClick={() => void move(index + 1)}
            >
              Skip
            </button>
          </nav>
        </>
      )}
    </>
  );
}
