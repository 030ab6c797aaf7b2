// Whether this device's storage can be used, in one place. The database opens once, with a
// time limit, so no page waits forever: where IndexedDB cannot be opened (some private modes,
// blocked storage) the status is "unavailable" and the data hooks give empty defaults. When
// another tab opens a newer version of the database, this tab saves what it holds, closes its
// connection and says so (see connection.ts); when this tab's upgrade is held up by an older
// tab, it says that. This module does not load Dexie: the shell's banner reads it.
import { useSyncExternalStore } from 'react';

export type StorageStatus =
  /** Not open yet. */
  | 'opening'
  | 'open'
  /** This tab's upgrade waits for other tabs holding the older version. */
  | 'blocked'
  /** IndexedDB could not be opened (or did not open in time). */
  | 'unavailable'
  /** Another tab upgraded (or deleted) the database: this tab closed its connection. */
  | 'closed';

/** How long the first open may take before pages stop waiting for storage. */
export const OPEN_TIMEOUT_MS = 4000;
/** How long the savers may take when another tab asks this one to close. */
export const SAVE_BEFORE_CLOSE_MS = 1000;

let status: StorageStatus = 'opening';
const listeners = new Set<() => void>();
const savers = new Set<() => Promise<unknown>>();

export function setStatus(next: StorageStatus): void {
  if (status === next) return;
  status = next;
  for (const listener of listeners) listener();
}

export function storageStatus(): StorageStatus {
  return status;
}

export function subscribeStorage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStorageStatus(): StorageStatus {
  return useSyncExternalStore(subscribeStorage, storageStatus, storageStatus);
}

/** False when nothing can be read or written now (unavailable or closed for another tab). */
export function storageUsable(s: StorageStatus = status): boolean {
  return s !== 'unavailable' && s !== 'closed';
}

// Whether the last write was refused for lack of space: set by a write that failed so, cleared
// by the next one that is stored. The banner says so on every page until then.
let full = false;

/** Sets whether storage is full (note-write.ts decides, from how each write went). */
export function setStorageFull(next: boolean): void {
  if (next === full) return;
  full = next;
  for (const listener of listeners) listener();
}

export function storageFull(): boolean {
  return full;
}

export function useStorageFull(): boolean {
  return useSyncExternalStore(subscribeStorage, storageFull, storageFull);
}

/** Registers what a screen must write before the connection closes; returns the unregister. */
export function onBeforeClose(save: () => Promise<unknown>): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/** Runs every registered saver, for at most `ms`. */
export async function runSavers(ms = SAVE_BEFORE_CLOSE_MS): Promise<void> {
  const delay = new Promise<void>((resolve) => setTimeout(resolve, ms));
  await Promise.race([Promise.allSettled([...savers].map((save) => save())), delay]);
}

let opened: Promise<boolean> | undefined;

/**
 * Opens the database once. Resolves true when it is open, false when it failed or has not
 * opened within the time limit (a late open still turns the status to "open").
 */
export function whenOpen(timeoutMs = OPEN_TIMEOUT_MS): Promise<boolean> {
  opened ??= new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      if (status === 'opening') setStatus('unavailable');
      resolve(false);
    }, timeoutMs);
    import('./db')
      .then(({ db }) => openRetrying(() => db.open()))
      .then(
        () => {
          clearTimeout(timer);
          setStatus('open');
          resolve(true);
        },
        () => {
          clearTimeout(timer);
          setStatus('unavailable');
          resolve(false);
        },
      );
  });
  return opened;
}

/**
 * Pauses before trying a refused open again. Chromium, restarted after a crash, can refuse the
 * first opens while it recovers the store ("Internal error opening backing store", an
 * UnknownError); a later open succeeds.
 */
export const OPEN_RETRY_MS = [200, 800];

/** Whether a failed open is the browser's passing refusal (UnknownError), worth trying again. */
export function transientOpenError(err: unknown): boolean {
  const inner = (err as { inner?: unknown } | undefined)?.inner ?? err;
  return (err as Error | undefined)?.name === 'UnknownError' || (inner as Error | undefined)?.name === 'UnknownError';
}

/** Runs `open`, trying again after each pause while it fails with a transient error. */
export async function openRetrying<T>(open: () => Promise<T>, pauses: readonly number[] = OPEN_RETRY_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (err) {
      const pause = pauses[attempt];
      if (pause === undefined || !transientOpenError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Errors that mean storage itself is out of reach (not a bug in a query). */
const STORAGE_ERRORS = new Set([
  'OpenFailedError',
  'MissingAPIError',
  'DatabaseClosedError',
  'VersionError',
  'InvalidStateError',
  'UnknownError',
  'SecurityError',
]);

export function isStorageError(err: unknown): boolean {
  return err instanceof Error && (STORAGE_ERRORS.has(err.name) || !storageUsable());
}

/** Set once this device has opened the database: a later fresh database means it was cleared. */
export const DB_SEEN_KEY = 'clm-db-seen';

export function seenBefore(): boolean {
  try {
    return localStorage.getItem(DB_SEEN_KEY) !== null;
  } catch {
    return false;
  }
}

/** No database where this device had one: the browser cleared it (Home looks without opening it). */
export function noteMissingDatabase(): void {
  if (seenBefore()) noteStorageReset();
}

let reset = false;

/** The browser cleared this device's database since the last visit (see connection.ts). */
export function noteStorageReset(): void {
  if (reset) return;
  reset = true;
  for (const listener of listeners) listener();
}

export function storageReset(): boolean {
  return reset;
}

export function useStorageReset(): boolean {
  return useSyncExternalStore(subscribeStorage, storageReset, () => false);
}
