// The merge of a chapter file from another committee member's device (until sync lands).
// Members merge per field (a rename there and a role change here both survive); attendance and
// schedule changes per record; the newer change wins, a tie keeps ours, so importing the same
// file twice changes nothing; nothing is deleted; the summary names each change.
import {
  attendanceId,
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
  attendance: Attendance[];
  sessionChanges: SessionChange[];
  summary: MergeSummary;
}

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
  local: { members: Member[]; attendance: Attendance[]; sessionChanges: SessionChange[] },
  incoming: ChapterFile,
  origin: Origin = { file: 'a chapter file', importedAt: 0 },
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

  const attendance = new Map(local.attendance.map((a) => [a.id, a]));
  for (const a of incoming.attendance) {
    const memberId = idMap.get(a.memberId) ?? a.memberId;
    const id = attendanceId(a.sessionId, memberId);
    const next = { ...a, id, memberId };
    attendance.set(
      id,
      take(
        attendance.get(id),
        next,
        (x, y) => x.present === y.present && x.hours === y.hours,
        () => `${nameOf(memberId)} at ${a.sessionId}: ${a.present ? `present, ${a.hours} h` : 'not present'}`,
      ),
    );
  }

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
    attendance: [...attendance.values()],
    sessionChanges: [...changes.values()],
    summary,
  };
}
