// The server serves the build as `vite preview` with previewPages() did: prerendered pages by
// path, the shell for other pages, 404.html for a missing file, the security headers on every
// response, revalidated HTML and sw.js, immutable hashed assets, compressed text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { request } from 'node:http';
import { SHELL } from '../../scripts/prerender-plugin.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../scripts/html-plugins.ts';
import { SHELL_FILE } from '../../server/static.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
let base = '';
beforeAll(async () => {
  server = await startTestServer();
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.stop());

const title = async (response: Response) => /<title>([^<]*)<\/title>/.exec(await response.text())?.[1];

it('serves the shell under the name the build writes it', () => {
  expect(SHELL_FILE).toBe(SHELL);
});

it('answers pages by path, with or without a slash, and the shell for any other page', async () => {
  for (const [path, expected] of [
    ['/', 'home'],
    ['/practice', 'practice'],
    ['/practice/', 'practice'],
    ['/practice/area/hr', 'shell'],
    ['/join', 'shell'],
    ['/assets', 'shell'],
  ]) {
    const response = await fetch(`${base}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await title(response), path).toBe(expected);
  }
});

it('answers a missing file with 404 and the 404 page, and never a file outside the build', async () => {
  const missing = await fetch(`${base}/nope.js`);
  expect(missing.status).toBe(404);
  expect(await title(missing)).toBe('not found');
  // fetch() would normalise the dots away, so this goes as written.
  const status = await new Promise<number>((resolve) =>
    request(`${base}/..%2F..%2Fpackage.json`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).end(),
  );
  expect(status).toBe(404);
});

it('sends the security headers, types and caching; 304 for an unchanged file; compressed text', async () => {
  const asset = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'Accept-Encoding': 'br' } });
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
  expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  expect(asset.headers.get('referrer-policy')).toBe('no-referrer');
  expect(asset.headers.get('content-encoding')).toBe('br');
  expect(await asset.text()).toContain('console.log');

  const sw = await fetch(`${base}/sw.js`);
  expect(sw.headers.get('cache-control')).toBe('no-cache');
  const etag = sw.headers.get('etag') ?? '';
  expect(etag).not.toBe('');
  const again = await fetch(`${base}/sw.js`, { headers: { 'If-None-Match': etag } });
  expect(again.status).toBe(304);
  expect((await fetch(`${base}/manifest.webmanifest`)).headers.get('content-type')).toBe(
    'application/manifest+json; charset=utf-8',
  );
  const api = await fetch(`${base}/api/me`);
  expect(api.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
  expect(api.headers.get('cache-control')).toBe('no-store');
  expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
});
