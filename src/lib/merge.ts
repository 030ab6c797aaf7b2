// The merge of a chapter file from another committee member's device, and of the chapter
// document with this device's records (src/sync/chapter-bridge.ts): one merge for both.
// Members merge per field (a rename there and a role change here both survive), matched by id
// then by email; schedule changes per record, the newer change wins, a tie keeps ours;
// attendance is the union of the two logs of events by id, folded (attendance-log.ts), so no
// check-in is lost and importing the same file twice changes nothing; nothing is deleted; the
// summary names each change. A file without events (version 1) has its attendance turned into
// events first (attendance-events.ts).
import { foldAttendance, type AttendanceEvent } from './attendance-log';
import { legacyEvents } from './attendance-events';
import {
  normalizeEmail,
  type Attendance,
  type ChapterFile,
  type Member,
  type MemberField,
  type Origin,
  type SessionChange,
} from './chapter';

export interface MergeSummary {
  added: number;
  updated: number;
  unchanged: number;
  keptLocal: number;
  /** Each change the file brought, in plain words. */
  changes: string[];
  /** Changes the file asked for and this device refused, each with its reason. */
  refused: string[];
}

export interface MergeResult {
  members: Member[];
  /** Folded from `events`. */
  attendance: Attendance[];
  sessionChanges: SessionChange[];
  /** Every event: this device's and the new ones. */
  events: AttendanceEvent[];
  /** The events this device did not have (member ids mapped to this device's). */
  newEvents: AttendanceEvent[];
  summary: MergeSummary;
}

/** What the other side brings: a chapter file, or the chapter document's records. */
export type Incoming = Pick<ChapterFile, 'members' | 'sessionChanges'> & {
  attendance?: Attendance[] | undefined;
  events?: AttendanceEvent[] | undefined;
};

const FIELDS: MemberField[] = ['name', 'email', 'role', 'active'];

/** What a schedule change says, without its stamps. */
const body = (c: SessionChange) => JSON.stringify({ ...c, updatedAt: 0, origin: undefined, revision: undefined });
const fieldAt = (m: Member, f: MemberField) => m.fieldsAt?.[f] ?? m.updatedAt;
const show = (f: MemberField, v: Member[MemberField]) =>
  f === 'active' ? (v ? 'reactivated' : 'deactivated') : `${f} ${JSON.stringify(v)}`;

/** The member other than `id` that has this email among the members so far, if any. */
function emailHolder(members: Map<string, Member>, email: string, id: string): Member | undefined {
  for (const m of members.values()) if (m.id !== id && normalizeEmail(m.email) === email) return m;
  return undefined;
}

export function mergeChapter(
  local: { members: Member[]; attendance: Attendance[]; sessionChanges: SessionChange[]; events?: AttendanceEvent[] },
  incoming: Incoming,
  origin: Origin = { file: 'a chapter file', importedAt: 0 },
  /** summary false: the chapter document's merge, which needs no account of attendance (nor its cost). */
  options: { summary?: boolean } = {},
): MergeResult {
  const summary: MergeSummary = { added: 0, updated: 0, unchanged: 0, keptLocal: 0, changes: [], refused: [] };
  const members = new Map(local.members.map((m) => [m.id, m]));
  const byEmail = new Map(local.members.map((m) => [normalizeEmail(m.email), m.id]));
  const idMap = new Map<string, string>();

  for (const theirs of incoming.members) {
    const id = (members.has(theirs.id) ? theirs.id : byEmail.get(normalizeEmail(theirs.email))) ?? theirs.id;
    idMap.set(theirs.id, id);
    const mine = members.get(id);
    if (!mine) {
      summary.added++;
      summary.changes.push(`${theirs.name} added`);
      members.set(id, { ...theirs, id, email: normalizeEmail(theirs.email), origin });
      byEmail.set(normalizeEmail(theirs.email), id);
      continue;
    }
    const merged: Member = { ...mine, fieldsAt: { ...mine.fieldsAt } };
    const taken: string[] = [];
    let kept = false;
    for (const f of FIELDS) {
      const a = f === 'email' ? normalizeEmail(mine.email) : mine[f];
      const b = f === 'email' ? normalizeEmail(theirs.email) : theirs[f];
      if (a === b) continue;
      if (fieldAt(theirs, f) <= fieldAt(mine, f)) {
        kept = true;
        continue;
      }
      // Emails are unique: an email another member has here (as merged so far) stays theirs,
      // and this member keeps the email it has.
      const holder = f === 'email' ? emailHolder(members, String(b), id) : undefined;
      if (holder) {
        summary.refused.push(`${mine.name}: email ${JSON.stringify(b)} not taken, ${holder.name} already has it here`);
        continue;
      }
      Object.assign(merged, { [f]: b });
      (merged.fieldsAt ??= {})[f] = fieldAt(theirs, f);
      taken.push(show(f, b));
    }
    if (taken.length > 0) {
      summary.updated++;
      summary.changes.push(`${mine.name}: ${taken.join(', ')}`);
      merged.updatedAt = Math.max(mine.updatedAt, theirs.updatedAt);
      merged.origin = origin;
      if (merged.email !== mine.email) byEmail.set(merged.email, id);
      members.set(id, merged);
    } else if (kept) summary.keptLocal++;
    else summary.unchanged++;
  }

  const nameOf = (memberId: string) => members.get(memberId)?.name ?? memberId;
  const take = <T extends { updatedAt: number; origin?: Origin | undefined }>(
    mine: T | undefined,
    theirs: T,
    same: (a: T, b: T) => boolean,
    describe: () => string,
  ): T => {
    if (mine && same(mine, theirs)) {
      summary.unchanged++;
      return mine;
    }
    if (mine && theirs.updatedAt <= mine.updatedAt) {
      summary.keptLocal++;
      return mine;
    }
    if (mine) summary.updated++;
    else summary.added++;
    summary.changes.push(describe());
    return { ...theirs, origin };
  };

  const attendance = mergeEvents(
    local.events ?? legacyEvents(local.attendance),
    (incoming.events ?? legacyEvents(incoming.attendance ?? [])).map((e) => ({
      ...e,
      memberId: idMap.get(e.memberId) ?? e.memberId,
    })),
    options.summary === false ? undefined : summary,
    nameOf,
  );

  const changes = new Map(local.sessionChanges.map((c) => [c.sessionId, c]));
  for (const c of incoming.sessionChanges) {
    changes.set(
      c.sessionId,
      take(
        changes.get(c.sessionId),
        c,
        (x, y) => body(x) === body(y),
        () => `Session ${c.extra?.title ?? c.sessionId} ${c.cancelled ? 'cancelled' : 'changed'}`,
      ),
    );
  }

  return {
    members: [...members.values()],
    sessionChanges: [...changes.values()],
    ...attendance,
    summary,
  };
}

const sameRecord = (a: Attendance | undefined, b: Attendance | undefined) =>
  a === b || (!!a && !!b && a.present === b.present && a.hours === b.hours);

/** The union of two logs by id, folded; the summary counts each record the other side speaks of. */
function mergeEvents(
  mine: AttendanceEvent[],
  theirs: AttendanceEvent[],
  summary: MergeSummary | undefined,
  nameOf: (memberId: string) => string,
): Pick<MergeResult, 'attendance' | 'events' | 'newEvents'> {
  const held = new Set(mine.map((e) => e.id));
  const newEvents = [...new Map(theirs.filter((e) => !held.has(e.id)).map((e) => [e.id, e])).values()];
  const events = [...mine, ...newEvents];
  // Without a summary the records are folded only if asked for.
  if (!summary)
    return {
      events,
      newEvents,
      get attendance() {
        return foldAttendance(events);
      },
    };
  const attendance = foldAttendance(events);
  const before = new Map(foldAttendance(mine).map((a) => [a.id, a]));
  const after = new Map(attendance.map((a) => [a.id, a]));
  const said = new Map<string, Attendance | undefined>(foldAttendance(theirs).map((a) => [a.id, a]));
  for (const e of newEvents) {
    const id = `${e.sessionId}|${e.memberId}`;
    if (!said.has(id)) said.set(id, after.get(id));
  }
  for (const [id, theirsNow] of said) {
    const b = before.get(id);
    const a = after.get(id);
    if (sameRecord(b, a)) {
      if (sameRecord(theirsNow, a)) summary.unchanged++;
      else summary.keptLocal++;
      continue;
    }
    if (b) summary.updated++;
    else summary.added++;
    const [sessionId, memberId] = [id.slice(0, id.indexOf('|')), id.slice(id.indexOf('|') + 1)];
    const what = !a ? 'no longer recorded' : a.present ? `present, ${a.hours} h` : 'not present';
    summary.changes.push(`${nameOf(memberId)} at ${sessionId}: ${what}`);
  }
  return { attendance, events, newEvents };
}
