// The progress feature's repository: everything the dashboard shows, live from IndexedDB,
// including the review cards due within the forecast's window.
import { useStored } from '../../db/use-stored';
import { db } from '../../db/db';
import { missedIds, seenIds, studyDays, submittedExams } from '../../db/study';
import { forecastEnd } from '../../lib/forecast';
import { noProgress, type ProgressData } from './places';

/** Due times of the cards due before `end` (read through the due index, keys only). */
async function duesBefore(end: number): Promise<number[]> {
  return (await db.cards.where('due').below(end).keys()) as number[];
}

/** Without storage: nothing studied yet. */
const NO_PROGRESS = noProgress();

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
