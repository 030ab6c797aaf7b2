// The review forecast: reviews falling due on each of the next 7 days, as columns with their
// numbers written on them (the list reads as text too: day, then count).
import type { ForecastDay } from '../../lib/forecast';

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

function dayName(day: string, i: number): string {
  if (i === 0) return 'Today';
  if (i === 1) return 'Tomorrow';
  return WEEKDAY.format(new Date(`${day}T00:00:00Z`));
}

function reviews(n: number): string {
  return `${n} ${n === 1 ? 'review' : 'reviews'}`;
}

export function ReviewForecast({ days }: { days: readonly ForecastDay[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((s, d) => s + d.count, 0);
  return (
    <figure className="forecast">
      <ol className="forecast-days" aria-label="Reviews due each day">
        {days.map((d, i) => (
          <li key={d.day}>
            <span className="forecast-day">{dayName(d.day, i)}</span>
            <span className="forecast-count">
              {d.count}
              <span className="visually-hidden"> {d.count === 1 ? 'review' : 'reviews'}</span>
            </span>
            <span className="forecast-bar" aria-hidden="true" style={{ height: `${(d.count / max) * 100}%` }} />
          </li>
        ))}
      </ol>
      <figcaption className="muted">
        {total === 0
          ? 'Nothing falls due in the next 7 days.'
          : `${reviews(total)} in the next 7 days, ${days[0]?.count ?? 0} of them today (overdue ones included).`}
      </figcaption>
    </figure>
  );
}
