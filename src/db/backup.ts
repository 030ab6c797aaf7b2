// Backups: every table of the database dumped in one read transaction, and a checked backup
// restored in one write transaction (records whose key exists are replaced, others added), so
// a failed restore leaves the database exactly as it was. The file is checked in
// src/lib/backup-schema.ts before anything here writes.
import type { IndexableType } from 'dexie';
import { db, noteLocalChange } from './db';
import type { Backup, BackupTable } from '../lib/backup-schema';
import { BACKUP_FORMAT, BACKUP_VERSION, LAST_EXPORT_KEY, backupDue } from '../lib/backup';
import { askPersistence, persistenceStatus } from './persistence';
import type { AnswerRecord } from './db';
import { answersWithUids } from './uids';
import { refold } from './attendance';
import { legacyEvents } from '../lib/attendance-events';

/**
 * Tables a backup leaves out: the signed-in account (its token is this device's credential)
 * and the synced document, which sync rebuilds from the other tables and the server; and the
 * session packs, which come back from the chapter or from their own file (a pack is checked
 * by the compiler when installed, which a restore would have to load and repeat); and a
 * speaker's draft, whose copy to keep is its exported pack file.
 */
export const NOT_BACKED_UP: readonly string[] = ['account', 'syncDocs', '$syncDocs.doc_updates', 'packs', 'drafts'];

const backedUp = () => db.tables.filter((t) => !NOT_BACKED_UP.includes(t.name));

/** Every table of the database, by name, each with all its records in key order. */
export async function dumpAll(): Promise<Record<string, unknown[]>> {
  return db.transaction('r', backedUp(), async () => {
    const out: Record<string, unknown[]> = {};
    for (const t of backedUp()) out[t.name] = await t.toArray();
    return out;
  });
}

/** The backup of everything stored on this device, ready to save as JSON. */
export async function exportBackup(now = Date.now()): Promise<Backup> {
  const tables = await dumpAll();
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: schemaVersion(),
    exportedAt: now,
    tables: tables as Backup['tables'],
  };
}

/** Remembers when the last backup was saved (for the 14-day reminder). */
export async function markExported(at = Date.now()): Promise<void> {
  await db.settings.put({ key: LAST_EXPORT_KEY, value: at });
}

export async function lastExportAt(): Promise<number | undefined> {
  const v = (await db.settings.get(LAST_EXPORT_KEY))?.value;
  return typeof v === 'number' ? v : undefined;
}

export interface RestoreCount {
  table: BackupTable;
  add: number;
  replace: number;
}

const keyOf = (table: BackupTable, record: object): IndexableType => {
  const path = db.table(table).schema.primKey.keyPath;
  return (record as Record<string, IndexableType>)[typeof path === 'string' ? path : String(path)] ?? '';
};

/** What a restore would do, per table: records it adds and records whose key exists it replaces. */
export async function restorePlan(backup: Backup): Promise<RestoreCount[]> {
  const names = Object.keys(backup.tables) as BackupTable[];
  return db.transaction('r', names, async () => {
    const out: RestoreCount[] = [];
    for (const table of names) {
      const records = backup.tables[table] ?? [];
      const found = await db.table(table).bulkGet(records.map((r) => keyOf(table, r)));
      const replace = found.filter((f) => f !== undefined).length;
      out.push({ table, add: records.length - replace, replace });
    }
    return out;
  });
}

/**
 * The answers of a backup to write: each with a uid (a backup from before sync has none), and
 * none this device already holds under another id (the same answer, synced here).
 */
async function answersToRestore(records: readonly AnswerRecord[]): Promise<AnswerRecord[]> {
  const withUid = records.map((r) => ({ ...r, uid: r.uid ?? crypto.randomUUID() }));
  const held = await answersWithUids(
    db,
    withUid.map((r) => r.uid),
  );
  const idOf = new Map(held.map((a) => [a.uid, a.id]));
  return withUid.filter((r) => !idOf.has(r.uid) || idOf.get(r.uid) === r.id);
}

/**
 * Writes a checked backup in one transaction: every record put by its key; all or nothing.
 * Attendance follows its log: the backup's events are added (a backup from before the log has
 * its attendance turned into events) and the records they touch folded again.
 */
export async function restoreBackup(backup: Backup): Promise<void> {
  const names = (Object.keys(backup.tables) as BackupTable[]).filter((t) => t !== 'attendanceEvents');
  await db.transaction('rw', [...names, 'attendanceEvents', 'attendance'], async () => {
    for (const table of names) {
      const records =
        table === 'answers' ? await answersToRestore(backup.tables.answers) : (backup.tables[table] ?? []);
      if (records.length) await db.table(table).bulkPut(records);
    }
    const events = backup.tables.attendanceEvents ?? legacyEvents(backup.tables.attendance);
    // Put as they are (an event never changes, so one held here is the same event).
    if (events.length) await db.attendanceEvents.bulkPut(events);
    await refold(
      db,
      events.map((e) => [e.sessionId, e.memberId]),
    );
  });
  const tables = ['answers', 'attempts', 'flags', 'settings', 'education', 'members', 'sessionChanges'] as const;
  for (const table of tables) noteLocalChange(table);
  noteLocalChange('attendanceEvents');
}

/** Whether there is study or chapter data worth backing up. */
export async function hasData(): Promise<boolean> {
  const counts = await Promise.all([db.answers.count(), db.members.count(), db.education.count()]);
  return counts.some((n) => n > 0);
}

/** The database's schema version, written into each backup. */
export const schemaVersion = () => db.verno;

/**
 * Whether to remind the candidate to export (see backupDue). With data stored, persistent
 * storage is asked for first (once per page load), so a granted request ends the reminders.
 */
export async function isBackupDue(now = Date.now()): Promise<boolean> {
  const [last, data] = await Promise.all([lastExportAt(), hasData()]);
  if (data) await askPersistence();
  const { persisted } = await persistenceStatus();
  return backupDue({ lastExportAt: last, persisted: persisted !== false, hasData: data, now });
}
