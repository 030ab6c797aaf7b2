import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { usePracticeStore } from '../../src/features/practice/store';
import { renderRoute } from '../fixtures/render';

const ROUTES = [() => import('../../src/features/practice/practice-page')];
// The pages are lazy routes: load them once up front, so the first test does not spend its
// time budget compiling them on a loaded machine.
beforeAll(async () => {
  await Promise.all(ROUTES.map((load) => load()));
}, 60_000);

beforeEach(async () => {
  // jsdom has no layout: scrolling the question into view is checked in the browser tests.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
  usePracticeStore.setState({ rounds: {} });
});

describe('practice', () => {
  it('gives immediate feedback with the explanation and stores the answer', async () => {
    const { user } = renderRoute('/practice/area/money');
    expect(await screen.findByText('Question 1 of 3')).toBeInTheDocument();
    const options = screen.getByRole('group', { name: 'Choose one answer' });
    await user.click(within(options).getByRole('radio', { name: /Bank, budget and ledger/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));

    expect(await screen.findByText(/Not quite\. The correct answer is B\./)).toBeInTheDocument();
    expect(screen.getByText(/The three records that must agree/)).toBeInTheDocument();
    expect(screen.getByText('Reference:')).toHaveTextContent('ABA Model Rule 1.15');
    // The right option and the wrong choice say so in words, not only in colour.
    const right = within(options).getByRole('radio', { name: /Bank statement, trust register/ });
    const mine = within(options).getByRole('radio', { name: /Bank, budget and ledger/ });
    expect(right).toBeDisabled();
    expect(right).toHaveAccessibleName(/Correct answer/);
    expect(right).not.toHaveAccessibleName(/Your answer/);
    expect(mine).toHaveAccessibleName(/Your answer/);
    expect(mine).not.toHaveAccessibleName(/Correct answer/);
    expect(within(options).getByRole('radio', { name: /Invoices, ledgers/ })).not.toHaveAccessibleName(
      /Correct answer|Your answer/,
    );

    const stored = await db.answers.toArray();
    expect(stored).toEqual([
      expect.objectContaining({ questionId: 'trust-three-way', choice: [0], correct: false, context: 'area:money' }),
    ]);
    // The first test of the file also pays for the first render and the database's first open.
  }, 15_000);

  it('scores "choose all that apply" all-or-nothing and says so', async () => {
    const { user } = renderRoute('/practice/area/money?q=budget-variance');
    const options = await screen.findByRole('group', { name: 'Choose all that apply (scored all or nothing)' });
    await user.click(within(options).getByRole('checkbox', { name: /Actual rent above budget/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText(/Not quite\. The correct answers are A, B\./)).toBeInTheDocument();
    expect((await db.answers.toArray())[0]).toMatchObject({ correct: false, choice: [0] });
  });

  it('counts a complete multi-answer choice as right', async () => {
    const { user } = renderRoute('/practice/area/money?q=budget-variance');
    const options = await screen.findByRole('group', { name: /Choose all that apply/ });
    await user.click(within(options).getByRole('checkbox', { name: /Revenue below budget/ }));
    await user.click(within(options).getByRole('checkbox', { name: /Actual rent above budget/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
    expect((await db.answers.toArray())[0]).toMatchObject({ correct: true, choice: [0, 1] });
  });

  it('shows earlier answers when the question is opened again', async () => {
    const first = renderRoute('/practice/area/money');
    await first.user.click(await screen.findByRole('radio', { name: /Bank statement, trust register/ }));
    await first.user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByText('Correct.');
    first.unmount();

    renderRoute('/practice/area/money?q=trust-three-way');
    expect(await screen.findByText(/Answered 1 time before · last time right/)).toBeInTheDocument();
    expect(await screen.findByText(/^Answered 1 of 3/)).toBeInTheDocument();
  });

  it('goes on question by question with the keyboard and ends the round with a summary', async () => {
    const { user } = renderRoute('/practice/area/money?q=ledger-double-entry');
    expect(await screen.findByText('Question 2 of 3')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Credits/ }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
    // The verdict takes focus (so it is read and in view), and Enter goes on from there.
    await waitFor(() => expect(document.activeElement).toHaveTextContent(/^✓ Correct\./));
    expect(screen.getByRole('button', { name: 'Next question' })).not.toHaveFocus();
    await user.keyboard('{Enter}');
    // The next question's heading takes focus, so its stem is read first.
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 3 of 3' })).toHaveFocus();
    await user.click(screen.getByRole('checkbox', { name: /Actual rent/ }));
    await user.click(screen.getByRole('checkbox', { name: /Revenue below/ }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(await screen.findByRole('button', { name: 'Finish round' }));
    const done = await screen.findByRole('region', { name: 'Round complete' });
    expect(done).toHaveTextContent('This round: 2 of 2 right.');
    expect(done).toHaveTextContent('Of all 3 questions here you have answered 2; 2 were right on your last try.');
  });

  it("practises only a session's own questions", async () => {
    renderRoute('/practice/session/books-night');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Practice: A Night With the Books' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Question 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to A Night With the Books' })).toHaveAttribute(
      'href',
      '/sessions/books-night',
    );
  });
});
