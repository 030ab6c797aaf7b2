// What the progress screen shows without the database: the bank's shape (where each question
// sits, for mastery) and the figures of a device that has studied nothing yet.
import { useEffect, useState } from 'react';
import type { AttemptRecord, DayRecord } from '../../db/db';
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

/** Nothing studied yet (a first visit, or storage out of reach). */
export function noProgress(now = Date.now()): ProgressData {
  return { seen: new Set(), missed: new Set(), days: [], exams: [], dues: [], now };
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
