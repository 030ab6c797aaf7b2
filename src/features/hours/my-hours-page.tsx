import { useState } from 'react';
import { content } from '../../content/runtime';
import type { RuleSet } from '../../content/types';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { ImportRefusal, refusedProblems } from '../../components/ui/import-refusal';
import { formatDate, formatHours } from '../../lib/dates';
import { evaluateRule, type EducationEntry, type RuleProgress } from '../../lib/ce';
import { seasonHours } from '../../lib/hours';
import { todayIn } from '../../lib/dates';
import { LogForm } from './log-form';
import { OfficialHours } from './official-hours';
import { chooseMe, importChapter, removeEducation, useHoursData, useWrite } from './data';

import { KINDS, today } from './log-form';

export function Component() {
  const data = useHoursData();
  const rules = content.rules;
  const [message, setMessage] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ file: string; problems: string[] } | null>(null);
  // Choosing who I am, importing, removing: each shows what is stored, so a failure changes nothing on screen.
  const { saving, error, run } = useWrite();
  if (!rules) return <p>No continuing-education rules are published with this program.</p>;
  if (!data) return <p className="muted">Loading…</p>;
  // The one hours rule: held sessions only (not cancelled, day come), with this device's changes.
  const season = data.me
    ? seasonHours(data.schedule, [{ id: data.me }], data.attendance, todayIn(content.program.timezone))
    : undefined;
  const mine = data.me ? season?.byMember.get(data.me) : undefined;
  // Signed in: the chapter's official figures (the server's, by the same rule); else this device's.
  const official = data.official?.official;
  const areaOf = new Map(data.schedule.map((s) => [s.id, s.area]));
  const attended = official
    ? official.sessions.map((s) => ({
        id: s.sessionId,
        date: s.date,
        title: s.title,
        area: areaOf.get(s.sessionId) ?? '',
        hours: s.hours,
      }))
    : (mine?.sessions ?? []).map(({ session: s, hours }) => ({
        id: s.id,
        date: s.date,
        title: s.title,
        area: s.area,
        hours,
      }));
  const studyGroup: EducationEntry[] = attended.map((s) => ({
    id: `sg:${s.id}`,
    date: s.date,
    title: `Study group: ${s.title}`,
    provider: content.program.chapter,
    hours: s.hours,
    category: rules.studyGroupCategories[s.area] ?? '',
    kind: 'attended' as const,
  }));
  const all = [...studyGroup, ...data.education];
  const asOf = today();
  const recert = evaluateRule(rules.recertification, all, asOf);
  const eligibility = evaluateRule(rules.eligibility, all, asOf);

  const importFile = (file: File) => {
    setMessage(null);
    setRefused(null);
    return run(async () => {
      let s;
      try {
        s = await importChapter(file);
      } catch (err) {
        // A file refused by its checks lists its problems; nothing was written.
        const problems = refusedProblems(err);
        if (!problems) throw err;
        setRefused({ file: file.name, problems });
        return;
      }
      setMessage(`Chapter file imported: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`);
    }, 'nothing was changed');
  };

  return (
    <>
      <PageTitle title="My hours">My hours</PageTitle>
      <p>
        Your study-group hours and the education you log, measured against ALA's rules as this program publishes them.
      </p>
      <section aria-labelledby="who" className="card stack">
        <h2 id="who">Study-group hours</h2>
        {data.official ? (
          <OfficialHours stored={data.official} />
        ) : data.members.length === 0 ? (
          <p className="muted">
            No roster on this device. Import the chapter file your committee shares to see your official hours.
          </p>
        ) : (
          <label className="field">
            <span>I am</span>
            <select
              value={data.me ?? ''}
              disabled={saving}
              onChange={(e) => {
                const me = e.target.value || undefined;
                setMessage(null);
                void run(() => chooseMe(me), 'your choice of name was not saved');
              }}
            >
              <option value="">Choose your name</option>
              {data.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!official && (
          <label className="field">
            <span>Import your hours file or the chapter file</span>
            <input
              type="file"
              accept=".json,application/json"
              disabled={saving}
              onClick={(e) => {
                e.currentTarget.value = '';
              }}
              onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
            />
          </label>
        )}
        {message && <p role="status">{message}</p>}
        {refused && <ImportRefusal file={refused.file} problems={refused.problems} />}
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        {mine && !official && (
          <p>
            Study-group total: <strong>{formatHours(mine.hours)}</strong> over {mine.attended} of{' '}
            {season?.held.length ?? 0} sessions held.
          </p>
        )}
        {studyGroup.length > 0 && !official && (
          <ul>
            {studyGroup.map((e) => (
              <li key={e.id}>
                {formatDate(e.date)}: {e.title.replace('Study group: ', '')}, {formatHours(e.hours)}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">Whether study-group hours count is ALA's decision: report them as ALA allows.</p>
      </section>
      <Progress progress={recert} rule={rules.recertification} />
      <Progress progress={eligibility} rule={rules.eligibility} />
      <LogForm />
      {data.education.length > 0 && (
        <section aria-labelledby="logged">
          <h2 id="logged">Logged education</h2>
          <ul className="roster">
            {data.education.map((e) => (
              <li key={e.id}>
                <span>
                  {formatDate(e.date)}: {e.title}
                  {e.provider ? `, ${e.provider}` : ''} · {formatHours(e.hours)} ·{' '}
                  {KINDS.find((k) => k.id === e.kind)?.label}
                </span>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={saving}
                  onClick={() => void run(() => removeEducation(e.id), `${e.title} was not removed`)}
                >
                  Remove {e.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rules-text">
        <h2 id="rules-text">The rules</h2>
        <ContentHtml html={rules.textHtml} />
      </section>
    </>
  );
}

function Progress({ progress, rule }: { progress: RuleProgress; rule: RuleSet }) {
  const id = `rule-${rule.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{rule.title}</h2>
      <p>
        {progress.counted} of {progress.required} hours in the {rule.windowMonths} months to {formatDate(progress.asOf)}
        . {progress.met ? <strong>All requirements met.</strong> : null}
      </p>
      <ul>
        {[...progress.categories, ...progress.topics].map((c) => (
          <li key={c.id}>
            {c.title}: {c.have} of at least {c.min}
          </li>
        ))}
        {progress.caps.map((c) => (
          <li key={c.label}>
            {c.label}: {c.counted} counted of {c.claimed} logged (at most {c.max})
          </li>
        ))}
      </ul>
      {progress.missing.length > 0 && (
        <>
          <p>Still missing:</p>
          <ul className="missing">
            {progress.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
