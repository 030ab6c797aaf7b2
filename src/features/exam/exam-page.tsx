import { useCallback, useState } from 'react';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { NotFound } from '../../components/ui/not-found';
import { ExamRunner } from './exam-runner';
import { ExamResult } from './exam-result';
import { loadExam, submitAttempt } from './data';

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
  const submit = useCallback(async () => {
    const done = await submitAttempt(attempt.id, questions);
    if (!done) throw new Error('the exam is no longer on this device');
    setAttempt(done);
    window.scrollTo({ top: 0, behavior: 'instant' });
  }, [attempt.id, questions]);
  if (attempt.status === 'submitted') return <ExamResult attempt={attempt} questions={questions} />;
  return <ExamRunner attempt={attempt} setAttempt={setAttempt} questions={questions} submit={submit} />;
}
