// The app's handle on sync, light enough to import anywhere: no yjs, no y-dexie, no
// Hocuspocus. The engine (engine.ts) is imported only when this device is signed in.
import { useSyncExternalStore } from 'react';
import { databaseExists } from '../db/presence';
import type { SyncHandle } from './engine';
import type { SyncStatus } from './status';

export type { SyncState, SyncStatus } from './status';

let handle: SyncHandle | undefined;
let starting: Promise<void> | undefined;
let unsubscribe: (() => void) | undefined;
let snapshot: SyncStatus | undefined;
const listeners = new Set<() => void>();

function publish(next: SyncStatus | undefined): void {
  snapshot = next;
  for (const l of listeners) l();
}

/** The current sync status; undefined when this device is not signed in (no engine running). */
export const syncStatus = {
  get: (): SyncStatus | undefined => snapshot,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useSyncStatus(): SyncStatus | undefined {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get, () => undefined);
}

/**
 * Loads the engine's code without starting it: called as a sign-in begins, so yjs and the
 * provider load while the server enrols the device instead of after.
 */
export function preloadSync(): void {
  import('./engine').catch(() => undefined);
}

/** Starts sync if this device is signed in and it is not running yet. Safe to call again. */
export function ensureSyncStarted(): Promise<void> {
  if (handle) return Promise.resolve();
  starting ??= (async () => {
    try {
      // A device without a database has no account: nothing of the database code loads.
      if (!(await databaseExists())) return;
      const { getAccount } = await import('../db/account');
      const account = await getAccount();
      if (!account) return;
      const { startSync } = await import('./engine');
      const h = startSync(account);
      handle = h;
      const server = { origin: account.serverOrigin, token: account.token };
      unsubscribe = h.subscribe(() => {
        publish(h.status());
        if (h.status().state === 'synced') receiveSoon(server);
      });
      publish(h.status());
      // A device that stays connected for hours still hears of new and withdrawn packs.
      packTimer = setInterval(() => {
        if (h.status().state === 'synced') receiveSoon(server);
      }, PACKS_POLL_MS);
    } catch (error) {
      console.error('Sync could not start', error);
    } finally {
      starting = undefined;
    }
  })();
  return starting;
}

let lastReceived = 0;
let packTimer: ReturnType<typeof setInterval> | undefined;
/** How often a device that stays connected asks for packs. */
const PACKS_POLL_MS = 10 * 60_000;
let receiving: Promise<unknown> | undefined;
/** How often a connected device asks the chapter for new session packs, at most. */
const PACKS_EVERY_MS = 60_000;

/** Asks the chapter for new or withdrawn session packs (at most once a minute, one at a time). */
function receiveSoon(server: { origin?: string | undefined; token: string }): void {
  // Offline the request could only fail (and the browser would log it): the next connection asks.
  if (receiving || !navigator.onLine || Date.now() - lastReceived < PACKS_EVERY_MS) return;
  lastReceived = Date.now();
  receiving = import('./packs')
    .then(({ receivePacks }) =>
      receivePacks(server.origin ? { origin: server.origin, token: server.token } : { token: server.token }),
    )
    .then((r) => {
      if (!r.ok) lastReceived = 0; // offline or refused: try again at the next connection
    })
    .catch((error: unknown) => console.error('Session packs could not be received', error))
    .finally(() => (receiving = undefined));
}

/** Asks the chapter for its session packs now (the Settings button), whatever the last time. */
export async function receivePacksNow(): Promise<
  Awaited<ReturnType<typeof import('./packs').receivePacks>> | undefined
> {
  const { getAccount } = await import('../db/account');
  const account = await getAccount();
  if (!account) return undefined;
  const { receivePacks } = await import('./packs');
  lastReceived = Date.now();
  return receivePacks(
    account.serverOrigin ? { origin: account.serverOrigin, token: account.token } : { token: account.token },
  );
}

/** Stops sync (before signing out). Local data is untouched. */
export async function stopSync(): Promise<void> {
  await starting;
  const h = handle;
  handle = undefined;
  unsubscribe?.();
  clearInterval(packTimer);
  packTimer = undefined;
  unsubscribe = undefined;
  publish(undefined);
  await h?.stop();
}
