// The study calendar: the last 12 weeks, one square a day, shaded by the answers given. The
// squares are a picture; the same days are listed in words below it.
import { formatDate } from '../../lib/dates';
import { CALENDAR_LEVELS, studyCalendar, type DayTotals } from '../../lib/study-calendar';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function answers(n: number): string {
  return `${n} ${n === 1 ? 'answer' : 'answers'}`;
}

export function StudyCalendar({ days, today }: { days: readonly DayTotals[]; today: string }) {
  const weeks = studyCalendar(days, today);
  const studied = weeks.flat().filter((d) => d.answers > 0);
  const total = studied.reduce((s, d) => s + d.answers, 0);
  const first = weeks[0]?.[0]?.day ?? today;
  return (
    <figure className="calendar">
      <div className="calendar-grid" aria-hidden="true">
        <span className="calendar-corner" />
        {weeks.map((w, i) => {
          const month = MONTH.format(new Date(`${w[0]?.day ?? today}T00:00:00Z`));
          const prev = i === 0 ? '' : MONTH.format(new Date(`${weeks[i - 1]?.[0]?.day ?? today}T00:00:00Z`));
          return (
            <span key={`m${i}`} className="calendar-month">
              {month !== prev ? month : ''}
            </span>
          );
        })}
        {WEEKDAYS.map((name, row) => (
          <Row key={name} name={name} row={row} weeks={weeks} />
        ))}
      </div>
      <figcaption>
        Studied on {studied.length} {studied.length === 1 ? 'day' : 'days'} in the last {weeks.length} weeks (
        {answers(total)}), since {formatDate(first, 'short')}.{' '}
        <span className="calendar-legend" aria-hidden="true">
          Fewer <span className="cell level-0" /> <span className="cell level-1" /> <span className="cell level-2" />{' '}
          <span className="cell level-3" /> more
        </span>
      </figcaption>
      {studied.length > 0 && (
        <details className="calendar-list">
          <summary>Study days in words</summary>
          <ul>
            {[...studied].reverse().map((d) => (
              <li key={d.day}>
                {formatDate(d.day)}: {answers(d.answers)}
                {d.ms > 0 ? `, ${minutes(d.ms)}` : ''}
              </li>
            ))}
          </ul>
          <p className="muted">
            Shades: 1 to {CALENDAR_LEVELS[1] - 1}, {CALENDAR_LEVELS[1]} to {CALENDAR_LEVELS[2] - 1}, and{' '}
            {CALENDAR_LEVELS[2]} or more answers a day.
          </p>
        </details>
      )}
    </figure>
  );
}

function Row({ name, row, weeks }: { name: string; row: number; weeks: ReturnType<typeof studyCalendar> }) {
  return (
    <>
      <span className="calendar-weekday">{row % 2 === 1 ? name : ''}</span>
      {weeks.map((w) => {
        const d = w[row];
        if (!d) return null;
        return d.future ? (
          <span key={d.day} className="cell cell-future" />
        ) : (
          <span
            key={d.day}
            className={`cell level-${d.level}`}
            title={`${formatDate(d.day, 'short')}: ${answers(d.answers)}`}
          />
        );
      })}
    </>
  );
}
