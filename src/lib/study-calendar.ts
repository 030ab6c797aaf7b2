// The study calendar: the last weeks as columns of seven days (Sunday first), each day shaded
// by how many answers were given on it.

export interface DayTotals {
  /** YYYY-MM-DD, local. */
  day: string;
  answers: number;
  ms: number;
}

export interface CalendarDay extends DayTotals {
  /** 0: none, 1: 1-9 answers, 2: 10-24, 3: 25 or more. */
  level: 0 | 1 | 2 | 3;
  /** After today: drawn blank. */
  future: boolean;
}

/** Lowest answer count of levels 1, 2 and 3 (the legend shows them). */
export const CALENDAR_LEVELS = [1, 10, 25] as const;

const DAY = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function levelOf(answers: number): CalendarDay['level'] {
  if (answers >= CALENDAR_LEVELS[2]) return 3;
  if (answers >= CALENDAR_LEVELS[1]) return 2;
  if (answers >= CALENDAR_LEVELS[0]) return 1;
  return 0;
}

/** `weeks` columns ending with the week of `today` (YYYY-MM-DD), oldest first. */
export function studyCalendar(records: readonly DayTotals[], today: string, weeks = 12): CalendarDay[][] {
  const byDay = new Map(records.map((r) => [r.day, r]));
  const end = toUtc(today);
  const firstSunday = end - new Date(end).getUTCDay() * DAY - (weeks - 1) * 7 * DAY;
  const columns: CalendarDay[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const t = firstSunday + (w * 7 + d) * DAY;
      const day = fromUtc(t);
      const r = byDay.get(day);
      const answers = r?.answers ?? 0;
      column.push({ day, answers, ms: r?.ms ?? 0, level: levelOf(answers), future: t > end });
    }
    columns.push(column);
  }
  return columns;
}
