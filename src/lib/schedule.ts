// The season's schedule: the published sessions (content) with this device's changes laid over
// (reschedule, hours, room, cancel, extra sessions). Every screen and export reads the schedule
// from buildSchedule and asks isHeld whether a session counts: one rule, one place.
import type { SessionMeta } from '../content/types';
import type { SessionChange } from './chapter';

export interface ScheduledSession extends SessionMeta {
  cancelled: boolean;
  /** True when this device's change makes the session differ from the published one. */
  changed: boolean;
  /** Added on this device (not in the content). */
  extra: boolean;
  /** Times the session was changed: the calendar's SEQUENCE, so calendars take the newest. */
  sequence: number;
  /** The published date and start, when the session was moved. */
  movedFrom?: { date: string; start: string } | undefined;
}

function isExtra(c: SessionChange): c is SessionChange & { extra: NonNullable<SessionChange['extra']> } {
  return c.extra !== undefined;
}

/** The schedule of the season in date order, from the content and this device's changes. */
export function buildSchedule(
  published: readonly SessionMeta[],
  changes: ReadonlyMap<string, SessionChange> | readonly SessionChange[],
): ScheduledSession[] {
  const byId = new Map<string, SessionChange>(
    Array.isArray(changes)
      ? changes.map((c) => [c.sessionId, c])
      : [...(changes as ReadonlyMap<string, SessionChange>)],
  );
  const known = new Set(published.map((s) => s.id));
  const extras: SessionMeta[] = [...byId.values()]
    .filter((c) => !known.has(c.sessionId))
    .filter(isExtra)
    .filter((c) => c.date)
    .map((c) => ({
      id: c.sessionId,
      title: c.extra.title,
      area: c.extra.area,
      subareas: [],
      competencies: [],
      speaker: { name: c.extra.speaker },
      date: c.date ?? '',
      start: c.start ?? '18:00',
      hours: c.hours ?? 1,
      location: c.location,
      questionCount: 0,
    }));
  return [...published, ...extras]
    .map((s): ScheduledSession => {
      const c = byId.get(s.id);
      const extra = !known.has(s.id);
      const date = c?.date ?? s.date;
      const start = c?.start ?? s.start;
      const hours = c?.hours ?? s.hours;
      const location = c?.location ?? s.location;
      const cancelled = c?.cancelled ?? false;
      const moved = !extra && (date !== s.date || start !== s.start);
      return {
        ...s,
        date,
        start,
        hours,
        location,
        cancelled,
        extra,
        changed: extra || moved || hours !== s.hours || location !== s.location || cancelled,
        sequence: c?.revision ?? (c ? 1 : 0),
        movedFrom: moved ? { date: s.date, start: s.start } : undefined,
      };
    })
    .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start) || a.id.localeCompare(b.id));
}

/** A session is held when it is not cancelled and its day (in the program's timezone) has come. */
export function isHeld(session: Pick<ScheduledSession, 'cancelled' | 'date'>, today: string): boolean {
  return !session.cancelled && session.date <= today;
}

/** Check-in opens on the session's day; any other day asks first. */
export function checkInOpen(session: Pick<ScheduledSession, 'cancelled' | 'date'>, today: string): boolean {
  return !session.cancelled && session.date === today;
}

/** Tonight's session, or else the next one to come, or else the last one held. */
export function currentSession(schedule: readonly ScheduledSession[], today: string): ScheduledSession | undefined {
  const live = schedule.filter((s) => !s.cancelled);
  return live.find((s) => s.date >= today) ?? live.at(-1);
}

/** Offset (ms) of a timezone from UTC at an instant. */
function offsetAt(timeZone: string, utcMs: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - utcMs;
}

/** The UTC instant of a wall-clock date and time in a timezone. */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  let utc = wall - offsetAt(timeZone, wall);
  utc = wall - offsetAt(timeZone, utc);
  return utc;
}
