import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { useNow } from '../../components/ui/use-now';
import { ScoreChart } from '../../components/ui/score-chart';
import { formatWhen } from '../../lib/dates';
import { examShapes, startExam, useActiveExams, useExamHistory, useWrite } from './data';
import { formatClock, timeLeft } from '../../lib/exam-clock';

export function Component() {
  const shapes = examShapes();
  const [shape, setShape] = useState(0);
  const starting = useWrite();
  // Still disabled once started, while the exam's page loads: a second click starts nothing.
  const [leaving, setLeaving] = useState(false);
  const navigate = useNavigate();
  const history = useExamHistory();
  const active = useActiveExams();

  const now = useNow(1000);

  const start = (e: React.FormEvent) => {
    e.preventDefault();
    const chosen = shapes[shape];
    if (!chosen) return;
    void starting.run(async () => {
      const attempt = await startExam(chosen);
      setLeaving(true);
      navigate(paths.examAttempt.href(attempt.id));
    }, 'the exam was not started');
  };

  return (
    <>
      <PageTitle title="Mock exam">Mock exam</PageTitle>
      <p>
        Questions are drawn across the sub-areas in proportion to the exam blueprint, preferring ones you have not seen.
        There is no feedback until you submit; flag questions to come back to them. Your time and answers are saved as
        you go, so you can pause, reload or close the tab and carry on later.
      </p>
      {active && active.length > 0 && (
        <section aria-labelledby="exam-resume" className="card">
          <h2 id="exam-resume">Exam in progress</h2>
          <ul>
            {active.map((a) => (
              <li key={a.id}>
                <Link to={paths.examAttempt.href(a.id)}>{a.title}</Link>{' '}
                <span className="muted">
                  {Object.keys(a.responses).length} answered · {formatClock(timeLeft(a, now))} left
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={start} className="card stack">
        <h2>Start a mock exam</h2>
        <fieldset className="segmented">
          <legend>Length</legend>
          {shapes.map((s, i) => (
            <label key={s.label}>
              <input type="radio" name="shape" checked={shape === i} onChange={() => setShape(i)} />
              <span>
                {s.label}: {s.questions} questions, {s.minutes} min
              </span>
            </label>
          ))}
        </fieldset>
        {starting.error && (
          <p role="alert" className="notice notice-error">
            {starting.error}
          </p>
        )}
        <button type="submit" className="button" disabled={starting.saving || leaving}>
          Start the exam
        </button>
      </form>
      <section aria-labelledby="exam-history">
        <h2 id="exam-history">Your mock exams</h2>
        {!history || history.length === 0 ? (
          <p className="muted">No exam submitted yet.</p>
        ) : (
          <>
            <ScoreChart
              label="Mock exam scores, oldest first"
              points={history.map((a, i) => ({ label: `Exam ${i + 1}`, percent: a.result?.overall.percent ?? 0 }))}
            />
            <ul>
              {[...history].reverse().map((a) => (
                <li key={a.id}>
                  <Link to={paths.examAttempt.href(a.id)}>
                    {formatWhen(a.submittedAt ?? a.updatedAt)}: {a.result?.overall.percent ?? 0}%
                  </Link>{' '}
                  <span className="muted">{a.title}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
