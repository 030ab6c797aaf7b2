import { useState } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';
import { applyChanges, scheduleToIcs, type ScheduledSession } from '../../lib/schedule';
import { parseRosterCsv, type RosterRow } from '../../lib/roster-csv';
import type { Member, MemberRole } from '../../lib/chapter';
import { download, readText } from '../../components/ui/files';
import {
  addMember,
  addMembers,
  clearSessionChange,
  DuplicateEmailError,
  saveSessionChange,
  setMemberActive,
  updateMember,
  useMembers,
  useSessionChanges,
} from './data';

export function Component() {
  return (
    <>
      <PageTitle title="Study group">Study group</PageTitle>
      <p className="lede">
        {content.program.chapter}: the season's schedule, the roster and check-in. Everything is kept on this device.
      </p>
      <p className="actions">
        <Link className="button-secondary" to={paths.members.href()}>
          Members, hours and certificates
        </Link>
        <Link className="button-secondary" to={paths.myHours.href()}>
          My CE hours
        </Link>
      </p>
      <Schedule />
      <Roster />
    </>
  );
}

function Schedule() {
  const changes = useSessionChanges();
  const { program } = content;
  const sessions = applyChanges(content.sessions, changes ?? new Map());
  const today = todayIn(program.timezone);
  const total = sessions.filter((s) => !s.cancelled).reduce((sum, s) => sum + s.hours, 0);
  const held = sessions.filter((s) => !s.cancelled && s.date < today).reduce((sum, s) => sum + s.hours, 0);
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">Schedule</h2>
      <p>
        {sessions.length} sessions, {formatHours(total)} planned, {formatHours(held)} held so far (target{' '}
        {formatHours(program.season.targetHours)}).
      </p>
      <p>
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            download('study-group.ics', 'text/calendar', scheduleToIcs(sessions, program, location.origin))
          }
        >
          Export the schedule (.ics)
        </button>
      </p>
      <ExtraSessionForm />
      <ol className="schedule">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <h3>{s.title}</h3>
            <p>
              <span className={s.date < today ? 'tag' : 'tag tag-correct'}>{s.date < today ? 'Past' : 'Upcoming'}</span>{' '}
              {s.cancelled ? <strong>Cancelled. </strong> : null}
              {formatDate(s.date)}, {formatTime(s.start)} · {formatHours(s.hours)}
              {s.location ? ` · ${s.location}` : ''}
              {s.changed ? <span className="tag"> (changed on this device)</span> : null}
            </p>
            <SessionEditor session={s} />
            <p className="actions">
              <Link className="button" to={paths.checkIn.href(s.id)}>
                Check in
              </Link>
              <button
                type="button"
                className="button-secondary"
                onClick={() => download(`${s.id}.ics`, 'text/calendar', scheduleToIcs([s], program, location.origin))}
              >
                Add to calendar
              </button>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface MemberValue {
  name: string;
  email: string;
  role: MemberRole;
}

/** Name, email and role: the fields of adding and of editing a member. */
function MemberFields({ value, onChange }: { value: MemberValue; onChange: (v: MemberValue) => void }) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input
          required
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span>Email</span>
        <input
          required
          type="email"
          value={value.email}
          onChange={(e) => onChange({ ...value, email: e.target.value })}
          autoComplete="off"
        />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as MemberRole })}>
          <option value="candidate">Candidate</option>
          <option value="clm">Current CLM</option>
          <option value="guest">Guest</option>
        </select>
      </label>
    </>
  );
}

interface WhenValue {
  date: string;
  start: string;
  hours: string;
  room: string;
}

/** Date, start, hours and room: the fields of adding and of changing a session. */
function WhenFields({ value, onChange }: { value: WhenValue; onChange: (v: WhenValue) => void }) {
  return (
    <>
      <label className="field">
        <span>Date</span>
        <input type="date" required value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />
      </label>
      <label className="field">
        <span>Start</span>
        <input
          type="time"
          required
          value={value.start}
          onChange={(e) => onChange({ ...value, start: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Hours</span>
        <input
          type="number"
          min={0.25}
          max={8}
          step={0.25}
          required
          value={value.hours}
          onChange={(e) => onChange({ ...value, hours: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Room</span>
        <input value={value.room} onChange={(e) => onChange({ ...value, room: e.target.value })} />
      </label>
    </>
  );
}

/** Session hours as the content format allows them; undefined when out of range. */
function sessionHours(text: string): number | undefined {
  const h = Number(text);
  return h > 0 && h <= 8 ? h : undefined;
}

const HOURS_ERROR = 'Hours must be more than 0 and at most 8.';

/** A session the committee adds on this device (a make-up night, a review evening). */
function ExtraSessionForm() {
  const [title, setTitle] = useState('');
  const [area, setArea] = useState(content.areas[0]?.id ?? '');
  const [speaker, setSpeaker] = useState('');
  const [when, setWhen] = useState<WhenValue>({ date: '', start: '18:00', hours: '2', room: '' });
  const [error, setError] = useState<string | null>(null);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const hours = sessionHours(when.hours);
    if (hours === undefined) return setError(HOURS_ERROR);
    setError(null);
    await saveSessionChange({
      sessionId: `extra-${crypto.randomUUID()}`,
      extra: { title: title.trim(), area, speaker: speaker.trim() },
      date: when.date,
      start: when.start,
      hours,
      location: when.room || undefined,
    });
    setTitle('');
    setSpeaker('');
  };
  return (
    <details className="editor">
      <summary>Add an extra session</summary>
      <form onSubmit={add} className="card stack" aria-label="Add an extra session">
        <label className="field">
          <span>Title</span>
          <input required value={title} onChange={(e) => setTitle(e.target.value)} />
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
          <input required value={speaker} onChange={(e) => setSpeaker(e.target.value)} />
        </label>
        <WhenFields value={when} onChange={setWhen} />
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        <button type="submit" className="button">
          Add session
        </button>
      </form>
    </details>
  );
}

/** Change a session on this device only: reschedule, hours, room, cancel; or go back to the content. */
function SessionEditor({ session }: { session: ScheduledSession }) {
  const [when, setWhen] = useState<WhenValue>({
    date: session.date,
    start: session.start,
    hours: String(session.hours),
    room: session.location ?? '',
  });
  const [cancelled, setCancelled] = useState(session.cancelled);
  const [error, setError] = useState<string | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const hours = sessionHours(when.hours);
    if (hours === undefined) return setError(HOURS_ERROR);
    setError(null);
    await saveSessionChange({
      sessionId: session.id,
      date: when.date,
      start: when.start,
      hours,
      location: when.room || undefined,
      cancelled,
    });
  };
  return (
    <details className="editor">
      <summary>Change this session on this device</summary>
      <form onSubmit={save} className="stack" aria-label={`Change ${session.title}`}>
        <WhenFields value={when} onChange={setWhen} />
        <label className="check">
          <input type="checkbox" checked={cancelled} onChange={(e) => setCancelled(e.target.checked)} /> Cancelled
        </label>
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="button">
            Save change
          </button>
          {session.changed && (
            <button type="button" className="button-secondary" onClick={() => void clearSessionChange(session.id)}>
              Back to the published schedule
            </button>
          )}
        </p>
      </form>
    </details>
  );
}

function MemberEditor({ member }: { member: Member }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<MemberValue>({ name: member.name, email: member.email, role: member.role });
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        Edit {member.name}
      </button>
    );
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await updateMember(member.id, value);
      setOpen(false);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={save} className="card stack" aria-label={`Edit ${member.name}`}>
      <MemberFields value={value} onChange={setValue} />
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button">
          Save
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}

function Roster() {
  const members = useMembers();
  const [value, setValue] = useState<MemberValue>({ name: '', email: '', role: 'candidate' });
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ rows: RosterRow[]; fileError?: string | undefined } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await addMember(value);
      setValue({ ...value, name: '', email: '' });
      setError(null);
    } catch (err) {
      setError(err instanceof DuplicateEmailError ? err.message : `Could not add: ${(err as Error).message}`);
    }
  };

  const readFile = async (file: File) => {
    const existing = new Set((members ?? []).map((m) => m.email));
    setDone(null);
    setPreview(parseRosterCsv(await readText(file), existing));
  };

  const importRows = async () => {
    if (!preview) return;
    const good = preview.rows.filter((r) => !r.error);
    const n = await addMembers(good);
    setDone(
      `${n} member${n === 1 ? '' : 's'} added.${preview.rows.length > n ? ` ${preview.rows.length - n} row${preview.rows.length - n === 1 ? '' : 's'} skipped.` : ''}`,
    );
    setPreview(null);
  };

  return (
    <section aria-labelledby="roster">
      <h2 id="roster">Roster</h2>
      {members && members.length === 0 && (
        <p className="muted">No members yet. Add them one by one or import a CSV file.</p>
      )}
      {members && members.length > 0 && (
        <ul className="roster">
          {members.map((m) => (
            <li key={m.id} className={m.active ? '' : 'inactive'}>
              <span>
                {m.name}{' '}
                <span className="muted">
                  · {m.email} · {m.role === 'clm' ? 'current CLM' : m.role}
                </span>
                {!m.active && <span className="tag"> (inactive)</span>}
              </span>
              <span className="actions">
                <MemberEditor member={m} />
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void setMemberActive(m.id, !m.active)}
                >
                  {m.active ? `Deactivate ${m.name}` : `Reactivate ${m.name}`}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="card stack" aria-labelledby="add-member">
        <h3 id="add-member">Add a member</h3>
        <MemberFields value={value} onChange={setValue} />
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        <button type="submit" className="button">
          Add member
        </button>
      </form>
      <div className="card stack">
        <h3>Import members from a CSV file</h3>
        <p className="muted">
          Columns: name, email, and optionally role (candidate, clm or guest). You see every row before anything is
          added.
        </p>
        <label className="field">
          <span>CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
          />
        </label>
        {done && <p role="status">{done}</p>}
        {preview?.fileError && (
          <p role="alert" className="notice notice-error">
            {preview.fileError}
          </p>
        )}
        {preview && !preview.fileError && (
          <>
            <div className="table-scroll" role="region" aria-label="Import preview" tabIndex={0}>
              <table className="scores">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Check</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.name}</td>
                      <td>{r.email}</td>
                      <td className={r.error ? 'tag-wrong' : 'tag-correct'}>{r.error ?? 'OK'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="actions">
              <button
                type="button"
                className="button"
                disabled={preview.rows.every((r) => r.error)}
                onClick={() => void importRows()}
              >
                Import {preview.rows.filter((r) => !r.error).length} members
              </button>
              <button type="button" className="button-secondary" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
