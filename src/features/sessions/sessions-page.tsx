import { Link } from 'react-router';
import { content, findArea } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, zoneName } from '../../lib/dates';
import { useToday } from '../../components/ui/use-today';
import type { SessionMeta } from '../../content/types';

export default function SessionsPage() {
  const { program, sessions } = content;
  const today = useToday(program.timezone);
  const upcoming = sessions.filter((s) => s.date >= today);
  const past = sessions.filter((s) => s.date < today);
  const total = sessions.reduce((sum, s) => sum + s.hours, 0);
  return (
    <>
      <PageTitle title="Sessions">Sessions</PageTitle>
      <p className="lede">
        {sessions.length} sessions, {formatHours(total)} in all (target {formatHours(program.season.targetHours)}).
        Times are {program.timezone.replace(/_/g, ' ')} time.
      </p>
      <SessionList title="Upcoming" sessions={upcoming} />
      <SessionList title="Past" sessions={past} />
    </>
  );
}

function SessionList({ title, sessions }: { title: string; sessions: SessionMeta[] }) {
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
                <Link to={paths.session.href(s.id)}>{s.title}</Link>
              </h3>
              <p>
                <time dateTime={`${s.date}T${s.start}`}>
                  {formatDate(s.date)}, {formatTime(s.start)} {zoneName(program.timezone, s.date)}
                </time>{' '}
                · {formatHours(s.hours)}
              </p>
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
