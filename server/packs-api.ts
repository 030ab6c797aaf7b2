// The session packs' part of the API (server/packs.ts keeps them): list, fetch one version,
// publish (speakers, the committee, admins), withdraw. Documented in docs/SERVER.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_PACK_BYTES } from '../src/content/pack.ts';
import { HttpError, readJson, send } from './http.ts';
import { publishRefusal, type PackShelf } from './packs.ts';
import type { Device, Person } from './store.ts';

interface Context {
  packs: PackShelf;
  signedIn: (req: IncomingMessage) => Promise<{ person: Person; device: Device }>;
  only: (method: string) => void;
  log: (line: string) => void;
}

export async function routePacks(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  { packs, signedIn, only, log }: Context,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (path === '/api/packs') {
    const { person } = await signedIn(req);
    if (method === 'GET') return send(res, 200, { packs: packs.list() });
    only('POST');
    const body = await readJson(req, MAX_PACK_BYTES, 'The pack is larger than the largest accepted (1,024 KB).');
    const published = packs.publish(body, person);
    if (!published.ok)
      return send(res, published.status, { error: published.problems[0], problems: published.problems });
    const { id, version } = published.manifest;
    if (published.created) log(`pack ${id} v${version} published by person ${person.id}`);
    return send(res, published.created ? 201 : 200, { manifest: published.manifest });
  }
  const packVersion = /^\/api\/packs\/([^/]+)\/(\d+)$/.exec(path);
  if (packVersion) {
    only('GET');
    await signedIn(req);
    const pack = packs.get(decodeURIComponent(packVersion[1] ?? ''), Number(packVersion[2]));
    if (!pack) throw new HttpError(404, 'There is no such pack version.');
    return send(res, 200, pack);
  }
  const packId = /^\/api\/packs\/([^/]+)$/.exec(path);
  if (packId) {
    only('DELETE');
    const { person } = await signedIn(req);
    const refused = publishRefusal(person.roles);
    if (refused) throw new HttpError(403, 'Only speakers and the committee withdraw session packs.');
    const id = decodeURIComponent(packId[1] ?? '');
    if (!packs.withdraw(id, person.id)) throw new HttpError(404, 'There is no such pack.');
    log(`pack ${id} withdrawn by person ${person.id}`);
    return send(res, 204);
  }
  throw new HttpError(404, 'There is no such API address.');
}
