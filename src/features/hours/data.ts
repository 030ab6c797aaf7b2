// "My hours": a member's study-group attendance (from the chapter's records on this device)
// and their own logged education.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { getSetting, setSetting } from '../../db/study';
import type { EducationEntry } from '../../lib/ce';
import type { Attendance, Member } from '../../lib/chapter';

export { importChapterFile } from '../../db/chapter';

export const ME = 'me';

export interface HoursData {
  members: Member[];
  me: string | undefined;
  attendance: Attendance[];
  education: EducationEntry[];
}

export function useHoursData(): HoursData | undefined {
  return useLiveQuery(async () => {
    const [members, me, education] = await Promise.all([
      db.members.toArray(),
      getSetting<string>(ME),
      db.education.orderBy('date').toArray(),
    ]);
    const attendance = me ? await db.attendance.where('memberId').equals(me).toArray() : [];
    return { members: members.sort((a, b) => a.name.localeCompare(b.name)), me, attendance, education };
  }, []);
}

export function chooseMe(memberId: string | undefined): Promise<void> {
  return setSetting(ME, memberId);
}

export async function logEducation(entry: Omit<EducationEntry, 'id'>): Promise<void> {
  await db.education.add({ ...entry, id: crypto.randomUUID() });
}

export async function removeEducation(id: string): Promise<void> {
  await db.education.delete(id);
}
