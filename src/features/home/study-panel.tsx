import { useEffect } from 'react';
import { Link } from 'react-router';
import { useBankCounts } from '../../content/runtime';
import { paths } from '../../config/paths';
import { useNow } from '../../components/ui/use-now';
import { planForExam } from '../../lib/plan';
import { localDay } from '../../lib/progress';
import { saveExamDate, useBackupDue, useStudySummary, useWrite } from './data';

/** Today's study: reviews due, the exam-date plan, the streak. Live from IndexedDB. */
export default function StudyPanel({
  initialExamDate,
  fallback,
}: {
  initialExamDate?: string | undefined;
  /** Shown until the figures are read: the first-visit card, so the slot keeps its size. */
  fallback: React.ReactNode;
}) {
  const s = useStudySummary();
  const bank = useBankCounts();
  const now = useNow();
  const backupDue = useBackupDue();
  // The field shows the stored date, so a date that could not be saved goes back to it.
  const { run, error } = useWrite();
  const save = (date: string | undefined) =>
    void run(() => saveExamDate(date), 'your exam date was not saved', { exclusive: false });
  // A date chosen before this panel loaded (first visit) is saved once, on arrival.
  useEffect(() => {
    if (initialExamDate)
      void run(() => saveExamDate(initialExamDate), 'your exam date was not saved', { exclusive: false });
  }, [initialExamDate, run]);
  if (!s) return fallback;
  const today = localDay(now);
  const plan = s.examDate
    ? planForExam({
        today,
        examDate: s.examDate,
        unseen: bank.total - s.seen,
        newToday: s.newToday,
        dueNow: s.due,
        newPerDay: s.newPerDay,
      })
    : undefined;
  const unseen = bank.total - s.seen;
  // The primary action is the next useful thing: reviews when some are due, else new questions.
  const reviewFirst = s.due > 0;
  return (
    <section aria-labelledby="today" className="card stack">
      <h2 id="today">Today</h2>
      <p className="actions">
        {reviewFirst && (
          <Link className="button" to={paths.practice.href('due')}>
            Review {s.due} due
          </Link>
        )}
        {unseen > 0 ? (
          <Link className={reviewFirst ? 'button-secondary' : 'button'} to={paths.practice.href('new')}>
            {plan && plan.newLeftToday > 0 ? `Start today's ${plan.newLeftToday} new` : `New questions (${unseen})`}
          </Link>
        ) : (
          !reviewFirst && (
            <Link className="button" to={paths.exam.href()}>
              Sit a mock exam
            </Link>
          )
        )}
        {!reviewFirst && <span className="muted">No reviews due today.</span>}
      </p>
      <p className="muted">
        {s.answeredToday} answered today · {s.streak === 1 ? '1-day streak' : `${s.streak}-day streak`} · {s.seen} of{' '}
        {bank.total} questions seen · <Link to={paths.progress.href()}>Your progress</Link>
      </p>
      {backupDue && (
        <p className="muted">
          This browser may clear your progress: <Link to={paths.settings.href()}>export your data</Link>.
        </p>
      )}
      <label className="field">
        <span>Your exam date</span>
        <input type="date" value={s.examDate ?? ''} min={today} onChange={(e) => save(e.target.value || undefined)} />
      </label>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {plan ? (
        <p aria-live="polite">{plan.summary}</p>
      ) : (
        <p className="muted">Set your exam date to get a daily plan that covers every question before then.</p>
      )}
    </section>
  );
}
