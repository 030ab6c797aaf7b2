import { describe, expect, it } from 'vitest';
import { forecastEnd, forecastReviews } from '../../src/lib/forecast';
import { CALENDAR_LEVELS, levelOf, studyCalendar } from '../../src/lib/study-calendar';

// Local times, so the test holds in any timezone.
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('review forecast', () => {
  const now = at(2026, 3, 10, 9);

  it('counts the reviews due on each of the next 7 local days, overdue ones today', () => {
    const dues = [
      at(2026, 2, 1), // long overdue
      at(2026, 3, 10, 8), // earlier today
      at(2026, 3, 10, 23), // later today
      at(2026, 3, 11, 0), // just after midnight: tomorrow
      at(2026, 3, 11, 20),
      at(2026, 3, 16, 23), // the 7th day
      at(2026, 3, 17, 0), // the 8th day: outside
    ];
    expect(forecastReviews(dues, now)).toEqual([
      { day: '2026-03-10', count: 3 },
      { day: '2026-03-11', count: 2 },
      { day: '2026-03-12', count: 0 },
      { day: '2026-03-13', count: 0 },
      { day: '2026-03-14', count: 0 },
      { day: '2026-03-15', count: 0 },
      { day: '2026-03-16', count: 1 },
    ]);
  });

  it('ends at local midnight after the last day, whatever the hour now', () => {
    expect(forecastEnd(now)).toBe(new Date(2026, 2, 17).getTime());
    expect(forecastEnd(at(2026, 3, 10, 23), 1)).toBe(new Date(2026, 2, 11).getTime());
  });

  it('has seven empty days when nothing is scheduled', () => {
    const days = forecastReviews([], now);
    expect(days).toHaveLength(7);
    expect(days.every((d) => d.count === 0)).toBe(true);
  });
});

describe('study calendar', () => {
  it('lays out 12 weeks, Sunday first, ending with the week of today, with the future blank', () => {
    // 2026-03-11 is a Wednesday.
    const weeks = studyCalendar(
      [
        { day: '2026-03-11', answers: 30, ms: 600_000 },
        { day: '2026-03-09', answers: 4, ms: 60_000 },
        { day: '2025-12-01', answers: 99, ms: 0 }, // before the window
      ],
      '2026-03-11',
    );
    expect(weeks).toHaveLength(12);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const last = weeks[11]!;
    expect(last[0]!.day).toBe('2026-03-08');
    expect(last[3]).toMatchObject({ day: '2026-03-11', answers: 30, level: 3, future: false });
    expect(last[1]).toMatchObject({ day: '2026-03-09', answers: 4, level: 1 });
    expect(last[4]).toMatchObject({ day: '2026-03-12', future: true, answers: 0 });
    expect(weeks[0]![0]!.day).toBe('2025-12-21');
    expect(weeks.flat().reduce((s, d) => s + d.answers, 0)).toBe(34);
  });

  it('shades a day by its answers at the stated thresholds', () => {
    expect(CALENDAR_LEVELS).toEqual([1, 10, 25]);
    expect([0, 1, 9, 10, 24, 25, 200].map(levelOf)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});
