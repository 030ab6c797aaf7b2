// Attendance as an append-only log of events (check in, adjust hours, mark absent, undo), each
// with an id, the device, the person who recorded it and the time. The attendance records every
// screen reads (and the one hours rule in hours.ts counts) are folded from the log here, so two
// devices that check the same member in add two events and neither is lost, and the log can be
// merged from anywhere (a chapter file, the chapter document) by taking the union of its ids.
import { attendanceId, type Attendance } from './chapter';

export type AttendanceEventKind = 'check-in' | 'adjust' | 'absent' | 'undo';

export interface AttendanceEvent {
  /** Unique (a UUID): the log is a set of events keyed by id, so merging twice adds nothing. */
  id: string;
  kind: AttendanceEventKind;
  sessionId: string;
  memberId: string;
  /** Hours credited: check-in and adjust only. */
  hours?: number | undefined;
  /** The event an undo takes back (undo only). */
  target?: string | undefined;
  /** The device that recorded it. */
  device: string;
  /** Who recorded it (a committee member's name), for the record. */
  by: string;
  /** When it was recorded (ms since the epoch, the recording device's clock). */
  at: number;
}

/** Events in the order the fold reads them: by time, then by id (the same order on every device). */
export function byTime(a: Pick<AttendanceEvent, 'at' | 'id'>, b: Pick<AttendanceEvent, 'at' | 'id'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The ids an undo has taken back (an undo of an undo restores its target). */
export function undoneIds(events: Iterable<AttendanceEvent>): Set<string> {
  const byId = new Map<string, AttendanceEvent>();
  for (const e of events) byId.set(e.id, e);
  const undone = new Set<string>();
  // An undo takes back its target unless it is itself undone: decided newest first.
  const undos = [...byId.values()]
    .filter((e) => e.kind === 'undo')
    .sort(byTime)
    .reverse();
  for (const u of undos) if (!undone.has(u.id) && u.target && byId.has(u.target)) undone.add(u.target);
  return undone;
}

/**
 * One member's record at one session from their events (any order, duplicates ignored), or
 * undefined when nothing that stands was recorded. Present when the latest standing check-in
 * or absent event is a check-in (two check-ins both stand: undoing one leaves the member
 * present); the hours are those of the latest standing check-in or adjust.
 */
export function foldOne(events: readonly AttendanceEvent[], undone: ReadonlySet<string>): Attendance | undefined {
  let presence: AttendanceEvent | undefined;
  let hours: AttendanceEvent | undefined;
  let last: AttendanceEvent | undefined;
  for (const e of [...events].sort(byTime)) {
    if (e.kind === 'undo' || undone.has(e.id)) continue;
    last = e;
    if (e.kind === 'check-in' || e.kind === 'absent') presence = e;
    if (e.kind === 'check-in' || e.kind === 'adjust') hours = e;
  }
  if (!presence || !last) return undefined;
  const { sessionId, memberId } = presence;
  return {
    id: attendanceId(sessionId, memberId),
    sessionId,
    memberId,
    present: presence.kind === 'check-in',
    hours: presence.kind === 'check-in' ? (hours?.hours ?? 0) : 0,
    updatedAt: last.at,
  };
}

/** Every attendance record the log holds, one per session and member, in id order. */
export function foldAttendance(events: Iterable<AttendanceEvent>): Attendance[] {
  const all = [...new Map([...events].map((e) => [e.id, e])).values()];
  const undone = undoneIds(all);
  const groups = new Map<string, AttendanceEvent[]>();
  for (const e of all) {
    if (e.kind === 'undo') continue;
    const key = attendanceId(e.sessionId, e.memberId);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const records: Attendance[] = [];
  for (const group of groups.values()) {
    const record = foldOne(group, undone);
    if (record) records.push(record);
  }
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The events that stand for one record (what an undo on this device may take back next). */
export function standing(events: readonly AttendanceEvent[]): AttendanceEvent[] {
  const undone = undoneIds(events);
  return events.filter((e) => e.kind !== 'undo' && !undone.has(e.id)).sort(byTime);
}
