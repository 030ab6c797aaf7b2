// The database connection and other tabs: an upgrade held up by an older tab says so ("blocked");
// another tab's upgrade (or deletion) makes this tab save what it holds, close its connection
// and say so ("closed"), instead of Dexie's default of closing at once and reopening.
import type { Dexie } from 'dexie';
import { DB_SEEN_KEY, runSavers, seenBefore, setStatus, storageStatus, noteStorageReset } from './storage';

export function watchConnection(db: Dexie): void {
  // A database created fresh on a device that had one: the browser cleared it (Chromium deletes
  // a database it finds damaged, e.g. after a crash; browsers evict storage to free space).
  db.on('populate', () => {
    if (seenBefore()) noteStorageReset();
  });
  db.on('ready', () => {
    try {
      localStorage.setItem(DB_SEEN_KEY, String(Date.now()));
    } catch {
      // Without localStorage a cleared database cannot be told apart from a first visit.
    }
  });
  db.on('blocked', () => {
    if (storageStatus() === 'opening') setStatus('blocked');
  });
  db.on('versionchange', () => {
    void runSavers().then(() => {
      db.close({ disableAutoOpen: true });
      setStatus('closed');
    });
    // Dexie's own handler (which closes at once, before anything is saved) does not run.
    return false;
  });
}
