// Issue 11's proof: two devices of one person ("phone" and "laptop", two browser profiles),
// signed in through the project's own server (an invite, then a one-time device link made on
// the phone). Both answer questions offline, reconnect, and end with the same answers (each
// once), the same review cards and the same dashboard figures; a mock exam finished on the
// laptop shows in the phone's history.
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Store } from '../../server/store';
import { openContext, setupBrowser, waitForServiceWorker } from './browser';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
const browser = setupBrowser();

/** An invite link for a member, from the server's own store (what `npm run server -- invite` does). */
function invite(email: string, name: string): string {
  const store = new Store(dataDir);
  try {
    if (!store.chapterName()) store.init({ chapter: 'Test Chapter', name: 'Ada Admin', email: 'admin@example.org' });
    return `/join#code=${store.createInvite({ role: 'member', email, name }).code}`;
  } finally {
    store.close();
  }
}

const section = (page: Page) => page.getByRole('region', { name: 'Sync across your devices' });

async function signIn(page: Page, link: string, label: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('textbox', { name: 'Name of this device' }).fill(label);
  await page.getByRole('button', { name: 'Sign in on this device' }).click();
  await section(page).getByText('Synced', { exact: true }).waitFor({ timeout: 20_000 });
}

/** Answers `count` questions of a practice set of an area, checking each. */
async function practise(page: Page, area: string, count: number): Promise<void> {
  await page.goto(`/practice/area/${area}`);
  for (let n = 1; n <= count; n++) {
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Question ${n} of`) }).waitFor();
    await page
      .locator('.option label')
      .nth(n % 2)
      .click();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.locator('.verdict').waitFor();
    await page.getByRole('button', { name: /^(Next question|Finish round)$/ }).click();
  }
}

interface Stored {
  answers: string[];
  cards: string[];
}

/** The answers (by uid) and review cards this device's IndexedDB holds, as sorted lines. */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('clm-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['answers', 'cards']);
          const answers = tx.objectStore('answers').getAll();
          const cards = tx.objectStore('cards').getAll();
          tx.oncomplete = () => {
            const line = (o: Record<string, unknown>, keys: string[]) => JSON.stringify(keys.map((k) => o[k]));
            resolve({
              answers: (answers.result as Record<string, unknown>[])
                .map((a) => line(a, ['uid', 'questionId', 'choice', 'correct', 'at', 'context']))
                .sort(),
              cards: (cards.result as Record<string, unknown>[]).map((c) => JSON.stringify(c)).sort(),
            });
            open.result.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Waits until both devices hold the same answers and cards, `answers` of them. */
async function converged(a: Page, b: Page, answers: number): Promise<Stored> {
  const until = Date.now() + 45_000;
  for (;;) {
    const [sa, sb] = await Promise.all([stored(a), stored(b)]);
    if (sa.answers.length === answers && JSON.stringify(sa) === JSON.stringify(sb)) return sa;
    if (Date.now() > until) {
      expect(sb, `phone has ${sa.answers.length} answers, laptop ${sb.answers.length}`).toEqual(sa);
      throw new Error(`not ${answers} answers on both`);
    }
    await a.waitForTimeout(500);
  }
}

/** The dashboard's figures on Progress, as the candidate reads them. */
async function figures(page: Page): Promise<string> {
  await page.goto('/progress');
  const list = page.locator('dl.figures');
  await list.getByText('Questions seen').waitFor();
  return (await list.innerText()).replace(/\s+/g, ' ');
}

it('phone and laptop answer offline, reconnect, and end with the same answers, cards, figures and exams', async () => {
  const phone = await openContext(browser(), baseURL, { width: 360, height: 740 });
  const laptop = await openContext(browser(), baseURL, { width: 1280, height: 800 });
  try {
    await signIn(phone.page, invite('dana@example.org', 'Dana Whitfield'), 'Phone');
    // A second device of the same person, from a one-time link made on the phone.
    await section(phone.page).getByRole('button', { name: 'Add another device' }).click();
    const link = await section(phone.page).getByRole('textbox', { name: 'One-time link' }).inputValue();
    await signIn(laptop.page, new URL(link).pathname + new URL(link).hash, 'Laptop');
    const devices = section(laptop.page).getByRole('list', { name: 'Your devices' });
    await devices.getByText('Phone').waitFor();

    // Every page used offline has been loaded once online, and the service worker holds it.
    for (const { page } of [phone, laptop]) {
      await waitForServiceWorker(page);
      await page.goto('/practice/area/finance');
      await page.getByRole('heading', { level: 2, name: /^Question 1 of/ }).waitFor();
    }

    await Promise.all([phone.context.setOffline(true), laptop.context.setOffline(true)]);
    await practise(phone.page, 'finance', 3);
    await practise(laptop.page, 'hr', 2);
    expect((await stored(phone.page)).answers).toHaveLength(3);
    expect((await stored(laptop.page)).answers).toHaveLength(2);
    await Promise.all([phone.context.setOffline(false), laptop.context.setOffline(false)]);

    const both = await converged(phone.page, laptop.page, 5);
    expect(new Set(both.answers.map((a) => JSON.parse(a)[0])).size).toBe(5);
    expect(both.cards.length).toBeGreaterThanOrEqual(4);
    expect(await figures(laptop.page)).toBe(await figures(phone.page));
    expect(await figures(phone.page)).toMatch(/Questions seen \d+ of \d+/);

    // A short mock exam finished on the laptop shows in the phone's history.
    await laptop.page.goto('/exam');
    await laptop.page.getByRole('radio', { name: /^Short: 25 questions/ }).check();
    await laptop.page.getByRole('button', { name: 'Start the exam' }).click();
    await laptop.page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
    await laptop.page.locator('.option input').first().click();
    await laptop.page.locator('.exam-bar').getByText('1 of 25 answered').waitFor();
    await laptop.page.getByRole('button', { name: 'Submit exam' }).click();
    await laptop.page.getByRole('button', { name: 'Submit now' }).click();
    await laptop.page.getByRole('heading', { level: 1, name: 'Mock exam result' }).waitFor();
    await converged(phone.page, laptop.page, 6);
    await phone.page.goto('/exam');
    await phone.page
      .getByRole('img', { name: /Mock exam scores, oldest first: Exam 1 \d+%/ })
      .waitFor({ timeout: 20_000 });
    expect(await figures(laptop.page)).toBe(await figures(phone.page));
    expect(await figures(phone.page)).toContain('Mock exams 1');
    expect([...phone.foreign, ...laptop.foreign]).toEqual([]);
    // Chromium logs each refused socket while offline; nothing else may be logged.
    const offlineSocket = /^WebSocket connection to '.*\/sync' failed: .*ERR_INTERNET_DISCONNECTED/;
    expect([...phone.errors, ...laptop.errors].filter((e) => !offlineSocket.test(e))).toEqual([]);
  } finally {
    await phone.context.close();
    await laptop.context.close();
  }
}, 180_000);
