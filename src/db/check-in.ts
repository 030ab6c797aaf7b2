// Check-in writes: an attendance record and the undo entry of the same session, in one
// transaction. Undo belongs to a session and is stored (settings "undo:check-in:<session>"), so
// it survives a reload and can never touch another session's records.
import { db, storedMember } from './db';
import {
  attendanceId,
  cleanMemberInput,
  newMember,
  type Attendance,
  type Member,
  type MemberRole,
} from '../lib/chapter';

export interface UndoEntry {
  id: string;
  label: string;
  previous: Attendance | undefined;
}

const UNDO_LIMIT = 50;
export const undoKey = (sessionId: string) => `undo:check-in:${sessionId}`;

async function readUndo(sessionId: string): Promise<UndoEntry[]> {
  const row = await db.settings.get(undoKey(sessionId));
  return Array.isArray(row?.value) ? (row.value as UndoEntry[]) : [];
}

async function pushUndo(sessionId: string, entry: UndoEntry): Promise<void> {
  const stack = [...(await readUndo(sessionId)), entry].slice(-UNDO_LIMIT);
  await db.settings.put({ key: undoKey(sessionId), value: stack });
}

/** The undo entries of one session, oldest first. */
export function undoStack(sessionId: string): Promise<UndoEntry[]> {
  return readUndo(sessionId);
}

/** Sets a member's attendance at a session (present or not, hours) and remembers how to undo it. */
export async function recordCheckIn(
  change: { sessionId: string; memberId: string; present: boolean; hours: number },
  label: string,
): Promise<Attendance> {
  const id = attendanceId(change.sessionId, change.memberId);
  return db.transaction('rw', db.attendance, db.settings, async () => {
    const previous = await db.attendance.get(id);
    const next: Attendance = { ...change, id, updatedAt: Date.now() };
    await db.attendance.put(next);
    await pushUndo(change.sessionId, { id, label, previous });
    return next;
  });
}

/** Undoes the last check-in change of this session only; returns what was undone. */
export async function undoCheckIn(sessionId: string): Promise<string | undefined> {
  return db.transaction('rw', db.attendance, db.settings, async () => {
    const stack = await readUndo(sessionId);
    const last = stack.pop();
    if (!last) return undefined;
    if (!last.id.startsWith(`${sessionId}|`)) throw new Error('that change belongs to another session.');
    if (last.previous) await db.attendance.put({ ...last.previous, updatedAt: Date.now() });
    else await db.attendance.delete(last.id);
    await db.settings.put({ key: undoKey(sessionId), value: stack });
    return last.label;
  });
}

export class DuplicateEmailError extends Error {}
export class InputError extends Error {}

/** A walk-in: a new member and their check-in, in one transaction. */
export async function addWalkIn(
  sessionId: string,
  input: { name: string; email: string; role: MemberRole },
  hours: number,
): Promise<Member> {
  const clean = cleanMemberInput(input);
  if (clean.error !== undefined) throw new InputError(clean.error);
  return db.transaction('rw', db.members, db.attendance, db.settings, async () => {
    if (await db.members.where('emailKey').equals(clean.email).count())
      throw new DuplicateEmailError(`${clean.email} is already on the roster: find them in the list.`);
    const m = newMember({ name: clean.name, email: clean.email, role: input.role }, Date.now(), crypto.randomUUID());
    await db.members.add(storedMember(m));
    const id = attendanceId(sessionId, m.id);
    await db.attendance.put({ id, sessionId, memberId: m.id, present: true, hours, updatedAt: Date.now() });
    await pushUndo(sessionId, { id, label: `${m.name} checked in`, previous: undefined });
    return m;
  });
}
