// Typed calls to the chapter server's JSON API (server/: enrol, link, me, devices, revoke).
// Each resolves to a result, never throws: a refusal carries the server's own sentence (its
// `{ error }`), a request that never reached the server says the device seems offline, and an
// answer of the wrong shape says so. No Dexie, no sync engine: the screens that sign in load
// this without yjs. The code of an invite travels in the request body only, never in a URL.

export interface Person {
  id: string;
  name: string;
  email: string;
  roles: string[];
}

export interface DeviceRef {
  id: string;
  label: string;
}

export interface Enrolment {
  token: string;
  person: Person;
  device: DeviceRef;
}

export interface Me {
  person: Person;
  device: DeviceRef;
  /** The chapter's id names its document `chapter:<id>` (empty from a server before issue 12). */
  chapter: { id: string; name: string };
}

export interface DeviceInfo extends DeviceRef {
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; undefined when the server has not seen it since it was added. */
  lastSeenAt: number | undefined;
  /** The device making the request. */
  current: boolean;
}

export interface DeviceLink {
  url: string;
  /** Epoch ms. */
  expiresAt: number;
}

export type ApiFailure = {
  ok: false;
  /** A plain sentence to show as is. */
  error: string;
  /** The request did not reach the server (no network, server down). */
  offline: boolean;
  /** The server refused the device's token (signed out, expired): sign in again. */
  unauthorized: boolean;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  /** Every problem the server named (a refused session pack), when it listed them. */
  problems?: string[];
};
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export const OFFLINE_MESSAGE =
  'This device cannot reach the sync server: it seems to be offline. Your data on this device is safe; try again when it is online.';
const SLOW_MESSAGE = 'The sync server did not answer in time. Your data on this device is safe; try again in a moment.';
/** A request the server has not answered by then is given up (a hung proxy must not hang a screen). */
export const API_TIMEOUT_MS = 20_000;
const UNEXPECTED = 'The sync server sent an answer this app does not understand. Try again later.';

/** Where the API lives: the app's own origin unless the account names another. */
export interface Server {
  origin?: string;
  token?: string;
}

/** The API as a signed-in device's account reaches it. */
export const serverOf = (account: { serverOrigin?: string | undefined; token: string }): Server =>
  account.serverOrigin ? { origin: account.serverOrigin, token: account.token } : { token: account.token };

const fail = (error: string, extra: Partial<ApiFailure> = {}): ApiFailure => ({
  ok: false,
  error,
  offline: false,
  unauthorized: false,
  status: 0,
  ...extra,
});

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
export const isString = (v: unknown): v is string => typeof v === 'string';

/** Epoch ms from a number or an ISO date; undefined for anything else. */
function time(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (isString(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function person(v: unknown): Person | undefined {
  if (!isObject(v) || !isString(v.id) || !isString(v.name) || !isString(v.email)) return undefined;
  const roles = Array.isArray(v.roles) ? v.roles.filter(isString) : [];
  return { id: v.id, name: v.name, email: v.email, roles };
}

function device(v: unknown): DeviceRef | undefined {
  if (!isObject(v) || !isString(v.id) || !isString(v.label)) return undefined;
  return { id: v.id, label: v.label };
}

/** One API request; exported for the session packs' calls (packs-api.ts). */
export async function call<T>(
  server: Server,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  read: (body: unknown) => T | undefined,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (server.token) headers.Authorization = `Bearer ${server.token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), API_TIMEOUT_MS);
  let response: Response;
  let json: unknown;
  try {
    const init: RequestInit = {
      method,
      headers,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: abort.signal,
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    response = await fetch(`${server.origin ?? ''}${path}`, init);
    json = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  } catch {
    return fail(abort.signal.aborted ? SLOW_MESSAGE : OFFLINE_MESSAGE, { offline: true });
  } finally {
    clearTimeout(timer);
  }
  const status = response.status;
  if (!response.ok) {
    const said = isObject(json) && isString(json.error) && json.error.trim() ? json.error : undefined;
    const unauthorized = status === 401;
    const problems =
      isObject(json) && Array.isArray(json.problems) ? json.problems.filter(isString).slice(0, 50) : undefined;
    if (said) return fail(said, { unauthorized, status, ...(problems ? { problems } : {}) });
    if (unauthorized)
      return fail('The sync server no longer accepts this device. Sign in again.', { unauthorized, status });
    // A 502/503/504 comes from a proxy in front of a server that is down: as good as offline.
    if (status >= 502 && status <= 504) return fail(OFFLINE_MESSAGE, { offline: true, status });
    return fail(`The sync server refused the request (HTTP ${status}). Try again later.`, { status });
  }
  const value = read(json);
  return value === undefined ? fail(UNEXPECTED, { status }) : { ok: true, value };
}

/** Signs this device in with the code of an invite or device link. */
export function enrol(code: string, label: string, server: Server = {}): Promise<ApiResult<Enrolment>> {
  return call(
    server,
    'POST',
    '/api/enrol',
    (b) => {
      if (!isObject(b) || !isString(b.token)) return undefined;
      const p = person(b.person);
      const d = device(b.device);
      return p && d ? { token: b.token, person: p, device: d } : undefined;
    },
    { code, label },
  );
}

/** Who this device is signed in as, and the chapter; refused once the device is signed out. */
export function fetchMe(server: Server): Promise<ApiResult<Me>> {
  return call(server, 'GET', '/api/me', (b) => {
    if (!isObject(b)) return undefined;
    const p = person(b.person);
    const d = device(b.device);
    const c = isObject(b.chapter) ? b.chapter : {};
    const chapter = { id: isString(c.id) ? c.id : '', name: isString(c.name) ? c.name : '' };
    return p && d ? { person: p, device: d, chapter } : undefined;
  });
}

/** A one-time link (15 minutes) that signs another device of the same person in. */
export function createDeviceLink(server: Server): Promise<ApiResult<DeviceLink>> {
  return call(server, 'POST', '/api/link', (b) => {
    if (!isObject(b) || !isString(b.url)) return undefined;
    const expiresAt = time(b.expiresAt);
    return expiresAt === undefined ? undefined : { url: b.url, expiresAt };
  });
}

/** The person's devices that are signed in (revoked ones are not listed). */
export function listDevices(server: Server): Promise<ApiResult<DeviceInfo[]>> {
  return call(server, 'GET', '/api/devices', (b) => {
    if (!isObject(b) || !Array.isArray(b.devices)) return undefined;
    const out: DeviceInfo[] = [];
    for (const item of b.devices) {
      const d = device(item);
      if (!d || !isObject(item)) return undefined;
      out.push({
        ...d,
        createdAt: time(item.createdAt) ?? 0,
        lastSeenAt: time(item.lastSeenAt),
        current: item.current === true,
      });
    }
    return out;
  });
}

/** Signs a device of the person out on the server: it is disconnected and refused from then on. */
export function revokeDevice(server: Server, deviceId: string): Promise<ApiResult<true>> {
  return call(server, 'DELETE', `/api/devices/${encodeURIComponent(deviceId)}`, () => true);
}
