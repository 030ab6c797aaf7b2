import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { content, useBankCounts } from '../../content/runtime';
import { useInstalled } from '../../content/installed';
import { plural } from '../../lib/text';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import type { SetSource, StudyMode } from '../../db/db';
import { useWrite } from '../../db/use-write';
import { useDatabaseExists } from '../../db/presence';
import { LENGTHS, examPace, type SetLength } from './set-options';
import { PracticeTree, SetButton } from './practice-tree';
import type { HubData } from './hub-live';

// The figures from storage need the database code; a device without a database has studied
// nothing, and loads that code only when it starts a set.
const HubLiveData = lazy(() => import('./hub-live'));

const FIRST_VISIT: HubData = {
  counts: { due: 0, missed: 0, flagged: 0, new: content.counts.total },
  active: [],
  tree: { byArea: new Map(), bySubarea: new Map(), byCompetency: new Map() },
};

/** A set named in the link (`?source=due`, `?source=subarea:trust`): started on arrival. */
function parseSource(value: string | null): SetSource | undefined {
  const [type, id] = (value ?? '').split(':');
  if ((type === 'area' || type === 'subarea' || type === 'competency' || type === 'session') && id) return { type, id };
  if (type === 'missed' || type === 'flagged' || type === 'new' || type === 'due' || type === 'mixed') return { type };
  return undefined;
}

const PERSONAL = [
  { type: 'due', label: 'Due for review' },
  { type: 'missed', label: 'Missed last time' },
  { type: 'flagged', label: 'Flagged' },
  { type: 'new', label: 'Never seen' },
] as const;

export default function PracticeHubPage() {
  const navigate = useNavigate();
  const [length, setLength] = useState<SetLength>(10);
  const [mode, setMode] = useState<StudyMode>('tutor');
  const starting = useWrite();
  // Still disabled once started, while the set's page loads: a second click starts nothing.
  const [leaving, setLeaving] = useState(false);
  const busy = starting.saving || leaving;
  const [message, setMessage] = useState<string | null>(null);
  const exists = useDatabaseExists();
  const [live, setLive] = useState<HubData>({});
  const { counts, active, tree: liveTree } = exists === false ? FIRST_VISIT : live;
  // Drawn as a transition: filling in every row's mastery yields to the browser in slices.
  const tree = useDeferredValue(liveTree);
  const bank = useBankCounts();
  const packs = useInstalled();
  const sessions = [...content.sessions, ...packs.sessions];
  const pace = Math.round((examPace() / 60_000) * 10) / 10;
  const [params] = useSearchParams();
  const linked = useRef(parseSource(params.get('source')));

  const start = (source: SetSource) =>
    starting.run(async () => {
      setMessage(null);
      const { startPracticeSet } = await import('./sets');
      const attempt = await startPracticeSet(source, length, mode);
      if (!attempt) return setMessage('There are no questions in that set yet. Choose another.');
      const to = attempt.kind === 'exam' ? paths.examAttempt.href(attempt.id) : paths.practiceSet.href(attempt.id);
      setLeaving(true);
      navigate(to, { replace: linked.current !== undefined });
    }, 'the practice set was not started');

  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    if (linked.current) void startRef.current(linked.current);
  }, []);
  // Stable, so the memoized tree is not redrawn by every change of the hub.
  const startFromTree = useCallback((s: SetSource) => void startRef.current(s), []);

  return (
    <>
      <PageTitle title="Practice">Practice</PageTitle>
      {exists && (
        <Suspense fallback={null}>
          <HubLiveData onData={setLive} />
        </Suspense>
      )}
      <noscript>
        <p className="notice">
          Practice needs JavaScript: turn it on to start a set. The exam areas and the sessions' material read without
          it.
        </p>
      </noscript>
      {active && active.length > 0 && (
        <section aria-labelledby="resume" className="card">
          <h2 id="resume">Pick up where you left off</h2>
          <ul>
            {active.slice(0, 5).map((a) => (
              <li key={a.id}>
                <Link to={paths.practiceSet.href(a.id)}>{a.title}</Link>{' '}
                <span className="muted">
                  {Object.keys(a.responses).length} of {a.questionIds.length} answered
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="how" className="card stack">
        <h2 id="how">How</h2>
        <fieldset className="segmented">
          <legend>Mode</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'tutor'} onChange={() => setMode('tutor')} />
            <span>Tutor: feedback after each question</span>
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'timed'} onChange={() => setMode('timed')} />
            <span>Timed: {pace} min a question, feedback at the end</span>
          </label>
        </fieldset>
        <fieldset className="segmented">
          <legend>How many questions</legend>
          {LENGTHS.map((n) => (
            <label key={n}>
              <input type="radio" name="length" checked={length === n} onChange={() => setLength(n)} />
              <span>{n === 'all' ? 'All' : n}</span>
            </label>
          ))}
        </fieldset>
      </section>
      {(message ?? starting.error) && (
        <p role="alert" className="notice notice-error">
          {message ?? starting.error}
        </p>
      )}
      <section aria-labelledby="your-sets">
        <h2 id="your-sets">Your sets</h2>
        <div className="set-grid">
          {PERSONAL.map((p) => (
            <SetButton
              key={p.type}
              label={p.label}
              detail={counts ? `${plural(counts[p.type], 'question')}` : '…'}
              busy={busy || counts?.[p.type] === 0}
              onClick={() => void start({ type: p.type })}
            />
          ))}
          <SetButton
            label="Everything mixed"
            detail={`${plural(bank.total, 'question')}`}
            busy={busy}
            onClick={() => void start({ type: 'mixed' })}
          />
        </div>
      </section>
      <section aria-labelledby="by-area">
        <h2 id="by-area">By exam area</h2>
        <PracticeTree mastery={tree} start={startFromTree} busy={busy} />
      </section>
      <section aria-labelledby="by-session">
        <h2 id="by-session">By study-group session</h2>
        <div className="set-grid">
          {sessions.map((s) => (
            <SetButton
              key={s.id}
              label={s.title}
              detail={`${plural(s.questionCount, 'question')}${s.origin ? ' · session pack' : ''}`}
              busy={busy}
              onClick={() => void start({ type: 'session', id: s.id })}
            />
          ))}
        </div>
      </section>
    </>
  );
}
