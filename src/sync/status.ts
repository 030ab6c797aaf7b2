// The sync status the screens show, as plain types (no engine code).
export type SyncState = 'syncing' | 'synced' | 'offline' | 'refused';

export interface SyncStatus {
  state: SyncState;
  /** When everything was last acknowledged by the server (epoch ms). */
  lastSyncedAt?: number;
  /** Local changes not yet acknowledged. */
  pending: number;
  /** A plain sentence to show, e.g. why the server refused this device. */
  message?: string;
}
