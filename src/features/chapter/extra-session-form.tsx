// A session the committee adds on this device (a make-up night, a review evening).
import { useState } from 'react';
import { content } from '../../content/runtime';
import { saveSessionChange } from './data';
import { HOURS_ERROR, sessionHours, WhenFields, type WhenValue } from './fields';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

const blank: WhenValue = { date: '', start: '18:00', hours: '2', room: '' };

export function ExtraSessionForm() {
  const [title, setTitle] = useState('');
  const [area, setArea] = useState(content.areas[0]?.id ?? '');
  const [speaker, setSpeaker] = useState('');
  const [when, setWhen] = useState<WhenValue>(blank);
  const [done, setDone] = useState<string | null>(null);
  const { saving, error, setError, run } = useSubmit();
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const hours = sessionHours(when.hours);
    if (hours === undefined) return setError(HOURS_ERROR);
    if (!title.trim() || !speaker.trim()) return setError('The title and the speaker must not be empty.');
    setDone(null);
    void run(async () => {
      await saveSessionChange({
        sessionId: `extra-${crypto.randomUUID()}`,
        extra: { title: title.trim(), area, speaker: speaker.trim() },
        date: when.date,
        start: when.start,
        hours,
        location: when.room.trim() || undefined,
      });
      setDone(`${title.trim()} added to the schedule.`);
      setTitle('');
      setSpeaker('');
      setWhen(blank);
    }, 'the session was not added');
  };
  return (
    <details className="editor">
      <summary>Add an extra session</summary>
      <form onSubmit={add} className="card stack" aria-label="Add an extra session">
        <fieldset disabled={saving} className="plain-fieldset stack">
          <label className="field">
            <span>Title</span>
            <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Area</span>
            <select value={area} onChange={(e) => setArea(e.target.value)}>
              {content.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Speaker</span>
            <input required maxLength={200} value={speaker} onChange={(e) => setSpeaker(e.target.value)} />
          </label>
          <WhenFields value={when} onChange={setWhen} />
          <FormError error={error} />
          {done && <p role="status">{done}</p>}
          <button type="submit" className="button">
            {saving ? 'Adding…' : 'Add session'}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
