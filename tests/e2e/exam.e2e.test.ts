import { expect, inject, it } from 'vitest';
import { axeViolations, openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

const secondsLeft = (text: string | null) => {
  const [m, s] = (text ?? '').replace(' left', '').split(':').map(Number) as [number, number];
  return m * 60 + s;
};

it('sits a short mock exam, resumes after a reload with the same questions, answers and time, and sees the report', async () => {
  const { context, page, foreign, errors } = await openContext(browser(), baseURL);
  await page.goto('/exam');
  await page.getByRole('radio', { name: /^Short: 25 questions, 48 min$/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.getByRole('timer').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();

  // Answer three questions, flag one.
  const stems: string[] = [];
  for (let i = 0; i < 3; i++) {
    stems.push((await page.locator('.question .stem').textContent()) ?? '');
    // Shown as chosen once stored: the count is the confirmation.
    await page
      .locator('.option input')
      .nth(i % 2)
      .click();
    await page
      .locator('.exam-bar')
      .getByText(`${i + 1} of 25 answered`)
      .waitFor();
    if (i === 1) await page.getByRole('button', { name: 'Flag for review' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Question ${i + 2} of 25` }).waitFor();
  }
  const url = page.url();
  await page.waitForTimeout(1200);
  const before = secondsLeft(await page.getByRole('timer').textContent());
  expect(before).toBeLessThan(48 * 60);
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await page.getByRole('timer').waitFor();
  expect(page.url()).toBe(url);
  await page.getByRole('heading', { level: 2, name: 'Question 4 of 25' }).waitFor();
  await page.locator('.exam-bar').getByText('3 of 25 answered').waitFor();
  const after = secondsLeft(await page.getByRole('timer').textContent());
  // The clock resumes where it was: no time jumps either way beyond a checkpoint interval.
  expect(Math.abs(before - after)).toBeLessThanOrEqual(6);
  const nav = page.getByRole('navigation', { name: 'Question navigator' });
  await page.getByRole('button', { name: /^All questions · 3 of 25 answered/ }).click();
  await nav.getByRole('button', { name: 'Question 2: answered, flagged' }).waitFor();
  await nav.getByRole('button', { name: 'Question 1: answered' }).click();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  expect(await page.locator('.question .stem').textContent()).toBe(stems[0]);
  expect(await page.locator('.option input:checked').count()).toBe(1);

  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByText(/22 questions are unanswered\. 1 flagged for review\./).waitFor();
  await page.getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mock exam result' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /^Score: \d+% \([0-3] of 25\)$/ }).waitFor();
  for (const area of [
    'Financial Management',
    'Human Resources / Talent Management',
    'Legal Industry / Business Management',
    'Operations Management',
  ]) {
    await page.getByRole('rowheader', { name: area, exact: true }).waitFor();
  }
  expect(await page.locator('.review-list > li').count()).toBe(25);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/exam');
  await page.getByRole('heading', { name: 'Your mock exams' }).waitFor();
  await page.getByRole('img', { name: /Mock exam scores, oldest first: Exam 1 \d+%/ }).waitFor();
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
