// The backup file's fixed facts (format, version, size limit, name) and when to remind the
// candidate to export. No zod here: Home reads this, and zod loads only with a restore.
export const BACKUP_FORMAT = 'clm-study-backup';
export const BACKUP_VERSION = 1;
/** Backups over this size are refused before they are read. */
export const BACKUP_MAX_BYTES = 50 * 1024 * 1024;

// When to remind the candidate to export a backup: storage the browser may clear, data worth
// keeping, and no export in the last 14 days.
export const BACKUP_REMIND_DAYS = 14;
export const LAST_EXPORT_KEY = 'lastExportAt';

export function backupDue(input: {
  lastExportAt: number | undefined;
  persisted: boolean;
  hasData: boolean;
  now: number;
}): boolean {
  if (input.persisted || !input.hasData) return false;
  if (input.lastExportAt === undefined) return true;
  return input.now - input.lastExportAt > BACKUP_REMIND_DAYS * 24 * 60 * 60 * 1000;
}

/** The backup's file name for a local day: clm-study-backup-YYYY-MM-DD.json. */
export function backupFileName(day: string): string {
  return `clm-study-backup-${day}.json`;
}
