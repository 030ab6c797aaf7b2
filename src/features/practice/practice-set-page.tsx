import { useState } from 'react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { loadQuestionsById } from '../../content/runtime';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { optionOrder } from '../../lib/random';
import { isCorrectChoice } from '../../lib/scoring';
import { QuestionCard } from './question-card';
import { SetSummary } from './set-summary';
import { answerInSet, finishSet, getAttempt, moveTo, useWrite } from './data';

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
  const [moved, setMoved] = useState(false);
  const place = useWrite();
  const index = Math.min(attempt.position, questions.length);
  const done = attempt.status === 'submitted' || index >= questions.length;
  const answered = Object.values(attempt.responses).filter((r) => r.correct !== undefined);
  const right = answered.filter((r) => r.correct).length;
  const question = questions[index];

  // Not shown until stored: a failed move stays on this question and says so.
  const move = (position: number) => {
    const finish = position >= questions.length;
    return place.run(
      async () => {
        const updated = finish ? await finishSet(attempt.id) : await moveTo(attempt.id, position);
        if (!updated) throw new Error('this set is no longer on this device');
        setAttempt(updated);
        setMoved(true);
      },
      finish ? 'the set was not finished' : 'your place in the set was not saved',
    );
  };

  const check = async (q: Question, choice: number[], ms: number) => {
    const saved = await answerInSet(attempt.id, {
      questionId: q.id,
      choice,
      correct: isCorrectChoice(q.options, choice),
      context: `set:${attempt.id}`,
      ms,
    });
    if (!saved) throw new Error('this set is no longer on this device');
    setAttempt((s) => ({ ...s, responses: { ...s.responses, [q.id]: saved.response } }));
    return { correct: saved.response.correct === true, record: saved.record };
  };

  return (
    <>
      <PageTitle title={`Practice: ${attempt.title}`}>Practice: {attempt.title}</PageTitle>
      {place.error && (
        <p role="alert" className="notice notice-error">
          {place.error}
        </p>
      )}
      {done || !question ? (
        <SetSummary attempt={attempt} questions={questions} />
      ) : (
        <>
          <p className="progress-line muted">
            {right} of {answered.length} right so far
          </p>
          <QuestionCard
            key={question.id}
            question={question}
            heading={`Question ${index + 1} of ${questions.length}`}
            moved={moved}
            order={optionOrder(question.options.length, attempt.seed, question.id)}
            initial={attempt.responses[question.id]}
            onCheck={(choice, ms) => check(question, choice, ms)}
            next={
              <button
                type="button"
                className="button"
                data-next
                disabled={place.saving}
                onClick={() => void move(index + 1)}
              >
                {index + 1 === questions.length ? 'Finish set' : 'Next question'}
              </button>
            }
          />
          <nav aria-label="Questions" className="pager">
            <button
              type="button"
              className="button-secondary"
              disabled={index === 0 || place.saving}
              onClick={() => void move(index - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={index + 1 >= questions.length || place.saving}
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
