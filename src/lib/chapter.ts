// Study-group records and their pure rules: roster input, and the merge of a chapter file from
// another committee member's device. Hours are in hours.ts, the schedule in schedule.ts.

export type MemberRole = 'candidate' | 'clm' | 'guest';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  active: boolean;
  updatedAt: number;
}

export interface Attendance {
  /** `${sessionId}|${memberId}` */
  id: string;
  sessionId: string;
  memberId: string;
  present: boolean;
  hours: number;
  updatedAt: number;
}

/** A committee's local change to a session of the content: moved, renamed room, cancelled. */
export interface SessionChange {
  sessionId: string;
  date?: string | undefined;
  start?: string | undefined;
  hours?: number | undefined;
  location?: string | undefined;
  cancelled?: boolean | undefined;
  /** An extra session the committee added (not in the content): these describe it. */
  extra?: { title: string; area: string; speaker: string } | undefined;
  /** How many times the session was changed on any device: the calendar's SEQUENCE. */
  revision?: number | undefined;
  updatedAt: number;
}

export const attendanceId = (sessionId: string, memberId: string) => `${sessionId}|${memberId}`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
// Bidirectional overrides and isolates: they can make a name display as something else.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A member's name and email as typed or imported: cleaned, or the reason it is refused. */
export function cleanMemberInput(input: {
  name: string;
  email: string;
}): { name: string; email: string; error?: undefined } | { error: string } {
  const name = input.name.replace(BIDI, '').replace(/\s+/g, ' ').trim();
  const email = normalizeEmail(input.email.replace(BIDI, ''));
  if (!name) return { error: 'The name is empty.' };
  if (name.length > NAME_MAX) return { error: `The name is longer than ${NAME_MAX} characters.` };
  if (email.length > EMAIL_MAX) return { error: `The email is longer than ${EMAIL_MAX} characters.` };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: `"${input.email.trim()}" is not an email address.` };
  return { name, email };
}

export interface ChapterFile {
  kind: 'clm-study-chapter';
  version: 1;
  exportedAt: number;
  members: Member[];
  attendance: Attendance[];
  sessionChanges: SessionChange[];
}

export interface MergeResult {
  members: Member[];
  attendance: Attendance[];
  sessionChanges: SessionChange[];
  summary: { added: number; updated: number; unchanged: number; keptLocal: number };
}

/**
 * Merges an imported chapter file into local records. The same member is matched by id or by
 * email; for each record the newer change wins (a tie keeps the local one, so importing the
 * same file twice changes nothing); nothing is deleted, so a deactivated member stays with
 * their attendance.
 */
export function mergeChapter(
  local: { members: Member[]; attendance: Attendance[]; sessionChanges: SessionChange[] },
  incoming: ChapterFile,
): MergeResult {
  const summary = { added: 0, updated: 0, unchanged: 0, keptLocal: 0 };
  const members = new Map(local.members.map((m) => [m.id, m]));
  const byEmail = new Map(local.members.map((m) => [normalizeEmail(m.email), m.id]));
  const idMap = new Map<string, string>();

  const take = <T extends { updatedAt: number }>(mine: T | undefined, theirs: T, same: (a: T, b: T) => boolean): T => {
    if (!mine) {
      summary.added++;
      return theirs;
    }
    if (same(mine, theirs)) {
      summary.unchanged++;
      return mine;
    }
    if (theirs.updatedAt > mine.updatedAt) {
      summary.updated++;
      return theirs;
    }
    summary.keptLocal++;
    return mine;
  };

  for (const m of incoming.members) {
    const localId = members.has(m.id) ? m.id : byEmail.get(normalizeEmail(m.email));
    const id = localId ?? m.id;
    idMap.set(m.id, id);
    const merged = take(
      members.get(id),
      { ...m, id },
      (a, b) =>
        a.name === b.name &&
        normalizeEmail(a.email) === normalizeEmail(b.email) &&
        a.role === b.role &&
        a.active === b.active,
    );
    members.set(id, merged);
    byEmail.set(normalizeEmail(merged.email), id);
  }

  const attendance = new Map(local.attendance.map((a) => [a.id, a]));
  for (const a of incoming.attendance) {
    const memberId = idMap.get(a.memberId) ?? a.memberId;
    const id = attendanceId(a.sessionId, memberId);
    attendance.set(
      id,
      take(attendance.get(id), { ...a, id, memberId }, (x, y) => x.present === y.present && x.hours === y.hours),
    );
  }

  const changes = new Map(local.sessionChanges.map((c) => [c.sessionId, c]));
  for (const c of incoming.sessionChanges) {
    changes.set(
      c.sessionId,
      take(
        changes.get(c.sessionId),
        c,
        (x, y) => JSON.stringify({ ...x, updatedAt: 0 }) === JSON.stringify({ ...y, updatedAt: 0 }),
      ),
    );
  }

  return {
    members: [...members.values()],
    attendance: [...attendance.values()],
    sessionChanges: [...changes.values()],
    summary,
  };
}
