// The server API wrappers: what each failure says, and what goes in a request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_TIMEOUT_MS, OFFLINE_MESSAGE, enrol, listDevices, revokeDevice } from '../../src/sync/api';
import { json, mockApi, noContent, PERSON } from '../fixtures/sync-api';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('sync API', () => {
  it('sends the code in the body only, and reads the enrolment', async () => {
    const calls = mockApi({
      'POST /api/enrol': () => json({ token: 't', person: PERSON, device: { id: 'd', label: 'Phone' } }),
    });
    const result = await enrol('secret-code', 'Phone');
    expect(result).toEqual({ ok: true, value: { token: 't', person: PERSON, device: { id: 'd', label: 'Phone' } } });
    expect(calls[0]?.path).toBe('/api/enrol');
    expect(calls[0]?.body).toEqual({ code: 'secret-code', label: 'Phone' });
    expect(calls[0]?.authorization).toBeNull();
  });

  it("passes on the server's sentence, and marks a refused token", async () => {
    mockApi({ 'GET /api/devices': () => json({ error: 'This device was signed out (revoked).' }, 401) });
    expect(await listDevices({ token: 'x' })).toMatchObject({
      ok: false,
      error: 'This device was signed out (revoked).',
      unauthorized: true,
      offline: false,
      status: 401,
    });
  });

  it('says offline when the request never reaches the server, or a proxy says it is down', async () => {
    mockApi({ 'DELETE /api/devices/a': () => new Response('Bad gateway', { status: 502 }) });
    expect(await revokeDevice({ token: 'x' }, 'b')).toMatchObject({ ok: false, offline: true, error: OFFLINE_MESSAGE });
    expect(await revokeDevice({ token: 'x' }, 'a')).toMatchObject({ ok: false, offline: true, status: 502 });
  });

  it('refuses an answer of the wrong shape, and reads ISO dates as times', async () => {
    mockApi({ 'GET /api/devices': () => json({ devices: [{ id: 1 }] }) });
    expect(await listDevices({ token: 'x' })).toMatchObject({ ok: false, offline: false, status: 200 });
    mockApi({
      'GET /api/devices': () =>
        json({
          devices: [{ id: 'a', label: 'A', createdAt: '2026-11-20T10:00:00Z', lastSeenAt: null, current: true }],
        }),
    });
    expect(await listDevices({ token: 'x' })).toEqual({
      ok: true,
      value: [{ id: 'a', label: 'A', createdAt: Date.UTC(2026, 10, 20, 10), lastSeenAt: undefined, current: true }],
    });
  });

  it('gives up on a server that does not answer, and says so', async () => {
    vi.useFakeTimers();
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    const pending = revokeDevice({ token: 'x' }, 'a');
    await vi.advanceTimersByTimeAsync(API_TIMEOUT_MS);
    expect(await pending).toMatchObject({
      ok: false,
      offline: true,
      error: expect.stringMatching(/did not answer in time/),
    });
  });

  it('takes 204 as done', async () => {
    mockApi({ 'DELETE /api/devices/a': noContent });
    expect(await revokeDevice({ token: 'x' }, 'a')).toEqual({ ok: true, value: true });
  });
});
