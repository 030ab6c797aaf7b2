// TEMPORARY stand-in for src/sync/index.ts until it lands (see SYNC-INTERFACE.md).
import { useSyncExternalStore } from 'react';

export type SyncState = 'syncing' | 'synced' | 'offline' | 'refused';
export interface SyncStatus {
  state: SyncState;
  lastSyncedAt?: number;
  pending: number;
  message?: string;
}
let status: SyncStatus | undefined;
const listeners = new Set<() => void>();
export const syncStatus = {
  get: () => status,
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
export function useSyncStatus() {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get, syncStatus.get);
}
export async function ensureSyncStarted() {}
export async function stopSync() {}
