// The database connection and other tabs: an upgrade held up by an older tab says so ("blocked");
// another tab's upgrade (or deletion) makes this tab save what it holds, close its connection
// and say so ("closed"), instead of Dexie's default of closing at once and reopening.
import type { Dexie } from 'dexie';
import { runSavers, setStatus, storageStatus } from './storage';

export function watchConnection(db: Dexie): void {
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
