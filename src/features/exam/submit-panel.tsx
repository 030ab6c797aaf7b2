import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { writeFailureMessage } from '../../lib/write-error';
import { noteWrite } from './data';

interface Props {
  attempt: AttemptRecord;
  questions: Question[];
  /** No time left. */
  timeUp: boolean;
  submit: () => Promise<void>;
}

/**
 * Finishing the exam. It submits by itself only when the time runs out while the exam is on
 * screen; an exam opened with no time left (its tab had died at the end) waits for the
 * candidate, so a crash can never submit an exam behind their back.
 */
export function SubmitPanel({ attempt, questions, timeUp, submit }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openedAfterTime] = useState(timeUp);
  const submitted = useRef(false);

  const send = async () => {
    if (submitted.current) return;
    submitted.current = true;
    setBusy(true);
    try {
      await submit();
    } catch (err) {
      submitted.current = false;
      setBusy(false);
      noteWrite(err);
      setError(`${writeFailureMessage(err, 'the exam was not submitted')} The answers stored so far are kept.`);
    }
  };
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  useEffect(() => {
    if (timeUp && !openedAfterTime) void sendRef.current();
  }, [timeUp, openedAfterTime]);

  const unanswered = questions.filter((q) => (attempt.responses[q.id]?.choice.length ?? 0) === 0).length;
  return (
    <section aria-labelledby="submit-exam" className={timeUp ? 'card time-up' : 'card'}>
      <h2 id="submit-exam">{timeUp ? 'Time is up' : 'Finish'}</h2>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {timeUp ? (
        <div className="stack">
          <p>Your answers are saved. Submit to see your score and review every question.</p>
          <button type="button" className="button" disabled={busy} onClick={() => void send()}>
            {busy ? 'Submitting…' : 'Submit and see my score'}
          </button>
        </div>
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-text" className="stack">
          <p id="confirm-text">
            {unanswered > 0 ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered. ` : ''}
            {attempt.marked.length > 0 ? `${attempt.marked.length} flagged for review. ` : ''}
            Submit the exam now? You cannot change answers afterwards.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void send()}>
              {busy ? 'Submitting…' : 'Submit now'}
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
  );
}
