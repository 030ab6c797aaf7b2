// Check-in at the door: the roster alphabetically, found by name or email as you type, one tap
// per member, hours for late arrivals, walk-ins, and an undo that belongs to this session.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRecordStore } from './record-store';
import { Link, useParams } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours, formatTime, todayIn } from '../../lib/dates';
import { checkInOpen, type ScheduledSession } from '../../lib/schedule';
import { matchesWords, memberSearchKey, queryWords } from '../../lib/check-in';
import type { Attendance, Member } from '../../lib/chapter';
import { noteWrite, recordCheckIn, undoCheckIn, useCheckInData, type CheckInData } from './data';
import { writeFailureMessage } from '../../lib/write-error';
import { CheckInList } from './check-in-row';
import { WalkInForm } from './walk-in-form';
import { GroupNav } from './group-nav';

type Filter = 'all' | 'present' | 'absent';

export function Component() {
  const { sessionId = '' } = useParams();
  const data = useCheckInData(sessionId);
  if (!data) return <p className="muted">Loading…</p>;
  if (!data.session) return <NotFound what="session" />;
  return <CheckIn session={data.session} data={data} />;
}

function CheckIn({ session, data }: { session: ScheduledSession; data: CheckInData }) {
  const { members, attendance, undo } = data;
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = todayIn(content.program.timezone);
  const confirmed = useRef(checkInOpen(session, today));
  // Members whose change is being stored: a second tap meanwhile is ignored (stored once).
  const pending = useRef(new Set<string>());
  const undoing = useRef(false);
  const byMember = useMemo(() => new Map(attendance.map((a) => [a.memberId, a])), [attendance]);
  const [store] = useState(() => {
    const s = createRecordStore();
    s.set(attendance);
    return s;
  });
  // Before paint: the rows read their records from the store.
  useLayoutEffect(() => store.set(attendance), [store, attendance]);
  const active = useMemo(() => members.filter((m) => m.active).map((m) => ({ m, key: memberSearchKey(m) })), [members]);

  // With "All" shown, a tap changes no one's place in the list: the list is not rebuilt.
  const presence = filter === 'all' ? undefined : byMember;
  const shown = useMemo(() => {
    const words = queryWords(query);
    return active
      .filter(
        ({ m, key }) =>
          matchesWords(key, words) && (!presence || (filter === 'present') === !!presence.get(m.id)?.present),
      )
      .map(({ m }) => m);
  }, [active, query, filter, presence]);

  /** Attendance on another day than the session's asks once first. */
  const mayRecord = useCallback(() => {
    if (confirmed.current) return true;
    confirmed.current = window.confirm(
      `${session.title} is on ${formatDate(session.date)}, not today. Record attendance for it anyway?`,
    );
    return confirmed.current;
  }, [session]);

  const write = useCallback(
    async (member: Member, present: boolean, hours: number, label: string, done: string, failed: string) => {
      if (pending.current.has(member.id) || !mayRecord()) return false;
      pending.current.add(member.id);
      setError(null);
      // The list shows what is stored (read live), so a failed write leaves the member as they were.
      try {
        await recordCheckIn({ sessionId: session.id, memberId: member.id, present, hours }, label);
        noteWrite();
        setMessage(done);
        return true;
      } catch (err) {
        noteWrite(err);
        setError(writeFailureMessage(err, failed));
        return false;
      } finally {
        pending.current.delete(member.id);
      }
    },
    [mayRecord, session.id],
  );

  const onToggle = useCallback(
    (member: Member, before: Attendance | undefined) => {
      const present = !before?.present;
      // A check-in is for the whole session (hours then lowered for a late arrival); someone
      // checked out has no hours (the attendance log's rule, src/lib/attendance-log.ts).
      void write(
        member,
        present,
        present ? session.hours : 0,
        `${member.name} ${present ? 'checked in' : 'checked out'}`,
        `${member.name} ${present ? 'is present' : 'is no longer marked present'}.`,
        `${member.name}'s ${present ? 'check-in' : 'check-out'} was not saved`,
      );
    },
    [write, session.hours],
  );

  const onHours = useCallback(
    (member: Member, hours: number) =>
      write(
        member,
        true,
        hours,
        `${member.name}'s hours`,
        `${member.name}: ${formatHours(hours)} saved.`,
        `${member.name}'s hours were not saved`,
      ),
    [write],
  );

  const runUndo = async () => {
    if (undoing.current) return;
    undoing.current = true;
    setError(null);
    try {
      const label = await undoCheckIn(session.id);
      noteWrite();
      if (label) setMessage(`Undone: ${label}.`);
    } catch (err) {
      noteWrite(err);
      setError(writeFailureMessage(err, 'nothing was undone'));
    } finally {
      undoing.current = false;
    }
  };

  if (session.cancelled)
    return (
      <>
        <PageTitle title={`Check-in: ${session.title}`}>Check-in</PageTitle>
        <p className="notice">
          {session.title} is cancelled. Restore it in the <Link to={paths.chapterSchedule.href()}>schedule</Link> to
          check members in.
        </p>
      </>
    );

  const presentCount = attendance.filter((a) => a.present).length;
  const last = undo.at(-1);
  return (
    <>
      <PageTitle title={`Check-in: ${session.title}`}>Check-in</PageTitle>
      <GroupNav />
      <p className="lede">
        {session.title} · {formatDate(session.date)}, {formatTime(session.start)} · {formatHours(session.hours)}
      </p>
      {session.date !== today && (
        <p className="notice">
          This session is on {formatDate(session.date)}, not today: recording attendance asks first.
        </p>
      )}
      <div className="check-in-bar">
        <label className="field">
          <span>Find a member</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <p className="check-in-count" aria-live="polite">
          {presentCount} of {active.length} checked in
        </p>
        <div role="group" aria-label="Show" className="check-in-filter">
          {(
            [
              ['all', 'All'],
              ['present', 'Present'],
              ['absent', 'Not yet'],
            ] as const
          ).map(([f, label]) => (
            <button
              key={f}
              type="button"
              className="button-secondary"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="button-secondary" disabled={!last} onClick={() => void runUndo()}>
          {last ? `Undo: ${last.label}` : 'Undo'}
        </button>
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {members.length === 0 && <p>The roster is empty: add a walk-in below.</p>}
      <CheckInList members={shown} store={store} sessionHours={session.hours} onToggle={onToggle} onHours={onHours} />
      {members.length > 0 && shown.length === 0 && <p className="muted">No member matches.</p>}
      <WalkInForm session={session} mayRecord={mayRecord} onAdded={(name) => setMessage(`${name} is present.`)} />
      <p className="muted">Season target: {formatHours(content.program.season.targetHours)} per member.</p>
    </>
  );
}
