// The official hours, as a pure function of the chapter document: every member's hours with
// the one rule (seasonHours over buildSchedule and foldAttendance), kept for the members whose
// email matches a person of the server. The projector (projector.ts) writes them into each
// person's `hours:<personId>` document; the PostgreSQL projection writes the same figures to
// its tables. Entries a device wrote in a wrong shape are skipped, never counted.
import * as Y from 'yjs';
import type { SessionMeta } from '../src/content/types.ts';
import type { AttendanceEvent } from '../src/lib/attendance-log.ts';
import { foldAttendance } from '../src/lib/attendance-log.ts';
import { normalizeEmail, type Member, type SessionChange } from '../src/lib/chapter.ts';
import { CHAPTER_MAPS, oneMemberPerEmail, type OfficialHours } from '../src/lib/chapter-doc.ts';
import { seasonHours } from '../src/lib/hours.ts';
import { buildSchedule } from '../src/lib/schedule.ts';

/** The chapter document's records as plain data. */
export interface ChapterState {
  members: Member[];
  sessionChanges: SessionChange[];
  events: AttendanceEvent[];
}

/** A person of the server, as the projection needs them. */
export interface ServerPerson {
  id: string;
  email: string;
}

const KINDS = new Set(['check-in', 'adjust', 'absent', 'undo']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);

function isEvent(v: unknown): v is AttendanceEvent {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.kind === 'string' &&
    KINDS.has(v.kind) &&
    typeof v.sessionId === 'string' &&
    typeof v.memberId === 'string' &&
    typeof v.at === 'number' &&
    Number.isFinite(v.at) &&
    (v.hours === undefined || typeof v.hours === 'number') &&
    (v.target === undefined || typeof v.target === 'string')
  );
}
const isMember = (v: unknown): v is Member =>
  isObject(v) && typeof v.id === 'string' && typeof v.email === 'string' && typeof v.name === 'string';
const isChange = (v: unknown): v is SessionChange =>
  isObject(v) && typeof v.sessionId === 'string' && typeof v.updatedAt === 'number';

function valuesOf<T>(doc: Y.Doc, name: string, ok: (v: unknown) => v is T): T[] {
  const out: T[] = [];
  for (const value of doc.getMap(name).values()) {
    const v = plain(value);
    if (ok(v)) out.push(v);
  }
  return out;
}

/** Reads the chapter document's three maps (members, sessionChanges, events), one member per email. */
export function chapterState(doc: Y.Doc): ChapterState {
  return oneMemberPerEmail({
    members: valuesOf(doc, CHAPTER_MAPS.members, isMember),
    sessionChanges: valuesOf(doc, CHAPTER_MAPS.sessionChanges, isChange),
    events: valuesOf(doc, CHAPTER_MAPS.events, isEvent),
  });
}

/**
 * Each matched person's official hours, by person id. A person matches the member with the
 * same normalized email; when several members share it, the active one, then the one who
 * attended more, then the lowest id. `today` is the date in the program's timezone.
 */
export function officialHours(
  state: ChapterState,
  published: readonly SessionMeta[],
  today: string,
  people: readonly ServerPerson[],
  now: number = Date.now(),
): Map<string, OfficialHours> {
  const schedule = buildSchedule(published, state.sessionChanges);
  const season = seasonHours(schedule, state.members, foldAttendance(state.events), today);
  const byEmail = new Map<string, Member>();
  const attended = (m: Member) => season.byMember.get(m.id)?.attended ?? 0;
  for (const m of state.members) {
    const email = normalizeEmail(m.email);
    if (!email) continue;
    const prior = byEmail.get(email);
    const better =
      !prior ||
      (m.active !== prior.active
        ? m.active
        : attended(m) !== attended(prior)
          ? attended(m) > attended(prior)
          : m.id < prior.id);
    if (better) byEmail.set(email, m);
  }
  const out = new Map<string, OfficialHours>();
  for (const p of people) {
    const member = byEmail.get(normalizeEmail(p.email));
    const figures = member && season.byMember.get(member.id);
    if (!member || !figures) continue;
    out.set(p.id, {
      memberId: member.id,
      name: member.name,
      hours: figures.hours,
      attended: figures.attended,
      missed: figures.missed,
      heldHours: season.heldHours,
      sessions: figures.sessions.map((s) => ({
        sessionId: s.session.id,
        title: s.session.title,
        date: s.session.date,
        hours: s.hours,
      })),
      updatedAt: now,
    });
  }
  return out;
}

/** The figures without their time, to tell whether a document already holds them. */
export function hoursKey(hours: OfficialHours | undefined): string {
  if (!hours) return '';
  const { memberId, name, hours: h, attended, missed, heldHours, sessions } = hours;
  return JSON.stringify([
    memberId,
    name,
    h,
    attended,
    missed,
    heldHours,
    sessions.map((s) => [s.sessionId, s.title, s.date, s.hours]),
  ]);
}
