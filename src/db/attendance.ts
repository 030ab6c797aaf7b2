// Writing the attendance log: events are added by id (one already held is skipped, so a
// repeated write adds nothing) and, in the same transaction, the attendance row of each
// session and member they touch is folded again from all its events (foldAttendance), so every
// screen that reads `attendance` sees what the log says. Callers open the transaction (with
// db.attendance and db.attendanceEvents in it); check-in, the chapter file and the chapter
// document all write through here.
import type { ClmDatabase } from './db';
import { foldAttendance, type AttendanceEvent } from '../lib/attendance-log';
import { attendanceId, type Attendance } from '../lib/chapter';
import { legacyEvent } from '../lib/attendance-events';

/** Adds the events this device lacks and refolds the records they touch; returns the events added. */
export async function addEvents(db: ClmDatabase, events: readonly AttendanceEvent[]): Promise<AttendanceEvent[]> {
  if (events.length === 0) return [];
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const held = await db.attendanceEvents.bulkGet(unique.map((e) => e.id));
  const fresh = unique.filter((_, i) => held[i] === undefined);
  if (fresh.length === 0) return [];
  await db.attendanceEvents.bulkAdd([...(await orphansOf(db, fresh)), ...fresh]);
  await refold(
    db,
    fresh.map((e) => [e.sessionId, e.memberId]),
  );
  return fresh;
}

/** Folds the records of these sessions and members again from their events. */
export async function refold(db: ClmDatabase, keys: readonly (readonly [string, string])[]): Promise<Attendance[]> {
  const groups = new Map(keys.map(([s, m]) => [attendanceId(s, m), [s, m] as const]));
  const bySession = new Map<string, Set<string>>();
  for (const [s, m] of groups.values()) bySession.set(s, (bySession.get(s) ?? new Set()).add(m));
  const out: Attendance[] = [];
  for (const [sessionId, members] of bySession) {
    const events = await db.attendanceEvents.where('sessionId').equals(sessionId).toArray();
    const mine = events.filter((e) => members.has(e.memberId));
    const folded = new Map(foldAttendance(mine).map((a) => [a.id, a]));
    for (const memberId of members) {
      const id = attendanceId(sessionId, memberId);
      const record = folded.get(id);
      if (record) {
        await db.attendance.put(record);
        out.push(record);
      } else await db.attendance.delete(id);
    }
  }
  return out;
}

/** Events for the records these events touch that have a row but no event yet (see withOrphans). */
async function orphansOf(db: ClmDatabase, events: readonly AttendanceEvent[]): Promise<AttendanceEvent[]> {
  const ids = [...new Set(events.map((e) => attendanceId(e.sessionId, e.memberId)))];
  const rows = (await db.attendance.bulkGet(ids)).filter((a) => a !== undefined);
  const out: AttendanceEvent[] = [];
  for (const a of rows) {
    const logged = await db.attendanceEvents
      .where('sessionId')
      .equals(a.sessionId)
      .filter((e) => e.memberId === a.memberId)
      .count();
    if (logged === 0) out.push(legacyEvent(a));
  }
  return out;
}

/**
 * The time of a new event for this record: now, or just after the latest event it has, so an
 * action taken on what the screen shows comes after it even if this device's clock is behind
 * (or has not moved since: two taps in the same millisecond).
 */
export async function nextAt(db: ClmDatabase, sessionId: string, memberId: string): Promise<number> {
  let latest = 0;
  await db.attendanceEvents
    .where('sessionId')
    .equals(sessionId)
    .filter((e) => e.memberId === memberId)
    .each((e) => {
      latest = Math.max(latest, e.at);
    });
  return Math.max(Date.now(), latest + 1);
}

/** One member's record at one session as the log says it (undefined: nothing stands). */
export async function recordOf(db: ClmDatabase, sessionId: string, memberId: string): Promise<Attendance | undefined> {
  const events = await db.attendanceEvents
    .where('sessionId')
    .equals(sessionId)
    .filter((e) => e.memberId === memberId)
    .toArray();
  if (events.length === 0) return db.attendance.get(attendanceId(sessionId, memberId));
  return foldAttendance(events)[0];
}
