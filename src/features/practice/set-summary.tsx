import { Link } from 'react-router';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { paths } from '../../config/paths';
import { clip } from '../../lib/text';
import { useRetry } from '../../components/question/use-retry';
import { missedIn, startRetry } from './data';

/** The end of a tutor-mode set: the score, the questions missed, and a way to retry them. */
export function SetSummary({ attempt, questions }: { attempt: AttemptRecord; questions: Question[] }) {
  const { retry, busy, error } = useRetry(() => startRetry(attempt));
  const answered = questions.filter((q) => attempt.responses[q.id]?.correct !== undefined);
  const right = answered.filter((q) => attempt.responses[q.id]?.correct).length;
  const missed = new Set(missedIn(attempt));
  const wrong = questions.filter((q) => missed.has(q.id));

  return (
    <section aria-labelledby="set-done" className="card stack">
      <h2 id="set-done">Set complete</h2>
      <p>
        You got {right} of {questions.length} right
        {answered.length < questions.length ? ` (${questions.length - answered.length} skipped)` : ''}.
      </p>
      {wrong.length > 0 && (
        <>
          <h3>Missed or skipped</h3>
          <ul>
            {wrong.map((q) => (
              <li key={q.id}>
                <Link to={`${paths.practiceArea.href(q.area)}?q=${q.id}`}>{clip(q.stemText, 120)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <p className="actions">
        {wrong.length > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => void retry()}>
            Retry the {wrong.length === 1 ? 'one' : `${wrong.length}`} I missed
          </button>
        )}
        <Link className={wrong.length > 0 ? 'button-secondary' : 'button'} to={paths.practice.href()}>
          Start another set
        </Link>
      </p>
    </section>
  );
}
