// Several tabs and versions: another tab's schema upgrade, an upgrade held up by an older
// tab, and a route's code gone after a deploy.
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openContext, setupBrowser } from './browser';
import { LATEST_VERSION } from '../../src/db/schema';

const baseURL = inject('baseURL');
const browser = setupBrowser();

/** Starts a short mock exam and answers its first question. */
async function startExam(page: Page): Promise<void> {
  await page.goto('/exam');
  await page.getByRole('radio', { name: /^Short: 25 questions/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  await page.locator('.option input').first().click();
  await page.locator('.exam-bar').getByText('1 of 25 answered').waitFor();
}

/** The database's IndexedDB version, once this page's app has opened it. */
const dbVersion = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'clm-study')?.version ?? 0);

it('a tab in an exam, when another tab opens a newer schema, keeps its answer, closes and asks for a reload', async () => {
  const { context, page } = await openContext(browser(), baseURL);
  await startExam(page);
  await expect.poll(() => dbVersion(page)).toBeGreaterThan(0);
  const version = await dbVersion(page);
  await page.evaluate(() => Object.assign(window, { stayed: true }));

  // A second tab with a newer version of the app: it opens the database one version up.
  const newer = await context.newPage();
  await newer.goto('/favicon.svg');
  const outcome = await newer.evaluate(
    (v) =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('clm-study', v + 1);
        req.onsuccess = () => {
          req.result.close();
          resolve('upgraded');
        };
        req.onerror = () => resolve(`error ${req.error?.name}`);
        setTimeout(() => resolve('still blocked'), 10_000);
      }),
    version,
  );
  expect(outcome).toBe('upgraded');

  await page.getByText('CLM Study was updated in another tab: reload.').waitFor();
  await page.getByRole('button', { name: 'Reload' }).waitFor();
  // Never a silent reload during an exam: the page and the chosen answer are still there.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => 'stayed' in window)).toBe(true);
  expect(await page.locator('.option input').first().isChecked()).toBe(true);
  await context.close();
});

it('an upgrade held up by an older tab says to close other tabs, and finishes once it is closed', async () => {
  const { context, page: older } = await openContext(browser(), baseURL);
  // An older tab holds schema version 1 (Dexie's version 1 is IndexedDB version 10).
  await older.goto('/favicon.svg');
  await older.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('clm-study', 10);
        req.onupgradeneeded = () => {
          const answers = req.result.createObjectStore('answers', { keyPath: 'id', autoIncrement: true });
          answers.createIndex('questionId', 'questionId');
          answers.createIndex('at', 'at');
          answers.createIndex('[questionId+at]', ['questionId', 'at']);
        };
        req.onsuccess = () => {
          Object.assign(window, { held: req.result });
          resolve();
        };
        req.onerror = () => reject(new Error(String(req.error)));
      }),
  );
  const page = await context.newPage();
  await page.goto('/progress');
  await page.getByText('Close other CLM Study tabs to finish updating.').waitFor({ timeout: 10_000 });

  await older.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
  await expect.poll(() => page.getByText('Close other CLM Study tabs to finish updating.').count()).toBe(0);
  await expect.poll(() => page.getByText(/Loading/).count()).toBe(0);
  // Dexie's version n is IndexedDB's 10n: the latest schema, whatever it is now.
  await expect.poll(() => dbVersion(page)).toBe(LATEST_VERSION * 10);
  await context.close();
});

it('a route whose code is gone after a deploy says a new version is available, and offline only when offline', async () => {
  const { context, page } = await openContext(browser(), baseURL);
  // No service worker: the tab fetches the old version's chunks from a server that has moved on.
  await context.route('**/assets/progress-page-*.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'A new version is available: reload' }).waitFor();
  await page.getByRole('button', { name: 'Reload' }).waitFor();
  expect(await page.getByRole('link', { name: 'Go home' }).getAttribute('href')).toBe('/');
  expect(await page.getByRole('link', { name: 'Export my data' }).getAttribute('href')).toBe('/settings');
  expect(
    await page
      .locator('main')
      .getByText(/offline/i)
      .count(),
  ).toBe(0);
  // The menu is still there.
  expect(await nav.isVisible()).toBe(true);

  // Offline, a page never visited cannot load: now the network is the cause, and it says so.
  await context.setOffline(true);
  await nav.getByRole('link', { name: 'Exam' }).click();
  await page.getByRole('heading', { level: 1, name: 'You are offline' }).waitFor();
  expect(await page.getByRole('link', { name: 'Export my data' }).count()).toBe(1);
  await context.close();
});
