// The chapter server's JSON API: one-time invite and device links, device tokens checked on
// every call (signature, expiry, revocation), a person's own devices.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_REFUSED } from '../../server/api.ts';
import { DAY_MS } from '../../server/limits.ts';
import { REFUSAL_MESSAGES } from '../../server/tokens.ts';
import { post, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let base = '';
beforeAll(async () => {
  server = await startTestServer();
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.stop());

const get = (path: string, token?: string) =>
  fetch(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const codeOf = (url: string) => new URL(url).hash.replace(/^#code=/, '');

describe('enrolling with an invite link', () => {
  it('gives a device token once; the same link again is refused', async () => {
    const { code } = server.store.createInvite({ role: 'committee', email: 'cy@example.org', name: 'Cy Lee' });
    const first = await post(base, '/api/enrol', { code, label: 'Phone' });
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.person).toMatchObject({ name: 'Cy Lee', email: 'cy@example.org', roles: ['committee'] });
    expect(body.device).toMatchObject({ label: 'Phone' });
    expect(typeof body.token).toBe('string');
    const me = await (await get('/api/me', body.token)).json();
    expect(me).toEqual({
      person: body.person,
      device: body.device,
      roles: ['committee'],
      chapter: { id: server.store.chapterId(), name: 'Test Chapter' },
    });
    expect(me.chapter.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const again = await post(base, '/api/enrol', { code, label: 'Laptop' });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: CODE_REFUSED });
    // The code is kept hashed: the database never holds the link itself.
    const stored = server.store.db.prepare('SELECT hash FROM codes').all() as { hash: string }[];
    expect(stored.some((row) => row.hash === code)).toBe(false);
  });

  it('refuses an expired invite and an unknown code with the same plain sentence', async () => {
    const { code } = server.store.createInvite({ role: 'member', email: 'old@example.org' }, Date.now() - 8 * DAY_MS);
    for (const tried of [code, 'not-a-code']) {
      const response = await post(base, '/api/enrol', { code: tried, label: 'Phone' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: CODE_REFUSED });
    }
  });

  it('a second invite for a known email adds its role to the same person', async () => {
    const first = await server.enrolPerson('dee@example.org', 'member');
    const second = await server.enrolPerson('DEE@example.org', 'speaker', 'Tablet');
    expect(second.person.id).toBe(first.person.id);
    expect(second.person.roles).toEqual(['member', 'speaker']);
  });

  it('answers a body that is not JSON, a wrong method and an unknown address with { error }', async () => {
    const bad = await fetch(`${base}/api/enrol`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/not valid JSON/);
    const wrong = await get('/api/enrol');
    expect(wrong.status).toBe(405);
    expect((await wrong.json()).error).toMatch(/Use POST/);
    const unknown = await get('/api/nothing');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBeTruthy();
  });
});

describe('a device link', () => {
  it('adds a device of the same person, once, and both list as theirs', async () => {
    const laptop = await server.enrolPerson('eve@example.org', 'member', 'Laptop');
    const link = await post(base, '/api/link', {}, laptop.token);
    expect(link.status).toBe(200);
    const { url, expiresAt } = await link.json();
    // Without PUBLIC_URL the link starts with the address the device used.
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/join#code=[\\w-]{20,}$`));
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const phone = await (await post(base, '/api/enrol', { code: codeOf(url), label: 'Phone' })).json();
    expect(phone.person.id).toBe(laptop.person.id);
    expect(phone.device.id).not.toBe(laptop.device.id);
    expect((await post(base, '/api/enrol', { code: codeOf(url), label: 'Again' })).status).toBe(400);

    const { devices } = await (await get('/api/devices', phone.token)).json();
    expect(devices.map((d: { label: string; current: boolean }) => [d.label, d.current])).toEqual([
      ['Laptop', false],
      ['Phone', true],
    ]);
    // Someone else's devices are not listed, nor theirs to revoke.
    const other = await server.enrolPerson('fay@example.org');
    expect((await (await get('/api/devices', other.token)).json()).devices).toHaveLength(1);
    const foreign = await fetch(`${base}/api/devices/${laptop.device.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${other.token}` },
    });
    expect(foreign.status).toBe(404);
    expect((await get('/api/me', laptop.token)).status).toBe(200);
  });
});

describe('device tokens', () => {
  it('refuse a missing, forged, expired or revoked token with 401 and a message saying which', async () => {
    const { token, person, device } = await server.enrolPerson('gus@example.org');
    const forged = await new SignJWT({ dev: device.id, roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(person.id)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a secret that is not the server one'));
    const expired = await new SignJWT({ dev: device.id, roles: person.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(person.id)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 400 * 86400)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 35 * 86400)
      .sign(server.store.secret());
    const cases: [string | undefined, string][] = [
      [undefined, REFUSAL_MESSAGES.missing],
      ['garbage', REFUSAL_MESSAGES.invalid],
      [forged, REFUSAL_MESSAGES.invalid],
      [expired, REFUSAL_MESSAGES.expired],
    ];
    for (const [tried, message] of cases) {
      const response = await get('/api/me', tried);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: message });
    }

    // A token lasts 365 days.
    const [, payload = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ sub: person.id, dev: device.id, roles: ['member'], email: 'gus@example.org' });
    expect(Math.round((claims.exp - claims.iat) / 86400)).toBe(365);

    const revoked = await fetch(`${base}/api/devices/${device.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(204);
    const after = await get('/api/me', token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: REFUSAL_MESSAGES.revoked });
    expect(REFUSAL_MESSAGES.revoked).toMatch(/^This device was signed out \(revoked\)/);
  });
});
