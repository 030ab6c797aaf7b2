// Check-in writes: each change adds one event to the attendance log (check-in, adjust, absent,
// undo) and refolds the member's record, with the undo entry of the same session, in one
// transaction. The event's id is chosen once per action, so repeating the write (a retry, a
// second click) adds nothing. Undo belongs to a session and is stored (settings
// "undo:check-in:<session>"), so it survives a reload and can never touch another session's
// records; it takes back this device's last standing event of that session.
import { db, noteLocalChange, storedMember } from './db';
import { addEvents, nextAt, recordOf } from './attendance';
import { author } from './device';
import { UNDO_PREFIX } from './schema';
import { standing, type AttendanceEvent } from '../lib/attendance-log';
import { changeEvent, type CheckInChange } from '../lib/attendance-events';
import {
  attendanceId,
  cleanMemberInput,
  newMember,
  type Attendance,
  type Member,
  type MemberRole,
} from '../lib/chapter';

export interface UndoEntry {
  /** The record (`${sessionId}|${memberId}`). */
  id: string;
  label: string;
  /** The event this entry takes back. */
  event: string;
}

const UNDO_LIMIT = 50;
export const undoKey = (sessionId: string) => `${UNDO_PREFIX}${sessionId}`;

const isEntry = (v: unknown): v is UndoEntry =>
  typeof v === 'object' && v !== null && typeof (v as UndoEntry).event === 'string';

async function readUndo(sessionId: string): Promise<UndoEntry[]> {
  const row = await db.settings.get(undoKey(sessionId));
  return Array.isArray(row?.value) ? row.value.filter(isEntry) : [];
}

async function pushUndo(sessionId: string, entry: UndoEntry): Promise<void> {
  const stack = [...(await readUndo(sessionId)), entry].slice(-UNDO_LIMIT);
  await db.settings.put({ key: undoKey(sessionId), value: stack });
}

/** The undo entries of one session, oldest first. */
export function undoStack(sessionId: string): Promise<UndoEntry[]> {
  return readUndo(sessionId);
}

/**
 * Sets a member's attendance at a session (present or not, hours) and remembers how to undo it.
 * `eventId` names this action: writing it again adds nothing. A change that says what the
 * record already says adds nothing either. Returns the record as it now stands.
 */
export async function recordCheckIn(
  change: CheckInChange,
  label: string,
  eventId: string = crypto.randomUUID(),
): Promise<Attendance | undefined> {
  const who = await author();
  let added: AttendanceEvent | undefined;
  const record = await db.transaction('rw', db.attendance, db.attendanceEvents, db.settings, async () => {
    const current = await recordOf(db, change.sessionId, change.memberId);
    if (await db.attendanceEvents.get(eventId)) return current;
    const at = await nextAt(db, change.sessionId, change.memberId);
    const event = changeEvent(current, change, { ...who, id: eventId, at });
    if (!event) return current;
    await addEvents(db, [event]);
    await pushUndo(change.sessionId, { id: attendanceId(change.sessionId, change.memberId), label, event: event.id });
    added = event;
    return recordOf(db, change.sessionId, change.memberId);
  });
  if (added) noteLocalChange('attendanceEvents', [added.id]);
  return record;
}

/** Undoes the last check-in change of this session only; returns what was undone. */
export async function undoCheckIn(sessionId: string): Promise<string | undefined> {
  const who = await author();
  const id = crypto.randomUUID();
  const label = await db.transaction('rw', db.attendance, db.attendanceEvents, db.settings, async () => {
    const stack = await readUndo(sessionId);
    for (let last = stack.pop(); last; last = stack.pop()) {
      if (!last.id.startsWith(`${sessionId}|`)) throw new Error('that change belongs to another session.');
      const target = await db.attendanceEvents.get(last.event);
      if (!target || target.sessionId !== sessionId) continue;
      const events = await db.attendanceEvents
        .where('sessionId')
        .equals(sessionId)
        .filter((e) => e.memberId === target.memberId)
        .toArray();
      // Already taken back (by an undo that arrived from elsewhere): the next entry is the one.
      if (!standing(events).some((e) => e.id === target.id)) continue;
      const { memberId } = target;
      const at = await nextAt(db, sessionId, memberId);
      await addEvents(db, [{ id, kind: 'undo', target: target.id, sessionId, memberId, ...who, at }]);
      await db.settings.put({ key: undoKey(sessionId), value: stack });
      return last.label;
    }
    await db.settings.put({ key: undoKey(sessionId), value: stack });
    return undefined;
  });
  if (label) noteLocalChange('attendanceEvents', [id]);
  return label;
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
  const who = await author();
  const eventId = crypto.randomUUID();
  const added = await db.transaction('rw', db.members, db.attendance, db.attendanceEvents, db.settings, async () => {
    if (await db.members.where('emailKey').equals(clean.email).count())
      throw new DuplicateEmailError(`${clean.email} is already on the roster: find them in the list.`);
    const m = newMember({ name: clean.name, email: clean.email, role: input.role }, Date.now(), crypto.randomUUID());
    await db.members.add(storedMember(m));
    const change = { sessionId, memberId: m.id, present: true, hours };
    const event = changeEvent(undefined, change, { ...who, id: eventId, at: Date.now() });
    if (event) await addEvents(db, [event]);
    await pushUndo(sessionId, { id: attendanceId(sessionId, m.id), label: `${m.name} checked in`, event: eventId });
    return m;
  });
  noteLocalChange('members', [added.id]);
  noteLocalChange('attendanceEvents', [eventId]);
  return added;
}
