// The session packs this device holds (table "packs"): each as received and as compiled by the
// build's compiler (src/content/pack.ts), so reading one never loads the compiler. Installing
// is idempotent (the same version again changes nothing) and never goes back a version;
// removing a pack leaves its answers, cards and summaries where they are, so its progress
// comes back if the pack does.
import { db, type PackRecord } from './db';
import type { CompiledPack, Pack } from '../content/pack';

export type InstallResult = 'installed' | 'updated' | 'unchanged' | { older: number };

export async function installPack(
  pack: Pack,
  compiled: CompiledPack,
  from: PackRecord['from'],
  now = Date.now(),
): Promise<InstallResult> {
  return db.transaction('rw', db.packs, async () => {
    const held = await db.packs.get(pack.manifest.id);
    if (held && held.version > pack.manifest.version) return { older: held.version };
    if (held && held.version === pack.manifest.version) return 'unchanged';
    await db.packs.put({
      id: pack.manifest.id,
      version: pack.manifest.version,
      from,
      pack,
      compiled,
      installedAt: now,
    });
    return held ? 'updated' : 'installed';
  });
}

/** Removes a pack (withdrawn, or removed by the person); true when there was one. */
export async function removePack(id: string): Promise<boolean> {
  return db.transaction('rw', db.packs, async () => {
    if (!(await db.packs.get(id))) return false;
    await db.packs.delete(id);
    return true;
  });
}

export function readPacks(): Promise<PackRecord[]> {
  return db.packs.orderBy('id').toArray();
}
