// Watches for usePresent (use-present.ts): loaded only where there is a database to read.
import { liveQuery } from 'dexie';
import { db } from './db';
import { whenOpen } from './storage';
import type { Watch } from './use-present';
import type { SessionChange } from '../lib/chapter';

function watchQuery<T>(query: () => Promise<T>): Watch<T> {
  return (onValue, onError) => {
    void whenOpen();
    const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
    return () => subscription.unsubscribe();
  };
}

/** This device's changes to the season's schedule. */
export const watchSessionChanges: Watch<SessionChange[]> = watchQuery(() => db.sessionChanges.toArray());
