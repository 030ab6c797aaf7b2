// The chapter's records shared between features: the chapter file a committee passes between
// devices (roster, attendance, local schedule changes), merged in one transaction.
import { db, storedMember } from './db';
import { normalizeEmail, type Member, type ChapterFile } from '../lib/chapter';
import { mergeChapter, type MergeSummary } from '../lib/merge';
import { ImportRefused, importSessions } from '../lib/import-problems';
import type { SessionMeta } from '../content/types';

/** The chapter file: roster, attendance and this device's schedule changes, as JSON. */
export async function exportChapterFile(memberId?: string): Promise<string> {
  // With a member, only their part: their record and attendance, and the schedule changes.
  const [members, attendance, sessionChanges] = await Promise.all([
    memberId ? db.members.where('id').equals(memberId).toArray() : db.members.toArray(),
    memberId ? db.attendance.where('memberId').equals(memberId).toArray() : db.attendance.toArray(),
    db.sessionChanges.toArray(),
  ]);
  const file: ChapterFile = {
    kind: 'clm-study-chapter',
    version: 1,
    exportedAt: Date.now(),
    // Where a record came from is this device's business: the file carries the records only.
    members: members.map(({ emailKey: _key, origin: _origin, ...m }) => m),
    attendance: attendance.map(({ origin: _origin, ...a }) => a),
    sessionChanges: sessionChanges.map(({ origin: _origin, ...c }) => c),
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
  return db.transaction('rw', db.members, db.attendance, db.sessionChanges, async () => {
    const [members, attendance, sessionChanges] = await Promise.all([
      db.members.toArray(),
      db.attendance.toArray(),
      db.sessionChanges.toArray(),
    ]);
    const checked = parseChapterFile(text, {
      now,
      sessions: importSessions(published, sessionChanges),
      memberIds: new Set(members.map((m) => m.id)),
    });
    if (!checked.ok) throw new ImportRefused(checked.problems);
    const file = checked.file;
    const merged = mergeChapter({ members, attendance, sessionChanges }, file, origin);
    const rows = keyed(merged.members);
    // Members whose email key moves drop it first: the unique index checks each put as it
    // happens, so a key handed from one member to another never clashes half way.
    const before = new Map(members.map((m) => [m.id, m.emailKey]));
    const moving = rows.filter((m) => before.has(m.id) && before.get(m.id) !== m.emailKey);
    await db.members.bulkPut(moving.map((m) => ({ ...m, emailKey: undefined })));
    await db.members.bulkPut(rows);
    await db.attendance.bulkPut(merged.attendance);
    await db.sessionChanges.bulkPut(merged.sessionChanges);
    return merged.summary;
  });
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
