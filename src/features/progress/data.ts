// The progress feature's repository: everything the dashboard shows, live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { missedIds, seenIds, studyDays, submittedExams } from '../../db/study';
import type { AttemptRecord, DayRecord } from '../../db/db';

export interface ProgressData {
  seen: Set<string>;
  missed: Set<string>;
  days: DayRecord[];
  exams: AttemptRecord[];
}

export function useProgressData(): ProgressData | undefined {
  return useLiveQuery(async () => {
    const [seen, missed, days, exams] = await Promise.all([seenIds(), missedIds(), studyDays(), submittedExams()]);
    return { seen, missed, days, exams };
  }, []);
}
