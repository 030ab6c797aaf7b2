import { Link } from 'react-router';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { useRetry } from '../../components/question/use-retry';
import { formatClock, usedTime } from '../../lib/exam-clock';
import { ExamReview } from './exam-review';
import { missedIn, startRetry } from './data';

export function ExamResult({ attempt, questions }: { attempt: AttemptRecord; questions: Question[] }) {
  const { retry, busy, error } = useRetry(() => startRetry(attempt));
  const result = attempt.result;
  const missed = missedIn(attempt).length;
  const title = attempt.source.type === 'exam' ? 'Mock exam result' : 'Timed set result';

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {result && (
        <section aria-labelledby="score" className="card stack">
          <h2 id="score">
            Score: {result.overall.percent}% ({result.overall.correct} of {result.overall.total})
          </h2>
          <p>
            Time used: {formatClock(usedTime(attempt, attempt.submittedAt ?? attempt.updatedAt))} of{' '}
            {formatClock(attempt.durationMs ?? 0)}. Unanswered questions count as wrong. The real exam sets its pass
            mark by expert judgement and publishes no fixed percentage; aim to be strong in every area.
          </p>
          {error && (
            <p role="alert" className="notice notice-error">
              {error}
            </p>
          )}
          <p className="actions">
            {missed > 0 && (
              <button type="button" className="button" disabled={busy} onClick={() => void retry()}>
                Retry the {missed === 1 ? 'one' : missed} I missed
              </button>
            )}
            <Link className="button-secondary" to={paths.exam.href()}>
              Back to mock exams
            </Link>
          </p>
        </section>
      )}
      {result && <AreaScores result={result} />}
      <ExamReview attempt={attempt} questions={questions} />
    </>
  );
}

function AreaScores({ result }: { result: NonNullable<AttemptRecord['result']> }) {
  return (
    <>
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
            {content.areas.flatMap((a) => {
              const s = result.byArea[a.id];
              if (!s) return [];
              return [
                <tr key={a.id} className="area-row">
                  <th scope="row">{a.title}</th>
                  <td>
                    {s.correct} of {s.total}
                  </td>
                  <td>{s.percent}%</td>
                </tr>,
                ...a.subareas.flatMap((sub) => {
                  const t = result.bySubarea[sub.id];
                  return t
                    ? [
                        <tr key={sub.id}>
                          <th scope="row" className="sub">
                            {sub.title}
                          </th>
                          <td>
                            {t.correct} of {t.total}
                          </td>
                          <td>{t.percent}%</td>
                        </tr>,
                      ]
                    : [];
                }),
              ];
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
