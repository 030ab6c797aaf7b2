// Logging education for CE hours: a category, or "no category" for hours that count only
// toward a required topic (business ethics, substance abuse) and the total.
import { useState } from 'react';
import { content } from '../../content/runtime';
import type { EducationKind } from '../../content/types';
import { logEducation, useWrite } from './data';

export const KINDS: { id: EducationKind; label: string }[] = [
  { id: 'attended', label: 'Attended (live)' },
  { id: 'taught', label: 'Taught' },
  { id: 'self-study', label: 'Self-study or webcast' },
];

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function LogForm() {
  const rules = content.rules;
  if (!rules) return null;
  return <LogFormFor rules={rules} />;
}

function LogFormFor({ rules }: { rules: NonNullable<typeof content.rules> }) {
  const [date, setDate] = useState(today());
  const [title, setTitle] = useState('');
  const [provider, setProvider] = useState('');
  const [hours, setHours] = useState('1');
  const [category, setCategory] = useState(rules.recertification.categories[0]?.id ?? '');
  const [kind, setKind] = useState<EducationKind>('attended');
  const [topic, setTopic] = useState('');
  const { saving, error, run } = useWrite();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const h = Number(hours);
    if (!title.trim()) return setStatus({ ok: false, text: 'The title must not be empty.' });
    if (!(h > 0 && h <= 40)) return setStatus({ ok: false, text: 'Hours must be more than 0 and at most 40.' });
    if (!category && !topic)
      return setStatus({ ok: false, text: 'Choose a category, or a required topic for hours with no category.' });
    setStatus(null);
    // A failure keeps what was typed, to try again; the list shows only what is stored.
    await run(async () => {
      await logEducation({
        date,
        title: title.trim(),
        provider: provider.trim() || undefined,
        hours: h,
        category,
        kind,
        topic: topic || undefined,
      });
      setStatus({ ok: true, text: `${title.trim()}: ${h} ${h === 1 ? 'hour' : 'hours'} logged.` });
      setTitle('');
    }, 'these hours were not logged');
  };
  const shown = status ?? (error ? { ok: false, text: error } : null);
  return (
    <form onSubmit={save} className="card stack" aria-labelledby="log">
      <h2 id="log">Log education</h2>
      <fieldset disabled={saving} className="plain-fieldset stack">
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
            <option value="">No category (a required topic only)</option>
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
        {shown && (
          <p role={shown.ok ? 'status' : 'alert'} className={shown.ok ? undefined : 'notice notice-error'}>
            {shown.text}
          </p>
        )}
        <button type="submit" className="button">
          {saving ? 'Saving…' : 'Log these hours'}
        </button>
      </fieldset>
    </form>
  );
}
