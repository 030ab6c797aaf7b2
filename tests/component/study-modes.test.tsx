// The study modes of issue 8: tutor sets (feedback per question) and timed sets (the real
// exam's pace, feedback at the end), retrying what was missed, the exam review's filters, and
// exam time that a crash can neither run down nor use to submit an exam.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { db, type AttemptRecord } from '../../src/db/db';
import { createAttempt } from '../../src/db/attempts';
import { submitAttempt } from '../../src/db/exam-submit';
import { loadQuestionsById } from '../../src/content/runtime';
import { OptionList } from '../../src/components/question/option-list';
import type { Question } from '../../src/content/types';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

const MIN = 60_000;
// A page reached by a click or a link: lazy routes and their loaders are slow on a loaded machine.
const ARRIVAL = { timeout: 15_000 };

// The single-answer questions of the fixture bank: how to tell them apart, and which option is
// right and which is a wrong one.
const BANK = {
  'trust-three-way': {
    stem: /three-way trust reconciliation/,
    right: /^Bank statement, trust/,
    wrong: /^Bank, budget/,
  },
  'ledger-double-entry': { stem: /equal debits and what/, right: /^Credits/, wrong: /^Assets/ },
  'i9-section-2': {
    stem: /finish Section 2 of Form I-9/,
    right: /^Within 3 business days/,
    wrong: /^Before the offer/,
  },
  'interview-panel': { stem: /sit on an interview panel/, right: /^People who know the job/, wrong: /^Anyone free/ },
} as const;
type Id = keyof typeof BANK;
const SINGLE = Object.keys(BANK) as Id[];

const ROUTES = [
  () => import('../../src/features/practice/practice-hub-page'),
  () => import('../../src/features/practice/practice-set-page'),
  () => import('../../src/features/exam/exam-page'),
  () => import('../../src/features/exam/exam-hub-page'),
];
// The pages are lazy routes: load them once up front, so the first test does not spend its
// time budget compiling them on a loaded machine.
beforeAll(async () => {
  await Promise.all(ROUTES.map((load) => load()));
}, 60_000);

beforeEach(async () => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
});

/** The question on screen (by its stem). */
function current(): Id {
  const stem = screen.getByRole('article').querySelector('.stem')?.textContent ?? '';
  const id = SINGLE.find((q) => BANK[q].stem.test(stem));
  if (!id) throw new Error(`unknown question on screen: ${stem}`);
  return id;
}

function option(id: Id, which: 'right' | 'wrong'): HTMLElement {
  return within(screen.getByRole('group', { name: 'Choose one answer' })).getByRole('radio', { name: BANK[id][which] });
}

/** The option's row: what the candidate sees next to it (its words and its styling hook). */
function row(radio: HTMLElement): HTMLElement {
  const li = radio.closest('li');
  if (!li) throw new Error('an option outside the list');
  return li;
}

async function onlyAttempt(kind: AttemptRecord['kind']): Promise<AttemptRecord> {
  const all = (await db.attempts.toArray()).filter((a) => a.kind === kind);
  expect(all).toHaveLength(1);
  const [a] = all;
  if (!a) throw new Error(`no ${kind} stored`);
  return a;
}

/** The bar above an exam's question: how many are answered, the time left, Pause. */
function examBar(): HTMLElement {
  const bar = screen.getByRole('timer').parentElement;
  if (!bar) throw new Error('no exam bar');
  return bar;
}

describe('tutor mode', () => {
  it('gives feedback after each question, naming the right answer and the wrong choice in words', async () => {
    const { user } = renderRoute('/practice?source=subarea:hiring');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' }, ARRIVAL)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Practice: Hiring' })).toBeInTheDocument();

    // First question: a wrong choice.
    const first = current();
    const radios = within(screen.getByRole('group', { name: 'Choose one answer' })).getAllByRole('radio');
    const rightLetter = 'ABC'[radios.indexOf(option(first, 'right'))];
    await user.click(option(first, 'wrong'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText(`Not quite. The correct answer is ${rightLetter}.`)).toBeInTheDocument();
    const right = row(option(first, 'right'));
    const mine = row(option(first, 'wrong'));
    expect(right).toHaveTextContent('Correct answer');
    expect(right).not.toHaveTextContent('Your answer');
    expect(right).toHaveClass('is-correct');
    expect(mine).toHaveTextContent('Your answer');
    expect(mine).not.toHaveTextContent('Correct answer');
    expect(mine).toHaveClass('is-wrong');
    for (const other of radios.map(row).filter((li) => li !== right && li !== mine)) {
      expect(other).not.toHaveTextContent(/Correct answer|Your answer/);
      expect(other).not.toHaveClass('is-correct');
      expect(other).not.toHaveClass('is-wrong');
    }
    // The options cannot be changed once checked, and the answer is stored at once.
    for (const r of radios) expect(r).toBeDisabled();
    expect(await db.answers.toArray()).toEqual([expect.objectContaining({ questionId: first, correct: false })]);

    // Second question: the right one.
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 2' }, ARRIVAL)).toBeInTheDocument();
    const second = current();
    await user.click(option(second, 'right'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
    const chosen = row(option(second, 'right'));
    expect(chosen).toHaveTextContent('Correct answer');
    expect(chosen).toHaveTextContent('Your answer');
    expect(chosen).toHaveClass('is-correct');
    expect(row(option(second, 'wrong'))).not.toHaveTextContent(/Correct answer|Your answer/);
    expect(screen.getByText('1 of 2 right so far')).toBeInTheDocument();
    expect(await db.answers.count()).toBe(2);
  }, 20_000);

  it('retries the ones missed from the set summary, in a new tutor set', async () => {
    const { user, router } = renderRoute('/practice?source=subarea:hiring');
    await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' }, ARRIVAL);
    const missed = current();
    await user.click(option(missed, 'wrong'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByText(/^Not quite\./);
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await screen.findByRole('heading', { level: 2, name: 'Question 2 of 2' }, ARRIVAL);
    await user.click(option(current(), 'right'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByText('Correct.');
    await user.click(screen.getByRole('button', { name: 'Finish set' }));

    const summary = await screen.findByRole('region', { name: 'Set complete' });
    expect(summary).toHaveTextContent('You got 1 of 2 right.');
    const list = within(summary).getByRole('list');
    expect(within(list).getAllByRole('link')).toHaveLength(1);
    expect(within(list).getByRole('link')).toHaveTextContent(BANK[missed].stem);
    const setUrl = router.state.location.pathname;
    await user.click(within(summary).getByRole('button', { name: 'Retry the one I missed' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 1' }, ARRIVAL)).toBeInTheDocument();
    expect(router.state.location.pathname).not.toBe(setUrl);
    expect(current()).toBe(missed);
    const retry = (await db.attempts.toArray()).find((a) => a.source.type === 'retry');
    expect(retry).toMatchObject({ kind: 'practice', mode: 'tutor', questionIds: [missed] });
    // Tutor mode: feedback at once.
    await user.click(option(missed, 'right'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
  }, 20_000);

  it('counts a skipped question as missed', async () => {
    const { user } = renderRoute('/practice?source=subarea:hiring');
    await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' }, ARRIVAL);
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await screen.findByRole('heading', { level: 2, name: 'Question 2 of 2' }, ARRIVAL);
    await user.click(option(current(), 'right'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(await screen.findByRole('button', { name: 'Finish set' }));
    const summary = await screen.findByRole('region', { name: 'Set complete' });
    expect(summary).toHaveTextContent('You got 1 of 2 right (1 skipped).');
    expect(within(summary).getByRole('button', { name: 'Retry the one I missed' })).toBeEnabled();
  }, 20_000);
});

describe('timed mode', () => {
  it('runs at the real pace, gives no feedback until submitted, then shows the review and retries the missed', async () => {
    const { user, router } = renderRoute('/practice');
    const mode = await screen.findByRole('group', { name: 'Mode' });
    // The fixture program: 10 questions in 20 minutes, so 2 minutes a question.
    await user.click(within(mode).getByRole('radio', { name: 'Timed: 2 min a question, feedback at the end' }));
    await user.click(
      within(screen.getByRole('group', { name: 'How many questions' })).getByRole('radio', { name: 'All' }),
    );
    const people = (await screen.findByText('People Matters', { selector: '.tree-title' })).closest('details');
    if (!people) throw new Error('no People Matters in the tree');
    await user.click(within(people).getByText('People Matters'));
    await user.click(within(people).getByRole('button', { name: /^Hiring/ }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Timed set: Hiring, 2 questions, 4 minutes' }, ARRIVAL),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/exam\//);
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent(/^(4:00|3:5\d) left$/);
    const stored = await onlyAttempt('exam');
    expect(stored).toMatchObject({ mode: 'timed', durationMs: 4 * MIN, source: { type: 'subarea', id: 'hiring' } });

    // No feedback while it runs.
    await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' }, ARRIVAL);
    const missed = current();
    await user.click(option(missed, 'wrong'));
    expect(await within(examBar()).findByText('1 of 2 answered')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();
    expect(screen.queryByText(/^(Correct\.|Not quite\.)/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^(Correct answer|Your answer)$/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { level: 2, name: 'Question 2 of 2' }, ARRIVAL);
    await user.click(option(current(), 'right'));
    expect(await within(examBar()).findByText('2 of 2 answered')).toBeInTheDocument();
    expect(screen.queryByText(/^(Correct answer|Your answer)$/)).not.toBeInTheDocument();
    expect(await db.answers.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Timed set result' }, ARRIVAL)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Score: 50% (1 of 2)' })).toBeInTheDocument();
    expect(await db.answers.count()).toBe(2);
    const review = screen.getByRole('region', { name: 'Review every question' });
    const filters = within(review).getByRole('group', { name: 'Show' });
    expect(within(filters).getByRole('radio', { name: 'All (2)' })).toBeChecked();
    expect(within(filters).getByRole('radio', { name: 'Wrong (1)' })).toBeInTheDocument();
    expect(within(filters).getByRole('radio', { name: 'Unanswered (0)' })).toBeInTheDocument();
    expect(reviewed()).toEqual([
      ['Question 1', 'Wrong'],
      ['Question 2', 'Right'],
    ]);

    await user.click(screen.getByRole('button', { name: 'Retry the one I missed' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 1' }, ARRIVAL)).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/practice\/set\//);
    expect(current()).toBe(missed);
    // The retry is a tutor set: feedback at once.
    await user.click(option(missed, 'right'));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
  }, 30_000);
});

/** The review's questions as shown: [number, verdict, ...other tags]. */
function reviewed(): string[][] {
  const review = screen.getByRole('region', { name: 'Review every question' });
  return within(review)
    .queryAllByRole('heading', { level: 3 })
    .map((h) => [...h.children].map((c) => c.textContent?.replace(/^[✓✗]\s*/, '') ?? ''));
}

/** A submitted mock exam of the four single-answer questions, answered as given. */
async function submittedExam(): Promise<AttemptRecord> {
  const questionIds: Id[] = ['trust-three-way', 'ledger-double-entry', 'i9-section-2', 'interview-panel'];
  const at = Date.UTC(2027, 0, 20, 15);
  const exam = await createAttempt(
    {
      kind: 'exam',
      title: 'Full exam: 4 questions, 20 minutes',
      source: { type: 'exam' },
      seed: 12345,
      questionIds,
      durationMs: 20 * MIN,
      usedMs: 3 * MIN,
      runningSince: null,
      paused: false,
      // Right, wrong (Assets), and two left blank (one opened and cleared).
      responses: { 'trust-three-way': { choice: [1], at }, 'ledger-double-entry': { choice: [1], at } },
      marked: ['ledger-double-entry', 'i9-section-2'],
      timeByQuestion: { 'trust-three-way': 65_000, 'ledger-double-entry': 30_000 },
    },
    at,
  );
  const questions = await loadQuestionsById(questionIds);
  const done = await submitAttempt(exam.id, questions, at + 3 * MIN);
  if (!done) throw new Error('not submitted');
  return done;
}

describe('the exam review', () => {
  it('filters all, wrong, flagged and unanswered questions, with their counts', async () => {
    const exam = await submittedExam();
    const { user } = renderRoute(`/exam/${exam.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mock exam result' }, ARRIVAL)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Score: 25% (1 of 4)' })).toBeInTheDocument();
    const review = screen.getByRole('region', { name: 'Review every question' });
    const filters = within(review).getByRole('group', { name: 'Show' });
    const filter = (name: string) => within(filters).getByRole('radio', { name });

    expect(filter('All (4)')).toBeChecked();
    expect(reviewed()).toEqual([
      ['Question 1', 'Right'],
      ['Question 2', 'Wrong', 'Flagged'],
      ['Question 3', 'Unanswered', 'Flagged'],
      ['Question 4', 'Unanswered'],
    ]);
    await user.click(filter('Wrong (1)'));
    expect(reviewed()).toEqual([['Question 2', 'Wrong', 'Flagged']]);
    await user.click(filter('Flagged (2)'));
    expect(reviewed()).toEqual([
      ['Question 2', 'Wrong', 'Flagged'],
      ['Question 3', 'Unanswered', 'Flagged'],
    ]);
    await user.click(filter('Unanswered (2)'));
    expect(reviewed()).toEqual([
      ['Question 3', 'Unanswered', 'Flagged'],
      ['Question 4', 'Unanswered'],
    ]);
    await user.click(filter('All (4)'));
    expect(reviewed()).toHaveLength(4);
  }, 20_000);

  it('shows each question once with its right and wrong options, the time spent and the pace', async () => {
    const exam = await submittedExam();
    renderRoute(`/exam/${exam.id}`);
    const review = await screen.findByRole('region', { name: 'Review every question' });
    // 65 s and 30 s on the two answered questions: 47.5 s on average, against 2 min on the real exam.
    expect(review).toHaveTextContent("Average time per question: 0:48 (the real exam's pace is 2:00).");
    const items = within(review)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.closest('li'));
    const [first, second, third] = items;
    if (!first || !second || !third) throw new Error('review items missing');
    expect(first).toHaveTextContent('Time: 1:05');
    expect(second).toHaveTextContent('Time: 0:30');
    expect(third).not.toHaveTextContent('Time:');
    expect(first).toHaveTextContent('The Books');

    // The wrong answer: the stem once, the right option and the candidate's choice named.
    expect(within(second).getAllByText(/Every journal entry has equal debits and what\?/)).toHaveLength(1);
    const radios = within(second).getByRole('group', { name: 'Choose one answer' });
    const right = row(within(radios).getByRole('radio', { name: /^Credits/ }));
    const mine = row(within(radios).getByRole('radio', { name: /^Assets/ }));
    expect(right).toHaveTextContent('Correct answer');
    expect(right).toHaveClass('is-correct');
    expect(mine).toHaveTextContent('Your answer');
    expect(mine).toHaveClass('is-wrong');
    // An unanswered question shows the right answer and no choice.
    const blank = within(third).getByRole('group', { name: 'Choose one answer' });
    expect(row(within(blank).getByRole('radio', { name: /^Within 3 business days/ }))).toHaveTextContent(
      'Correct answer',
    );
    expect(within(third).queryByText(/^Your answer$/)).not.toBeInTheDocument();
    expect(within(third).getByText(/due within three business days/)).toBeInTheDocument();
  }, 20_000);

  it('retries the ones missed (wrong and unanswered) from the exam report', async () => {
    const exam = await submittedExam();
    const { user } = renderRoute(`/exam/${exam.id}`);
    await user.click(await screen.findByRole('button', { name: 'Retry the 3 I missed' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 3' }, ARRIVAL)).toBeInTheDocument();
    const retry = (await db.attempts.toArray()).find((a) => a.source.type === 'retry');
    expect(retry?.questionIds.sort()).toEqual(['i9-section-2', 'interview-panel', 'ledger-double-entry']);
    expect(retry).toMatchObject({ kind: 'practice', mode: 'tutor', source: { type: 'retry', from: exam.id } });
  }, 20_000);
});

/** A mock exam whose browser died an hour ago with its clock running, `usedMs` used. */
async function crashedExam(usedMs: number): Promise<AttemptRecord> {
  const now = Date.now();
  return createAttempt({
    kind: 'exam',
    title: 'Full exam: 4 questions, 20 minutes',
    source: { type: 'exam' },
    seed: 99,
    questionIds: SINGLE,
    durationMs: 20 * MIN,
    usedMs,
    // The clock was running when the browser died, an hour ago.
    runningSince: now - 60 * MIN,
    paused: false,
    responses: { 'i9-section-2': { choice: [1], at: now - 61 * MIN } },
  });
}

describe('exam time after a crash', () => {
  it('costs at most a few seconds and never submits the exam on reopen', async () => {
    const exam = await crashedExam(5 * MIN);
    renderRoute(`/exam/${exam.id}`);
    // 15 minutes were left at the crash; the hour the tab was dead does not count.
    expect(await screen.findByRole('timer')).toHaveTextContent(/^14:5[5-9] left$/);
    expect(screen.getByRole('heading', { level: 2, name: 'Finish' })).toBeInTheDocument();
    expect((await db.attempts.get(exam.id))?.status).toBe('active');
  }, 20_000);

  it('shows "Time is up" for an exam reopened with no time left, and submits only when asked', async () => {
    const exam = await crashedExam(20 * MIN - 1000);
    const { user } = renderRoute(`/exam/${exam.id}`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Time is up' }, ARRIVAL)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('0:00 left');
    expect(screen.queryByRole('button', { name: 'Submit exam' })).not.toBeInTheDocument();
    // Give the clock a few ticks: still nothing submitted, nothing stored.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await db.attempts.get(exam.id))?.status).toBe('active');
    expect(await db.answers.count()).toBe(0);
    expect(screen.queryByRole('heading', { level: 1, name: 'Mock exam result' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Submit and see my score' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mock exam result' }, ARRIVAL)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Score: 25% (1 of 4)' })).toBeInTheDocument();
    await waitFor(async () => expect((await db.attempts.get(exam.id))?.status).toBe('submitted'));
    expect(await db.answers.count()).toBe(1);
  }, 20_000);
});

describe('the option list', () => {
  const question: Question = {
    id: 'q',
    area: 'money',
    subarea: 'books',
    stemHtml: '<p>Which?</p>',
    stemText: 'Which?',
    multi: false,
    source: 'test',
    options: [
      { html: 'First', text: 'First', correct: false, rationaleHtml: '<p>First is too narrow.</p>' },
      { html: 'Second', text: 'Second', correct: true, rationaleHtml: '<p>Second covers every case.</p>' },
      { html: 'Third', text: 'Third', correct: false },
    ],
  };

  it('shows each option’s rationale beside it once revealed, and not before', () => {
    const { rerender } = render(
      <OptionList question={question} order={[0, 1, 2]} chosen={[0]} name="q" revealed={false} />,
    );
    expect(screen.queryByText('First is too narrow.')).not.toBeInTheDocument();
    expect(screen.queryByText(/^(Correct answer|Your answer)$/)).not.toBeInTheDocument();
    rerender(<OptionList question={question} order={[0, 1, 2]} chosen={[0]} name="q" revealed />);
    const first = row(screen.getByRole('radio', { name: /^First/ }));
    const second = row(screen.getByRole('radio', { name: /^Second/ }));
    expect(first).toHaveTextContent('First is too narrow.');
    expect(first).toHaveTextContent('Your answer');
    expect(second).toHaveTextContent('Second covers every case.');
    expect(second).toHaveTextContent('Correct answer');
    expect(row(screen.getByRole('radio', { name: /^Third/ }))).toHaveTextContent(/^CThird$/);
  });
});
