// Says when this device's storage cannot keep progress: unavailable (private modes, blocked
// storage), held up by an older tab during an upgrade, or closed because another tab upgraded
// it. A reload is offered, never done by itself (a candidate may be mid-exam).
// A write refused for lack of space says so here too, on every page, until a write is stored.
// It reads the status only (no Dexie in the shell): the data hooks open the database.
import { Link } from 'react-router';
import { paths } from '../config/paths';
import { useStorageFull, useStorageReset, useStorageStatus } from '../db/storage';

export function StorageBanner() {
  const status = useStorageStatus();
  const full = useStorageFull();
  const reset = useStorageReset();
  if (status === 'unavailable')
    return (
      <div className="notice notice-error banner" role="alert">
        <p>Progress will not be saved on this device: storage is unavailable.</p>
      </div>
    );
  if (status === 'blocked')
    return (
      <div className="notice notice-error banner" role="alert">
        <p>Close other CLM Study tabs to finish updating.</p>
      </div>
    );
  if (status === 'closed')
    return (
      <div className="notice notice-error banner" role="alert">
        <p>CLM Study was updated in another tab: reload.</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  if (reset)
    return (
      <div className="notice notice-error banner" role="alert">
        <p>
          This browser cleared CLM Study's storage on this device since your last visit (after a crash, or to free
          space): progress that was not in a backup is gone from here.{' '}
          <Link to={paths.settings.href()}>Restore your last backup</Link> in Settings.
        </p>
      </div>
    );
  if (full)
    return (
      <div className="notice notice-error banner" role="alert">
        <p>
          Storage on this device is full: new progress is not being saved.{' '}
          <Link to={paths.settings.href()}>Export your data</Link>, then free some space.
        </p>
      </div>
    );
  return null;
}
