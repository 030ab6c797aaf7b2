import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { db, type AttemptRecord } from '../../src/db/db';
import { createAttempt } from '../../src/db/attempts';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

type User = ReturnType<typeof renderRoute>['user'];

// The right option of each single-answer question of the fixture bank.
const RIGHT = [
  /^Bank statement, trust register and client ledgers/,
  /^Credits/,
  /^Within 3 business days of the first day of work/,
  /^People who know the job/,
];

const ROUTES = [
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

async function startShortExam() {
  const view = renderRoute('/exam');
  await view.user.click(await screen.findByRole('button', { name: 'Start the exam' }));
  await screen.findByRole('timer', { name: 'Time left' });
  return view;
}

async function onlyAttempt(): Promise<AttemptRecord> {
  const all = await db.attempts.toArray();
  expect(all).toHaveLength(1);
  const [attempt] = all;
  if (!attempt) throw new Error('no attempt stored');
  return attempt;
}

/** Chooses the right option of the question on screen. */
async function chooseRight(user: User) {
  const options = screen.getByRole('group', { name: 'Choose one answer' });
  const right = RIGHT.map((name) => within(options).queryByRole('radio', { name })).find((r) => r !== null);
  if (!right) throw new Error('no right option on screen');
  await user.click(right);
}

/** The bar above an exam's question: how many are answered, the time left, Pause. */
function examBar(): HTMLElement {
  const bar = screen.getByRole('timer').parentElement;
  if (!bar) throw new Error('no exam bar');
  return bar;
}

describe('mock exam', () => {
  it('takes its shape from the program, draws single-best-answer items only, and gives no feedback', async () => {
    const { user } = await startShortExam();
    // The fixture program: 10 questions in 20 minutes, from a bank of 4 single-answer questions
    // (and one "choose all that apply", which mock exams leave to practice).
    expect(screen.getByRole('heading', { level: 2, name: 'Question 1 of 4' })).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/^(20:00|19:5\d) left$/);
    const attempt = await onlyAttempt();
    expect(attempt.durationMs).toBe(20 * 60_000);
    expect(attempt.questionIds).not.toContain('budget-variance');
    expect(within(examBar()).getByText('0 of 4 answered')).toBeInTheDocument();

    await chooseRight(user);
    expect(await within(examBar()).findByText('1 of 4 answered')).toBeInTheDocument();
    // No verdict and no right or wrong marks until the exam is submitted.
    expect(screen.queryByText(/Correct\.|Not quite\./)).not.toBeInTheDocument();
    expect(screen.queryByText(/^(Correct answer|Your answer)$/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
    for (const r of screen.getAllByRole('radio')) expect(r).toBeEnabled();
    await waitFor(async () => expect(Object.keys((await onlyAttempt()).responses)).toHaveLength(1));
    expect(await db.answers.count()).toBe(0);
    // The first test of the file also pays for the first render and the database's first open.
  }, 15_000);

  it('flags, navigates with the navigator and arrow keys, and submits with a per-area report', async () => {
    const { user } = await startShortExam();
    await chooseRight(user);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(await screen.findByRole('button', { name: 'Flagged for review' })).toHaveAttribute('aria-pressed', 'true');
    const nav = screen.getByRole('navigation', { name: 'Question navigator' });
    expect(await within(nav).findByRole('button', { name: 'Question 1: answered, flagged' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: /^Question 3:/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 3 of 4' })).toBeInTheDocument();
    const third = within(nav).getByRole('button', { name: /^Question 3:/ });
    expect(third).toHaveAttribute('aria-current', 'step');
    // The chosen question's heading takes focus, so its stem is read first.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Question 3 of 4' })).toHaveFocus());
    // Back in the navigator (its current button is the one in the tab order), arrow keys move.
    expect(third).toHaveAttribute('tabindex', '0');
    third.focus();
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 4' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: /^Question 3:/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 3 of 4' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 4 of 4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.keyboard('1');
    expect(await within(nav).findByRole('button', { name: 'Question 4: answered' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 3 of 4' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Question 3: blank' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('2 questions are unanswered. 1 flagged for review.');
    await user.click(screen.getByRole('button', { name: 'Keep working' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mock exam result' })).toBeInTheDocument();
    // Question 1 was answered right; question 4 got whatever option came first.
    expect(screen.getByRole('heading', { level: 2, name: /^Score: (25% \(1|50% \(2) of 4\)$/ })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Money Matters' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'The Books' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'People Matters' })).toBeInTheDocument();
    const review = screen.getByRole('region', { name: 'Review every question' });
    expect(within(review).getAllByRole('heading', { level: 3, name: /^Question \d/ })).toHaveLength(4);
    const attempt = await onlyAttempt();
    expect(attempt.status).toBe('submitted');
    expect(attempt.marked).toHaveLength(1);
    expect(await db.answers.count()).toBe(2);
  }, 15_000);

  it('shows a chosen option, a flag and a move only once they are stored', async () => {
    const { user } = await startShortExam();
    // Every write of the exam waits until the gate opens.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    const held = vi
      .spyOn(db, 'transaction')
      .mockImplementation(((...args: unknown[]) => gate.then(() => transaction(...args))) as never);
    const [first] = within(screen.getByRole('group', { name: 'Choose one answer' })).getAllByRole('radio');
    if (!first) throw new Error('no option on screen');
    await user.click(first);
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Nothing is stored yet, so nothing shows as done: a crash now would lose none of it.
    expect(first).not.toBeChecked();
    expect(within(examBar()).getByText('0 of 4 answered')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('heading', { level: 2, name: 'Question 1 of 4' })).toBeInTheDocument();

    openGate();
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 4' })).toBeInTheDocument();
    expect(within(examBar()).getByText('1 of 4 answered')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Question navigator' });
    expect(within(nav).getByRole('button', { name: 'Question 1: answered, flagged' })).toBeInTheDocument();
    held.mockRestore();
    const stored = await onlyAttempt();
    expect({
      answered: Object.keys(stored.responses).length,
      marked: stored.marked.length,
      position: stored.position,
    }).toEqual({
      answered: 1,
      marked: 1,
      position: 1,
    });
  }, 15_000);

  it('in a timed set, two options ticked before the first is stored are both kept (choose all that apply)', async () => {
    const set = await createAttempt({
      kind: 'exam',
      title: 'Timed set: Budgets',
      source: { type: 'competency', id: 'budgets' },
      seed: 1,
      questionIds: ['budget-variance'],
      mode: 'timed',
      durationMs: 2 * 60_000,
      usedMs: 0,
      runningSince: null,
    });
    const { user } = renderRoute(`/exam/${set.id}`);
    const options = await screen.findByRole('group', { name: 'Choose all that apply (scored all or nothing)' });
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    const held = vi
      .spyOn(db, 'transaction')
      .mockImplementation(((...args: unknown[]) => gate.then(() => transaction(...args))) as never);
    await user.click(within(options).getByRole('checkbox', { name: /^Actual rent above budget/ }));
    await user.click(within(options).getByRole('checkbox', { name: /^Revenue below budget/ }));
    openGate();
    await waitFor(() => expect(within(options).getAllByRole('checkbox', { checked: true })).toHaveLength(2));
    held.mockRestore();
    expect((await db.attempts.get(set.id))?.responses['budget-variance']?.choice).toEqual([0, 1]);
  }, 15_000);

  it('moves through the navigator with arrow keys, Home and End, keeping the focus in it', async () => {
    const { user } = await startShortExam();
    const nav = screen.getByRole('navigation', { name: 'Question navigator' });
    const button = (n: number) => within(nav).getByRole('button', { name: new RegExp(`^Question ${n}:`) });
    button(1).focus();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 4' })).toBeInTheDocument();
    await waitFor(() => expect(button(2)).toHaveFocus());
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 3 of 4' })).toBeInTheDocument();
    await waitFor(() => expect(button(3)).toHaveFocus());
    await user.keyboard('{End}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 4 of 4' })).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 4' })).toBeInTheDocument();
    await waitFor(() => expect(button(1)).toHaveFocus());
  }, 15_000);

  it('submits by itself when the time runs out while it is on screen', async () => {
    const first = await startShortExam();
    first.unmount();
    // Reopened with 2 s left: the clock runs out on screen.
    const attempt = await onlyAttempt();
    await db.attempts.update(attempt.id, { durationMs: 2000, usedMs: 0, runningSince: null });
    renderRoute(`/exam/${attempt.id}`);
    expect(await screen.findByRole('timer')).toHaveTextContent(/^0:0[12] left$/);
    expect(screen.queryByRole('heading', { name: 'Time is up' })).not.toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mock exam result' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect((await db.attempts.get(attempt.id))?.status).toBe('submitted');
  }, 20_000);

  it('shows the same time left in the exam list and on the exam page', async () => {
    const first = await startShortExam();
    first.unmount();
    const attempt = await onlyAttempt();
    // Stopped with 1 min 5 s used: neither screen counts time while it is not on screen.
    await db.attempts.update(attempt.id, { usedMs: 65_000, runningSince: null });
    const list = renderRoute('/exam');
    const resume = await screen.findByRole('region', { name: 'Exam in progress' });
    expect(within(resume).getByText(/answered · 18:55 left$/)).toBeInTheDocument();
    list.unmount();
    renderRoute(`/exam/${attempt.id}`);
    expect(await screen.findByRole('timer')).toHaveTextContent(/^18:5[45] left$/);
  });

  it('pauses: the clock stops and the questions are hidden until resumed', async () => {
    const { user } = await startShortExam();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('heading', { name: 'Paused' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Question navigator' })).not.toBeInTheDocument();
    const stored = await onlyAttempt();
    expect(stored.runningSince).toBeNull();
    expect(stored.paused).toBe(true);
    const shown = screen.getByRole('timer').textContent;
    await new Promise((r) => setTimeout(r, 1500));
    expect(screen.getByRole('timer')).toHaveTextContent(shown ?? '');
    expect((await onlyAttempt()).usedMs).toBe(stored.usedMs);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 4' })).toBeInTheDocument();
    expect((await onlyAttempt()).paused).toBe(false);
  }, 15_000);
});
