// The candidate's loop on a phone and a laptop: the question in view after every move, right
// and wrong told apart in colour and words.
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

/** Where an element sits relative to the viewport. */
const place = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]) {
  it(`at ${viewport.width} x ${viewport.height}: the verdict after Check and the stem after Next are in view; right and wrong differ`, async () => {
    const { context, page, errors } = await openContext(browser(), baseURL, viewport);
    await page.goto('/practice/area/finance');
    let wrongSeen = false;
    for (let n = 1; n <= 6 && !wrongSeen; n++) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^Question ${n} of`) }).waitFor();
      if (n > 1) {
        // After Next: the new question's heading has focus and its stem starts on screen.
        const stem = await place(page, '.question .stem');
        expect(stem.top).toBeGreaterThanOrEqual(0);
        expect(stem.top).toBeLessThan(stem.height * 0.5);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(new RegExp(`^Question ${n} of`));
      }
      await page.locator('.option label').last().click();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.verdict').waitFor();
      const verdict = await place(page, '.verdict');
      expect(verdict.top).toBeGreaterThanOrEqual(0);
      expect(verdict.bottom).toBeLessThanOrEqual(verdict.height);
      const explanation = await place(page, '.feedback .explanation');
      expect(explanation.top).toBeLessThan(explanation.height);
      const correct = page.locator('.option.is-correct');
      expect(await correct.count()).toBeGreaterThanOrEqual(1);
      expect(await correct.first().textContent()).toContain('Correct answer');
      if ((await page.locator('.option.is-wrong').count()) > 0) {
        wrongSeen = true;
        const wrong = page.locator('.option.is-wrong');
        expect(await wrong.textContent()).toContain('Your answer');
        expect(await wrong.textContent()).not.toContain('Correct answer');
        const style = (sel: string) =>
          page
            .locator(sel)
            .first()
            .evaluate((el) => {
              const s = getComputedStyle(el);
              return `${s.borderTopColor} ${s.backgroundColor}`;
            });
        expect(await style('.option.is-correct label')).not.toBe(await style('.option.is-wrong label'));
        expect(await style('.option.is-wrong label')).not.toBe(await style('.option.is-other label'));
      }
      await page.getByRole('button', { name: /^(Next question|Finish round)$/ }).click();
    }
    expect(wrongSeen).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
}

it('at 360 x 740, in a mock exam, Next brings the next stem into view and the navigator opens as a sheet', async () => {
  const { context, page, errors } = await openContext(browser(), baseURL, { width: 360, height: 740 });
  await page.goto('/exam');
  await page.getByRole('radio', { name: /^Short: 25 questions/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  for (let n = 2; n <= 4; n++) {
    await page.locator('.option label').first().click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Question ${n} of 25` }).waitFor();
    // The stem starts below the sticky time bar, not under it.
    const stem = await place(page, '.question .stem');
    const bar = await place(page, '.exam-bar');
    expect(stem.top).toBeGreaterThanOrEqual(bar.bottom);
    expect(stem.top).toBeLessThan(stem.height * 0.5);
    const heading = await place(page, '.question-heading');
    expect(heading.top).toBeGreaterThanOrEqual(bar.bottom);
  }
  // The navigator is folded behind one button on a phone, not a 1,000 px block.
  const nav = page.getByRole('navigation', { name: 'Question navigator' });
  expect(await nav.isVisible()).toBe(false);
  await page.getByRole('button', { name: /^All questions · 3 of 25 answered$/ }).click();
  expect(await nav.isVisible()).toBe(true);
  const sheet = await place(page, '#exam-navigator');
  expect(sheet.bottom).toBeLessThanOrEqual(sheet.height + 1);
  await nav.getByRole('button', { name: 'Question 1: answered' }).click();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
