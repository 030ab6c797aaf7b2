// Change a session on this device only: reschedule, hours, room, cancel; or go back to the
// published session. Cancelling a session with check-ins says how many first and keeps them.
import { useState } from 'react';
import type { ScheduledSession } from '../../lib/schedule';
import { countCheckIns, restorePublishedSession, saveSessionChange } from './data';
import { HOURS_ERROR, sessionHours, WhenFields, type WhenValue } from './fields';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

export function SessionEditor({ session }: { session: ScheduledSession }) {
  const [when, setWhen] = useState<WhenValue>({
    date: session.date,
    start: session.start,
    hours: String(session.hours),
    room: session.location ?? '',
  });
  const [cancelled, setCancelled] = useState(session.cancelled);
  const { saving, error, setError, run } = useSubmit();
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const hours = sessionHours(when.hours);
    if (hours === undefined) return setError(HOURS_ERROR);
    void run(async () => {
      if (cancelled && !session.cancelled) {
        const n = await countCheckIns(session.id);
        const ask = `${n} member${n === 1 ? ' is' : 's are'} checked in to ${session.title}. Cancel it anyway? Their check-ins are kept, and their hours stop counting until the session is restored.`;
        if (n > 0 && !window.confirm(ask)) return;
      }
      await saveSessionChange({
        sessionId: session.id,
        extra: session.extra ? { title: session.title, area: session.area, speaker: session.speaker.name } : undefined,
        date: when.date,
        start: when.start,
        hours,
        location: when.room.trim() || undefined,
        cancelled,
      });
    }, 'the change was not saved');
  };
  const restore = () =>
    void run(async () => {
      await restorePublishedSession(session.id);
      setCancelled(false);
    }, 'the session was not restored');
  return (
    <details className="editor">
      <summary>Change this session on this device</summary>
      <form onSubmit={save} className="stack" aria-label={`Change ${session.title}`}>
        <fieldset disabled={saving} className="plain-fieldset stack">
          <WhenFields value={when} onChange={setWhen} />
          <label className="check">
            <input type="checkbox" checked={cancelled} onChange={(e) => setCancelled(e.target.checked)} /> Cancelled
          </label>
          <FormError error={error} />
          <p className="actions">
            <button type="submit" className="button">
              {saving ? 'Saving…' : 'Save change'}
            </button>
            {session.changed && !session.extra && (
              <button type="button" className="button-secondary" onClick={restore}>
                Back to the published schedule
              </button>
            )}
          </p>
        </fieldset>
      </form>
    </details>
  );
}
