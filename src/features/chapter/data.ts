// The chapter feature's repository: roster, attendance and local schedule changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { attendanceId, mergeChapter, normalizeEmail, type Attendance, type ChapterFile, type Member, type MemberRole, type MergeResult, type SessionChange } from '../../lib/chapter';

export function useMembers(): Member[] | undefined {
  return useLiveQuery(async () => (await db.members.toArray()).sort((a, b) => a.name.localeCompare(b.name)), []);
}

export function useAttendance(sessionId?: string): Attendance[] | undefined {
  return useLiveQuery(() => (sessionId ? db.attendance.where('sessionId').equals(sessionId).toArray() : db.attendance.toArray()), [sessionId]);
}

export function useSessionChanges(): Map<string, SessionChange> | undefined {
  return useLiveQuery(async () => new Map((await db.sessionChanges.toArray()).map((c) => [c.sessionId, c])), []);
}

export class DuplicateEmailError extends Error {}

export async function addMember(input: { name: string; email: string; role: MemberRole }): Promise<Member> {
  const email = normalizeEmail(input.email);
  return db.transaction('rw', db.members, async () => {
    if (await db.members.where('email').equals(email).count()) throw new DuplicateEmailError(`${input.email} is already on the roster.`);
    const m: Member = { id: crypto.randomUUID(), name: input.name.trim(), email, role: input.role, active: true, updatedAt: Date.now() };
    await db.members.add(m);
    return m;
  });
}

/** Adds members in one transaction: all or nothing. */
export async function addMembers(inputs: { name: string; email: string; role: MemberRole }[]): Promise<number> {
  return db.transaction('rw', db.members, async () => {
    const now = Date.now();
    const rows = inputs.map((i) => ({ id: crypto.randomUUID(), name: i.name.trim(), email: normalizeEmail(i.email), role: i.role, active: true, updatedAt: now }));
    await db.members.bulkAdd(rows);
    return rows.length;
  });
}

export async function setMemberActive(id: string, active: boolean): Promise<void> {
  await db.members.update(id, { active, updatedAt: Date.now() });
}

export async function saveAttendance(record: Omit<Attendance, 'id' | 'updatedAt'>): Promise<Attendance> {
  const a: Attendance = { ...record, id: attendanceId(record.sessionId, record.memberId), updatedAt: Date.now() };
  await db.attendance.put(a);
  return a;
}

/** Puts back an earlier state of an attendance record (undo); undefined removes it. */
export async function restoreAttendance(id: string, previous: Attendance | undefined): Promise<void> {
  if (previous) await db.attendance.put({ ...previous, updatedAt: Date.now() });
  else await db.attendance.delete(id);
}

export async function saveSessionChange(change: Omit<SessionChange, 'updatedAt'>): Promise<void> {
  await db.sessionChanges.put({ ...change, updatedAt: Date.now() });
}

export async function clearSessionChange(sessionId: string): Promise<void> {
  await db.sessionChanges.delete(sessionId);
}

/** The chapter file: roster, attendance and this device's schedule changes, as JSON. */
export async function exportChapterFile(): Promise<string> {
  const [members, attendance, sessionChanges] = await Promise.all([db.members.toArray(), db.attendance.toArray(), db.sessionChanges.toArray()]);
  const file: ChapterFile = { kind: 'clm-study-chapter', version: 1, exportedAt: Date.now(), members, attendance, sessionChanges };
  return JSON.stringify(file, null, 1);
}

/** Merges a chapter file in one transaction; a file that is not one changes nothing. */
export async function importChapterFile(text: string): Promise<MergeResult['summary']> {
  let file: ChapterFile;
  try {
    file = JSON.parse(text) as ChapterFile;
  } catch {
    throw new Error('the file is not a chapter file (it is not valid JSON).');
  }
  if (file?.kind !== 'clm-study-chapter' || file.version !== 1 || !Array.isArray(file.members) || !Array.isArray(file.attendance) || !Array.isArray(file.sessionChanges)) {
    throw new Error('the file is not a CLM Study chapter file.');
  }
  return db.transaction('rw', db.members, db.attendance, db.sessionChanges, async () => {
    const [members, attendance, sessionChanges] = await Promise.all([db.members.toArray(), db.attendance.toArray(), db.sessionChanges.toArray()]);
    const merged = mergeChapter({ members, attendance, sessionChanges }, file);
    await db.members.bulkPut(merged.members);
    await db.attendance.bulkPut(merged.attendance);
    await db.sessionChanges.bulkPut(merged.sessionChanges);
    return merged.summary;
  });
}
