// The practice tab of tests/e2e/kill-anywhere.e2e.test.ts: tutor-mode sets of 10 mixed
// questions, one after another. Confirmed on screen means (each shown after its awaited write):
// - starting a set: its page shows "Question 1 of 10";
// - an answer checked: the verdict ("Correct." / "Not quite.") is shown;
// - a move (Next question, Skip, Previous): the heading reads "Question k of 10";
// - finishing: "Set complete" is shown.
// After each restart: every set holds its confirmed answers, position and status; each set has
// one answer record per question it answered (matching its response), the per-question
// summaries count exactly the answer records, the day totals add up to them; a set started but
// not yet confirmed may exist, empty; and the set reopens at the same question with the same
// verdict and running score.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { optionOrder } from '../../src/lib/random';
import { expectStoredAsConfirmed, readStores, type Confirmed, type Flow } from './kill-model';
import { heading, quietPage, type StoredAnswer, type StoredAttempt } from './kill-exam';

interface Stored {
  attempts: StoredAttempt[];
  answers: (StoredAnswer & { id: number })[];
  progress: { questionId: string; answers: number }[];
  days: { day: string; answers: number }[];
}

const START = 'start a set';

export function practiceFlow(baseURL: string, rand: () => number, seed: number): Flow {
  /** The sets this tab knows of (started, or found stored after a kill during a start). */
  const sets = new Map<string, StoredAttempt>();
  let current: StoredAttempt | undefined;
  let index = 0;
  const read = async (page: Page) =>
    (await readStores(page, ['attempts', 'answers', 'progress', 'days'])) as unknown as Stored;
  const state = (attempts: StoredAttempt[]) => {
    const m = new Map<string, string | undefined>();
    for (const a of attempts) {
      if (!sets.has(a.id)) continue;
      m.set(`position:${a.id}`, JSON.stringify(a.position));
      m.set(`status:${a.id}`, JSON.stringify(a.status));
      for (const [q, r] of Object.entries(a.responses)) m.set(`answer:${a.id}:${q}`, JSON.stringify(r.choice));
    }
    return m;
  };

  /** Starts a set of 10 mixed questions; confirmed once its first question is on screen. */
  const startSet = async (page: Page, log: Confirmed) => {
    log.issue(START);
    await page.goto(`${baseURL}/practice?source=mixed`);
    await page.waitForURL(/\/practice\/set\//);
    await heading(page, 'Question 1 of 10').waitFor();
    const id = page.url().split('/practice/set/')[1] ?? '';
    const found = (await read(page)).attempts.find((x) => x.id === id);
    if (!found) throw new Error(`set ${id} is on screen but not stored`);
    sets.set(id, found);
    log.issue(START, [`position:${id}`, 0], [`status:${id}`, 'active']);
    log.confirm();
    current = found;
    index = 0;
  };

  const flow: Flow = {
    name: `practice set (seed ${seed})`,
    prepare: startSet,
    drive: async (page, log) => {
      for (;;) {
        const a = current;
        if (!a) {
          await startSet(page, log);
          continue;
        }
        const q = a.questionIds[index] ?? '';
        const last = index + 1 === a.questionIds.length;
        const answered = log.known.get(`answer:${a.id}:${q}`) !== undefined;
        if (!answered && (last || rand() < 0.85)) {
          const n = await page.locator('.option input').count();
          const slot = Math.floor(rand() * n);
          await page.locator('.option label').nth(slot).click();
          log.issue(`answer ${index + 1}`, [`answer:${a.id}:${q}`, [optionOrder(n, a.seed, q)[slot]]]);
          await page.getByRole('button', { name: 'Check answer' }).click();
          await page.locator('.verdict').waitFor();
        } else if (answered && index > 0 && rand() < 0.15) {
          log.issue(`back to ${index}`, [`position:${a.id}`, index - 1]);
          await page.getByRole('button', { name: 'Previous' }).click();
          await heading(page, `Question ${index} of 10`).waitFor();
          index--;
        } else if (!last) {
          log.issue(`on to ${index + 2}`, [`position:${a.id}`, index + 1]);
          await page.getByRole('button', { name: answered ? 'Next question' : 'Skip' }).click();
          await heading(page, `Question ${index + 2} of 10`).waitFor();
          index++;
        } else {
          log.issue('finish', [`position:${a.id}`, 10], [`status:${a.id}`, 'submitted']);
          await page.getByRole('button', { name: 'Finish set' }).click();
          await page.getByRole('heading', { name: 'Set complete' }).waitFor();
          current = undefined;
        }
        log.confirm();
      }
    },
    verify: async (page, snap, log, where) => {
      await page.goto(quietPage(baseURL));
      const s = await read(page);
      const practice = s.attempts.filter((a) => a.kind === 'practice');
      // A start cut short may have stored its set before the screen showed it: empty, at question 1.
      const unknown = practice.filter((a) => !sets.has(a.id));
      expect(unknown.length, where).toBeLessThanOrEqual(snap.pending?.label === START ? 1 : 0);
      for (const a of unknown) {
        expect({ position: a.position, responses: a.responses, status: a.status }, where).toEqual({
          position: 0,
          responses: {},
          status: 'active',
        });
        sets.set(a.id, a);
        snap.known.set(`position:${a.id}`, '0');
        snap.known.set(`status:${a.id}`, '"active"');
      }
      log.known = expectStoredAsConfirmed(snap, state(practice), where);

      // Nothing twice: one answer record per question answered in a set, the same as its response.
      for (const a of practice) {
        const mine = s.answers.filter((r) => r.context === `set:${a.id}`);
        const byQuestion = new Map(mine.map((r) => [r.questionId, r.choice]));
        expect(byQuestion.size, `${where}: answers of set ${a.id}`).toBe(mine.length);
        const responses = Object.entries(a.responses).filter(([, r]) => r.correct !== undefined);
        expect(new Map(responses.map(([q, r]) => [q, r.choice])), `${where}: responses of set ${a.id}`).toEqual(
          byQuestion,
        );
        sets.set(a.id, a);
      }
      const perQuestion = new Map<string, number>();
      for (const r of s.answers) perQuestion.set(r.questionId, (perQuestion.get(r.questionId) ?? 0) + 1);
      expect(new Map(s.progress.map((p) => [p.questionId, p.answers])), `${where}: summaries`).toEqual(perQuestion);
      expect(
        s.days.reduce((n, d) => n + d.answers, 0),
        `${where}: day totals`,
      ).toBe(s.answers.length);

      // The latest set still open reopens where it was.
      current = practice.filter((a) => a.status === 'active').sort((x, y) => y.createdAt - x.createdAt)[0];
      // None open: the next one starts here, so the round's time goes to answering.
      if (!current) return startSet(page, log);
      const a = current;
      index = Math.min(a.position, a.questionIds.length - 1);
      await page.goto(`${baseURL}/practice/set/${a.id}`);
      await heading(page, `Question ${index + 1} of 10`).waitFor();
      const checked = Object.values(a.responses).filter((r) => r.correct !== undefined);
      await page.getByText(`${checked.filter((r) => r.correct).length} of ${checked.length} right so far`).waitFor();
      const shown = a.responses[a.questionIds[index] ?? '']?.correct !== undefined;
      await (shown ? page.locator('.verdict') : page.getByRole('button', { name: 'Check answer' })).waitFor();
    },
  };
  return flow;
}
