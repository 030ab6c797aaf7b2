// Upgrades in real Chromium: a version-1 database (the oldest schema), created with raw
// IndexedDB in the app's origin from the app's own kept declarations, opened by the production
// build: the answers survive the upgrade and show on Progress and in "Missed last time".
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { openContext, setupBrowser } from './browser';
import { idbVersion, storesAt } from '../fixtures/db-schema';
import { LATEST_VERSION } from '../../src/db/schema';

const baseURL = inject('baseURL');
const browser = setupBrowser();

// Three real questions of the bank: the first answered wrong then right, the second wrong, the third right.
const [q1, q2, q3] = [
  ...readFileSync('content/questions/finance/financial-analysis.md', 'utf8').matchAll(/^## (\S+)$/gm),
]
  .slice(0, 3)
  .map((m) => m[1] ?? '');
const at = (iso: string) => Date.parse(iso);
const answers = [
  { questionId: q1, choice: [1], correct: false, at: at('2026-11-20T19:00:00Z'), context: 'area:finance' },
  { questionId: q1, choice: [0], correct: true, at: at('2026-11-21T08:30:00Z'), context: 'area:finance', ms: 40_000 },
  { questionId: q2, choice: [2], correct: false, at: at('2026-11-21T08:31:00Z'), context: 'area:finance' },
  { questionId: q3, choice: [0], correct: true, at: at('2026-11-21T08:33:00Z'), context: 'area:finance' },
];

it('opens a version-1 database in the production build with every answer there and shown', async () => {
  expect(new Set([q1, q2, q3]).size).toBe(3);
  const { context, page, errors } = await openContext(browser(), baseURL);
  // A blank page of the app's origin: the app must not start yet (it would create the current schema).
  await page.route('**/before-the-app', (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Before</title><link rel="icon" href="data:,">',
    }),
  );
  await page.goto('/before-the-app');
  await page.evaluate(
    ({ name, version, stores, records }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name, version);
        req.onupgradeneeded = () => {
          for (const s of stores) {
            const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
            for (const i of s.indexes)
              store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
          }
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('answers', 'readwrite');
          for (const r of records) tx.objectStore('answers').add(r);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: 'clm-study', version: idbVersion(1), stores: storesAt(1), records: answers },
  );

  await page.goto('/progress');
  const seen = page.locator('.figures div').filter({ hasText: 'Questions seen' }).locator('dd');
  await expect.poll(() => seen.textContent(), { timeout: 15_000 }).toMatch(/^3 of \d+$/);

  await page.goto('/practice');
  const missed = page.getByRole('button', { name: /^Missed last time/ });
  await expect.poll(() => missed.textContent(), { timeout: 15_000 }).toBe('Missed last time1 question');

  // The database itself is now at the current version with the four answers kept.
  const after = await page.evaluate(
    () =>
      new Promise<{ version: number; answers: number; stores: string[] }>((resolve, reject) => {
        const req = indexedDB.open('clm-study');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction('answers').objectStore('answers').count();
          count.onsuccess = () => {
            resolve({ version: db.version, answers: count.result, stores: [...db.objectStoreNames] });
            db.close();
          };
        };
      }),
  );
  expect(after).toEqual({
    version: idbVersion(LATEST_VERSION),
    answers: 4,
    stores: storesAt(LATEST_VERSION)
      .map((s) => s.name)
      .sort(),
  });
  expect(errors).toEqual([]);
  await context.close();
});
