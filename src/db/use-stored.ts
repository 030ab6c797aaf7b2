// The one way screens read stored data live: Dexie's useLiveQuery, with an empty default when
// storage is unavailable (or closed for another tab's upgrade), so no page shows "Loading…"
// forever. Undefined means still loading, for at most OPEN_TIMEOUT_MS.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { isStorageError, storageUsable, useStorageStatus, whenOpen } from './storage';

export function useStored<T>(querier: () => Promise<T> | T, deps: unknown[], fallback: T): T | undefined {
  const usable = storageUsable(useStorageStatus());
  useEffect(() => void whenOpen(), []);
  const value = useLiveQuery(
    async () => {
      if (!usable) return fallback;
      try {
        return await querier();
      } catch (err) {
        if (isStorageError(err)) return fallback;
        throw err;
      }
    },
    // The caller's deps stand for the querier (and its fallback).
    // oxlint-disable-next-line react/exhaustive-deps
    [usable, ...deps],
  );
  return usable ? value : fallback;
}
