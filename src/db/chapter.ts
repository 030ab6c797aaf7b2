// The chapter's records shared between features: the chapter file a committee passes between
// devices (roster, attendance, local schedule changes), merged in one transaction.
import { db, storedMember } from './db';
import { normalizeEmail, type Member, type ChapterFile } from '../lib/chapter';
import { futureStamp, mergeChapter, type MergeSummary } from '../lib/merge';

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

/** Merges a chapter file in one transaction; a file that is not one changes nothing. */
export async function importChapterFile(text: string, fileName = 'a chapter file'): Promise<MergeSummary> {
  let file: ChapterFile;
  try {
    file = JSON.parse(text) as ChapterFile;
  } catch {
    throw new Error('the file is not a chapter file (it is not valid JSON).');
  }
  if (
    file?.kind !== 'clm-study-chapter' ||
    file.version !== 1 ||
    !Array.isArray(file.members) ||
    !Array.isArray(file.attendance) ||
    !Array.isArray(file.sessionChanges)
  ) {
    throw new Error('the file is not a CLM Study chapter file.');
  }
  const now = Date.now();
  const future = futureStamp(file, now);
  if (future)
    throw new Error(
      `the file has changes dated ${future}, more than a day ahead of this device: check the clock of the device that exported it.`,
    );
  const origin = { file: fileName, importedAt: now };
  return db.transaction('rw', db.members, db.attendance, db.sessionChanges, async () => {
    const [members, attendance, sessionChanges] = await Promise.all([
      db.members.toArray(),
      db.attendance.toArray(),
      db.sessionChanges.toArray(),
    ]);
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
