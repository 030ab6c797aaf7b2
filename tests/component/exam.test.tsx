import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

beforeEach(async () => {
  await resetDb();
});

async function startShortExam() {
  const view = renderRoute('/exam');
  await view.user.click(await screen.findByRole('button', { name: 'Start the exam' }));
  await screen.findByRole('timer', { name: 'Time left' });
  return view;
}

describe('mock exam', () => {
  it('takes its shape from the program and gives no feedback before submitting', async () => {
    const { user } = await startShortExam();
    // The fixture program: 10 questions in 20 minutes, from a bank of 5.
    expect(screen.getByText(/Question 1 of 5/)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/^(20:00|19:5\d) left$/);
    const first = [...screen.queryAllByRole('radio'), ...screen.queryAllByRole('checkbox')][0]!;
    await user.click(first);
    expect(screen.queryByText(/Correct\.|Not quite\./)).not.toBeInTheDocument();
    expect(screen.getByText(/1 answered/)).toBeInTheDocument();
  });

  it('flags, navigates with the navigator and arrow keys, and submits with a per-area report', async () => {
    const { user } = await startShortExam();
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    const nav = screen.getByRole('navigation', { name: 'Question navigator' });
    expect(await within(nav).findByRole('button', { name: 'Question 1: blank, flagged' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: /^Question 3:/ }));
    expect(await screen.findByText(/Question 3 of 5/)).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByText(/Question 4 of 5/)).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: /^Question 4:/ })).toHaveFocus();
    await user.keyboard('1');
    expect(await within(nav).findByRole('button', { name: 'Question 4: answered' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('4 questions are unanswered. 1 flagged for review.');
    await user.click(screen.getByRole('button', { name: 'Submit now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mock exam result' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^Score: \d+% \([01] of 5\)$/ })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Money Matters' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'The Books' })).toBeInTheDocument();
    expect(
      screen.getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('review-list')),
    ).toHaveLength(5);
    const attempt = (await db.attempts.toArray())[0]!;
    expect(attempt.status).toBe('submitted');
    expect(await db.answers.count()).toBe(1);
  });

  it('submits by itself when the time runs out', async () => {
    await startShortExam();
    const attempt = (await db.attempts.toArray())[0]!;
    await db.attempts.update(attempt.id, { durationMs: 1500, usedMs: 0 });
    const url = `/exam/${attempt.id}`;
    screen.getByRole('timer');
    document.body.innerHTML = '';
    renderRoute(url);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mock exam result' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect((await db.attempts.get(attempt.id))!.status).toBe('submitted');
  });

  it('pauses: the clock stops and the questions are hidden until resumed', async () => {
    const { user } = await startShortExam();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('heading', { name: 'Paused' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    const stored = (await db.attempts.toArray())[0]!;
    expect(stored.runningSince).toBeNull();
    expect(stored.paused).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText(/Question 1 of 5/)).toBeInTheDocument();
  });
});
