import { Link } from 'react-router';
import { content, findArea } from '../../content/runtime';
import { useInstalled } from '../../content/installed';
import type { SessionMeta } from '../../content/types';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, zoneName } from '../../lib/dates';
import { useToday } from '../../components/ui/use-today';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';
import { useSchedule } from './data';

export default function SessionsPage() {
  const { program } = content;
  // Until this device's changes are read, the published schedule.
  const sessions = useSchedule() ?? buildSchedule(content.sessions, []);
  const today = useToday(program.timezone);
  const upcoming = sessions.filter((s) => s.date >= today);
  const past = sessions.filter((s) => s.date < today);
  const total = sessions.filter((s) => !s.cancelled).reduce((sum, s) => sum + s.hours, 0);
  return (
    <>
      <PageTitle title="Sessions">Sessions</PageTitle>
      <p className="lede">
        {sessions.filter((s) => !s.cancelled).length} sessions, {formatHours(total)} in all (target{' '}
        {formatHours(program.season.targetHours)}). Times are {program.timezone.replace(/_/g, ' ')} time.
      </p>
      <SessionList title="Upcoming" sessions={upcoming} />
      <SessionList title="Past" sessions={past} />
      <PackSessions />
    </>
  );
}

/** Sessions from session packs: material and questions, not part of the chapter's schedule. */
function PackSessions() {
  const { sessions } = useInstalled();
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="list-packs">
      <h2 id="list-packs">
        From session packs <span className="muted">({sessions.length})</span>
      </h2>
      <p className="muted">Material and questions shared by speakers. The committee schedules the meeting itself.</p>
      <ol className="schedule">
        {sessions.map((s: SessionMeta) => (
          <li key={s.id} className="card">
            <h3>
              <Link to={paths.session.href(s.id)}>{s.title}</Link>
            </h3>
            <p>
              <span className="tag">Session pack</span> {s.origin}
            </p>
            <p className="muted">
              {findArea(s.area)?.title} · {s.speaker.name}
              {s.speaker.role ? `, ${s.speaker.role}` : ''} · {s.questionCount} questions
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function SessionList({ title, sessions }: { title: string; sessions: ScheduledSession[] }) {
  const { program } = content;
  const id = `list-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({sessions.length})</span>
      </h2>
      {sessions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="schedule">
          {sessions.map((s) => (
            <li key={s.id} className="card">
              <h3>
                {s.extra ? s.title : <Link to={paths.session.href(s.id)}>{s.title}</Link>}
                {s.cancelled && <span className="tag tag-wrong"> Cancelled</span>}
              </h3>
              <p>
                <time dateTime={`${s.date}T${s.start}`}>
                  {s.cancelled ? <s>{formatDate(s.date)}</s> : formatDate(s.date)}, {formatTime(s.start)}{' '}
                  {zoneName(program.timezone, s.date)}
                </time>{' '}
                · {formatHours(s.hours)}
                {s.location ? ` · ${s.location}` : ''}
              </p>
              {s.movedFrom && (
                <p className="muted">
                  Moved from {formatDate(s.movedFrom.date)}, {formatTime(s.movedFrom.start)}.
                </p>
              )}
              <p className="muted">
                {findArea(s.area)?.title} · {s.speaker.name}
                {s.speaker.role ? `, ${s.speaker.role}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
