// Roster view: the members, adding one, editing, deactivating, and the CSV import.
import { useState } from 'react';
import { PageTitle } from '../../components/ui/page-title';
import type { Member } from '../../lib/chapter';
import { formatWhen } from '../../lib/dates';
import { GroupNav } from './group-nav';
import { addMember, setMemberActive, useMembers, useRosterDuplicates, useWrite } from './data';
import { emptyMember, MemberFields, type MemberValue } from './fields';
import { FormError } from './form-error';
import { MemberEditor } from './member-editor';
import { RosterImport } from './roster-import';
import { useSubmit } from './use-submit';

export function Component() {
  const members = useMembers();
  const duplicates = useRosterDuplicates();
  return (
    <>
      <PageTitle title="Roster">Roster</PageTitle>
      <GroupNav />
      {duplicates && duplicates.length > 0 && (
        <div role="alert" className="notice notice-error">
          <p>These members share an email with another member. Give each one their own email:</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.memberId}>
                {d.name} ({d.email}, also {d.keptName})
              </li>
            ))}
          </ul>
        </div>
      )}
      {members && members.length === 0 && (
        <p className="muted">No members yet. Add them one by one or import a CSV file.</p>
      )}
      {members && members.length > 0 && (
        <ul className="roster">
          {members.map((m) => (
            <RosterRow key={m.id} member={m} />
          ))}
        </ul>
      )}
      <AddMemberForm />
      <RosterImport members={members} />
    </>
  );
}

function RosterRow({ member: m }: { member: Member }) {
  const { saving, error, run } = useWrite();
  const toggle = () =>
    run(
      () => setMemberActive(m.id, !m.active),
      m.active ? `${m.name} was not deactivated` : `${m.name} was not reactivated`,
    );
  return (
    <li className={m.active ? '' : 'inactive'}>
      <span className="roster-who">
        {m.name}{' '}
        <span className="muted">
          · {m.email} · {m.role === 'clm' ? 'current CLM' : m.role}
        </span>
        {!m.active && <span className="tag"> (inactive)</span>}
        <span className="muted origin">
          {m.origin
            ? ` · imported from ${m.origin.file}, ${formatWhen(m.origin.importedAt)}`
            : ` · changed on this device ${formatWhen(m.updatedAt)}`}
        </span>
      </span>
      <span className="actions">
        <MemberEditor member={m} />
        <button type="button" className="button-secondary" disabled={saving} onClick={() => void toggle()}>
          {m.active ? `Deactivate ${m.name}` : `Reactivate ${m.name}`}
        </button>
      </span>
      <FormError error={error} />
    </li>
  );
}

function AddMemberForm() {
  const [value, setValue] = useState<MemberValue>(emptyMember);
  const [done, setDone] = useState<string | null>(null);
  const { saving, error, run } = useSubmit();
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    void run(async () => {
      const m = await addMember(value);
      setValue(emptyMember);
      setDone(`${m.name} added.`);
    }, 'this member was not added');
  };
  return (
    <form onSubmit={add} className="card stack" aria-labelledby="add-member">
      <h2 id="add-member">Add a member</h2>
      <fieldset disabled={saving} className="plain-fieldset stack">
        <MemberFields value={value} onChange={setValue} />
        <FormError error={error} />
        {done && <p role="status">{done}</p>}
        <button type="submit" className="button">
          {saving ? 'Adding…' : 'Add member'}
        </button>
      </fieldset>
    </form>
  );
}
