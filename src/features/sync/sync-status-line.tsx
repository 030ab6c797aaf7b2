import { useNow } from '../../components/ui/use-now';
import { timeAgo } from '../../lib/time-ago';
import type { SyncState, SyncStatus } from './data';

const WORDS: Record<SyncState, string> = {
  synced: 'Synced',
  syncing: 'Syncing…',
  offline: 'Offline',
  refused: 'Not syncing',
};

const changes = (n: number) => (n === 0 ? 'no changes waiting' : n === 1 ? '1 change waiting' : `${n} changes waiting`);

/** Synced / syncing / offline, when it last synced and how many changes wait to go up. */
export function SyncStatusLine({ status }: { status: SyncStatus | undefined }) {
  const now = useNow(30_000);
  const state = status?.state ?? 'syncing';
  return (
    <div className="sync-status" data-state={state}>
      <p>
        <span className="sync-dot" aria-hidden="true" />
        <strong>{status ? WORDS[state] : 'Starting sync…'}</strong>
        {status && (
          <>
            {' · '}
            {status.lastSyncedAt === undefined
              ? 'not synced yet'
              : `Last synced ${timeAgo(status.lastSyncedAt, Math.max(now, status.lastSyncedAt))}`}
            {' · '}
            {changes(status.pending)}
          </>
        )}
      </p>
      {state === 'offline' && (
        <p className="muted">
          This device cannot reach the sync server now. Changes are kept here and go up as soon as it can.
        </p>
      )}
    </div>
  );
}
