// The exam clock on screen: a checkpoint every second while the exam is visible and not paused
// (folding the time into the attempt and into the question on screen), a stop when the tab is
// hidden or left. What it shows comes from the one rule in src/lib/exam-clock.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptRecord } from '../../db/db';
import { CHECKPOINT_MS, timeLeft } from '../../lib/exam-clock';
import { writeFailureMessage } from '../../lib/write-error';
import { noteWrite, onBeforeClose, setPaused, tickClock } from './data';

type Clock = Pick<AttemptRecord, 'durationMs' | 'usedMs' | 'runningSince' | 'paused'>;

export interface ExamClock {
  left: number;
  paused: boolean;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  /** The last clock write failed: time is still counted on screen, but not yet stored. */
  error: string | null;
}

export function useExamClock(attempt: AttemptRecord, currentQuestionId: string | undefined): ExamClock {
  const [clock, setClock] = useState<Clock>(attempt);
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const pausing = useRef(false);
  const question = useRef(currentQuestionId);
  // After unmount the last write still goes to the database, but nothing is set on screen.
  const onScreen = useRef(true);
  useEffect(() => {
    question.current = currentQuestionId;
  }, [currentQuestionId]);

  const store = useCallback(
    async (keepRunning: boolean) => {
      try {
        const a = await tickClock(attempt.id, question.current, keepRunning);
        if (!onScreen.current) return;
        if (a) setClock({ durationMs: a.durationMs, usedMs: a.usedMs, runningSince: a.runningSince, paused: a.paused });
        noteWrite();
        setError(null);
      } catch (err) {
        noteWrite(err);
        if (onScreen.current) setError(writeFailureMessage(err, 'the time on the exam clock was not saved'));
      }
      if (onScreen.current) setNow(Date.now());
    },
    [attempt.id],
  );

  useEffect(() => {
    onScreen.current = true;
    const visible = () => document.visibilityState === 'visible';
    void store(visible());
    const tick = setInterval(() => {
      if (visible()) void store(true);
    }, CHECKPOINT_MS);
    const onVisibility = () => void store(visible());
    const onLeave = () => void store(false);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onLeave);
    // Another tab upgrades the database: the clock stops and is stored before this tab closes it.
    const unregister = onBeforeClose(() => store(false));
    return () => {
      unregister();
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onLeave);
      onScreen.current = false;
      void store(false);
    };
  }, [store]);

  // Shown once stored: a failed pause keeps the exam running on screen, and says so.
  const setPause = async (paused: boolean) => {
    if (pausing.current) return;
    pausing.current = true;
    try {
      const a = await setPaused(attempt.id, paused, question.current);
      if (a) setClock({ durationMs: a.durationMs, usedMs: a.usedMs, runningSince: a.runningSince, paused: a.paused });
      setNow(Date.now());
      noteWrite();
      setError(null);
    } catch (err) {
      noteWrite(err);
      setError(writeFailureMessage(err, paused ? 'the exam was not paused' : 'the exam was not resumed'));
    } finally {
      pausing.current = false;
    }
  };

  return {
    left: timeLeft(clock, now),
    paused: clock.paused === true,
    pause: () => setPause(true),
    resume: () => setPause(false),
    error,
  };
}
