import { useState } from 'react';
import type { Member } from '../../lib/chapter';
import { updateMember } from './data';
import { MemberFields, type MemberValue } from './fields';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

export function MemberEditor({ member }: { member: Member }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<MemberValue>({ name: member.name, email: member.email, role: member.role });
  const { saving, error, run } = useSubmit();
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        Edit {member.name}
      </button>
    );
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await updateMember(member.id, value);
      setOpen(false);
    }, 'the change to this member was not saved');
  };
  return (
    <form onSubmit={save} className="card stack" aria-label={`Edit ${member.name}`}>
      <fieldset disabled={saving} className="plain-fieldset stack">
        <MemberFields value={value} onChange={setValue} />
        <FormError error={error} />
        <p className="actions">
          <button type="submit" className="button">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </p>
      </fieldset>
    </form>
  );
}
