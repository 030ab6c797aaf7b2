// Storage full: with a tiny quota (CDP Storage.overrideQuotaForOrigin), answering, flagging,
// starting a set, logging hours and checking a member in each say plainly that storage is full
// and what was not saved, the screen goes back to what is stored, the app keeps reading, and
// everything stored earlier is still there (read from IndexedDB, and after a relaunch with the
// normal quota).
//
// Why a persistent profile and a relaunch: Chromium reads an origin's quota when it opens the
// origin's IndexedDB backing store and keeps it while that store is open, so an override sent
// after the app has opened its database changes nothing (its writes keep succeeding). The
// earlier data is stored in a first launch with the normal quota; the second launch of the
// same profile sets the quota before the app opens anything. The quota is 1 byte, below what
// the database already uses, so every write transaction aborts with QuotaExceededError (a quota
// just above the usage lets small writes through until they add up).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { axeViolations, chromePath, CHROMIUM_FLAGS } from './browser';

const baseURL = inject('baseURL');
const profile = mkdtempSync(join(tmpdir(), 'clm-quota-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const FULL = 'Storage on this device is full:';
const WHAT_TO_DO = 'Export your data in Settings, then free some space.';

async function open(
  viewport = { width: 360, height: 740 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    args: CHROMIUM_FLAGS,
    baseURL,
    viewport,
    serviceWorkers: 'allow',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  return { context, page, errors };
}

/** Record counts of the app's tables, read straight from IndexedDB. */
function counts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('clm-study');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = ['answers', 'flags', 'attempts', 'education', 'members', 'attendance'];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const r = tx.objectStore(n).count();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function answerFirstOption(page: Page) {
  await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
  await page.locator('.option label').first().click();
  await page.getByRole('button', { name: 'Check answer' }).click();
}

async function logHours(page: Page, title: string) {
  await page.goto('/my-hours');
  const form = page.getByRole('form', { name: 'Log education' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Hours').fill('1');
  await form.getByRole('button', { name: 'Log these hours' }).click();
}

let before: Record<string, number> = {};

it('stores some progress with the normal quota', async () => {
  const { context, page, errors } = await open();
  await page.goto('/chapter/roster');
  for (const [name, email] of [
    ['Ann Lee', 'ann@example.org'],
    ['Bo Park', 'bo@example.org'],
  ] as const) {
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('button', { name: `Deactivate ${name}` }).waitFor();
  }
  await page.goto('/chapter/check-in/general-accounting-trust');
  await page.getByRole('button', { name: 'Ann Lee', exact: true }).click();
  await page.getByRole('button', { name: 'Ann Lee', exact: true, pressed: true }).waitFor();

  await page.goto('/practice/area/hr');
  await answerFirstOption(page);
  await page.locator('.verdict').waitFor();
  await page.getByRole('button', { name: 'Flag for later' }).click();
  await page.getByRole('button', { name: 'Flagged', pressed: true }).waitFor();

  await logHours(page, 'Ethics webinar');
  await page.getByText('Ethics webinar: 1 hour logged.').waitFor();

  before = await counts(page);
  expect(before).toMatchObject({ answers: 1, flags: 1, education: 1, members: 2, attendance: 1 });
  expect(errors).toEqual([]);
  await context.close();
});

it('with a tiny quota, each write says storage is full, changes nothing on screen, and keeps earlier data', async () => {
  const { context, page, errors } = await open();
  // Before the app opens its database in this launch (see the top of the file).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL).origin, quotaSize: 1 });
  const banner = page.getByRole('alert').filter({ hasText: `${FULL} new progress is not being saved.` });

  // Answering: no verdict, the choice stays to try again.
  await page.goto('/practice/area/finance');
  await answerFirstOption(page);
  const answerAlert = page.getByRole('alert').filter({ hasText: `${FULL} this answer was not saved. ${WHAT_TO_DO}` });
  await answerAlert.waitFor();
  expect(await page.locator('.verdict').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Check answer' }).isEnabled()).toBe(true);
  await banner.waitFor();

  // Flagging: the button stays unflagged.
  await page.getByRole('button', { name: 'Flag for later' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `${FULL} this flag was not saved.` })
    .waitFor();
  await page.getByRole('button', { name: 'Flag for later', pressed: false }).waitFor();
  await page.screenshot({ path: '.cache/quota-full-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '.cache/quota-full-1280.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.cache/quota-full-360-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await axeViolations(page)).toEqual([]);

  // Starting a set: it says so and stays on the hub.
  await page.goto('/practice');
  await page.getByRole('button', { name: /Everything mixed/ }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `${FULL} the practice set was not started.` })
    .waitFor();
  expect(new URL(page.url()).pathname).toBe('/practice');
  await page
    .getByRole('button', { name: /Everything mixed/ })
    .and(page.locator(':enabled'))
    .waitFor();

  // Logging hours: what was typed stays, the list keeps only what is stored.
  await logHours(page, 'Budget course');
  await page
    .getByRole('alert')
    .filter({ hasText: `${FULL} these hours were not logged.` })
    .waitFor();
  expect(await page.getByRole('form', { name: 'Log education' }).getByLabel('Title').inputValue()).toBe(
    'Budget course',
  );
  expect(await page.getByRole('button', { name: 'Remove Budget course' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Remove Ethics webinar' }).waitFor();

  // Checking in: Bo stays not checked in, Ann (stored earlier) stays checked in.
  await page.goto('/chapter/check-in/general-accounting-trust');
  await page.getByRole('button', { name: 'Bo Park', exact: true }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `${FULL} Bo Park's check-in was not saved.` })
    .waitFor();
  await page.getByRole('button', { name: 'Bo Park', exact: true, pressed: false }).waitFor();
  await page.getByRole('button', { name: 'Ann Lee', exact: true, pressed: true }).waitFor();
  await page.getByText('1 of 2 checked in').waitFor();

  // What the message asks for works on a full device: the backup is saved.
  await page.goto('/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^clm-study-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await streamText(await download.createReadStream())) as {
    tables: Record<string, unknown[]>;
  };
  expect(backup.tables.education).toHaveLength(1);
  await page.getByText(/^Saved clm-study-backup-.*This device is too full to note when you exported/).waitFor();

  // Reading still works, and nothing stored earlier is gone.
  await page.goto('/areas/finance');
  await page.getByRole('heading', { level: 1, name: 'Financial Management' }).waitFor();
  expect(await counts(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});

it('after a relaunch with the normal quota, everything stored before is there and writes work again', async () => {
  const { context, page, errors } = await open();
  await page.goto('/my-hours');
  await page.getByRole('button', { name: 'Remove Ethics webinar' }).waitFor();
  expect(await page.getByRole('button', { name: 'Remove Budget course' }).count()).toBe(0);
  await page.goto('/chapter/check-in/general-accounting-trust');
  await page.getByRole('button', { name: 'Ann Lee', exact: true, pressed: true }).waitFor();
  await page.getByRole('button', { name: 'Bo Park', exact: true }).click();
  await page.getByRole('button', { name: 'Bo Park', exact: true, pressed: true }).waitFor();
  expect(await counts(page)).toEqual({ ...before, attendance: (before.attendance ?? 0) + 1 });
  expect(errors).toEqual([]);
  await context.close();
});
