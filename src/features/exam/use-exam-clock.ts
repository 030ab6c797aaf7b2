// The exam clock on screen: a checkpoint every second while the exam is visible and not paused
// (folding the time into the attempt and into the question on screen), a stop when the tab is
// hidden or left. What it shows comes from the one rule in src/lib/exam-clock.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptRecord } from '../../db/db';
import { CHECKPOINT_MS, timeLeft } from '../../lib/exam-clock';
import { onBeforeClose, setPaused, tickClock } from './data';

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
        setError(null);
      } catch (err) {
        if (onScreen.current) setError(`The exam clock could not be saved on this device (${(err as Error).message}).`);
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

  const setPause = async (paused: boolean) => {
    try {
      const a = await setPaused(attempt.id, paused, question.current);
      if (a) setClock({ durationMs: a.durationMs, usedMs: a.usedMs, runningSince: a.runningSince, paused: a.paused });
      setNow(Date.now());
    } catch (err) {
      setError(`Could not ${paused ? 'pause' : 'resume'} the exam (${(err as Error).message}).`);
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
