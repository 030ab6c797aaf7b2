// A mock exam under faults only a real browser shows: the browser killed with SIGKILL while the
// exam is open or while it is being submitted, and two tabs on one exam.
import { afterEach, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newProfile, startKillable, storedAnswers, type Killable } from './killable';

const baseURL = inject('baseURL');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const secondsLeft = (text: string | null) => {
  const parts = (text ?? '').replace(' left', '').split(':').map(Number);
  return parts.reduce((s, p) => s * 60 + p, 0);
};

async function open(profile: string): Promise<Killable> {
  const k = await startKillable(profile);
  cleanups.push(async () => {
    await k.kill().catch(() => undefined);
  });
  return k;
}

async function startShortExam(page: Page, answers: number): Promise<string> {
  await page.goto(`${baseURL}/exam`);
  await page.getByRole('radio', { name: /^Short: 25 questions/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await page.getByRole('heading', { level: 2, name: 'Question 1 of 25' }).waitFor();
  for (let n = 1; n <= answers; n++) {
    await page.locator('.option label').first().click();
    await page.locator('.exam-bar').getByText(`${n} of 25 answered`).waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Question ${n + 1} of 25` }).waitFor();
  }
  return page.url().split('/exam/')[1] ?? '';
}

it('survives a SIGKILL of the browser: on reopen the time left is within 5 s and nothing is submitted', async () => {
  const profile = newProfile();
  cleanups.push(profile.remove);
  const first = await open(profile.dir);
  const id = await startShortExam(first.page, 3);
  await first.page.waitForTimeout(3000);
  const before = secondsLeft(await first.page.getByRole('timer').textContent());
  await first.kill();

  // Closed for a while: a dead tab's clock must not run.
  await new Promise((r) => setTimeout(r, 8000));
  const second = await open(profile.dir);
  await second.page.goto(`${baseURL}/exam`);
  const listed = await second.page.getByText(/3 answered · [\d:]+ left/).textContent();
  const fromList = secondsLeft(/([\d:]+) left/.exec(listed ?? '')?.[1] ?? '');
  expect(before - fromList).toBeGreaterThanOrEqual(0);
  expect(before - fromList).toBeLessThanOrEqual(5);
  await second.page.goto(`${baseURL}/exam/${id}`);
  await second.page.getByRole('timer').waitFor();
  await second.page.locator('.exam-bar').getByText('3 of 25 answered').waitFor();
  const after = secondsLeft(await second.page.getByRole('timer').textContent());
  expect(before - after).toBeLessThanOrEqual(5);
  expect(await second.page.getByRole('heading', { name: 'Mock exam result' }).count()).toBe(0);
  expect(await storedAnswers(second.page, `exam:${id}`)).toEqual([]);

  // Reloads every second never reset the clock nor run it faster than real time.
  const start = Date.now();
  const t0 = secondsLeft(await second.page.getByRole('timer').textContent());
  for (let i = 0; i < 4; i++) {
    await second.page.reload();
    await second.page.getByRole('timer').waitFor();
    await second.page.waitForTimeout(1000);
  }
  const t1 = secondsLeft(await second.page.getByRole('timer').textContent());
  const elapsed = (Date.now() - start) / 1000;
  expect(t0 - t1).toBeGreaterThanOrEqual(0);
  expect(t0 - t1).toBeLessThanOrEqual(elapsed + 2);
}, 120_000);

it('a submit cut short by SIGKILL and then repeated stores each answer exactly once', async () => {
  const profile = newProfile();
  cleanups.push(profile.remove);
  const first = await open(profile.dir);
  const id = await startShortExam(first.page, 4);
  await first.page.getByRole('button', { name: 'Submit exam' }).click();
  await first.page.getByRole('button', { name: 'Submit now' }).click();
  await first.kill();

  const second = await open(profile.dir);
  await second.page.goto(`${baseURL}/exam/${id}`);
  const result = second.page.getByRole('heading', { name: 'Mock exam result' });
  const runner = second.page.getByRole('timer');
  await Promise.race([result.waitFor(), runner.waitFor()]);
  if ((await result.count()) === 0) {
    await second.page.getByRole('button', { name: 'Submit exam' }).click();
    await second.page.getByRole('button', { name: 'Submit now' }).click();
    await result.waitFor();
  }
  const stored = await storedAnswers(second.page, `exam:${id}`);
  expect(stored).toHaveLength(4);
  expect(new Set(stored.map((a) => a.questionId)).size).toBe(4);
}, 120_000);

it('two tabs: flags set in each are all kept, and submitting from both at once stores each answer once', async () => {
  const profile = newProfile();
  cleanups.push(profile.remove);
  const k = await open(profile.dir);
  const id = await startShortExam(k.page, 2);
  const context = k.page.context();
  const other = await context.newPage();
  await other.setViewportSize({ width: 360, height: 740 });
  await other.goto(`${baseURL}/exam/${id}`);
  await other.getByRole('heading', { level: 2, name: 'Question 3 of 25' }).waitFor();

  // Tab 1 flags question 3; tab 2, which loaded before, flags question 4.
  await k.page.getByRole('button', { name: 'Flag for review' }).click();
  await k.page.getByRole('button', { name: 'Flagged for review' }).waitFor();
  await other.getByRole('button', { name: 'Next', exact: true }).click();
  await other.getByRole('heading', { level: 2, name: 'Question 4 of 25' }).waitFor();
  await other.getByRole('button', { name: 'Flag for review' }).click();
  await other.getByRole('button', { name: 'Flagged for review' }).waitFor();
  await k.page.reload();
  await k.page.getByRole('button', { name: /^All questions/ }).click();
  const nav = k.page.getByRole('navigation', { name: 'Question navigator' });
  await nav.getByRole('button', { name: 'Question 3: blank, flagged' }).waitFor();
  await nav.getByRole('button', { name: 'Question 4: blank, flagged' }).waitFor();
  await nav.getByRole('button', { name: 'Close' }).click();
  expect(await nav.isVisible()).toBe(false);

  for (const p of [k.page, other]) await p.getByRole('button', { name: 'Submit exam' }).click();
  await Promise.all([k.page, other].map((p) => p.getByRole('button', { name: 'Submit now' }).click()));
  await k.page.getByRole('heading', { name: 'Mock exam result' }).waitFor();
  await other.reload();
  await other.getByRole('heading', { name: 'Mock exam result' }).waitFor();
  const stored = await storedAnswers(k.page, `exam:${id}`);
  expect(stored).toHaveLength(2);
}, 120_000);
