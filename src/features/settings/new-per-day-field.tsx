import { useState } from 'react';
import { NEW_PER_DAY_MAX, parseNewPerDay } from '../../lib/preferences';
import { saveNewPerDay, useWrite, type StudySettings } from './data';

function rate(n: number): string {
  return `${n} new question${n === 1 ? '' : 's'} a day`;
}

/** "New questions a day": a number the candidate picks, or empty to follow the plan. */
export function NewPerDayField({ settings }: { settings: StudySettings }) {
  const stored = settings.newPerDay === undefined ? '' : String(settings.newPerDay);
  const [text, setText] = useState(stored);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const { saving, error, run } = useWrite();
  const note = message ?? (error ? { error: true, text: error } : undefined);
  // A change stored elsewhere (another tab) shows here: reset the field when the stored value moves.
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setText(stored);
  }
  const planned =
    settings.planNewPerDay === undefined
      ? 'Set your exam date on Home to get a plan.'
      : `Your exam-date plan sets ${rate(settings.planNewPerDay)}.`;

  const save = async (value: string) => {
    const parsed = parseNewPerDay(value);
    if (!parsed.ok) {
      setMessage({ error: true, text: parsed.message });
      return;
    }
    const chosen = parsed.value;
    setMessage(undefined);
    // A failure shows what is stored again, and why.
    const saved = await run(
      () => saveNewPerDay(chosen),
      chosen === undefined ? 'your choice to follow the plan was not saved' : `${rate(chosen)} was not saved`,
      { undo: () => setText(stored) },
    );
    if (!saved) return;
    setText(chosen === undefined ? '' : String(chosen));
    setMessage({
      error: false,
      text: chosen === undefined ? 'Saved: you follow your plan.' : `Saved: ${rate(chosen)}.`,
    });
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(text);
      }}
    >
      <label className="field field-narrow">
        <span>New questions a day</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={NEW_PER_DAY_MAX}
          step={1}
          value={text}
          placeholder={settings.planNewPerDay === undefined ? '' : String(settings.planNewPerDay)}
          aria-describedby="new-per-day-hint"
          aria-invalid={message?.error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p id="new-per-day-hint" className="muted">
        From 0 (reviews only) to {NEW_PER_DAY_MAX}. Leave it empty to follow your plan. {planned}
      </p>
      <p className="actions">
        <button type="submit" className="button" disabled={saving}>
          Save
        </button>
        {settings.newPerDay !== undefined && (
          <button type="button" className="button-secondary" disabled={saving} onClick={() => void save('')}>
            Follow my plan
          </button>
        )}
      </p>
      <p role="status" className={note?.error ? 'notice notice-error' : undefined}>
        {note?.text}
      </p>
    </form>
  );
}
