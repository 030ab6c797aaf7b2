// The project's own server (npm start: vite preview with vite.config.ts) sends the security
// headers on every response, and a page on another origin cannot show the app in a frame.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openContext, setupBrowser } from './browser';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../scripts/html-plugins';

const baseURL = inject('baseURL');
const browser = setupBrowser();

// A second site, on another port of the same host (so another origin): it frames the app, and,
// to show framing itself works, one of its own pages.
let other: Server | undefined;
let otherURL = '';
beforeAll(async () => {
  other = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (req.url === '/inner.html') res.end('<!doctype html><title>inner</title><p id="inner">Framed fine</p>');
    else
      res.end(
        `<!doctype html><title>other site</title>` +
          `<iframe id="own" src="/inner.html"></iframe><iframe id="app" src="${baseURL}/sessions"></iframe>`,
      );
  });
  await new Promise<void>((resolve) => other?.listen(0, '127.0.0.1', resolve));
  otherURL = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
});

it('sends the CSP with frame-ancestors, nosniff, no-referrer and a Permissions-Policy on pages and files', async () => {
  const { context, page, errors } = await openContext(browser(), baseURL);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  for (const route of ['/', '/areas/finance']) {
    const response = await page.goto(route);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(headers['content-security-policy']).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(headers['permissions-policy']).toContain(`${feature}=()`);
  }
  // The meta tag is the same policy but frame-ancestors, which only works as a header.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
    CONTENT_SECURITY_POLICY,
  );
  expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  const script = await page.locator('script[src]').first().getAttribute('src');
  const asset = await context.request.get(`${baseURL}${script}`);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
  // Chromium knows every feature the Permissions-Policy names (an unknown one is a warning).
  expect(warnings.filter((w) => /Permissions-Policy/i.test(w))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('cannot be framed by a page on another origin', async () => {
  const { context, page } = await openContext(browser(), otherURL);
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  const appResponse = page.waitForResponse((r) => r.url() === `${baseURL}/sessions`);
  await page.goto('/');
  // The other site's own page shows in its frame: framing works there.
  await expect
    .poll(async () => page.frameLocator('#own').locator('#inner').textContent(), { timeout: 10_000 })
    .toBe('Framed fine');
  // The app's response arrived, and Chromium refused to show it.
  expect((await appResponse).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect
    .poll(() => messages.some((m) => /(Refused to frame|Framing) .*frame-ancestors 'none'.*blocked/.test(m)), {
      timeout: 10_000,
    })
    .toBe(true);
  const frame = await (await page.locator('#app').elementHandle())?.contentFrame();
  // Chromium shows its own error page in the frame instead of the app.
  expect(frame?.url()).toBe('chrome-error://chromewebdata/');
  expect(await page.frameLocator('#app').locator('#root').count()).toBe(0);
  await context.close();
});
