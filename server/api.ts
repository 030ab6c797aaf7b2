// The JSON API under /api/: enrol a device with a one-time code, make a link for another
// device, who am I, my devices, revoke one (an admin: any), invite a person, the people (admin),
// set a person's roles, the session packs (list, fetch, publish, withdraw). Errors are { error: "<plain sentence>" } with 4xx. Role rules
// (roles.ts) are the server's: a committee device invites members only; only an admin invites
// committee members or speakers or changes roles. The CLI is the operator's tool, above them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inviteRefusal, rolesRefusal } from './roles.ts';
import { isRole, type Device, type Person, type Role, type Store } from './store.ts';
import { REFUSAL_MESSAGES, type Tokens } from './tokens.ts';
import type { PackShelf } from './packs.ts';
import { routePacks } from './packs-api.ts';
import { HttpError, readJson, send } from './http.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const CODE_REFUSED = 'This invite link has been used or has expired. Ask for a new one.';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const personJson = (p: Person) => ({ id: p.id, name: p.name, email: p.email, roles: p.roles });

export interface ApiOptions {
  store: Store;
  tokens: Tokens;
  /** The chapter's published session packs. */
  packs: PackShelf;
  /** The start of the links handed out: PUBLIC_URL, else the address the request came to. */
  linkBase: (req: IncomingMessage) => string;
  /** Called after a device is revoked: closes its open sync connections. */
  onRevoke: (deviceId: string) => void;
  /** Called after a person's roles change: their devices reconnect under the new roles. */
  onRolesChanged: (personId: string) => void;
  log: (line: string) => void;
}

export function joinLink(base: string, code: string): string {
  return `${base}/join#code=${code}`;
}

export function createApi({ store, tokens, packs, linkBase, onRevoke, onRolesChanged, log }: ApiOptions) {
  async function signedIn(req: IncomingMessage): Promise<{ person: Person; device: Device }> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const checked = await tokens.check(match?.[1]);
    if (!checked.ok) throw new HttpError(401, REFUSAL_MESSAGES[checked.refusal]);
    store.touchDevice(checked.device.id);
    return checked;
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const only = (allowed: string) => {
      if (method !== allowed) {
        res.setHeader('Allow', allowed);
        throw new HttpError(405, `Use ${allowed} for ${path}.`);
      }
    };
    if (path === '/api/enrol') {
      only('POST');
      const body = await readJson(req);
      const code = typeof body.code === 'string' ? body.code.trim() : '';
      const label = typeof body.label === 'string' ? body.label.trim().slice(0, 80) : '';
      if (!code || code.length > 200) throw new HttpError(400, CODE_REFUSED);
      const enrolled = store.enrol(code, label || 'Unnamed device');
      if (!enrolled) throw new HttpError(400, CODE_REFUSED);
      const token = await tokens.issue(enrolled.person, enrolled.device);
      log(`enrolled device ${enrolled.device.id} of person ${enrolled.person.id}`);
      return send(res, 200, {
        token,
        person: personJson(enrolled.person),
        device: { id: enrolled.device.id, label: enrolled.device.label },
      });
    }
    if (path === '/api/link') {
      only('POST');
      const { person } = await signedIn(req);
      const { code, expiresAt } = store.createDeviceLink(person.id);
      return send(res, 200, { url: joinLink(linkBase(req), code), expiresAt: iso(expiresAt) });
    }
    if (path === '/api/me') {
      only('GET');
      const { person, device } = await signedIn(req);
      return send(res, 200, {
        person: personJson(person),
        device: { id: device.id, label: device.label },
        roles: person.roles,
        chapter: { id: store.chapterId(), name: store.chapterName() ?? null },
      });
    }
    if (path === '/api/invites') {
      only('POST');
      const { person } = await signedIn(req);
      const body = await readJson(req);
      const role = body.role ?? 'member';
      const email = typeof body.email === 'string' ? body.email.trim() : '';
      const name = typeof body.name === 'string' ? body.name.trim().slice(0, 200) : '';
      if (!isRole(role)) throw new HttpError(400, 'The role must be one of member, committee, speaker or admin.');
      const refused = inviteRefusal(person.roles, role);
      if (refused) throw new HttpError(403, refused);
      if (!EMAIL.test(email) || email.length > 254) throw new HttpError(400, 'The invite needs a valid email address.');
      const { code, expiresAt } = store.createInvite({ role, email, name: name || undefined });
      log(`invite as ${role} made by person ${person.id}`);
      return send(res, 200, { url: joinLink(linkBase(req), code), expiresAt: iso(expiresAt) });
    }
    if (path === '/api/people') {
      only('GET');
      const { person } = await signedIn(req);
      const refused = rolesRefusal(person.roles);
      if (refused) throw new HttpError(403, "Only an admin sees the chapter's people and devices.");
      return send(res, 200, {
        people: store.people().map((p) => ({
          ...personJson(p),
          devices: store.devicesOf(p.id).map((d) => ({ id: d.id, label: d.label, lastSeenAt: iso(d.lastSeenAt) })),
        })),
      });
    }
    const roles = /^\/api\/people\/([^/]+)\/roles$/.exec(path);
    if (roles) {
      only('PUT');
      const { person } = await signedIn(req);
      const refused = rolesRefusal(person.roles);
      if (refused) throw new HttpError(403, refused);
      const body = await readJson(req);
      const wanted = body.roles;
      if (!Array.isArray(wanted) || wanted.length === 0 || !wanted.every(isRole))
        throw new HttpError(400, 'roles must be a list of member, committee, speaker or admin (at least one).');
      const id = decodeURIComponent(roles[1] ?? '');
      const target = store.person(id);
      if (!target) throw new HttpError(404, 'There is no such person.');
      const next = wanted as Role[];
      const admins = store.people().filter((p) => p.roles.includes('admin') && p.id !== id).length;
      if (!next.includes('admin') && admins === 0)
        throw new HttpError(409, 'The chapter needs at least one admin: make someone else admin first.');
      store.setRoles(id, next);
      log(`roles of person ${id} set to ${next.join(', ')} by person ${person.id}`);
      onRolesChanged(id);
      const updated = store.person(id);
      return send(res, 200, { person: updated && personJson(updated) });
    }
    if (path === '/api/devices') {
      only('GET');
      const { person, device: current } = await signedIn(req);
      return send(res, 200, {
        devices: store.devicesOf(person.id).map((d) => ({
          id: d.id,
          label: d.label,
          createdAt: iso(d.createdAt),
          lastSeenAt: iso(d.lastSeenAt),
          current: d.id === current.id,
        })),
      });
    }
    const one = /^\/api\/devices\/([^/]+)$/.exec(path);
    if (one) {
      only('DELETE');
      const { person } = await signedIn(req);
      const id = decodeURIComponent(one[1] ?? '');
      const target = store.device(id);
      // A person revokes their own devices; an admin any device (a committee phone lost at the door).
      const mayRevoke = target && (target.personId === person.id || person.roles.includes('admin'));
      if (!target || !mayRevoke || target.revokedAt !== null)
        throw new HttpError(404, 'There is no such device among yours.');
      store.revokeDevice(id);
      onRevoke(id);
      log(`revoked device ${id} (by device of person ${person.id})`);
      return send(res, 204);
    }
    if (path === '/api/packs' || path.startsWith('/api/packs/'))
      return routePacks(req, res, path, { packs, signedIn, only, log });
    throw new HttpError(404, 'There is no such API address.');
  }

  return async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      await route(req, res, path);
    } catch (error) {
      if (error instanceof HttpError) return send(res, error.status, { error: error.message });
      log(`API error on ${req.method} ${path}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) send(res, 500, { error: 'The server failed to answer. Try again later.' });
      else res.destroy();
    }
  };
}
