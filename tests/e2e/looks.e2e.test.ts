// The app's looks in the production build: the phone's tab bar and the laptop's top bar, and
// a remembered theme that applies from the first paint under the Content-Security-Policy.
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

describe('navigation on a phone and on a laptop', () => {
  it('puts five tabs at the bottom of a phone, under a slim header, with nothing hidden behind them', async () => {
    const { context, page } = await openContext(browser(), baseURL, { width: 360, height: 740 });
    await page.goto('/progress');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const tabs = nav.getByRole('link');
    expect(await tabs.allInnerTexts()).toEqual(['Home', 'Practice', 'Exam', 'Progress', 'More']);
    for (const box of await tabs.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON()))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.bottom).toBeLessThanOrEqual(740);
      expect(box.top).toBeGreaterThan(740 - 80);
    }
    expect(await nav.getByRole('link', { name: 'Progress' }).getAttribute('aria-current')).toBe('page');
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(56);
    // Scrolled to the end, the page's last line sits above the tab bar.
    await page.goto('/more');
    await page.getByRole('heading', { level: 1, name: 'More' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.locator('.site-footer').boundingBox();
    const bar = await nav.boundingBox();
    expect(footer && bar && footer.y + footer.height).toBeLessThanOrEqual(bar?.y ?? 0);
    expect(await nav.getByRole('link', { name: 'More' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await nav.getByRole('link', { name: 'More' }).getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  it('shows every destination in one top bar on a laptop, and no tab bar', async () => {
    const { context, page } = await openContext(browser(), baseURL, { width: 1280, height: 800 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'Practice',
      'Exam',
      'Progress',
      'Areas',
      'Sessions',
      'Search',
      'Group',
      'My CE hours',
      'Author',
      'Settings',
    ]);
    const box = await nav.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(60);
    await context.close();
  });
});

describe('theme', () => {
  it('follows the system, and a theme chosen in Settings applies from the first paint on the next visit', async () => {
    const { context, page, errors } = await openContext(browser(), baseURL, { width: 360, height: 740 });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    expect(dark).not.toBe(light);

    // Pin dark while the system is light; it stays after a reload, before anything else runs.
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await background()).toBe(dark);
    // Note the theme at the moment the app first puts anything on the page.
    await page.addInitScript(() => {
      const w = window as unknown as { themeAtFirstRender?: string };
      new MutationObserver(() => {
        if (w.themeAtFirstRender === undefined && (document.getElementById('root')?.childElementCount ?? 0) > 0)
          w.themeAtFirstRender = document.documentElement.dataset.theme ?? 'none';
      }).observe(document, { subtree: true, childList: true });
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { themeAtFirstRender?: string }).themeAtFirstRender)).toBe(
      'dark',
    );
    expect(await background()).toBe(dark);
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    // A prerendered page is on screen before any module script runs: still dark from the start,
    // with the CSP allowing the one inline script that does it (errors would say otherwise).
    await page.goto('/areas');
    await page.getByRole('heading', { level: 1, name: 'Exam areas' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { themeAtFirstRender?: string }).themeAtFirstRender)).toBe(
      'dark',
    );
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'System' }).check();
    expect(await background()).toBe(light);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('progress in pictures', () => {
  it('draws the forecast, mastery bars and calendar after an answer, within a phone, with no axe issue in either theme', async () => {
    const { context, page, errors } = await openContext(browser(), baseURL, { width: 360, height: 740 });
    await page.goto('/practice/area/hr');
    await page.locator('.option input').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page
      .locator('.verdict')
      .getByText(/(Correct\.|Not quite\.)/)
      .waitFor();
    await page.goto('/progress');
    const forecast = page.getByRole('list', { name: 'Reviews due each day' });
    await forecast.waitFor();
    expect(await forecast.getByRole('listitem').count()).toBe(7);
    await page.getByText(/Studied on 1 day in the last 12 weeks/).waitFor();
    expect(await page.locator('.calendar-grid .cell.level-1').count()).toBe(1);
    expect(await page.locator('.mastery-area').count()).toBe(4);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      // A fold draws its content when first opened: wait until every one has.
      await page.waitForFunction(() => [...document.querySelectorAll('details')].every((d) => d.children.length > 1));
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme}: ${v}`));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) found.push(`${colorScheme}: ${overflow} px of sideways scrolling`);
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
