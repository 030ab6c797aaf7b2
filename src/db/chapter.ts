// The chapter's records shared between features: the chapter file a committee passes between
// devices (roster, the attendance log, local schedule changes), merged in one transaction; and
// the same merge writing what the chapter document brings (applyChapterRecords).
import { db, noteLocalChange, storedMember, type ClmDatabase } from './db';
import { addEvents } from './attendance';
import type { AttendanceEvent } from '../lib/attendance-log';
import { withOrphans } from '../lib/attendance-events';
import { normalizeEmail, type Member, type ChapterFile } from '../lib/chapter';
import { mergeChapter, type Incoming, type MergeSummary } from '../lib/merge';
import { ImportRefused, importSessions } from '../lib/import-problems';
import type { SessionMeta } from '../content/types';

/** The chapter file: roster, attendance and this device's schedule changes, as JSON. */
export async function exportChapterFile(memberId?: string): Promise<string> {
  // With a member, only their part: their record and attendance, and the schedule changes.
  const [members, attendance, sessionChanges, events] = await db.transaction(
    'r',
    db.members,
    db.attendance,
    db.attendanceEvents,
    db.sessionChanges,
    () =>
      Promise.all([
        memberId ? db.members.where('id').equals(memberId).toArray() : db.members.toArray(),
        memberId ? db.attendance.where('memberId').equals(memberId).toArray() : db.attendance.toArray(),
        db.sessionChanges.toArray(),
        memberId ? db.attendanceEvents.where('memberId').equals(memberId).toArray() : db.attendanceEvents.toArray(),
      ]),
  );
  const file: ChapterFile = {
    kind: 'clm-study-chapter',
    version: 2,
    exportedAt: Date.now(),
    // Where a record came from is this device's business: the file carries the records only.
    members: members.map(({ emailKey: _key, origin: _origin, ...m }) => m),
    attendance: attendance.map(({ origin: _origin, ...a }) => a),
    sessionChanges: sessionChanges.map(({ origin: _origin, ...c }) => c),
    events: withOrphans(attendance, events),
  };
  return JSON.stringify(file, null, 1);
}

/**
 * Merges a chapter file (or a member's hours file) in one transaction. The file is checked
 * whole first, against this device's sessions and members read in the same transaction: a
 * file with any problem is refused with its first problems (ImportRefused) and changes nothing.
 * `published` is the content's sessions, which attendance and schedule changes must refer to.
 */
export async function importChapterFile(
  text: string,
  fileName = 'a chapter file',
  published: readonly SessionMeta[] = [],
): Promise<MergeSummary> {
  // zod loads here, outside the transaction (an await on a module would end it).
  const { parseChapterFile } = await import('../lib/import-schema');
  const now = Date.now();
  const origin = { file: fileName, importedAt: now };
  const summary = await db.transaction(
    'rw',
    [db.members, db.attendance, db.attendanceEvents, db.sessionChanges],
    async () => {
      const sessionChanges = await db.sessionChanges.toArray();
      const memberIds = new Set((await db.members.toCollection().primaryKeys()) as string[]);
      const checked = parseChapterFile(text, { now, sessions: importSessions(published, sessionChanges), memberIds });
      if (!checked.ok) throw new ImportRefused(checked.problems);
      const { newEvents: _events, memberIds: _ids, ...merged } = await mergeRecords(db, checked.file, origin);
      return merged;
    },
  );
  noteLocalChange('members');
  noteLocalChange('sessionChanges');
  noteLocalChange('attendanceEvents');
  return summary;
}

/**
 * Merges records from elsewhere (a checked file, the chapter document) into this device's, in
 * the caller's transaction (members, attendance, attendanceEvents, sessionChanges): members per
 * field, matched by email; schedule changes by the newer; the union of the events, folded.
 */
export async function mergeRecords(
  target: ClmDatabase,
  incoming: Incoming,
  origin?: { file: string; importedAt: number },
  /** summary false (the chapter document): this device's log is not read; addEvents skips what it holds. */
  options: { summary?: boolean } = {},
): Promise<MergeSummary & { newEvents: AttendanceEvent[]; memberIds: string[] }> {
  const summarize = options.summary !== false;
  const [members, attendance, sessionChanges, events] = await Promise.all([
    target.members.toArray(),
    summarize ? target.attendance.toArray() : [],
    target.sessionChanges.toArray(),
    summarize ? target.attendanceEvents.toArray() : [],
  ]);
  const local = { members, attendance, sessionChanges, events: withOrphans(attendance, events) };
  const merged = mergeChapter(local, incoming, origin, options);
  const rows = keyed(merged.members);
  // Members whose email key moves drop it first: the unique index checks each put as it
  // happens, so a key handed from one member to another never clashes half way.
  const before = new Map(members.map((m) => [m.id, m]));
  const changed = rows.filter((m) => JSON.stringify(before.get(m.id)) !== JSON.stringify(m));
  const moving = changed.filter((m) => before.has(m.id) && before.get(m.id)?.emailKey !== m.emailKey);
  await target.members.bulkPut(moving.map((m) => ({ ...m, emailKey: undefined })));
  await target.members.bulkPut(changed);
  const held = new Map(sessionChanges.map((c) => [c.sessionId, c]));
  await target.sessionChanges.bulkPut(merged.sessionChanges.filter((c) => held.get(c.sessionId) !== c));
  const added = await addEvents(target, merged.newEvents);
  return { ...merged.summary, newEvents: added, memberIds: changed.map((m) => m.id) };
}

/** Records to store: one member per email carries the unique key (a reported duplicate keeps none). */
function keyed(members: (Member & { emailKey?: string | undefined })[]) {
  const taken = new Set<string>();
  return [...members]
    .sort((a, b) => Number(!a.emailKey) - Number(!b.emailKey))
    .map((m) => {
      const key = normalizeEmail(m.email);
      if (taken.has(key)) return { ...m, email: key, emailKey: undefined };
      taken.add(key);
      return storedMember(m);
    });
}
