// "My hours": a member's study-group attendance (the official figures the chapter server sent
// this signed-in person, else the chapter's records on this device) and their own logged education.
import { useStored } from '../../db/use-stored';
import { db, noteLocalChange } from '../../db/db';
import { getSetting, setSetting } from '../../db/study';
import type { EducationEntry } from '../../lib/ce';
import type { Attendance, Member } from '../../lib/chapter';
import { content } from '../../content/runtime';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';
import { readOfficial, type StoredOfficial } from '../../db/official';

import { importChapterFile } from '../../db/chapter';
import { readText } from '../../components/ui/files';
import { ImportRefused, sizeProblem } from '../../lib/import-problems';
import type { MergeSummary } from '../../lib/merge';
export { useWrite } from '../../db/use-write';

export const ME = 'me';

export interface HoursData {
  members: Member[];
  me: string | undefined;
  attendance: Attendance[];
  /** The season's schedule with this device's changes (moved, cancelled, extra sessions). */
  schedule: ScheduledSession[];
  education: EducationEntry[];
  /** The official hours from the chapter server, when signed in and received at least once. */
  official: StoredOfficial | undefined;
}

/** Without storage: nothing recorded, the season as the content has it. */
const NO_HOURS: HoursData = {
  members: [],
  me: undefined,
  attendance: [],
  schedule: buildSchedule(content.sessions, []),
  education: [],
  official: undefined,
};

export function useHoursData(): HoursData | undefined {
  return useStored(
    async () => {
      const [members, me, education, changes, official] = await Promise.all([
        db.members.toArray(),
        getSetting<string>(ME),
        db.education.orderBy('date').toArray(),
        db.sessionChanges.toArray(),
        readOfficial(),
      ]);
      const attendance = me ? await db.attendance.where('memberId').equals(me).toArray() : [];
      return {
        members: members.map(({ emailKey: _key, ...m }) => m).sort((a, b) => a.name.localeCompare(b.name)),
        me,
        attendance,
        schedule: buildSchedule(content.sessions, changes),
        education,
        official,
      };
    },
    [],
    NO_HOURS,
  );
}

/**
 * Imports a chapter file (or a member's hours file) chosen on this device: over 10 MB it is
 * refused before it is read; otherwise checked whole against this program's sessions, then merged.
 */
export async function importChapter(file: File): Promise<MergeSummary> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) throw new ImportRefused([tooBig]);
  return importChapterFile(await readText(file), file.name, content.sessions);
}

export function chooseMe(memberId: string | undefined): Promise<void> {
  return setSetting(ME, memberId);
}

export async function logEducation(entry: Omit<EducationEntry, 'id'>): Promise<void> {
  const id = crypto.randomUUID();
  await db.education.add({ ...entry, id });
  noteLocalChange('education', [id]);
}

export async function removeEducation(id: string): Promise<void> {
  await db.education.delete(id);
  noteLocalChange('education', [id]);
}
