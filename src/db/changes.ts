// The one hook by which the data layer says it wrote something that syncs: each named write
// calls noteLocalChange after its transaction committed, with the keys it changed when it
// knows them (a flag cleared or a setting removed has no row left to find). The sync engine,
// loaded only after sign-in, listens; with no listener this does nothing.
export type SyncedTable = 'answers' | 'attempts' | 'flags' | 'settings' | 'education';

export interface LocalChange {
  table: SyncedTable;
  /** The keys written or deleted, if known (answers: none; the engine reads new rows). */
  keys?: readonly string[] | undefined;
}

type Listener = (change: LocalChange) => void;

const listeners = new Set<Listener>();

/** Calls the listener after each committed local write to a synced table; returns the unsubscribe. */
export function onLocalChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Announces a committed write (never throws: a listener's failure is its own). */
export function noteLocalChange(table: SyncedTable, keys?: readonly string[]): void {
  for (const l of listeners) {
    try {
      l({ table, keys });
    } catch (error) {
      console.error('Sync could not take a local change', error);
    }
  }
}
