import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';

// The study panel reads IndexedDB; it loads after the first paint so the shell stays light.
const StudyPanel = lazy(() => import('./study-panel'));

/** How long the first look at storage may take before Home shows the empty figures. */
const LOOK_MS = 3000;

/**
 * Whether this device has study data yet (false on a first visit: nothing to read; false too
 * when storage cannot be read, or does not answer in time, so Home never waits forever).
 */
async function hasStudyData(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  const look = indexedDB.databases().then(
    (list) => list.some((d) => d.name === 'clm-study'),
    () => false,
  );
  return Promise.race([look, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), LOOK_MS))]);
}

/**
 * Today's study. On a first visit there is nothing stored, so it shows the empty figures
 * without loading the database code; the live panel takes over once there is data, or as
 * soon as the candidate sets an exam date.
 */
function Today() {
  const [live, setLive] = useState<boolean | undefined>(undefined);
  const [pendingDate, setPendingDate] = useState<string | undefined>(undefined);
  useEffect(() => {
    let on = true;
    void hasStudyData().then((has) => on && setLive((l) => l || has));
    return () => {
      on = false;
    };
  }, []);
  if (live === undefined) return <p className="muted">Loading your progress…</p>;
  if (live)
    return (
      <Suspense fallback={<p className="muted">Loading your progress…</p>}>
        <StudyPanel initialExamDate={pendingDate} />
      </Suspense>
    );
  return (
    <section aria-labelledby="today" className="card stack">
      <h2 id="today">Today</h2>
      <p className="actions">
        <Link className="button" to={paths.practice.href('due')}>
          Review due (0)
        </Link>
        <Link className="button-secondary" to={paths.practice.href('new')}>
          New questions ({content.counts.total})
        </Link>
      </p>
      <p className="muted">
        0 answered today · 0-day streak · 0 of {content.counts.total} questions seen ·{' '}
        <Link to={paths.progress.href()}>Your progress</Link>
      </p>
      <label className="field">
        <span>Your exam date</span>
        <input
          type="date"
          onChange={(e) => {
            setPendingDate(e.target.value || undefined);
            setLive(true);
          }}
        />
      </label>
      <p className="muted">Set your exam date to get a daily plan that covers every question before then.</p>
    </section>
  );
}

export default function HomePage() {
  const { program, areas, sessions, counts } = content;
  const today = todayIn(program.timezone);
  const next = sessions.find((s) => s.date >= today);
  return (
    <>
      <PageTitle title={program.title}>{program.title}</PageTitle>
      <p className="lede">{program.chapter}</p>
      <div className="study-slot">
        <Today />
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
