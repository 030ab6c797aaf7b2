// Where IndexedDB cannot be opened (some private modes, blocked storage): content and practice
// still work, a banner says progress will not be saved, and no page waits forever.
import { expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

const BANNER = 'Progress will not be saved on this device: storage is unavailable.';

/** Pages that read stored data, each with the heading it shows once it stops loading. */
const PAGES: [string, RegExp][] = [
  ['/progress', /Your progress/],
  ['/practice', /Practice/],
  ['/exam', /exam/i],
  ['/settings', /Settings/],
  ['/my-hours', /hours/i],
  ['/chapter/members', /Members and hours/],
  ['/sessions', /Sessions/],
];

async function blocked(mode: 'throws' | 'errors' | 'hangs'): Promise<BrowserContext> {
  const { context } = await openContext(browser(), baseURL);
  await context.addInitScript((how) => {
    IDBFactory.prototype.open = function open() {
      if (how === 'throws') throw new DOMException('The operation is insecure.', 'SecurityError');
      // A request that fails a moment later, or never answers at all.
      const req = new EventTarget() as IDBOpenDBRequest;
      if (how === 'errors')
        setTimeout(() => {
          Object.defineProperty(req, 'error', { value: new DOMException('Blocked', 'UnknownError') });
          req.onerror?.(new Event('error'));
          req.dispatchEvent(new Event('error'));
        }, 50);
      return req;
    };
  }, mode);
  return context;
}

for (const mode of ['throws', 'errors', 'hangs'] as const) {
  it(`when opening IndexedDB ${mode}, every page stops loading and the banner says progress is not saved`, async () => {
    const context = await blocked(mode);
    const page = await context.newPage();
    // Every page once; the slower failures (each waits out the time limit) on a few.
    for (const [path, heading] of mode === 'throws' ? PAGES : PAGES.slice(0, 3)) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await page.getByText(BANNER).waitFor({ timeout: 10_000 });
      // Nothing still loading once storage has been given up on.
      await expect.poll(() => page.getByText(/Loading/).count(), { timeout: 10_000 }).toBe(0);
      expect(await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).count(), path).toBe(0);
    }
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByText(/Loading/).count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  });
}

it('without storage, material reads and practice checks answers, saying they are not kept', async () => {
  const context = await blocked('throws');
  const page = await context.newPage();
  await page.goto('/areas/finance');
  await page.getByRole('heading', { level: 1, name: 'Financial Management' }).waitFor();
  await page.goto('/practice/area/hr');
  await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
  await page.getByText(BANNER).waitFor();
  await page.locator('.option label').first().click();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.verdict').waitFor();
  expect(await page.locator('.option.is-correct').count()).toBeGreaterThanOrEqual(1);
  await page.getByText('Not saved: storage is unavailable on this device, so this answer is not kept.').waitFor();
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('heading', { level: 2, name: /^Question 2 of/ }).waitFor();
  await context.close();
});
