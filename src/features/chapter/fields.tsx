// Field groups the study group's forms share: a member (name, email, role) and a session's
// time and place (date, start, hours, room).
import type { MemberRole } from '../../lib/chapter';
import { EMAIL_MAX, NAME_MAX } from '../../lib/chapter';

export interface MemberValue {
  name: string;
  email: string;
  role: MemberRole;
}

export const emptyMember: MemberValue = { name: '', email: '', role: 'candidate' };

export function MemberFields({ value, onChange }: { value: MemberValue; onChange: (v: MemberValue) => void }) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input
          required
          maxLength={NAME_MAX}
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
          maxLength={EMAIL_MAX}
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

export interface WhenValue {
  date: string;
  start: string;
  hours: string;
  room: string;
}

export function WhenFields({ value, onChange }: { value: WhenValue; onChange: (v: WhenValue) => void }) {
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
export function sessionHours(text: string): number | undefined {
  const h = Number(text);
  return text.trim() !== '' && h > 0 && h <= 8 ? h : undefined;
}

export const HOURS_ERROR = 'Hours must be more than 0 and at most 8.';
