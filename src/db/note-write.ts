// How a write went, told to the storage status: a write refused for lack of space turns the
// banner's "storage is full" on, the next stored write turns it off. Apart from storage.ts so
// the error classification loads with the data layer, not with the shell's banner.
import { classifyWriteError } from '../lib/write-error';
import { setStorageFull, storageFull } from './storage';

/** Pass the error of a failed write, nothing for a stored one. */
export function noteWrite(err?: unknown): void {
  setStorageFull(err === undefined ? false : classifyWriteError(err) === 'full' ? true : storageFull());
}
