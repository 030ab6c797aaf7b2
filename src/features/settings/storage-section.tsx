import { useBackupStatus } from './data';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(0, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Whether this browser keeps the app's data for good, and how much room it uses. */
export function StorageSection() {
  const status = useBackupStatus();
  if (!status?.storage) return <p className="muted">Loading…</p>;
  const { persisted, usage, quota } = status.storage;
  return (
    <>
      <p>
        {persisted === true
          ? 'Persistent storage is granted: this browser keeps your data even when space runs low.'
          : persisted === false
            ? 'Persistent storage is not granted: this browser may clear your data when space runs low or after some days without a visit. Export your data regularly.'
            : 'This browser does not say whether it keeps your data for good. Export your data regularly.'}
      </p>
      <p className="muted">
        {usage !== undefined && quota !== undefined
          ? `Using ${size(usage)} of the ${size(quota)} this browser allows.`
          : 'This browser does not report how much space is used.'}
      </p>
    </>
  );
}
