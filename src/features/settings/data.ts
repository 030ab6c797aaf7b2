// The settings page's repository: the stored "new questions a day" and, for comparison, the
// rate the exam-date plan would set.
import { useStored } from '../../db/use-stored';
import { content } from '../../content/runtime';
import { getExamDate, getNewPerDay, setNewPerDay } from '../../db/settings';
import { countDue, countFirstAnsweredSince, seenIds } from '../../db/study';
import { planForExam } from '../../lib/plan';
import { localDay } from '../../lib/progress';

export interface StudySettings {
  /** The candidate's choice; undefined when they follow the plan. */
  newPerDay: number | undefined;
  /** What the exam-date plan sets today; undefined without an exam date (or after it). */
  planNewPerDay: number | undefined;
}

const NO_SETTINGS: StudySettings = { newPerDay: undefined, planNewPerDay: undefined };

export function useStudySettings(): StudySettings | undefined {
  return useStored(
    async () => {
      const now = Date.now();
      const startOfDay = new Date(now);
      startOfDay.setHours(0, 0, 0, 0);
      const [newPerDay, examDate, seen, newToday, due] = await Promise.all([
        getNewPerDay(),
        getExamDate(),
        seenIds(),
        countFirstAnsweredSince(startOfDay.getTime()),
        countDue(now),
      ]);
      const plan = examDate
        ? planForExam({
            today: localDay(now),
            examDate,
            unseen: content.counts.total - seen.size,
            newToday,
            dueNow: due,
          })
        : undefined;
      return { newPerDay, planNewPerDay: plan && plan.daysLeft > 0 ? plan.newPerDay : undefined };
    },
    [],
    NO_SETTINGS,
  );
}

/** Saves "new questions a day" (undefined: follow the plan). */
export function saveNewPerDay(value: number | undefined): Promise<void> {
  return setNewPerDay(value);
}
