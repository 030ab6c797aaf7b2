// This device's side of the chapter document (src/sync/chapter-bridge.ts): the rows the bridge
// sends (members, schedule changes, the attendance log) and writing what the document brings
// with the chapter file's own merge (mergeRecords: members per field matched by email, the newer
// schedule change, the union of events folded into attendance), in one transaction.
import { db as appDb, type ClmDatabase, type StoredMember } from './db';
import { mergeRecords } from './chapter';
import { withOrphans } from '../lib/attendance-events';
import type { AttendanceEvent } from '../lib/attendance-log';
import type { Member, SessionChange } from '../lib/chapter';
import type { Incoming } from '../lib/merge';

/** Where a record that came through the chapter document says it came from (the roster shows it). */
export const CHAPTER_ORIGIN = 'the chapter (synced)';

const member = ({ emailKey: _key, origin: _origin, ...m }: StoredMember): Member => m;
const change = ({ origin: _origin, ...c }: SessionChange): SessionChange => c;

export function chapterStore(db: ClmDatabase = appDb) {
  return {
    name: db.name,
    /** Every member (the bridge maps ids by email), without this device's own fields. */
    members: async (): Promise<Member[]> => (await db.members.toArray()).map(member),
    sessionChanges: async (ids?: readonly string[]): Promise<SessionChange[]> =>
      (ids
        ? (await db.sessionChanges.bulkGet([...ids])).filter((c) => c !== undefined)
        : await db.sessionChanges.toArray()
      ).map(change),
    /** Events by id, or all of them (with one for any record that has none). */
    events: async (ids?: readonly string[]): Promise<AttendanceEvent[]> => {
      if (ids) return (await db.attendanceEvents.bulkGet([...ids])).filter((e) => e !== undefined);
      return db.transaction('r', db.attendance, db.attendanceEvents, async () =>
        withOrphans(await db.attendance.toArray(), await db.attendanceEvents.toArray()),
      );
    },
    /** Merges what the document holds into the tables, in one transaction. */
    apply: (incoming: Incoming) =>
      db.transaction('rw', [db.members, db.attendance, db.attendanceEvents, db.sessionChanges], () =>
        mergeRecords(db, incoming, { file: CHAPTER_ORIGIN, importedAt: Date.now() }, { summary: false }),
      ),
  };
}

export type ChapterStore = ReturnType<typeof chapterStore>;
