// Signing in from a link in the production build, with the chapter server's API answered by
// the test (route interception): the code leaves the address bar and never travels in a URL,
// the sync engine and the QR encoder load only once they are needed, and the screens pass axe
// with 44 px targets on a phone, light and dark.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

const CODE = 'e2e-code-9f3k';
const PERSON = { id: 'p1', name: 'Dana Whitfield', email: 'dana@example.org', roles: ['member'] };
const DEVICE = { id: 'd-phone', label: 'Chrome on Linux' };

async function fakeServer(context: BrowserContext, used = false) {
  // The sync socket is the test's too: open and silent (the real server would refuse the fake token).
  await context.routeWebSocket(/\/sync$/, () => {});
  await context.route('**/api/**', (route) => {
    const req = route.request();
    const key = `${req.method()} ${new URL(req.url()).pathname}`;
    const reply = (body: unknown, status = 200) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (key === 'POST /api/enrol')
      return used
        ? reply({ error: 'This invite link has been used or has expired. Ask for a new one.' }, 400)
        : reply({ token: 'token-e2e', person: PERSON, device: DEVICE });
    if (key === 'GET /api/me') return reply({ person: PERSON, device: DEVICE, chapter: { name: 'Greater Chicago' } });
    if (key === 'GET /api/devices')
      return reply({
        devices: [
          { ...DEVICE, createdAt: Date.now() - 86_400_000, lastSeenAt: Date.now(), current: true },
          {
            id: 'd-laptop',
            label: 'Firefox on Windows',
            createdAt: Date.now() - 3e8,
            lastSeenAt: Date.now(),
            current: false,
          },
        ],
      });
    if (key === 'POST /api/link')
      return reply({ url: `${baseURL}/join#code=link-abc`, expiresAt: Date.now() + 15 * 60_000 });
    return reply({ error: 'Not found.' }, 404);
  });
}

/** Buttons, fields and button-like links in the page's main part smaller than 44 px. */
const smallTargets = (context: { evaluate: <T>(f: () => T) => Promise<T> }) =>
  context.evaluate(() =>
    [...document.querySelectorAll('main button, main input:not([type=radio]), main .button, main .button-secondary')]
      .map((e) => ({
        name: e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName,
        box: e.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ name, box }) => `${name} ${Math.round(box.width)}x${Math.round(box.height)}`),
  );

describe('signing in with a link', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps the code out of URLs and loads sync code only when needed (${colorScheme})`, async () => {
      const { context, page } = await openContext(browser(), baseURL, { width: 360, height: 740 });
      await page.emulateMedia({ colorScheme });
      await fakeServer(context);
      const urls: string[] = [];
      // What the page asks for (the service worker's precache fetches every chunk, needed or not).
      context.on('request', (r) => {
        if (!r.serviceWorker()) urls.push(r.url());
      });

      await page.goto('/settings');
      await page.getByText(/Signing in needs an invite link/).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`/join#code=${CODE}`);
      const button = page.getByRole('button', { name: 'Sign in on this device' });
      await button.waitFor();
      await page.waitForURL((u) => !u.hash);
      expect(await page.evaluate(() => location.hash)).toBe('');
      expect(await page.getByRole('textbox', { name: 'Name of this device' }).inputValue()).not.toBe('');
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      // Signed out, neither the sync engine nor the QR encoder has been fetched.
      expect(urls.filter((u) => /\/assets\/(engine|qr-code)-/.test(u))).toEqual([]);

      await button.click();
      const section = page.getByRole('region', { name: 'Sync across your devices' });
      await section.getByText('This device is signed in.', { exact: false }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/settings');
      await section.getByRole('list', { name: 'Your devices' }).waitFor();
      await section.getByRole('button', { name: 'Add another device' }).click();
      await section.getByRole('img', { name: 'QR code of the one-time link' }).waitFor();
      await section.getByRole('button', { name: 'Sign out of this device' }).click();
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      expect(urls.some((u) => /\/assets\/qr-code-/.test(u))).toBe(true);
      // The code went in the enrol request's body only: no URL, no Referer carried it.
      expect(urls.filter((u) => u.includes(CODE))).toEqual([]);
      await context.close();
    });
  }

  it("shows the server's message for a used link and keeps this device signed out", async () => {
    const { context, page } = await openContext(browser(), baseURL, { width: 1280, height: 800 });
    await fakeServer(context, true);
    await page.goto(`/join#code=${CODE}`);
    await page.getByRole('button', { name: 'Sign in on this device' }).click();
    await page.getByRole('alert').filter({ hasText: 'has been used or has expired' }).waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).last().click();
    await page.getByText(/Signing in needs an invite link/).waitFor();
    const accounts = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('clm-study');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('account').objectStore('account').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(accounts).toBe(0);
    await context.close();
  });
});
