// Who records a check-in: this device's id (the signed-in account's device, else a random id
// kept in the settings the first time it is needed, never synced) and the person's name.
// Read before a write's transaction opens, so an event's author is chosen once per action.
import { db } from './db';
import type { Author } from '../lib/attendance-events';

export const DEVICE_KEY = 'device-id';

export async function author(): Promise<Author> {
  const account = await db.account.get('current');
  if (account) return { device: account.device.id, by: account.person.name };
  const stored = (await db.settings.get(DEVICE_KEY))?.value;
  if (typeof stored === 'string' && stored) return { device: stored, by: '' };
  const device = crypto.randomUUID();
  await db.transaction('rw', db.settings, async () => {
    if (!(await db.settings.get(DEVICE_KEY))) await db.settings.put({ key: DEVICE_KEY, value: device });
  });
  const kept = (await db.settings.get(DEVICE_KEY))?.value;
  return { device: typeof kept === 'string' ? kept : device, by: '' };
}
