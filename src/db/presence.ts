// Whether this device has the app's database, asked without opening it (and without loading
// Dexie): on a first visit there is nothing to read, so a page can show its empty figures
// without the database code. True when the browser cannot tell (no indexedDB.databases()),
// false when storage does not answer within the limit, so no page waits forever.
import { useEffect, useState } from 'react';
import { noteMissingDatabase, OPEN_TIMEOUT_MS, setStatus, storageStatus } from './storage';

/** The app's one database (db.ts opens it; this module only asks whether it is there). */
export const DB_NAME = 'clm-study';

/** How long the look at storage may take before a page shows the empty figures. */
export const LOOK_MS = 3000;

export async function databaseExists(): Promise<boolean> {
  if (storageStatus() === 'open') return true;
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  const look = indexedDB.databases().then(
    (list) => {
      const found = list.some((d) => d.name === DB_NAME);
      if (!found) {
        noteMissingDatabase();
        probeStorage();
      }
      return found;
    },
    () => {
      probeStorage();
      return false;
    },
  );
  return Promise.race([look, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), LOOK_MS))]);
}

/** databaseExists() for a screen: undefined while it looks. */
export function useDatabaseExists(): boolean | undefined {
  const [exists, setExists] = useState<boolean>();
  useEffect(() => {
    let live = true;
    void databaseExists().then((found) => live && setExists(found));
    return () => {
      live = false;
    };
  }, []);
  return exists;
}

const PROBE_NAME = 'clm-study-probe';
let probed = false;

/**
 * With no database to open, whether storage can be used at all is asked with a throwaway
 * database (raw IndexedDB, no Dexie), once: where it cannot be opened (blocked storage, some
 * private modes) the status turns "unavailable", so the banner says progress is not saved
 * before anything is lost.
 */
function probeStorage(): void {
  if (probed) return;
  probed = true;
  const fail = () => {
    if (storageStatus() === 'opening') setStatus('unavailable');
  };
  const timer = setTimeout(fail, OPEN_TIMEOUT_MS);
  try {
    const req = indexedDB.open(PROBE_NAME);
    req.onsuccess = () => {
      clearTimeout(timer);
      req.result.close();
      indexedDB.deleteDatabase(PROBE_NAME);
    };
    req.onerror = () => {
      clearTimeout(timer);
      fail();
    };
  } catch {
    clearTimeout(timer);
    fail();
  }
}
