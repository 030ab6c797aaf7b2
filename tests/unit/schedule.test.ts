import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { applyChanges, scheduleToIcs, zonedToUtc } from '../../src/lib/schedule';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';

const { index } = compileContent(readContentDirs(['content'])).content!;

describe('schedule', () => {
  it('converts wall-clock times in the program timezone to UTC, across daylight saving', () => {
    expect(new Date(zonedToUtc('2027-01-12', '18:00', 'America/Chicago')).toISOString()).toBe(
      '2027-01-13T00:00:00.000Z',
    );
    expect(new Date(zonedToUtc('2027-03-16', '18:00', 'America/Chicago')).toISOString()).toBe(
      '2027-03-16T23:00:00.000Z',
    );
  });

  it('lays local changes over the content: moved, shortened, cancelled', () => {
    const changes = new Map([
      ['technology', { sessionId: 'technology', date: '2027-01-27', hours: 2, updatedAt: 1 }],
      ['legal-industry', { sessionId: 'legal-industry', cancelled: true, updatedAt: 1 }],
    ]);
    const s = applyChanges(index.sessions, changes);
    expect(s.find((x) => x.id === 'technology')).toMatchObject({
      date: '2027-01-27',
      hours: 2,
      changed: true,
      cancelled: false,
    });
    expect(s.find((x) => x.id === 'legal-industry')).toMatchObject({ cancelled: true });
    expect(s.find((x) => x.id === 'general-accounting-trust')).toMatchObject({ changed: false });
  });

  it('exports an .ics calendar a real parser reads back: one event per session, correct instants', () => {
    const sessions = applyChanges(
      index.sessions,
      new Map([['legal-industry', { sessionId: 'legal-industry', cancelled: true, updatedAt: 1 }]]),
    );
    const text = scheduleToIcs(sessions, index.program, 'https://clm.example');
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(index.sessions.length - 1);
    const first = events.find((e) => e.uid === 'general-accounting-trust@clm-study')!;
    expect(first.summary).toBe('General Accounting and Client Trust Funds');
    expect(first.startDate.toJSDate().toISOString()).toBe('2027-01-13T00:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2027-01-13T03:00:00.000Z');
    expect(first.location).toBe('Lakeshore Bar Center, Room 210');
    expect(events.some((e) => e.uid === 'legal-industry@clm-study')).toBe(false);
  });
});
