// What the national office's report tables hold for one chapter: rows per session x member
// and per member, computed from the chapter document's records as projection.ts reads them
// (chapterState: one reading, one set of shape checks) with the one hours rule (seasonHours
// over buildSchedule and foldAttendance), the same figures the members' hours documents get.
import { foldAttendance } from '../src/lib/attendance-log.ts';
import { normalizeEmail } from '../src/lib/chapter.ts';
import { seasonHours } from '../src/lib/hours.ts';
import { buildSchedule } from '../src/lib/schedule.ts';
import type { SessionMeta } from '../src/content/types.ts';
import type { ChapterState } from './projection.ts';

export interface AttendanceRow {
  sessionId: string;
  memberId: string;
  memberName: string;
  /** Normalized (how chapter members are matched to the server's people). */
  memberEmail: string;
  sessionTitle: string;
  sessionDate: string;
  held: boolean;
  present: boolean;
  /** As recorded (foldAttendance). */
  hours: number;
  /** What counts toward the member's total (held sessions only, bounded by the session's length). */
  creditedHours: number;
}

export interface CeHoursRow {
  memberId: string;
  memberName: string;
  memberEmail: string;
  hours: number;
  attended: number;
  missed: number;
  heldHours: number;
}

export interface ChapterReport {
  attendance: AttendanceRow[];
  ceHours: CeHoursRow[];
}

export function chapterReport(data: ChapterState, published: readonly SessionMeta[], today: string): ChapterReport {
  const schedule = buildSchedule(published, data.sessionChanges);
  const records = foldAttendance(data.events);
  const season = seasonHours(schedule, data.members, records, today);
  const members = new Map(data.members.map((m) => [m.id, m]));
  const sessions = new Map(schedule.map((s) => [s.id, s]));
  const held = new Set(season.held.map((s) => s.id));
  const attendance = records.map((a): AttendanceRow => {
    const member = members.get(a.memberId);
    const session = sessions.get(a.sessionId);
    const credited = season.byMember.get(a.memberId)?.sessions.find((s) => s.session.id === a.sessionId);
    return {
      sessionId: a.sessionId,
      memberId: a.memberId,
      memberName: member?.name ?? '',
      memberEmail: member ? normalizeEmail(member.email) : '',
      sessionTitle: session?.title ?? '',
      sessionDate: session?.date ?? '',
      held: held.has(a.sessionId),
      present: a.present,
      hours: a.hours,
      creditedHours: credited?.hours ?? 0,
    };
  });
  const ceHours = data.members.map((m): CeHoursRow => {
    const t = season.byMember.get(m.id);
    return {
      memberId: m.id,
      memberName: m.name,
      memberEmail: normalizeEmail(m.email),
      hours: t?.hours ?? 0,
      attended: t?.attended ?? 0,
      missed: t?.missed ?? 0,
      heldHours: season.heldHours,
    };
  });
  return { attendance, ceHours };
}
