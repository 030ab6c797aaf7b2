// The official hours the server computed for the signed-in person (from their read-only
// document `hours:<personId>`), kept on this device so My hours shows them offline too. A
// device setting: never synced (the server is its only source), and shown only while the same
// person is signed in.
import { db as appDb, type ClmDatabase } from './db';
import type { OfficialHours } from '../lib/chapter-doc';

export const OFFICIAL_KEY = 'official-hours';

export interface StoredOfficial {
  personId: string;
  official: OfficialHours;
  /** When this device last heard from the server (ms since the epoch). */
  receivedAt: number;
}

/** Keeps the person's official hours (undefined: the server holds none for them). */
export async function saveOfficial(
  personId: string,
  official: OfficialHours | undefined,
  db: ClmDatabase = appDb,
): Promise<void> {
  if (!official) await db.settings.delete(OFFICIAL_KEY);
  else await db.settings.put({ key: OFFICIAL_KEY, value: { personId, official, receivedAt: Date.now() } });
}

/** The signed-in person's official hours, if this device has them. */
export async function readOfficial(db: ClmDatabase = appDb): Promise<StoredOfficial | undefined> {
  return db.transaction('r', db.account, db.settings, async () => {
    const [account, row] = await Promise.all([db.account.get('current'), db.settings.get(OFFICIAL_KEY)]);
    const stored = row?.value as StoredOfficial | undefined;
    if (!account || !stored || stored.personId !== account.person.id) return undefined;
    return stored;
  });
}
