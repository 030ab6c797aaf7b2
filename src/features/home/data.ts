// The home page's repository: live figures for the study panel, and whether to remind the
// candidate to export a backup (asking for persistent storage first, once there is data).
import { useEffect, useState } from 'react';
import { isBackupDue } from '../../db/backup';
import { useStored } from '../../db/use-stored';
import { countDue, countFirstAnsweredSince, seenIds, setSetting, studyDays } from '../../db/study';
import { EXAM_DATE_KEY, getExamDate, getNewPerDay } from '../../db/settings';
import { localDay, streak } from '../../lib/progress';

export const EXAM_DATE = EXAM_DATE_KEY;
export { useWrite } from '../../db/use-write';

export interface StudySummary {
  due: number;
  seen: number;
  /** Questions answered for the first time today. */
  newToday: number;
  answeredToday: number;
  streak: number;
  examDate: string | undefined;
  /** The candidate's own pace of new questions a day (Settings), if set. */
  newPerDay: number | undefined;
}

/** Without storage: nothing studied yet. */
const NO_STUDY: StudySummary = {
  due: 0,
  seen: 0,
  newToday: 0,
  answeredToday: 0,
  streak: 0,
  examDate: undefined,
  newPerDay: undefined,
};

export function useStudySummary(): StudySummary | undefined {
  return useStored(
    async () => {
      const now = Date.now();
      const today = localDay(now);
      const startOfDay = new Date(now);
      startOfDay.setHours(0, 0, 0, 0);
      const [due, seen, newToday, days, examDate, newPerDay] = await Promise.all([
        countDue(),
        seenIds(),
        countFirstAnsweredSince(startOfDay.getTime()),
        studyDays(),
        getExamDate(),
        getNewPerDay(),
      ]);
      const answeredToday = days.find((d) => d.day === today)?.answers ?? 0;
      return {
        due,
        seen: seen.size,
        newToday,
        answeredToday,
        streak: streak(
          days.map((d) => Date.parse(`${d.day}T12:00:00`)),
          now,
        ),
        examDate,
        newPerDay,
      };
    },
    [],
    NO_STUDY,
  );
}

export function saveExamDate(date: string | undefined): Promise<void> {
  return setSetting(EXAM_DATE, date);
}

/** True when a backup is due: storage not persistent and no export in the last 14 days. */
export function useBackupDue(): boolean {
  const [due, setDue] = useState(false);
  useEffect(() => {
    let live = true;
    isBackupDue().then(
      (d) => live && setDue(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return due;
}
