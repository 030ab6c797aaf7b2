import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openContext, setupBrowser, waitForServiceWorker } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

const routes = [
  '/',
  '/practice',
  '/exam',
  '/progress',
  '/search?q=trust',
  '/chapter',
  '/chapter/check-in/technology',
  '/chapter/members',
  '/my-hours',
  '/areas',
  '/areas/finance',
  '/sessions',
  '/sessions/general-accounting-trust',
  '/practice/area/hr',
  '/practice/session/technology',
  '/more',
  '/settings',
];

describe('the production build in Chromium', () => {
  it('clicks through every route, answers a question and keeps it after a reload', async () => {
    const { context, page, foreign, errors } = await openContext(browser(), baseURL);
    await page.goto('/');
    // On a phone, Areas is one of the pages behind the More tab.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Areas', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Exam areas');
    await page.getByRole('link', { name: /Financial Management/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Financial Management' }).waitFor();
    await page.getByRole('link', { name: 'General Accounting and Client Trust Funds' }).first().click();
    await page.getByRole('heading', { level: 1, name: /General Accounting/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Material' }).waitFor();
    await page.locator('.material h2').first().waitFor();
    await page.getByRole('link', { name: /Practise this session's \d+ questions/ }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();

    const first = page.locator('.option input').first();
    await first.check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page
      .locator('.verdict')
      .getByText(/(Correct\.|Not quite\.)/)
      .waitFor();
    const url = page.url();
    expect(url).toMatch(/\/practice\/session\/general-accounting-trust/);

    await page.reload();
    await page.getByText(/Answered 1 time before/).waitFor();
    await page.getByText(/Answered 1 of \d+/).waitFor();
    expect(await page.getByText(/Answered 1 of \d+/).count()).toBe(1);

    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('clm-study');
          req.onsuccess = () => {
            const tx = req.result.transaction('answers', 'readonly');
            const count = tx.objectStore('answers').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(stored).toBe(1);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads every route and all content offline after one online visit', async () => {
    const { context, page, foreign } = await openContext(browser(), baseURL);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    for (const route of routes) {
      await page.goto(route);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent(), route).not.toBe('Something went wrong');
    }
    // Material and every area's questions come from the precache.
    await page.goto('/sessions/technology');
    await page.locator('.material h2').first().waitFor();
    // Search works offline and leads to the question.
    await page.goto('/search?q=IOLTA');
    await page.getByRole('list', { name: 'Results' }).getByRole('link').first().waitFor();
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    for (const area of ['finance', 'hr', 'business', 'operations']) {
      await page.goto(`/practice/area/${area}`);
      await page.getByText(/^Question 1 of \d+$/).waitFor();
    }
    // Answering offline still records the answer.
    await page.locator('.option input').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page
      .locator('.verdict')
      .getByText(/(Correct\.|Not quite\.)/)
      .waitFor();
    await page.reload();
    await page.getByText(/Answered 1 time before/).waitFor();
    expect(foreign).toEqual([]);
    await context.close();
  });

  it("renders every session's material with a link to practise its own questions", async () => {
    const { context, page, errors } = await openContext(browser(), baseURL);
    await page.goto('/sessions');
    await page.locator('.schedule h3 a').first().waitFor();
    const hrefs = await page
      .locator('.schedule h3 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) {
      await page.goto(href);
      await page.locator('.material h2').first().waitFor();
      const practise = page.getByRole('link', { name: /^Practise this session's \d+ questions?$/ });
      expect(await practise.getAttribute('href'), href).toBe(href.replace('/sessions/', '/practice/session/'));
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(
      `finds no serious or critical accessibility violation on any route, in the ${colorScheme} theme`,
      {
        timeout: 150_000,
      },
      async () => {
        const { context, page } = await openContext(browser(), baseURL);
        await page.emulateMedia({ colorScheme });
        const found: string[] = [];
        for (const route of routes) {
          await page.goto(route);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.waitForLoadState('networkidle');
          found.push(...(await axeViolations(page)).map((v) => `${route}: ${v}`));
        }
        // After answering, the feedback and explanation are on screen too.
        await page.goto('/practice/area/finance');
        await page.locator('.option input').first().check();
        await page.getByRole('button', { name: 'Check answer' }).click();
        await page
          .locator('.verdict')
          .getByText(/(Correct\.|Not quite\.)/)
          .waitFor();
        found.push(...(await axeViolations(page)).map((v) => `feedback: ${v}`));
        expect(found).toEqual([]);
        await context.close();
      },
    );
  }

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const { context, page } = await openContext(browser(), baseURL, { width: 360, height: 740 });
    for (const route of routes) {
      await page.goto(route);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, route).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('answers a question with the keyboard alone, with a visible focus ring', async () => {
    const { context, page } = await openContext(browser(), baseURL);
    await page.goto('/practice/area/operations');
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Tab through to the first option and choose it with the space bar.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () =>
            (document.activeElement as HTMLInputElement | null)?.type === 'radio' ||
            (document.activeElement as HTMLInputElement | null)?.type === 'checkbox',
        )
      )
        break;
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page
      .locator('.verdict')
      .getByText(/(Correct\.|Not quite\.)/)
      .waitFor();
    // The verdict takes focus (a screen reader reads it with the explanation); Enter goes on,
    // and the next question's heading takes focus.
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/^feedback /);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /^Question 2 of \d+$/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Question 2 of \d+$/);
    await context.close();
  });
});

describe('the build under test', () => {
  it('is the production build, with React in production mode', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const entry = readdirSync('dist/assets').find((f) => /^index-.*\.js$/.test(f))!;
    const code = readFileSync(`dist/assets/${entry}`, 'utf8');
    // React's development build alone would take the entry chunk past 500 kB.
    expect(code.length).toBeLessThan(400_000);
    // The production page carries the Content-Security-Policy: nothing from other origins.
    expect(readFileSync('dist/index.html', 'utf8')).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;/,
    );
  });
});
