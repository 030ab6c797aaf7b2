// Group, opened at the door: tonight's (or the next) session with one big Check in, and what
// the season stands at. Schedule, Roster, Hours and Share are their own views.
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';
import { currentSession } from '../../lib/schedule';
import { seasonHours } from '../../lib/hours';
import { GroupNav } from './group-nav';
import { useAttendance, useMembers, useSchedule } from './data';

export function Component() {
  const schedule = useSchedule();
  const members = useMembers();
  const attendance = useAttendance();
  const { program } = content;
  const today = todayIn(program.timezone);
  const next = schedule && currentSession(schedule, today);
  const season = schedule && members && attendance && seasonHours(schedule, members, attendance, today);
  return (
    <>
      <PageTitle title="Study group">Study group</PageTitle>
      <GroupNav />
      <p className="lede">{program.chapter}. Everything is kept on this device.</p>
      {schedule && !next && <p>No sessions are scheduled.</p>}
      {next && (
        <section aria-labelledby="tonight" className="card tonight">
          <h2 id="tonight">{next.date === today ? 'Tonight' : next.date > today ? 'Next session' : 'Last session'}</h2>
          <p className="tonight-title">{next.title}</p>
          <p>
            {formatDate(next.date)}, {formatTime(next.start)} · {formatHours(next.hours)}
            {next.location ? ` · ${next.location}` : ''}
          </p>
          <Link className="button button-big" to={paths.checkIn.href(next.id)}>
            Check in
          </Link>
        </section>
      )}
      {season && (
        <p>
          {season.held.length} of {season.held.length + season.upcoming.length} sessions held,{' '}
          {formatHours(season.heldHours)} so far, {formatHours(season.hoursLeft)} to come (target{' '}
          {formatHours(program.season.targetHours)}). {members?.length ?? 0} members on the roster.
        </p>
      )}
      {season?.cancelledWithCheckIns.map(({ session, count }) => (
        <p key={session.id} className="notice">
          {session.title} is cancelled: its {count} check-in{count === 1 ? ' is' : 's are'} kept but not counted.
        </p>
      ))}
      <p className="actions">
        <Link className="button-secondary" to={paths.myHours.href()}>
          My CE hours
        </Link>
      </p>
    </>
  );
}
