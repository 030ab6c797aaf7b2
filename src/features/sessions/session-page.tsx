import { Link, useLoaderData, useParams } from 'react-router';
import { content, findArea, findSession } from '../../content/runtime';
import { useInstalled } from '../../content/installed';
import type { SessionMaterial } from '../../content/types';
import { paths } from '../../config/paths';
import { ContentHtml } from '../../components/ui/html';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, zoneName } from '../../lib/dates';
import { download } from '../../components/ui/files';
import { buildSchedule } from '../../lib/schedule';
import { useSchedule } from './data';

export default function SessionPage() {
  const { sessionId } = useParams();
  useInstalled(); // a pack's session renders again when its pack is updated or withdrawn
  const published = findSession(sessionId);
  const material = useLoaderData() as SessionMaterial | undefined;
  const schedule = useSchedule();
  if (!published) return <NotFound what="session" />;
  // This device's changes (moved, room, cancelled) over the published session.
  const session =
    (schedule ?? buildSchedule([published], [])).find((s) => s.id === published.id) ??
    buildSchedule([published], [])[0];
  if (!session) return <NotFound what="session" />;
  const area = findArea(session.area);
  const subareas = area?.subareas.filter((s) => session.subareas.includes(s.id)) ?? [];
  const count = session.questionCount;
  return (
    <>
      <PageTitle title={session.title}>{session.title}</PageTitle>
      {session.cancelled && <p className="notice notice-error">This session is cancelled.</p>}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          <time dateTime={`${session.date}T${session.start}`}>
            {formatDate(session.date)}, {formatTime(session.start)} {zoneName(content.program.timezone, session.date)}
          </time>
          {session.movedFrom && (
            <span className="muted">
              {' '}
              (moved from {formatDate(session.movedFrom.date)}, {formatTime(session.movedFrom.start)})
            </span>
          )}
        </dd>
        <dt>Hours</dt>
        <dd>{formatHours(session.hours)}</dd>
        <dt>Speaker</dt>
        <dd>
          {session.speaker.name}
          {session.speaker.role ? `, ${session.speaker.role}` : ''}
        </dd>
        {session.location && (
          <>
            <dt>Where</dt>
            <dd>{session.location}</dd>
          </>
        )}
        {session.origin && (
          <>
            <dt>Source</dt>
            <dd>
              <span className="tag">Session pack</span> {session.origin}
            </dd>
          </>
        )}
        <dt>Area</dt>
        <dd>
          {area ? <Link to={paths.area.href(area.id)}>{area.title}</Link> : session.area}
          {subareas.length > 0 && `: ${subareas.map((s) => s.title).join(', ')}`}
        </dd>
      </dl>
      <p className="actions">
        {count > 0 && (
          <Link className="button" to={paths.practiceSession.href(session.id)}>
            Practise this session's {count} {count === 1 ? 'question' : 'questions'}
          </Link>
        )}
        <button
          type="button"
          className="button-secondary needs-js"
          onClick={async () => {
            // The calendar library loads only when asked for: it is not needed to read a session.
            const { scheduleToIcs } = await import('../../lib/calendar');
            download(`${session.id}.ics`, 'text/calendar', scheduleToIcs([session], content.program, location.origin));
          }}
        >
          Add to calendar
        </button>
      </p>
      <noscript>
        <p className="muted">Practice and the calendar file need JavaScript.</p>
      </noscript>
      <section aria-labelledby="material">
        <h2 id="material">Material</h2>
        {material && <ContentHtml html={material.materialHtml} className="material" />}
      </section>
    </>
  );
}
