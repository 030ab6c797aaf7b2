// The season's schedule: sessions from content with the committee's local changes laid over,
// and calendar export in the program's timezone.
import { createEvents, type EventAttributes } from 'ics';
import type { SessionMeta } from '../content/types';
import type { SessionChange } from './chapter';

export interface ScheduledSession extends SessionMeta {
  cancelled: boolean;
  /** True when a local change differs from the content. */
  changed: boolean;
}

export function applyChanges(
  sessions: readonly SessionMeta[],
  changes: ReadonlyMap<string, SessionChange>,
): ScheduledSession[] {
  const known = new Set(sessions.map((s) => s.id));
  const extras: SessionMeta[] = [...changes.values()]
    .filter((c) => c.extra && !known.has(c.sessionId))
    .map((c) => ({
      id: c.sessionId,
      title: c.extra!.title,
      area: c.extra!.area,
      subareas: [],
      competencies: [],
      speaker: { name: c.extra!.speaker },
      date: c.date ?? '',
      start: c.start ?? '18:00',
      hours: c.hours ?? 1,
      location: c.location,
      questionIds: [],
    }));
  return [...sessions, ...extras]
    .map((s) => {
      const c = changes.get(s.id);
      return {
        ...s,
        date: c?.date ?? s.date,
        start: c?.start ?? s.start,
        hours: c?.hours ?? s.hours,
        location: c?.location ?? s.location,
        cancelled: c?.cancelled ?? false,
        changed: c !== undefined,
      };
    })
    .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
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

/** An iCalendar file with one event per (not cancelled) session, times in UTC. */
export function scheduleToIcs(
  sessions: readonly ScheduledSession[],
  program: { title: string; chapter: string; timezone: string },
  origin: string,
): string {
  const events: EventAttributes[] = sessions
    .filter((s) => !s.cancelled)
    .map((s) => {
      const start = new Date(zonedToUtc(s.date, s.start, program.timezone));
      return {
        uid: `${s.id}@clm-study`,
        title: s.title,
        description: `${program.title}, ${program.chapter}. Speaker: ${s.speaker.name}${s.speaker.role ? `, ${s.speaker.role}` : ''}.`,
        location: s.location,
        url: `${origin}/sessions/${s.id}`,
        start: [
          start.getUTCFullYear(),
          start.getUTCMonth() + 1,
          start.getUTCDate(),
          start.getUTCHours(),
          start.getUTCMinutes(),
        ],
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { hours: Math.floor(s.hours), minutes: Math.round((s.hours % 1) * 60) },
      } satisfies EventAttributes;
    });
  const { error, value } = createEvents(events, { calName: program.title, productId: 'clm-study' });
  if (error || !value) throw error ?? new Error('Could not build the calendar');
  return value;
}
