// The settings page's repository: the stored "new questions a day" and, for comparison, the
// rate the exam-date plan would set; and backups (save everything as a file, read and check a
// file, restore it) with the storage's state. zod (with the file's schema) loads only when a
// file is read, so no other page carries it.
import { useEffect, useState } from 'react';
import { useNow } from '../../components/ui/use-now';
import { useStored } from '../../db/use-stored';
import { content } from '../../content/runtime';
import { getExamDate, getNewPerDay, setNewPerDay } from '../../db/settings';
import { countDue, countFirstAnsweredSince, seenIds } from '../../db/study';
import { planForExam } from '../../lib/plan';
import { localDay } from '../../lib/progress';
import { exportBackup, hasData, lastExportAt, markExported, restoreBackup, restorePlan } from '../../db/backup';
import type { RestoreCount } from '../../db/backup';
import { schemaVersion } from '../../db/backup';
import { askPersistence, persistenceStatus, type PersistenceStatus } from '../../db/persistence';
import { noteWrite } from '../../db/note-write';
import { BACKUP_MAX_BYTES, backupDue, backupFileName } from '../../lib/backup';
import type { Backup } from '../../lib/backup-schema';

export type { RestoreCount, PersistenceStatus };
export { useWrite } from '../../db/use-write';
export { noteWrite } from '../../db/note-write';

export interface StudySettings {
  /** The candidate's choice; undefined when they follow the plan. */
  newPerDay: number | undefined;
  /** What the exam-date plan sets today; undefined without an exam date (or after it). */
  planNewPerDay: number | undefined;
}

const NO_SETTINGS: StudySettings = { newPerDay: undefined, planNewPerDay: undefined };

export function useStudySettings(): StudySettings | undefined {
  return useStored(
    async () => {
      const now = Date.now();
      const startOfDay = new Date(now);
      startOfDay.setHours(0, 0, 0, 0);
      const [newPerDay, examDate, seen, newToday, due] = await Promise.all([
        getNewPerDay(),
        getExamDate(),
        seenIds(),
        countFirstAnsweredSince(startOfDay.getTime()),
        countDue(now),
      ]);
      const plan = examDate
        ? planForExam({
            today: localDay(now),
            examDate,
            unseen: content.counts.total - seen.size,
            newToday,
            dueNow: due,
          })
        : undefined;
      return { newPerDay, planNewPerDay: plan && plan.daysLeft > 0 ? plan.newPerDay : undefined };
    },
    [],
    NO_SETTINGS,
  );
}

/** Saves "new questions a day" (undefined: follow the plan). */
export function saveNewPerDay(value: number | undefined): Promise<void> {
  return setNewPerDay(value);
}

export interface BackupStatus {
  lastExportAt: number | undefined;
  storage: PersistenceStatus | undefined;
  due: boolean;
}

/** The storage's state; once there is data, persistent storage is asked for first (once). */
function useStorage(data: boolean | undefined): PersistenceStatus | undefined {
  const [status, setStatus] = useState<PersistenceStatus | undefined>(undefined);
  useEffect(() => {
    if (data === undefined) return;
    let live = true;
    void (async () => {
      if (data) await askPersistence();
      const s = await persistenceStatus();
      if (live) setStatus(s);
    })();
    return () => {
      live = false;
    };
  }, [data]);
  return status;
}

export function useBackupStatus(): BackupStatus | undefined {
  const stored = useStored(
    async () => {
      const [last, data] = await Promise.all([lastExportAt(), hasData()]);
      return { last, data };
    },
    [],
    { last: undefined, data: false },
  );
  const storage = useStorage(stored?.data);
  const now = useNow();
  if (!stored) return undefined;
  const persisted = storage === undefined || storage.persisted !== false;
  const due = backupDue({ lastExportAt: stored.last, persisted, hasData: stored.data, now });
  return { lastExportAt: stored.last, storage, due };
}

/**
 * Builds the backup, hands it to the browser as a download, and records the time (`noted`
 * false when that could not be stored).
 */
export async function saveBackup(
  save: (name: string, text: string) => void,
): Promise<{ name: string; noted: boolean }> {
  const now = Date.now();
  const backup = await exportBackup(now);
  const name = backupFileName(localDay(now));
  save(name, JSON.stringify(backup));
  // The file is saved even when this device is too full to note when: the export still counts.
  let noted = true;
  try {
    await markExported(now);
  } catch (err) {
    noteWrite(err);
    noted = false;
  }
  return { name, noted };
}

export type ReadResult = { ok: true; backup: Backup; plan: RestoreCount[] } | { ok: false; problems: string[] };

/** Reads a chosen file and checks all of it; nothing is written. */
export async function readBackup(file: Blob, readText: (f: Blob) => Promise<string>): Promise<ReadResult> {
  if (file.size > BACKUP_MAX_BYTES)
    return {
      ok: false,
      problems: [`The file is over ${BACKUP_MAX_BYTES / 1024 / 1024} MB: it is not a backup of this app.`],
    };
  const [text, { parseBackup }] = await Promise.all([readText(file), import('../../lib/backup-schema')]);
  const checked = parseBackup(text, schemaVersion());
  if (!checked.ok) return checked;
  return { ok: true, backup: checked.backup, plan: await restorePlan(checked.backup) };
}

export function restore(backup: Backup): Promise<void> {
  return restoreBackup(backup);
}
