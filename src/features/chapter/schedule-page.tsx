// Schedule view: the season from the one schedule rule, each session's changes on this device,
// and the calendar export (cancelled sessions go out as cancelled).
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { download } from '../../components/ui/files';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';
import { isHeld, type ScheduledSession } from '../../lib/schedule';
import { scheduleToIcs } from '../../lib/calendar';
import { GroupNav } from './group-nav';
import { useSchedule } from './data';
import { SessionEditor } from './session-editor';
import { ExtraSessionForm } from './extra-session-form';

export function Component() {
  const sessions = useSchedule();
  const { program } = content;
  const today = todayIn(program.timezone);
  const live = sessions?.filter((s) => !s.cancelled) ?? [];
  const total = live.reduce((sum, s) => sum + s.hours, 0);
  const held = live.filter((s) => isHeld(s, today)).reduce((sum, s) => sum + s.hours, 0);
  const ics = (list: readonly ScheduledSession[], name: string) =>
    download(name, 'text/calendar', scheduleToIcs(list, program, location.origin));
  return (
    <>
      <PageTitle title="Schedule">Schedule</PageTitle>
      <GroupNav />
      {sessions && (
        <p>
          {live.length} sessions, {formatHours(total)} planned, {formatHours(held)} held so far (target{' '}
          {formatHours(program.season.targetHours)}).
        </p>
      )}
      <p>
        <button type="button" className="button-secondary" onClick={() => sessions && ics(sessions, 'study-group.ics')}>
          Export the schedule (.ics)
        </button>
      </p>
      <ExtraSessionForm />
      <ol className="schedule">
        {sessions?.map((s) => (
          <li key={`${s.id}-${s.sequence}`} className="card">
            <h3>{s.title}</h3>
            <p>
              <span className={isHeld(s, today) ? 'tag' : 'tag tag-correct'}>
                {s.cancelled ? 'Cancelled' : isHeld(s, today) ? 'Held' : 'Upcoming'}
              </span>{' '}
              {s.cancelled ? <strong>Cancelled. </strong> : null}
              {formatDate(s.date)}, {formatTime(s.start)} · {formatHours(s.hours)}
              {s.location ? ` · ${s.location}` : ''}
              {s.changed ? <span className="tag"> (changed on this device)</span> : null}
            </p>
            {s.movedFrom && (
              <p className="muted">
                Moved from {formatDate(s.movedFrom.date)}, {formatTime(s.movedFrom.start)}.
              </p>
            )}
            <SessionEditor session={s} />
            <p className="actions">
              {!s.cancelled && (
                <Link className="button" to={paths.checkIn.href(s.id)}>
                  Check in
                </Link>
              )}
              <button type="button" className="button-secondary" onClick={() => ics([s], `${s.id}.ics`)}>
                Add to calendar
              </button>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
