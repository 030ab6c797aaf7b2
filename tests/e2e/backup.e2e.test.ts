// A backup round trip in the production build: answer a question, export, lose the site's
// data, restore the file, and the answer is back in progress.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

it('export, clear the site data, restore: the answer given before is back', async () => {
  const { context, page, errors, foreign } = await openContext(browser(), baseURL);
  await page.goto('/practice/area/finance');
  await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
  await page.locator('.option label').first().click();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.verdict').waitFor();

  await page.goto('/');
  await page.getByText(/1 of \d+ questions seen/).waitFor();

  await page.goto('/settings');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my data' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^clm-study-backup-\d{4}-\d\d-\d\d\.json$/);
  const file = join(mkdtempSync(join(tmpdir(), 'clm-backup-')), download.suggestedFilename());
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8')) as { tables: { answers: unknown[] } };
  expect(backup.tables.answers).toHaveLength(1);
  await page.getByText(/^Saved clm-study-backup/).waitFor();

  // What a browser clearing the site's storage does: the database is gone.
  const deleted = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('clm-study');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve('error');
        req.onblocked = () => resolve('blocked');
      }),
  );
  expect(deleted).toBe('deleted');
  await page.goto('/');
  await page.getByText(/0 of \d+ questions seen/).waitFor();

  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await page.getByText('answers: 1 added, 0 replaced').waitFor();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByText(/^Restored: your data/).waitFor();

  await page.goto('/');
  await page.getByText(/1 of \d+ questions seen/).waitFor();
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
});
