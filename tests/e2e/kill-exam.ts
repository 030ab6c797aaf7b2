// The mock-exam tab of tests/e2e/kill-anywhere.e2e.test.ts. Confirmed on screen means (the
// runner shows a change only once its awaited write has stored it):
// - an answer: the radio of the option chosen is checked;
// - a move: the heading reads "Question k of 25";
// - a flag: the button reads "Flagged for review" (pressed) or "Flag for review" (not pressed).
// After each restart: the attempt holds every confirmed answer, flag and position; each
// question has one response and each flag is there once; the exam is not submitted and no
// answer is written for it; it reopens at the same question with the same count, and the time
// left is never more than before the kill, and never less by more than the time it ran plus a
// crash's cost (at most 2.5 s, src/lib/exam-clock.ts) and the display's rounding and lag.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { optionOrder } from '../../src/lib/random';
import { timeLeft } from '../../src/lib/exam-clock';
import { expectStoredAsConfirmed, readStores, type Flow } from './kill-model';

export interface StoredAttempt {
  id: string;
  kind: string;
  seed: number;
  questionIds: string[];
  position: number;
  status: string;
  marked: string[];
  responses: Record<string, { choice: number[]; correct?: boolean }>;
  durationMs: number;
  usedMs: number;
  runningSince: number | null;
  paused?: boolean;
  createdAt: number;
}

export interface StoredAnswer {
  questionId: string;
  context: string;
  choice: number[];
  correct: boolean;
}

export const heading = (page: Page, text: string) => page.getByRole('heading', { level: 2, name: text, exact: true });

/** A page of the app's origin where no app code runs, to read the database as the kill left it. */
export const quietPage = (baseURL: string) => `${baseURL}/favicon.svg`;

const secondsLeft = (text: string | null) =>
  (text ?? '')
    .replace(' left', '')
    .split(':')
    .map(Number)
    .reduce((s, p) => s * 60 + p, 0);

const answerKey = (q: string) => `answer:${q}`;
const flagKey = (q: string) => `flag:${q}`;

function state(a: StoredAttempt): Map<string, string | undefined> {
  const m = new Map<string, string | undefined>([['position', JSON.stringify(a.position)]]);
  for (const [q, r] of Object.entries(a.responses)) m.set(answerKey(q), JSON.stringify(r.choice));
  for (const q of a.marked) m.set(flagKey(q), 'true');
  return m;
}

export function examFlow(baseURL: string, rand: () => number, seed: number): Flow {
  let exam: StoredAttempt | undefined;
  let index = 0;
  let seen = { left: 0, at: 0 };
  const readTimer = async (page: Page) => {
    seen = { left: secondsLeft(await page.getByRole('timer').textContent()), at: Date.now() };
  };
  const stored = async (page: Page) => {
    const { attempts, answers } = await readStores(page, ['attempts', 'answers']);
    const a = (attempts as StoredAttempt[]).find((x) => x.id === exam?.id);
    if (!a) throw new Error('the exam is not stored');
    return { a, answers: answers as StoredAnswer[] };
  };

  return {
    name: `mock exam (seed ${seed})`,
    prepare: async (page, log) => {
      // Also after Chromium cleared the database: a new exam, from its first question.
      index = 0;
      await page.goto(`${baseURL}/exam`);
      await page.getByRole('radio', { name: /^Short: 25 questions/ }).check();
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await heading(page, 'Question 1 of 25').waitFor();
      exam = { id: page.url().split('/exam/')[1] ?? '' } as StoredAttempt;
      exam = (await stored(page)).a;
      log.known = state(exam);
      await readTimer(page);
    },
    drive: async (page, log) => {
      const a = exam;
      if (!a) throw new Error('no exam');
      for (;;) {
        const q = a.questionIds[index] ?? '';
        const roll = rand();
        if (roll < 0.45) {
          const n = await page.locator('.option input').count();
          const slot = Math.floor(rand() * n);
          log.issue(`answer ${index + 1}`, [answerKey(q), [optionOrder(n, a.seed, q)[slot]]]);
          await page.locator('.option label').nth(slot).click();
          await page.locator(`.option:nth-child(${slot + 1}) input:checked`).waitFor({ state: 'attached' });
        } else if (roll < 0.8) {
          const to = index === 0 ? 1 : index === 24 ? 23 : rand() < 0.75 ? index + 1 : index - 1;
          log.issue(`move to ${to + 1}`, ['position', to]);
          await page.getByRole('button', { name: to > index ? 'Next' : 'Previous', exact: true }).click();
          await heading(page, `Question ${to + 1} of 25`).waitFor();
          index = to;
        } else {
          const on = (log.known.get(flagKey(q)) ?? null) === null;
          log.issue(`${on ? 'flag' : 'unflag'} ${index + 1}`, [flagKey(q), on ? true : undefined]);
          await page.getByRole('button', { name: on ? 'Flag for review' : 'Flagged for review' }).click();
          await page
            .getByRole('button', { name: on ? 'Flagged for review' : 'Flag for review', pressed: on })
            .waitFor();
        }
        log.confirm();
        await readTimer(page);
      }
    },
    verify: async (page, snap, log, where) => {
      await page.goto(quietPage(baseURL));
      const { a, answers } = await stored(page);
      log.known = expectStoredAsConfirmed(snap, state(a), where);
      expect(new Set(a.marked).size, where).toBe(a.marked.length);
      expect(
        Object.keys(a.responses).filter((q) => !a.questionIds.includes(q)),
        where,
      ).toEqual([]);
      expect(a.status, where).toBe('active');
      expect(
        answers.filter((r) => r.context === `exam:${a.id}`),
        where,
      ).toEqual([]);
      expect(timeLeft(a, Date.now()), where).toBeGreaterThan(0);

      const opened = Date.now();
      await page.goto(`${baseURL}/exam/${a.id}`);
      index = Math.min(a.position, 24);
      const answered = Object.values(a.responses).filter((r) => r.choice.length > 0).length;
      const flagged = a.marked.includes(a.questionIds[index] ?? '');
      await Promise.all([
        heading(page, `Question ${index + 1} of 25`).waitFor(),
        page.locator('.exam-bar').getByText(`${answered} of 25 answered`).waitFor(),
        page
          .getByRole('button', { name: flagged ? 'Flagged for review' : 'Flag for review', pressed: flagged })
          .waitFor(),
      ]);
      const before = seen;
      await readTimer(page);
      const lost = before.left - seen.left;
      expect(lost, `${where}: the time left grew`).toBeGreaterThanOrEqual(-1);
      expect(lost, `${where}: the time left fell by more than the time it ran`).toBeLessThanOrEqual(
        (snap.at - before.at + (Date.now() - opened)) / 1000 + 5,
      );
      exam = a;
    },
    finish: async (page) => {
      // Submitting after all that stores each answer given exactly once.
      await page.getByRole('button', { name: 'Submit exam' }).click();
      await page.getByRole('button', { name: 'Submit now' }).click();
      await page.getByRole('heading', { name: 'Mock exam result' }).waitFor();
      const { a, answers } = await stored(page);
      const mine = answers.filter((r) => r.context === `exam:${a.id}`);
      const given = Object.entries(a.responses).filter(([, r]) => r.choice.length > 0);
      expect(mine.map((r) => r.questionId).sort()).toEqual(given.map(([q]) => q).sort());
      expect(a.status).toBe('submitted');
    },
  };
}
