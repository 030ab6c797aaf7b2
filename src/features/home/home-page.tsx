import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';

// The study panel reads IndexedDB; it loads after the first paint so the shell stays light.
const StudyPanel = lazy(() => import('./study-panel'));

export default function HomePage() {
  const { program, areas, sessions, counts } = content;
  const today = todayIn(program.timezone);
  const next = sessions.find((s) => s.date >= today);
  return (
    <>
      <PageTitle title={program.title}>{program.title}</PageTitle>
      <p className="lede">{program.chapter}</p>
      <div className="study-slot">
        <Suspense fallback={<p className="muted">Loading your progress…</p>}>
          <StudyPanel />
        </Suspense>
      </div>
      {next && (
        <section aria-labelledby="next-session" className="card">
          <h2 id="next-session">Next session</h2>
          <p>
            <Link to={paths.session.href(next.id)}>{next.title}</Link>
          </p>
          <p className="muted">
            {formatDate(next.date)} at {formatTime(next.start)} · {formatHours(next.hours)} · {next.speaker.name}
          </p>
        </section>
      )}
      <section aria-labelledby="practise">
        <h2 id="practise">Practise by area</h2>
        <ul className="tiles">
          {areas.map((a) => (
            <li key={a.id}>
              <Link className="tile" to={paths.practiceArea.href(a.id)}>
                <span className="tile-title">{a.title}</span>
                <span className="muted">
                  {a.weight}% of the exam · {counts.byArea[a.id] ?? 0} questions
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="welcome">
        <h2 id="welcome">About the program</h2>
        <ContentHtml html={program.welcomeHtml} />
        <p>
          <Link to={paths.sessions.href()}>See the season's {sessions.length} sessions</Link> ·{' '}
          <Link to={paths.areas.href()}>Browse the {areas.length} exam areas</Link>
        </p>
      </section>
    </>
  );
}
