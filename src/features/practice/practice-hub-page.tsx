import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import type { SetSource } from '../../db/db';
import { LENGTHS, startPracticeSet, type SetLength } from './sets';
import { usePersonalCounts, useActiveSets } from './data';

function parseSource(value: string | null): SetSource {
  const [type, id] = (value ?? 'mixed').split(':') as [SetSource['type'], string | undefined];
  if ((type === 'area' || type === 'subarea' || type === 'competency' || type === 'session') && id) return { type, id };
  if (type === 'missed' || type === 'flagged' || type === 'new' || type === 'due' || type === 'mixed') return { type };
  return { type: 'mixed' };
}

const key = (s: SetSource) => ('id' in s ? `${s.type}:${s.id}` : s.type);

export default function PracticeHubPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [source, setSource] = useState(key(parseSource(params.get('source'))));
  const [length, setLength] = useState<SetLength>(10);
  const [message, setMessage] = useState<string | null>(null);
  const counts = usePersonalCounts();
  const active = useActiveSets();
  const { areas, sessions, counts: bank } = content;

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    const attempt = await startPracticeSet(parseSource(source), length);
    if (!attempt) {
      setMessage('There are no questions in that set yet. Choose another.');
      return;
    }
    navigate(paths.practiceSet.href(attempt.id));
  };

  const personal = (type: 'due' | 'missed' | 'flagged' | 'new', label: string) => (
    <option value={type}>
      {label} ({counts ? counts[type] : '…'})
    </option>
  );

  return (
    <>
      <PageTitle title="Practice">Practice</PageTitle>
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
      <form onSubmit={start} className="card stack">
        <h2>Start a practice set</h2>
        <p className="muted">
          Questions and their options come in a new random order each time. Answers count toward your review schedule.
        </p>
        <label className="field">
          <span>What to practise</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <optgroup label="Your sets">
              {personal('due', 'Due for review')}
              {personal('missed', 'Missed last time')}
              {personal('flagged', 'Flagged')}
              {personal('new', 'Never seen')}
              <option value="mixed">Everything mixed ({bank.total})</option>
            </optgroup>
            <optgroup label="Exam areas">
              {areas.map((a) => (
                <option key={a.id} value={`area:${a.id}`}>
                  {a.title} ({bank.byArea[a.id] ?? 0})
                </option>
              ))}
            </optgroup>
            <optgroup label="Sub-areas">
              {areas.flatMap((a) =>
                a.subareas.map((s) => (
                  <option key={s.id} value={`subarea:${s.id}`}>
                    {s.title} ({bank.bySubarea[s.id] ?? 0})
                  </option>
                )),
              )}
            </optgroup>
            <optgroup label="Competencies">
              {areas.flatMap((a) =>
                a.subareas.flatMap((s) =>
                  s.competencies.map((c) => (
                    <option key={c.id} value={`competency:${c.id}`}>
                      {c.title} ({bank.byCompetency[c.id] ?? 0})
                    </option>
                  )),
                ),
              )}
            </optgroup>
            <optgroup label="Sessions">
              {sessions.map((s) => (
                <option key={s.id} value={`session:${s.id}`}>
                  {s.title} ({s.questionIds.length})
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <fieldset className="segmented">
          <legend>How many questions</legend>
          {LENGTHS.map((n) => (
            <label key={n}>
              <input type="radio" name="length" checked={length === n} onChange={() => setLength(n)} />
              <span>{n === 'all' ? 'All' : n}</span>
            </label>
          ))}
        </fieldset>
        {message && (
          <p role="alert" className="notice notice-error">
            {message}
          </p>
        )}
        <button type="submit" className="button">
          Start practice
        </button>
      </form>
    </>
  );
}
