// Calendar export (.ics) of the schedule, times in UTC from the program's timezone. Each
// session keeps one UID forever; SEQUENCE counts its changes so calendars take the newest; a
// cancelled session is sent as STATUS:CANCELLED rather than left out (calendars then remove it).
import { createEvents, type EventAttributes } from 'ics';
import { zonedToUtc, type ScheduledSession } from './schedule';

const encoder = new TextEncoder();

/**
 * Folds content lines at 75 octets as RFC 5545 §3.1 says (the ics library counts characters,
 * which lets accented text run past the limit), never inside a UTF-8 sequence.
 */
export function foldIcs(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const size = encoder.encode(ch).length;
        const limit = parts.length === 0 ? 75 : 74;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += ch;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

export function scheduleToIcs(
  sessions: readonly ScheduledSession[],
  program: { title: string; chapter: string; timezone: string },
  origin: string,
): string {
  const events: EventAttributes[] = sessions.map((s) => {
    const start = new Date(zonedToUtc(s.date, s.start, program.timezone));
    return {
      uid: `${s.id}@clm-study`,
      title: s.title,
      description: `${program.title}, ${program.chapter}. Speaker: ${s.speaker.name}${s.speaker.role ? `, ${s.speaker.role}` : ''}.${s.cancelled ? ' Cancelled.' : ''}`,
      location: s.location,
      url: s.extra ? undefined : `${origin}/sessions/${s.id}`,
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
      status: s.cancelled ? 'CANCELLED' : 'CONFIRMED',
      sequence: s.sequence,
    } satisfies EventAttributes;
  });
  const { error, value } = createEvents(events, { calName: program.title, productId: 'clm-study' });
  if (error || !value) throw error ?? new Error('Could not build the calendar');
  return foldIcs(value);
}
