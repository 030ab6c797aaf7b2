// The content pages are prerendered at build time (scripts/prerender-plugin.ts): they read with
// JavaScript off, hydrate without a mismatch, come back offline as their own HTML, and the
// parts drawn after hydration do not move the page.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openContext, setupBrowser, waitForServiceWorker } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

/** Every prerendered path, from the files the build wrote (dist/areas/finance/index.html → /areas/finance). */
function prerenderedPaths(dir = 'dist', prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return name === 'assets' ? [] : prerenderedPaths(file, `${prefix}/${name}`);
    return name === 'index.html' ? [prefix || '/'] : [];
  });
}
const pages = prerenderedPaths();

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

describe('prerendered pages', () => {
  it('are written for Home, Areas, each area, Sessions, each session, Practice and Progress', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/areas');
    expect(pages).toContain('/areas/finance');
    expect(pages).toContain('/sessions');
    expect(pages).toContain('/sessions/general-accounting-trust');
    expect(pages).toContain('/practice');
    expect(pages).toContain('/progress');
    expect(pages.filter((p) => p.startsWith('/areas/')).length).toBe(4);
    expect(pages.filter((p) => p.startsWith('/sessions/')).length).toBeGreaterThanOrEqual(3);
  });

  it("paint their page before asking for the app's script, which then runs the page", async () => {
    const { context, page, errors } = await openContext(browser(), baseURL);
    await page.goto('/sessions/general-accounting-trust');
    // The app has taken the page over (React holds the root).
    await page.waitForFunction(() =>
      Object.keys(document.getElementById('root') ?? {}).some((k) => k.startsWith('__reactContainer')),
    );
    const timing = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => /\/assets\/.*\.js$/.test(r.name))
        .map((r) => r.startTime);
      return { paint, first: Math.min(...scripts) };
    });
    expect(timing.paint).toBeGreaterThan(0);
    expect(timing.first).toBeGreaterThanOrEqual(timing.paint ?? Infinity);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keep a tap on a button made before the app's script has run, and act on it once it runs", async () => {
    const { context, page, errors } = await openContext(browser(), baseURL);
    // The app's scripts held back, as on a slow phone, until the button has been tapped.
    let release = () => undefined as void;
    const tapped = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/.*\.js$/, async (route) => {
      await tapped;
      await route.continue();
    });
    await page.goto('/practice', { waitUntil: 'commit' });
    await page.getByRole('button', { name: /^Everything mixed/ }).click();
    release();
    await page.waitForURL('**/practice/set/**', { timeout: 20_000 });
    await page.getByRole('heading', { level: 2, name: /^Question 1 of / }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('read with JavaScript off: material, sub-areas, counts and working links', async () => {
    const context = await browser().newContext({
      baseURL,
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();

    await page.goto('/');
    expect(await h1(page)).toMatch(/CLM Study Group/);
    await page.getByText(/need JavaScript: turn it on/).waitFor();
    expect(await page.getByLabel('Your exam date').isVisible()).toBe(false);
    expect(await page.locator('.tile').first().textContent()).toMatch(/\d+% of the exam · [1-9]\d* questions/);

    await page.getByRole('link', { name: /Browse the \d+ exam areas/ }).click();
    await page.waitForURL('**/areas');
    expect(await h1(page)).toBe('Exam areas');
    await page.getByRole('link', { name: /Financial Management/ }).click();
    await page.waitForURL('**/areas/finance');
    expect(await h1(page)).toBe('Financial Management');
    expect(await page.locator('.lede').textContent()).toMatch(/\d+% of the exam · [1-9]\d* practice questions/);
    expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.competencies li').first().textContent()).toMatch(/\d+ questions?$/);

    await page.getByRole('link', { name: 'General Accounting and Client Trust Funds' }).first().click();
    await page.waitForURL('**/sessions/general-accounting-trust');
    expect(await h1(page)).toMatch(/General Accounting/);
    expect(await page.locator('.material h2').count()).toBeGreaterThan(0);
    expect(await page.locator('.material').textContent()).toMatch(/trust/i);
    await page.getByRole('link', { name: /^Practise this session's [1-9]\d* questions?$/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Add to calendar' }).isVisible()).toBe(false);
    await page.getByText(/Practice and the calendar file need JavaScript/).waitFor();

    await page.goto('/sessions');
    expect(await page.locator('.schedule h3 a').count()).toBeGreaterThanOrEqual(3);

    // Practice and Progress draw their frame and say what needs JavaScript; a page that is all
    // app (the mock exam) says the app needs it.
    await page.goto('/practice');
    expect(await h1(page)).toBe('Practice');
    await page.getByText(/Practice needs JavaScript: turn it on/).waitFor();
    expect(await page.getByRole('heading', { name: 'By exam area' }).isVisible()).toBe(true);
    await page.goto('/progress');
    await page.getByText(/Your progress is kept in this browser and needs JavaScript/).waitFor();
    expect(await page.getByText('Loading').count()).toBe(0);
    await page.goto('/exam');
    await page.getByText(/CLM Study needs JavaScript to run/).waitFor();
    await context.close();
  });

  it('hydrate without a warning or error on every prerendered route, then run as the app', async () => {
    const { context, page, errors } = await openContext(browser(), baseURL);
    page.on('console', (m) => {
      if (m.type() === 'warning') errors.push(m.text());
    });
    for (const path of [...pages, '/no-such-page']) {
      await page.goto(path);
      // Hydrated: React has taken the root over.
      await page.waitForFunction(() =>
        Object.keys(document.getElementById('root') ?? {}).some((k) => k.startsWith('__reactContainer')),
      );
      await page.waitForLoadState('networkidle');
      expect(errors, path).toEqual([]);
    }
    // Interactive: a link moves within the app (no new document), and a button works.
    await page.goto('/areas/finance');
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('link', { name: 'General Accounting and Client Trust Funds' }).first().click();
    await page.getByRole('heading', { level: 1, name: /General Accounting/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add to calendar' }).click();
    expect((await download).suggestedFilename()).toBe('general-accounting-trust.ics');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a session page carries its material once: in the HTML, not again as hydration data', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('dist/sessions/general-accounting-trust/index.html', 'utf8');
    const data = /<script type="application\/json" id="clm-prerendered">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(data)).toMatchObject({ state: { loaderData: { session: { refill: true } } } });
    expect(data.length).toBeLessThan(300);
  });

  it('the hydration check above would catch a mismatch', async () => {
    const { context, page, errors } = await openContext(browser(), baseURL);
    await page.route('**/areas', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('>Exam areas</h1>', '>Exam areas (changed)</h1>');
      await route.fulfill({ response, body });
    });
    await page.goto('/areas');
    // Hydration runs after the entry script and route chunk load: slow on a loaded machine.
    await expect.poll(() => errors.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('come back offline as their own HTML; other pages get the app shell', async () => {
    const { context, page } = await openContext(browser(), baseURL);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    for (const path of [
      '/',
      '/areas',
      '/areas/finance',
      '/sessions',
      '/sessions/general-accounting-trust',
      '/practice',
      '/progress',
    ]) {
      const response = await page.goto(path);
      expect(response?.fromServiceWorker(), path).toBe(true);
      const html = (await response?.text()) ?? '';
      const heading = await h1(page);
      expect(html, path).toContain(`>${heading.replace(/&/g, '&amp;')}</h1>`);
      expect(html, path).toContain(`"path":"${path}"`);
    }
    const shell = await page.goto('/exam');
    expect(await shell?.text()).toContain('<div id="root"></div>');
    expect(await h1(page)).toBe('Mock exam');
    await context.close();
  });
});

/** Cumulative layout shift of a page load, from the first paint until it settles. */
async function measureCls(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { cls: number }).cls);
}

describe('layout shift on Home', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 412, height: 823 },
    { width: 1280, height: 800 },
  ]) {
    it(`stays within 0.01 at ${viewport.width} x ${viewport.height}, on a first visit and with study data`, async () => {
      const { context, page } = await openContext(browser(), baseURL, viewport);
      await context.addInitScript(() => {
        const w = window as unknown as { cls: number };
        w.cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
            if (!e.hadRecentInput) w.cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      expect(await measureCls(page, '/')).toBeLessThanOrEqual(0.01);
      // A returning candidate: an exam date is stored, so the live study panel takes the slot.
      await page.getByLabel('Your exam date').fill('2027-06-01');
      await page.locator('.study-slot [aria-live="polite"]').waitFor();
      expect(await measureCls(page, '/')).toBeLessThanOrEqual(0.01);
      await context.close();
    });
  }
});
