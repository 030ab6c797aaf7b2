import { useState } from 'react';
import { content } from '../../content/runtime';
import type { EducationKind, RuleSet } from '../../content/types';
import { ContentHtml } from '../../components/ui/html';
import { PageTitle } from '../../components/ui/page-title';
import { readText } from '../../components/ui/files';
import { formatDate, formatHours } from '../../lib/dates';
import { evaluateRule, type EducationEntry, type RuleProgress } from '../../lib/ce';
import { applyChanges } from '../../lib/schedule';
import { chooseMe, importChapterFile, logEducation, removeEducation, useHoursData } from './data';

const KINDS: { id: EducationKind; label: string }[] = [
  { id: 'attended', label: 'Attended (live)' },
  { id: 'taught', label: 'Taught' },
  { id: 'self-study', label: 'Self-study or webcast' },
];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function Component() {
  const data = useHoursData();
  const rules = content.rules;
  const [message, setMessage] = useState<string | null>(null);
  if (!rules) return <p>No continuing-education rules are published with this program.</p>;
  if (!data) return <p className="muted">Loading…</p>;
  const sessions = applyChanges(content.sessions, new Map());
  const studyGroup: EducationEntry[] = data.attendance
    .filter((a) => a.present)
    .flatMap((a) => {
      const s = sessions.find((x) => x.id === a.sessionId);
      return s
        ? [
            {
              id: `sg:${s.id}`,
              date: s.date,
              title: `Study group: ${s.title}`,
              provider: content.program.chapter,
              hours: a.hours,
              category: rules.studyGroupCategories[s.area] ?? '',
              kind: 'attended' as const,
            },
          ]
        : [];
    });
  const all = [...studyGroup, ...data.education];
  const asOf = today();
  const recert = evaluateRule(rules.recertification, all, asOf);
  const eligibility = evaluateRule(rules.eligibility, all, asOf);

  const importFile = async (file: File) => {
    try {
      const s = await importChapterFile(await readText(file));
      setMessage(`Chapter file imported: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`);
    } catch (err) {
      setMessage(`Nothing was changed: ${(err as Error).message}`);
    }
  };

  return (
    <>
      <PageTitle title="My hours">My hours</PageTitle>
      <p>
        Your study-group hours and the education you log, measured against ALA's rules as this program publishes them.
      </p>
      <section aria-labelledby="who" className="card stack">
        <h2 id="who">Study-group hours</h2>
        {data.members.length === 0 ? (
          <p className="muted">
            No roster on this device. Import the chapter file your committee shares to see your official hours.
          </p>
        ) : (
          <label className="field">
            <span>I am</span>
            <select value={data.me ?? ''} onChange={(e) => void chooseMe(e.target.value || undefined)}>
              <option value="">Choose your name</option>
              {data.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Import the chapter file</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
        </label>
        {message && <p role="status">{message}</p>}
        {studyGroup.length > 0 && (
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
                <button type="button" className="button-secondary" onClick={() => void removeEducation(e.id)}>
                  Remove {e.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="rules-text">
        <h2 id="rules-text">The rules</h2>
        <ContentHtml html={content.rules!.textHtml} />
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

function LogForm() {
  const rules = content.rules!;
  const [date, setDate] = useState(today());
  const [title, setTitle] = useState('');
  const [provider, setProvider] = useState('');
  const [hours, setHours] = useState('1');
  const [category, setCategory] = useState(rules.recertification.categories[0]?.id ?? '');
  const [kind, setKind] = useState<EducationKind>('attended');
  const [topic, setTopic] = useState('');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    await logEducation({
      date,
      title: title.trim(),
      provider: provider.trim() || undefined,
      hours: Number(hours),
      category,
      kind,
      topic: topic || undefined,
    });
    setTitle('');
  };
  return (
    <form onSubmit={save} className="card stack" aria-labelledby="log">
      <h2 id="log">Log education</h2>
      <label className="field">
        <span>Date</span>
        <input type="date" required value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field">
        <span>Title</span>
        <input required value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>Provider</span>
        <input value={provider} onChange={(e) => setProvider(e.target.value)} />
      </label>
      <label className="field">
        <span>Hours</span>
        <input
          type="number"
          required
          min={0.25}
          max={40}
          step={0.25}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Category</span>
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          <optgroup label="Recertification">
            {rules.recertification.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </optgroup>
          <optgroup label="Exam eligibility">
            {rules.eligibility.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="field">
        <span>Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as EducationKind)}>
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Required topic (if any)</span>
        <select value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">None</option>
          {rules.recertification.topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Log these hours
      </button>
    </form>
  );
}
