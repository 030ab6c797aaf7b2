// The events a check-in action adds to the attendance log (src/lib/attendance-log.ts), and the
// events that stand for attendance recorded before the log existed (a database from before
// schema version 7, a chapter file of version 1). Pure: the database code and the merge call it.
import type { Attendance } from './chapter';
import type { AttendanceEvent } from './attendance-log';

/** The device name of events made from records kept before the log (schema 7's upgrade, old files). */
export const BEFORE_SYNC = 'before-sync';

/** Who records: this device's id and the person's name. */
export interface Author {
  device: string;
  by: string;
}

/**
 * The id of the event standing for an old record: the same on every device for the same
 * record, so a record converted twice (upgrade here, an old file there) is one event.
 */
export const legacyEventId = (a: Pick<Attendance, 'id' | 'updatedAt'>) => `${BEFORE_SYNC}:${a.id}@${a.updatedAt}`;

/** The event that says what an old attendance record says (present with hours, or absent). */
export function legacyEvent(a: Attendance, by = ''): AttendanceEvent {
  const event: AttendanceEvent = {
    id: legacyEventId(a),
    kind: a.present ? 'check-in' : 'absent',
    sessionId: a.sessionId,
    memberId: a.memberId,
    device: BEFORE_SYNC,
    by,
    at: a.updatedAt,
  };
  if (a.present) event.hours = a.hours;
  return event;
}

export const legacyEvents = (rows: readonly Attendance[]): AttendanceEvent[] => rows.map((a) => legacyEvent(a));

/**
 * The log with an event for each record that has none (a record written before the log, or by
 * a path that bypassed it): nothing a screen showed is lost when the log is folded again.
 */
export function withOrphans(rows: readonly Attendance[], events: readonly AttendanceEvent[]): AttendanceEvent[] {
  const logged = new Set(events.map((e) => `${e.sessionId}|${e.memberId}`));
  const orphans = rows.filter((a) => !logged.has(`${a.sessionId}|${a.memberId}`));
  return orphans.length ? [...events, ...legacyEvents(orphans)] : [...events];
}

/** A check-in screen's change: this member present (with these hours) or not. */
export interface CheckInChange {
  sessionId: string;
  memberId: string;
  present: boolean;
  hours: number;
}

/**
 * The event a change adds, given the member's record as it stands, or undefined when the
 * change says what the record already says (nothing to add): absent for "not present", adjust
 * for new hours of someone present, check-in otherwise.
 */
export function changeEvent(
  current: Pick<Attendance, 'present' | 'hours'> | undefined,
  change: CheckInChange,
  meta: Author & { id: string; at: number },
): AttendanceEvent | undefined {
  const base = { id: meta.id, sessionId: change.sessionId, memberId: change.memberId, device: meta.device };
  const stamp = { by: meta.by, at: meta.at };
  if (!change.present) return current?.present ? { ...base, kind: 'absent', ...stamp } : undefined;
  if (current?.present)
    return current.hours === change.hours ? undefined : { ...base, kind: 'adjust', hours: change.hours, ...stamp };
  return { ...base, kind: 'check-in', hours: change.hours, ...stamp };
}

/** An undo entry of a legacy stack (before schema 7): the record and what it was before the change. */
interface LegacyUndo {
  id: string;
  label: string;
  previous?: Attendance | undefined;
}

/**
 * The upgrade of one session's attendance to events, undo stack included: each record gives
 * the event of its current state; each legacy undo entry gives the event of the state it
 * replaced (earlier in time), and points at the event of the state it made, so undoing it after
 * the upgrade brings back the record it replaced, as it did before.
 */
export function upgradeSession(
  rows: readonly Attendance[],
  stack: readonly LegacyUndo[],
): { events: AttendanceEvent[]; undo: { id: string; label: string; event: string }[] } {
  const events = new Map<string, AttendanceEvent>();
  const add = (a: Attendance) => {
    const e = legacyEvent(a);
    events.set(e.id, e);
    return e.id;
  };
  for (const a of rows) add(a);
  // Walk the stack newest first: the state an entry made is the one the next entry replaced
  // (or, for the newest entry of a record, the record as it is now).
  const after = new Map<string, Attendance | undefined>(rows.map((a) => [a.id, a]));
  const undo: { id: string; label: string; event: string }[] = [];
  for (const entry of [...stack].reverse()) {
    const made = after.get(entry.id);
    if (made && entry.previous && entry.previous.updatedAt < made.updatedAt) add(entry.previous);
    if (made) undo.unshift({ id: entry.id, label: entry.label, event: legacyEventId(made) });
    after.set(entry.id, entry.previous);
  }
  return { events: [...events.values()], undo };
}
