// The progress feature's repository: everything the dashboard shows, live from IndexedDB.
import { useLiveQuery } from 'dexie-react-hooks';
import { progressByQuestion, studyDays, submittedExams } from '../../db/study';
import type { AttemptRecord, DayRecord, QuestionProgress } from '../../db/db';

export interface ProgressData {
  progress: Map<string, QuestionProgress>;
  days: DayRecord[];
  exams: AttemptRecord[];
}

export function useProgressData(): ProgressData | undefined {
  return useLiveQuery(async () => {
    const [progress, days, exams] = await Promise.all([progressByQuestion(), studyDays(), submittedExams()]);
    return { progress, days, exams };
  }, []);
}
