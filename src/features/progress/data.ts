// The progress feature's repository: everything the dashboard shows, live from IndexedDB,
// including the review cards due within the forecast's window.
import { useEffect, useState } from 'react';
import { useStored } from '../../db/use-stored';
import { db, type AttemptRecord, type DayRecord } from '../../db/db';
import { missedIds, seenIds, studyDays, submittedExams } from '../../db/study';
import { forecastEnd } from '../../lib/forecast';
import { loadQuestionPlaces } from '../../content/runtime';
import type { QuestionPlace } from '../../content/types';

export interface ProgressData {
  seen: Set<string>;
  missed: Set<string>;
  days: DayRecord[];
  exams: AttemptRecord[];
  /** Due times of the review cards due before the forecast ends (overdue ones included). */
  dues: number[];
  /** When these figures were read. */
  now: number;
}

/** Due times of the cards due before `end` (read through the due index, keys only). */
async function duesBefore(end: number): Promise<number[]> {
  return (await db.cards.where('due').below(end).keys()) as number[];
}

/** Without storage: nothing studied yet. */
const NO_PROGRESS: ProgressData = {
  seen: new Set(),
  missed: new Set(),
  days: [],
  exams: [],
  dues: [],
  now: Date.now(),
};

export function useProgressData(): ProgressData | undefined {
  return useStored(
    async () => {
      const now = Date.now();
      const [seen, missed, days, exams, dues] = await Promise.all([
        seenIds(),
        missedIds(),
        studyDays(),
        submittedExams(),
        duesBefore(forecastEnd(now)),
      ]);
      // Mock exams only: timed practice sets run on the exam screen but are not mock exams.
      return { seen, missed, days, exams: exams.filter((a) => a.source.type === 'exam'), dues, now };
    },
    [],
    NO_PROGRESS,
  );
}

/** Where each question of the bank sits, for mastery: the bank's shape, not its text. */
export function useQuestionPlaces(): QuestionPlace[] | undefined {
  const [places, setPlaces] = useState<QuestionPlace[]>();
  useEffect(() => {
    let live = true;
    loadQuestionPlaces().then(
      (p) => live && setPlaces(p),
      () => live && setPlaces([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return places;
}
