// Typed calls to the chapter server's session-pack API (server/packs-api.ts): list, fetch,
// publish, withdraw. Like api.ts, each resolves to a result and never throws.
import { call, isObject, isString, type ApiResult, type Server } from './api';

/** A published session pack as the chapter lists it (its manifest; the pack itself is fetched). */
export interface PackListing {
  id: string;
  version: number;
  title: string;
}

/** The chapter's session packs: the latest version of each that is not withdrawn. */
export function listChapterPacks(server: Server): Promise<ApiResult<PackListing[]>> {
  return call(server, 'GET', '/api/packs', (b) => {
    if (!isObject(b) || !Array.isArray(b.packs)) return undefined;
    const out: PackListing[] = [];
    for (const item of b.packs) {
      const m = isObject(item) && isObject(item.manifest) ? item.manifest : undefined;
      if (!m || !isString(m.id) || typeof m.version !== 'number' || !isString(m.title)) return undefined;
      out.push({ id: m.id, version: m.version, title: m.title });
    }
    return out;
  });
}

/** One version of a pack, as published (checked again by the caller before it is installed). */
export function fetchChapterPack(server: Server, id: string, version: number): Promise<ApiResult<unknown>> {
  return call(server, 'GET', `/api/packs/${encodeURIComponent(id)}/${version}`, (b) => (isObject(b) ? b : undefined));
}

/** Publishes a pack to the chapter (speakers and the committee); a refusal lists its problems. */
export function publishChapterPack(server: Server, pack: unknown): Promise<ApiResult<{ id: string; version: number }>> {
  return call(
    server,
    'POST',
    '/api/packs',
    (b) => {
      const m = isObject(b) && isObject(b.manifest) ? b.manifest : undefined;
      return m && isString(m.id) && typeof m.version === 'number' ? { id: m.id, version: m.version } : undefined;
    },
    pack,
  );
}

/** Withdraws a pack, every version (speakers and the committee): members' apps remove it at their next check. */
export function withdrawChapterPack(server: Server, id: string): Promise<ApiResult<true>> {
  return call(server, 'DELETE', `/api/packs/${encodeURIComponent(id)}`, () => true);
}
