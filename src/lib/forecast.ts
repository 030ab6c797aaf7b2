// The review forecast: how many review cards fall due on each of the coming days, in the
// candidate's local calendar. Today's figure includes every card already overdue.
import { localDay } from './progress';

export interface ForecastDay {
  /** YYYY-MM-DD, local. */
  day: string;
  count: number;
}

/** Local midnight `offset` days after the day of `now`. */
function localMidnight(now: number, offset: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset).getTime();
}

/** The moment the forecast ends (local midnight after its last day): read cards due before it. */
export function forecastEnd(now: number, days = 7): number {
  return localMidnight(now, days);
}

export function forecastReviews(dues: Iterable<number>, now: number, days = 7): ForecastDay[] {
  const out: ForecastDay[] = [];
  for (let i = 0; i < days; i++) out.push({ day: localDay(localMidnight(now, i) + 12 * 3_600_000), count: 0 });
  const slot = new Map(out.map((d, i) => [d.day, i]));
  const end = forecastEnd(now, days);
  for (const due of dues) {
    if (due >= end) continue;
    // Overdue cards are today's work; the others fall on their own local day.
    const target = out[due <= now ? 0 : (slot.get(localDay(due)) ?? 0)];
    if (target) target.count++;
  }
  return out;
}
