// Receiving the chapter's session packs on a signed-in device: the server lists the latest
// version of each pack; a version newer than the one held is fetched, compiled again here and
// installed; a pack the chapter no longer lists (withdrawn) is removed, its progress kept.
// Packs opened from a file are left alone. Runs when sync connects, at most once a minute.
import type { ApiFailure, Server } from './api';
import { fetchChapterPack, listChapterPacks } from './packs-api';

export interface Received {
  ok: true;
  installed: string[];
  removed: string[];
  /** Packs the chapter sent that this app refused (should not happen: the server checks them too). */
  problems: string[];
}

export async function receivePacks(server: Server): Promise<Received | ApiFailure> {
  const listed = await listChapterPacks(server);
  if (!listed.ok) return listed;
  const { installChapterPack, readPacks, uninstallPack } = await import('../content/pack-install');
  const held = new Map((await readPacks()).map((p) => [p.id, p]));
  const out: Received = { ok: true, installed: [], removed: [], problems: [] };
  for (const listing of listed.value) {
    const mine = held.get(listing.id);
    if (mine && mine.version >= listing.version) continue;
    const fetched = await fetchChapterPack(server, listing.id, listing.version);
    if (!fetched.ok) return fetched;
    const outcome = await installChapterPack(fetched.value);
    if (outcome.ok) out.installed.push(`${outcome.title} v${outcome.version}`);
    else out.problems.push(`${listing.title}: ${outcome.problems[0] ?? 'refused'}`);
  }
  const listedIds = new Set(listed.value.map((l) => l.id));
  for (const p of held.values()) {
    if (p.from !== 'chapter' || listedIds.has(p.id)) continue;
    if (await uninstallPack(p.id)) out.removed.push(p.compiled.session.title);
  }
  if (out.problems.length > 0) console.warn('Session packs refused:', out.problems);
  return out;
}
