// The review forecast: reviews falling due on each of the next 7 days, as columns with their
// numbers written on them (the list reads as text too: day, then count).
import type { ForecastDay } from '../../lib/forecast';

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });
const LONG = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** Short on screen (seven columns fit a phone), in full for screen readers. */
function DayName({ day, i }: { day: string; i: number }) {
  const date = new Date(`${day}T00:00:00Z`);
  return (
    <span className="forecast-day">
      <span aria-hidden="true">{i === 0 ? 'Today' : WEEKDAY.format(date)}</span>
      <span className="visually-hidden">
        {i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : ''} {LONG.format(date)}:
      </span>
    </span>
  );
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
            <DayName day={d.day} i={i} />
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
