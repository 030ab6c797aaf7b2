import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, expect, inject, it } from 'vitest';
import { openContext, setupBrowser, waitForServiceWorker } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();
const swPath = 'dist/sw.js';
const original = readFileSync(swPath, 'utf8');

afterAll(() => {
  writeFileSync(swPath, original);
});

it('offers a new version with a prompt and swaps it in only when asked', async () => {
  const { context, page } = await openContext(browser(), baseURL);
  await page.goto('/practice/area/hr');
  await page.getByText(/^Question 1 of \d+$/).waitFor();
  await waitForServiceWorker(page);
  await page.getByText('Ready to work offline.').waitFor();
  // The candidate comes back: now the service worker controls the page.
  await page.reload();
  await page.getByText(/^Question 1 of \d+$/).waitFor();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  // A new deployment: the service worker script changes.
  appendFileSync(swPath, '\n// next version\n');
  await page.locator('.option input').first().check();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.getByText('An update is available.').waitFor({ timeout: 20_000 });

  // Nothing was swapped under the candidate: the chosen option is still chosen.
  expect(await page.locator('.option input').first().isChecked()).toBe(true);
  const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
  expect(waiting).toBe(true);

  await page.getByRole('button', { name: 'Update now' }).click();
  await page.waitForEvent('load');
  await page.getByText(/^Question 1 of \d+$/).waitFor();
  const waitingAfter = await page.evaluate(async () =>
    Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
  );
  expect(waitingAfter).toBe(false);
  expect(await page.getByText('An update is available.').count()).toBe(0);
  await context.close();
});
