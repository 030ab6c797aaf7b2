import { describe, expect, it } from 'vitest';
import type { SessionMeta } from '../../src/content/types';
import { attendanceId, type Attendance, type Member, type SessionChange } from '../../src/lib/chapter';
import { buildSchedule, checkInOpen, currentSession, isHeld } from '../../src/lib/schedule';
import { belowTarget, creditedHours, seasonHours } from '../../src/lib/hours';

const session = (id: string, date: string, hours = 3): SessionMeta => ({
  id,
  title: id,
  area: 'finance',
  subareas: [],
  competencies: [],
  speaker: { name: 'Pat' },
  date,
  start: '18:00',
  hours,
  questionCount: 0,
});
const published = [session('s1', '2027-01-12'), session('s2', '2027-01-19'), session('s3', '2027-01-26')];
const member = (id: string, active = true): Member => ({
  id,
  name: id,
  email: `${id}@x.org`,
  role: 'candidate',
  active,
  updatedAt: 1,
});
const present = (sessionId: string, memberId: string, hours: number): Attendance => ({
  id: attendanceId(sessionId, memberId),
  sessionId,
  memberId,
  present: true,
  hours,
  updatedAt: 1,
});
const change = (c: Omit<SessionChange, 'updatedAt'>): SessionChange => ({ updatedAt: 1, ...c });
const ann = [member('ann')];
const everything = [present('s1', 'ann', 3), present('s2', 'ann', 2.5), present('s3', 'ann', 3)];

// Each case: this device's changes, "today", Ann's attendance; what the one rule makes of it.
const cases: {
  name: string;
  changes: SessionChange[];
  today: string;
  attendance: Attendance[];
  held: string[];
  hours: number;
  missed: number;
}[] = [
  {
    name: 'the published season, all three held',
    changes: [],
    today: '2027-02-01',
    attendance: everything,
    held: ['s1', 's2', 's3'],
    hours: 8.5,
    missed: 0,
  },
  {
    name: 'a session cancelled after check-in: its hours stop counting, the check-in is kept',
    changes: [change({ sessionId: 's2', cancelled: true, revision: 2 })],
    today: '2027-02-01',
    attendance: everything,
    held: ['s1', 's3'],
    hours: 6,
    missed: 0,
  },
  {
    name: 'the same session restored: its hours count again',
    changes: [change({ sessionId: 's2', cancelled: false, revision: 3 })],
    today: '2027-02-01',
    attendance: everything,
    held: ['s1', 's2', 's3'],
    hours: 8.5,
    missed: 0,
  },
  {
    name: 'a session moved earlier: held from its new day',
    changes: [change({ sessionId: 's3', date: '2027-01-20' })],
    today: '2027-01-21',
    attendance: everything,
    held: ['s1', 's2', 's3'],
    hours: 8.5,
    missed: 0,
  },
  {
    name: 'a session moved later: not held until its new day, whatever was recorded',
    changes: [change({ sessionId: 's2', date: '2027-02-09' })],
    today: '2027-02-01',
    attendance: everything,
    held: ['s1', 's3'],
    hours: 6,
    missed: 0,
  },
  {
    name: 'an extra session added on this device counts once held',
    changes: [
      change({
        sessionId: 'extra-1',
        extra: { title: 'Review', area: 'hr', speaker: 'Sam' },
        date: '2027-01-28',
        hours: 1.5,
      }),
    ],
    today: '2027-02-01',
    attendance: [...everything, present('extra-1', 'ann', 1.5)],
    held: ['s1', 's2', 's3', 'extra-1'],
    hours: 10,
    missed: 0,
  },
  {
    name: 'a future session: check-ins recorded early do not count yet',
    changes: [],
    today: '2027-01-19',
    attendance: everything,
    held: ['s1', 's2'],
    hours: 5.5,
    missed: 0,
  },
  {
    name: 'a missed session and hours above the session length are bounded',
    changes: [change({ sessionId: 's1', hours: 2 })],
    today: '2027-02-01',
    attendance: [present('s1', 'ann', 3), present('s3', 'ann', 1)],
    held: ['s1', 's2', 's3'],
    hours: 3,
    missed: 1,
  },
];

describe('the one hours rule', () => {
  it.each(cases)('$name', ({ changes, today, attendance, held, hours, missed }) => {
    const schedule = buildSchedule(published, changes);
    const season = seasonHours(schedule, ann, attendance, today);
    expect(season.held.map((s) => s.id)).toEqual(held);
    expect(season.byMember.get('ann')).toMatchObject({ hours, missed, attended: held.length - missed });
    // The certificate lists exactly the sessions whose hours make the total.
    const mine = season.byMember.get('ann');
    expect(mine?.sessions.reduce((sum, s) => sum + s.hours, 0)).toBeCloseTo(hours);
  });

  it('says which cancelled sessions keep check-ins', () => {
    const schedule = buildSchedule(published, [change({ sessionId: 's2', cancelled: true })]);
    const season = seasonHours(schedule, ann, everything, '2027-02-01');
    expect(season.cancelledWithCheckIns.map((c) => [c.session.id, c.count])).toEqual([['s2', 1]]);
    expect(season.hoursLeft).toBe(0);
  });

  it('credits nothing for an absent record, and never more than the session or less than 0', () => {
    expect(creditedHours({ present: false, hours: 3 }, { hours: 3 })).toBe(0);
    expect(creditedHours({ present: true, hours: 5 }, { hours: 3 })).toBe(3);
    expect(creditedHours({ present: true, hours: -1 }, { hours: 3 })).toBe(0);
    expect(creditedHours({ present: true, hours: 1.333 }, { hours: 3 })).toBe(1.33);
  });

  it('lists active members who can no longer reach the target', () => {
    const members = [member('ann'), member('bo'), member('cy', false)];
    const schedule = buildSchedule(published, []);
    const season = seasonHours(schedule, members, [present('s1', 'ann', 3)], '2027-01-12');
    expect(season.hoursLeft).toBe(6);
    expect(belowTarget(members, season, 9).map((m) => m.id)).toEqual(['bo']);
    expect(belowTarget(members, season, 10).map((m) => m.id)).toEqual(['ann', 'bo']);
  });
});

describe('the one schedule', () => {
  it.each([
    { name: 'published', c: [], date: '2027-01-19', start: '18:00', changed: false, movedFrom: undefined },
    {
      name: 'moved earlier',
      c: [change({ sessionId: 's2', date: '2027-01-15', start: '17:00' })],
      date: '2027-01-15',
      start: '17:00',
      changed: true,
      movedFrom: { date: '2027-01-19', start: '18:00' },
    },
    {
      name: 'restored (an emptied change)',
      c: [change({ sessionId: 's2', revision: 4 })],
      date: '2027-01-19',
      start: '18:00',
      changed: false,
      movedFrom: undefined,
    },
  ])('$name', ({ c, date, start, changed, movedFrom }) => {
    const s2 = buildSchedule(published, c).find((s) => s.id === 's2');
    expect(s2).toMatchObject({ date, start, changed, movedFrom });
  });

  it('keeps date order with moved and extra sessions, and counts revisions as the sequence', () => {
    const schedule = buildSchedule(published, [
      change({ sessionId: 's1', date: '2027-01-30', revision: 2 }),
      change({ sessionId: 'extra-x', extra: { title: 'X', area: 'hr', speaker: 'Y' }, date: '2027-01-13' }),
    ]);
    expect(schedule.map((s) => s.id)).toEqual(['extra-x', 's2', 's3', 's1']);
    expect(schedule.map((s) => s.sequence)).toEqual([1, 0, 0, 2]);
    expect(schedule[0]).toMatchObject({ extra: true, hours: 1, changed: true });
  });

  it('holds a session on its day, never when cancelled; check-in opens on the day only', () => {
    const s = { date: '2027-01-19', cancelled: false };
    expect([isHeld(s, '2027-01-18'), isHeld(s, '2027-01-19'), isHeld({ ...s, cancelled: true }, '2027-02-01')]).toEqual(
      [false, true, false],
    );
    expect([checkInOpen(s, '2027-01-18'), checkInOpen(s, '2027-01-19'), checkInOpen(s, '2027-01-20')]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it("opens Group on tonight's session, else the next, else the last", () => {
    const schedule = buildSchedule(published, [change({ sessionId: 's2', cancelled: true })]);
    expect(currentSession(schedule, '2027-01-12')?.id).toBe('s1');
    expect(currentSession(schedule, '2027-01-13')?.id).toBe('s3');
    expect(currentSession(schedule, '2027-03-01')?.id).toBe('s3');
  });
});
