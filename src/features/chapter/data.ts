// The chapter feature's repository: roster, attendance and local schedule changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import {
  attendanceId,
  normalizeEmail,
  type Attendance,
  type Member,
  type MemberRole,
  type SessionChange,
} from '../../lib/chapter';

export function useMembers(): Member[] | undefined {
  return useLiveQuery(async () => (await db.members.toArray()).sort((a, b) => a.name.localeCompare(b.name)), []);
}

export function useAttendance(sessionId?: string): Attendance[] | undefined {
  return useLiveQuery(
    () => (sessionId ? db.attendance.where('sessionId').equals(sessionId).toArray() : db.attendance.toArray()),
    [sessionId],
  );
}

export function useSessionChanges(): Map<string, SessionChange> | undefined {
  return useLiveQuery(async () => new Map((await db.sessionChanges.toArray()).map((c) => [c.sessionId, c])), []);
}

export class DuplicateEmailError extends Error {}

export async function addMember(input: { name: string; email: string; role: MemberRole }): Promise<Member> {
  const email = normalizeEmail(input.email);
  return db.transaction('rw', db.members, async () => {
    if (await db.members.where('email').equals(email).count())
      throw new DuplicateEmailError(`${input.email} is already on the roster.`);
    const m: Member = {
      id: crypto.randomUUID(),
      name: input.name.trim(),
      email,
      role: input.role,
      active: true,
      updatedAt: Date.now(),
    };
    await db.members.add(m);
    return m;
  });
}

/** Adds members in one transaction: all or nothing. */
export async function addMembers(inputs: { name: string; email: string; role: MemberRole }[]): Promise<number> {
  return db.transaction('rw', db.members, async () => {
    const now = Date.now();
    const rows = inputs.map((i) => ({
      id: crypto.randomUUID(),
      name: i.name.trim(),
      email: normalizeEmail(i.email),
      role: i.role,
      active: true,
      updatedAt: now,
    }));
    await db.members.bulkAdd(rows);
    return rows.length;
  });
}

/** Edits a member; the email must stay unique on the roster. */
export async function updateMember(
  id: string,
  change: { name: string; email: string; role: MemberRole },
): Promise<void> {
  const email = normalizeEmail(change.email);
  await db.transaction('rw', db.members, async () => {
    const clash = await db.members.where('email').equals(email).first();
    if (clash && clash.id !== id) throw new DuplicateEmailError(`${email} is already on the roster.`);
    await db.members.update(id, { name: change.name.trim(), email, role: change.role, updatedAt: Date.now() });
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

export { exportChapterFile, importChapterFile } from '../../db/chapter';
