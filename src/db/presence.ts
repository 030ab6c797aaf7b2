// Whether this device has the app's database, asked without opening it (and without loading
// Dexie): on a first visit there is nothing to read, so a page can show its empty figures
// without the database code. True when the browser cannot tell (no indexedDB.databases()),
// false when storage does not answer within the limit, so no page waits forever.
import { useEffect, useState } from 'react';
import { noteMissingDatabase, storageStatus } from './storage';

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
      if (!found) noteMissingDatabase();
      return found;
    },
    () => false,
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
