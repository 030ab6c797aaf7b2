// The one hours rule of the study group: which sessions are held (from the schedule) and each
// member's hours over them. Members, certificates, My hours, check-in, the Group summary and
// the attendance CSV all read it, so the same member has the same total everywhere.
import type { Attendance, Member } from './chapter';
import { isHeld, type ScheduledSession } from './schedule';

export const roundHours = (n: number): number => Math.round(n * 100) / 100;

export interface AttendedSession {
  session: ScheduledSession;
  hours: number;
}

export interface MemberSeason {
  memberId: string;
  hours: number;
  attended: number;
  missed: number;
  /** The held sessions the member attended, in date order, with the hours credited. */
  sessions: AttendedSession[];
}

export interface SeasonHours {
  /** Held sessions, in date order. */
  held: ScheduledSession[];
  /** Sessions still to come (not cancelled, day not yet come). */
  upcoming: ScheduledSession[];
  /** Cancelled sessions that have check-ins: their hours are kept but not counted. */
  cancelledWithCheckIns: { session: ScheduledSession; count: number }[];
  heldHours: number;
  hoursLeft: number;
  byMember: Map<string, MemberSeason>;
}

/** Credited hours of one record: present only, bounded by the session's length. */
export function creditedHours(a: Pick<Attendance, 'present' | 'hours'>, session: { hours: number }): number {
  if (!a.present || !Number.isFinite(a.hours)) return 0;
  return roundHours(Math.max(0, Math.min(session.hours, a.hours)));
}

export function seasonHours(
  schedule: readonly ScheduledSession[],
  members: readonly Pick<Member, 'id'>[],
  attendance: readonly Attendance[],
  today: string,
): SeasonHours {
  const held = schedule.filter((s) => isHeld(s, today));
  const upcoming = schedule.filter((s) => !s.cancelled && !isHeld(s, today));
  const heldById = new Map(held.map((s) => [s.id, s]));
  const byMember = new Map<string, MemberSeason>(
    members.map((m) => [m.id, { memberId: m.id, hours: 0, attended: 0, missed: 0, sessions: [] }]),
  );
  const checkIns = new Map<string, number>();
  for (const a of attendance) {
    if (a.present) checkIns.set(a.sessionId, (checkIns.get(a.sessionId) ?? 0) + 1);
    const session = heldById.get(a.sessionId);
    const t = byMember.get(a.memberId);
    if (!session || !t || !a.present) continue;
    t.sessions.push({ session, hours: creditedHours(a, session) });
  }
  const order = new Map(held.map((s, i) => [s.id, i]));
  for (const t of byMember.values()) {
    t.sessions.sort((x, y) => (order.get(x.session.id) ?? 0) - (order.get(y.session.id) ?? 0));
    t.hours = roundHours(t.sessions.reduce((sum, s) => sum + s.hours, 0));
    t.attended = t.sessions.length;
    t.missed = held.length - t.attended;
  }
  return {
    held,
    upcoming,
    cancelledWithCheckIns: schedule
      .filter((s) => s.cancelled && (checkIns.get(s.id) ?? 0) > 0)
      .map((session) => ({ session, count: checkIns.get(session.id) ?? 0 })),
    heldHours: roundHours(held.reduce((sum, s) => sum + s.hours, 0)),
    hoursLeft: roundHours(upcoming.reduce((sum, s) => sum + s.hours, 0)),
    byMember,
  };
}

/** Active members whose hours cannot reach the target even if they attend every session left. */
export function belowTarget(
  members: readonly Member[],
  season: Pick<SeasonHours, 'byMember' | 'hoursLeft'>,
  target: number,
): Member[] {
  return members.filter((m) => m.active && (season.byMember.get(m.id)?.hours ?? 0) + season.hoursLeft < target);
}
