import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatWhen } from '../../lib/dates';
import { applyChanges } from '../../lib/schedule';
import { attendanceId } from '../../lib/chapter';
import { restoreAttendance, saveAttendance, useAttendance, useMembers, useSessionChanges } from './data';
import { useUndoStore } from './undo-store';

export function Component() {
  const { sessionId } = useParams();
  const changes = useSessionChanges();
  const members = useMembers();
  const attendance = useAttendance(sessionId);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const stack = useUndoStore((s) => s.stack);
  const push = useUndoStore((s) => s.push);
  const pop = useUndoStore((s) => s.pop);
  if (!changes) return <p className="muted">Loading…</p>;
  const session = applyChanges(content.sessions, changes).find((s) => s.id === sessionId);
  if (!session) return <NotFound what="session" />;
  const byMember = new Map((attendance ?? []).map((a) => [a.memberId, a]));
  const active = (members ?? []).filter((m) => m.active && m.name.toLowerCase().includes(query.trim().toLowerCase()));
  const presentCount = (attendance ?? []).filter((a) => a.present).length;

  const toggle = async (memberId: string, name: string) => {
    const before = byMember.get(memberId);
    const present = !before?.present;
    push({
      id: attendanceId(session.id, memberId),
      label: `${name} ${present ? 'checked in' : 'checked out'}`,
      previous: before,
    });
    await saveAttendance({ sessionId: session.id, memberId, present, hours: before?.hours ?? session.hours });
    setMessage(`${name} ${present ? 'is present' : 'is no longer marked present'}.`);
  };

  const setHours = async (memberId: string, name: string, hours: number) => {
    const before = byMember.get(memberId);
    if (!before || Number.isNaN(hours)) return;
    const clamped = Math.max(0, Math.min(session.hours, hours));
    push({ id: before.id, label: `${name}'s hours`, previous: before });
    await saveAttendance({ sessionId: session.id, memberId, present: before.present, hours: clamped });
  };

  const undo = async () => {
    const last = pop();
    if (!last) return;
    await restoreAttendance(last.id, last.previous);
    setMessage(`Undone: ${last.label}.`);
  };

  return (
    <>
      <PageTitle title={`Check-in: ${session.title}`}>Check-in</PageTitle>
      <p className="lede">
        {session.title} · {formatDate(session.date)} · {formatHours(session.hours)} · {presentCount} present
      </p>
      <p>
        <Link to={paths.chapter.href()}>Back to the study group</Link>
      </p>
      <div className="check-in-bar">
        <label className="field">
          <span>Find a member</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="button" className="button-secondary" disabled={stack.length === 0} onClick={() => void undo()}>
          Undo
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      {members && members.length === 0 && (
        <p>
          The roster is empty. <Link to={paths.chapter.href()}>Add members first</Link>.
        </p>
      )}
      <ul className="check-in">
        {active.map((m) => {
          const a = byMember.get(m.id);
          return (
            <li key={m.id} className={a?.present ? 'is-present' : ''}>
              <button
                type="button"
                className={a?.present ? 'button' : 'button-secondary'}
                aria-pressed={!!a?.present}
                onClick={() => void toggle(m.id, m.name)}
              >
                {m.name}
              </button>
              {a?.present && (
                <label className="hours">
                  <span>Hours</span>
                  <input
                    type="number"
                    min={0}
                    max={session.hours}
                    step={0.25}
                    value={a.hours}
                    onChange={(e) => void setHours(m.id, m.name, e.target.valueAsNumber)}
                  />
                </label>
              )}
              {a && <span className="muted when">{formatWhen(a.updatedAt)}</span>}
            </li>
          );
        })}
      </ul>
      <p className="muted">Season target: {formatHours(content.program.season.targetHours)} per member.</p>
    </>
  );
}
