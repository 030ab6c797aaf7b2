// A walk-in: added to the roster and checked in at once, without leaving check-in.
import { useState } from 'react';
import type { ScheduledSession } from '../../lib/schedule';
import { addWalkIn } from './data';
import { emptyMember, MemberFields, type MemberValue } from './fields';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

export function WalkInForm({
  session,
  mayRecord,
  onAdded,
}: {
  session: ScheduledSession;
  mayRecord: () => boolean;
  onAdded: (name: string) => void;
}) {
  const [value, setValue] = useState<MemberValue>(emptyMember);
  const { saving, error, run } = useSubmit();
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!mayRecord()) return;
    void run(async () => {
      const m = await addWalkIn(session.id, value, session.hours);
      setValue(emptyMember);
      onAdded(m.name);
    }, 'this walk-in was not added');
  };
  return (
    <details className="editor">
      <summary>Add a walk-in</summary>
      <form onSubmit={add} className="card stack" aria-label="Add a walk-in">
        <fieldset disabled={saving} className="plain-fieldset stack">
          <MemberFields value={value} onChange={setValue} />
          <FormError error={error} />
          <button type="submit" className="button">
            {saving ? 'Adding…' : 'Add and check in'}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
