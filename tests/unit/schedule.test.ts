import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildSchedule, zonedToUtc } from '../../src/lib/schedule';
import { foldIcs, scheduleToIcs } from '../../src/lib/calendar';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';

const { index } = compileContent(readContentDirs(['content'])).content!;
const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('schedule and calendar', () => {
  it('converts wall-clock times in the program timezone to UTC, across daylight saving', () => {
    expect(new Date(zonedToUtc('2027-01-12', '18:00', 'America/Chicago')).toISOString()).toBe(
      '2027-01-13T00:00:00.000Z',
    );
    expect(new Date(zonedToUtc('2027-03-16', '18:00', 'America/Chicago')).toISOString()).toBe(
      '2027-03-16T23:00:00.000Z',
    );
  });

  it('lays local changes over the content: moved, shortened, cancelled', () => {
    const s = buildSchedule(index.sessions, [
      { sessionId: 'technology', date: '2027-01-27', hours: 2, updatedAt: 1 },
      { sessionId: 'legal-industry', cancelled: true, updatedAt: 1 },
    ]);
    expect(s.find((x) => x.id === 'technology')).toMatchObject({
      date: '2027-01-27',
      hours: 2,
      changed: true,
      cancelled: false,
    });
    expect(s.find((x) => x.id === 'legal-industry')).toMatchObject({ cancelled: true });
    expect(s.find((x) => x.id === 'general-accounting-trust')).toMatchObject({ changed: false });
  });

  it('exports an .ics a real parser reads back: stable UIDs, correct instants, the moved time', () => {
    const sessions = buildSchedule(index.sessions, [
      { sessionId: 'technology', date: '2027-01-28', start: '17:30', revision: 1, updatedAt: 1 },
    ]);
    const list = events(scheduleToIcs(sessions, index.program, 'https://clm.example'));
    expect(list).toHaveLength(index.sessions.length);
    const first = list.find((e) => e.uid === 'general-accounting-trust@clm-study')!;
    expect(first.summary).toBe('General Accounting and Client Trust Funds');
    expect(first.startDate.toJSDate().toISOString()).toBe('2027-01-13T00:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2027-01-13T03:00:00.000Z');
    expect(first.location).toBe('Lakeshore Bar Center, Room 210');
    const moved = list.find((e) => e.uid === 'technology@clm-study')!;
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-01-28T23:30:00.000Z');
    expect(moved.sequence).toBe(1);
  });

  it('sends a cancelled session as STATUS:CANCELLED with a higher SEQUENCE, never dropping it', () => {
    const before = events(scheduleToIcs(buildSchedule(index.sessions, []), index.program, 'https://x.org'));
    const after = events(
      scheduleToIcs(
        buildSchedule(index.sessions, [{ sessionId: 'legal-industry', cancelled: true, revision: 1, updatedAt: 1 }]),
        index.program,
        'https://x.org',
      ),
    );
    const was = before.find((e) => e.uid === 'legal-industry@clm-study')!;
    const now = after.find((e) => e.uid === 'legal-industry@clm-study')!;
    expect(was.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(now.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(now.sequence).toBeGreaterThan(was.sequence);
  });

  it('folds lines at 75 octets without splitting a character, and parses back to the same text', () => {
    const title = 'Sesión de repaso: Hernández, Zoë y Chloé '.repeat(4).trim();
    const sessions = buildSchedule(index.sessions, [
      { sessionId: 'extra-1', extra: { title, area: 'hr', speaker: 'Ana' }, date: '2027-04-06', updatedAt: 1 },
    ]);
    const text = scheduleToIcs(sessions, index.program, 'https://x.org');
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(events(text).find((e) => e.uid === 'extra-1@clm-study')?.summary).toBe(title);
    expect(foldIcs('A:' + 'é'.repeat(40))).toBe('A:' + 'é'.repeat(36) + '\r\n ' + 'é'.repeat(4));
  });
});
