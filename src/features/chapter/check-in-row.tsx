// One member on the check-in list: a big toggle, and for someone present their hours (typed,
// or a quick choice), bounded by the session's length, with the saved value shown.
import { memo, useCallback, useState, useSyncExternalStore } from 'react';
import type { RecordStore } from './record-store';
import type { Attendance, Member } from '../../lib/chapter';
import { formatHours, formatWhen } from '../../lib/dates';
import { parseHours, quickHours } from '../../lib/check-in';

interface Props {
  member: Member;
  store: RecordStore;
  sessionHours: number;
  onToggle: (member: Member, record: Attendance | undefined) => void;
  onHours: (member: Member, hours: number) => Promise<boolean>;
}

function Row({ member, store, sessionHours, onToggle, onHours }: Props) {
  const snapshot = useCallback(() => store.get(member.id), [store, member.id]);
  const record = useSyncExternalStore(store.subscribe, snapshot);
  const present = !!record?.present;
  return (
    <li className={present ? 'is-present' : ''}>
      <button
        type="button"
        className={present ? 'button' : 'button-secondary'}
        aria-pressed={present}
        onClick={() => onToggle(member, record)}
      >
        {member.name}
      </button>
      {present && record && (
        <HoursEditor key={record.hours} member={member} saved={record.hours} max={sessionHours} onHours={onHours} />
      )}
      {record && <span className="muted when">{formatWhen(record.updatedAt)}</span>}
    </li>
  );
}

function HoursEditor({
  member,
  saved,
  max,
  onHours,
}: {
  member: Member;
  saved: number;
  max: number;
  onHours: Props['onHours'];
}) {
  const [text, setText] = useState(String(saved));
  const [error, setError] = useState<string | null>(null);
  const commit = async (value: string) => {
    const parsed = parseHours(value, max);
    if (parsed.error !== undefined) return setError(parsed.error);
    setError(null);
    if (parsed.hours !== saved && !(await onHours(member, parsed.hours))) setText(String(saved));
  };
  const id = `hours-${member.id}`;
  return (
    <form
      className="hours"
      aria-label={`Hours for ${member.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void commit(text);
      }}
    >
      <label htmlFor={id}>Hours</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-saved`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void commit(text)}
      />
      {quickHours(max).map((q) => (
        <button
          key={q.label}
          type="button"
          className="button-secondary quick"
          aria-label={`${q.label === 'Full' ? 'Full session' : q.label} for ${member.name}`}
          aria-pressed={saved === q.hours}
          onClick={() => {
            setText(String(q.hours));
            void commit(String(q.hours));
          }}
        >
          {q.label}
        </button>
      ))}
      <span id={`${id}-saved`} className="muted">
        Saved: {formatHours(saved)}
      </span>
      {error && (
        <span role="alert" className="hours-error">
          {error}
        </span>
      )}
    </form>
  );
}

/** The list itself: re-rendered only when who is shown or their records change, not on messages. */
export const CheckInList = memo(function CheckInList({
  members,
  store,
  sessionHours,
  onToggle,
  onHours,
}: {
  members: Member[];
} & Omit<Props, 'member'>) {
  return (
    <ul className="check-in">
      {members.map((m) => (
        <CheckInRow
          key={m.id}
          member={m}
          store={store}
          sessionHours={sessionHours}
          onToggle={onToggle}
          onHours={onHours}
        />
      ))}
    </ul>
  );
});

// A row re-renders when its own record changes (through the store) or its member is renamed.
export const CheckInRow = memo(
  Row,
  (a, b) =>
    a.member.id === b.member.id &&
    a.member.name === b.member.name &&
    a.store === b.store &&
    a.sessionHours === b.sessionHours &&
    a.onToggle === b.onToggle &&
    a.onHours === b.onHours,
);
