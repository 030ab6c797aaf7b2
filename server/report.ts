// What the national office's report tables hold for one chapter, computed from the chapter
// document's data with the one hours rule (seasonHours over buildSchedule and foldAttendance)
// and nothing else. This is the one function to swap for server/projection.ts officialHours()
// once that lands, so the report and the members' hours documents read the same figures
// (and chapterData() for its chapterState(): one reading of the document, one set of checks).
import * as Y from 'yjs';
import { foldAttendance, type AttendanceEvent } from '../src/lib/attendance-log.ts';
import { normalizeEmail, type Member, type SessionChange } from '../src/lib/chapter.ts';
import { CHAPTER_MAPS } from '../src/lib/chapter-doc.ts';
import { seasonHours } from '../src/lib/hours.ts';
import { buildSchedule } from '../src/lib/schedule.ts';
import type { SessionMeta } from '../src/content/types.ts';

export interface ChapterData {
  members: Member[];
  sessionChanges: SessionChange[];
  events: AttendanceEvent[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const KINDS: readonly unknown[] = ['check-in', 'adjust', 'absent', 'undo'];
const isMember = (v: unknown): v is Member =>
  isObject(v) && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.email === 'string';
const isChange = (v: unknown): v is SessionChange =>
  isObject(v) && typeof v.sessionId === 'string' && typeof v.updatedAt === 'number';
const isEvent = (v: unknown): v is AttendanceEvent =>
  isObject(v) &&
  typeof v.id === 'string' &&
  KINDS.includes(v.kind) &&
  typeof v.sessionId === 'string' &&
  typeof v.memberId === 'string' &&
  typeof v.at === 'number' &&
  Number.isFinite(v.at) &&
  (v.hours === undefined || typeof v.hours === 'number') &&
  (v.target === undefined || typeof v.target === 'string');

function valuesOf<T>(doc: Y.Doc, name: string, ok: (v: unknown) => v is T): T[] {
  return [...doc.getMap(name).values()]
    .map((v) => (v instanceof Y.AbstractType ? (v.toJSON() as unknown) : v))
    .filter(ok);
}

/** The chapter document's records; an entry a device wrote in a wrong shape is skipped, never counted. */
export function chapterData(doc: Y.Doc): ChapterData {
  return {
    members: valuesOf(doc, CHAPTER_MAPS.members, isMember),
    sessionChanges: valuesOf(doc, CHAPTER_MAPS.sessionChanges, isChange),
    events: valuesOf(doc, CHAPTER_MAPS.events, isEvent),
  };
}

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

export function chapterReport(data: ChapterData, published: readonly SessionMeta[], today: string): ChapterReport {
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
