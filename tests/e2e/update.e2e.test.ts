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

it('"Update now" in one tab reloads that tab only; another tab, mid-exam, says a new version is active and waits', async () => {
  const { context, page } = await openContext(browser(), baseURL);
  await page.goto('/practice/area/hr');
  await waitForServiceWorker(page);
  await page.reload();
  await page.getByText(/^Question 1 of \d+$/).waitFor();
  // A second tab, in the middle of a mock exam, with an answer chosen.
  const other = await context.newPage();
  await other.goto('/exam');
  await other.getByRole('radio', { name: /^Short: 25 questions/ }).check();
  await other.getByRole('button', { name: 'Start the exam' }).click();
  await other.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  await other.locator('.option input').nth(1).click();
  await other.locator('.exam-bar').getByText('1 of 25 answered').waitFor();
  expect(await other.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await other.evaluate(() => Object.assign(window, { stayed: true }));

  appendFileSync(swPath, '\n// a version after that\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.getByText('An update is available.').waitFor({ timeout: 20_000 });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  await page.getByText(/^Question 1 of \d+$/).waitFor();

  // The other tab is told, and is not reloaded: the exam and its chosen answer are still there.
  await other.getByText('A new version is active: reload when ready.').waitFor({ timeout: 20_000 });
  await other.waitForTimeout(1500);
  expect(await other.evaluate(() => 'stayed' in window)).toBe(true);
  expect(await other.locator('.option input').nth(1).isChecked()).toBe(true);
  expect(await other.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).count()).toBe(1);

  // It reloads when the candidate says so, into the new version, back at the same question.
  await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Reload' }).click()]);
  await other.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  expect(await other.evaluate(() => 'stayed' in window)).toBe(false);
  expect(await other.locator('.option input').nth(1).isChecked()).toBe(true);
  await context.close();
});
