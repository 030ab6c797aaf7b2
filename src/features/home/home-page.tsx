import { databaseExists } from '../../db/presence';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime } from '../../lib/dates';
import { useToday } from '../../components/ui/use-today';

// The study panel reads IndexedDB; it loads after the first paint so the shell stays light.
const StudyPanel = lazy(() => import('./study-panel'));

/**
 * Today's study, as it stands on a first visit: nothing answered yet. It is the prerendered
 * part of the slot, so a first visit never shifts; on a device with data the live panel,
 * which has the same shape, takes its place. Its controls need JavaScript, and say so.
 */
function FirstVisitToday({ onExamDate }: { onExamDate: (date: string | undefined) => void }) {
  return (
    <>
      {/* Before the card, not in it: in its stack of lines an empty <noscript> still takes a gap. */}
      <noscript>
        <p>
          Practice, your study plan and your progress need JavaScript: turn it on to use them. The exam areas and the
          sessions' material read without it.
        </p>
      </noscript>
      <section aria-labelledby="today" className="card stack">
        <h2 id="today">Today</h2>
        <p className="actions needs-js">
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
        <label className="field needs-js">
          <span>Your exam date</span>
          <input type="date" onChange={(e) => onExamDate(e.target.value || undefined)} />
        </label>
        <p className="muted needs-js">Set your exam date to get a daily plan that covers every question before then.</p>
      </section>
    </>
  );
}

/**
 * Today's study. On a first visit there is nothing stored, so it shows the empty figures
 * without loading the database code; the live panel takes over once there is data, or as
 * soon as the candidate sets an exam date. Until the panel has its figures, the first-visit
 * card holds its place.
 */
function Today() {
  const [live, setLive] = useState(false);
  const [pendingDate, setPendingDate] = useState<string | undefined>(undefined);
  useEffect(() => {
    let on = true;
    void databaseExists().then((has) => on && has && setLive(true));
    return () => {
      on = false;
    };
  }, []);
  const placeholder = (
    <FirstVisitToday
      onExamDate={(date) => {
        setPendingDate(date);
        setLive(true);
      }}
    />
  );
  if (!live) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <StudyPanel initialExamDate={pendingDate} fallback={placeholder} />
    </Suspense>
  );
}

export default function HomePage() {
  const { program, areas, sessions, counts } = content;
  const today = useToday(program.timezone);
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
