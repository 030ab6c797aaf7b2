// Says when this device's storage cannot keep progress: unavailable (private modes, blocked
// storage), held up by an older tab during an upgrade, or closed because another tab upgraded
// it. A reload is offered, never done by itself (a candidate may be mid-exam).
// It reads the status only (no Dexie in the shell): the data hooks open the database.
import { useStorageStatus } from '../db/storage';

export function StorageBanner() {
  const status = useStorageStatus();
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
  return null;
}
