// Two figures a candidate feels on a slow phone, in the production build with Chromium's CPU
// slowed 4x (as Lighthouse's mobile profile does):
//  - a repeat visit served offline by the service worker: when the page's main content is
//    painted (its largest contentful paint), per prerendered page;
//  - pressing Check in a practice set: from the press to the feedback painted (the answer is
//    stored first), over the ten questions of a set.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? NaN) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

async function slowCpu(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Largest contentful paint of each offline repeat visit, in ms from the navigation's start. */
export async function benchOfflineRepeat(browser: Browser, base: string, path: string, runs = 5): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(() => {
    const w = window as unknown as { lcp: number };
    w.lcp = NaN;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  try {
    await page.goto(base + path);
    // Installed and in control, with everything precached (the service worker activates once
    // its precache is complete), then a first visit under its control.
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.goto(base + path, { waitUntil: 'networkidle' });
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
      throw new Error(`${path}: the service worker does not control the page`);
    await context.setOffline(true);
    await slowCpu(context, page);
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const response = await page.goto(base + path, { waitUntil: 'load' });
      if (!response?.fromServiceWorker()) throw new Error(`${path} was not served by the service worker`);
      await page.waitForTimeout(500);
      out.push(await page.evaluate(() => (window as unknown as { lcp: number }).lcp));
    }
    return out;
  } finally {
    await context.close();
  }
}

/** From pressing Check to the feedback painted, for each question of a ten-question set. */
export async function benchCheckFeedback(browser: Browser, base: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  // tsx keeps function names with a __name helper that page.evaluate bodies carry along.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  try {
    // Once the page is hydrated (a tap before is held and replayed, but this measures Check,
    // not the start).
    await page.goto(base + '/practice', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /^Everything mixed/ }).click();
    await page.waitForURL('**/practice/set/**');
    await slowCpu(context, page);
    const out: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.locator('.question input').first().check();
      out.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check answer');
              if (!button) return reject(new Error('no Check answer button'));
              const shown = () => document.querySelector('.feedback .verdict');
              const t0 = performance.now();
              const done = () =>
                // The frame that draws the feedback: after the next animation frame's paint.
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
              const observer = new MutationObserver(() => {
                if (!shown()) return;
                observer.disconnect();
                done();
              });
              observer.observe(document.body, { childList: true, subtree: true });
              button.click();
            }),
        ),
      );
      const next = page.getByRole('button', { name: /Next question|See results|Finish/ });
      if (i < 9) await next.click();
    }
    return out;
  } finally {
    await context.close();
  }
}
