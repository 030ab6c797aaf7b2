import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { recordAnswer } from '../../src/db/answers';
import { setFlag } from '../../src/db/study';
import { renderRoute } from '../fixtures/render';

beforeEach(async () => {
  await resetDb();
});

async function startSet(user: ReturnType<typeof renderRoute>['user'], source: RegExp, length: string) {
  await user.selectOptions(
    await screen.findByRole('combobox', { name: 'What to practise' }),
    screen.getByRole('option', { name: source }),
  );
  await user.click(screen.getByRole('radio', { name: length }));
  await user.click(screen.getByRole('button', { name: 'Start practice' }));
}

describe('practice sets', () => {
  it('offers every source with its size', async () => {
    await recordAnswer({ questionId: 'trust-three-way', choice: [0], correct: false, context: 'test' });
    await setFlag('i9-section-2', true);
    renderRoute('/practice');
    const select = await screen.findByRole('combobox', { name: 'What to practise' });
    expect(await within(select).findByRole('option', { name: 'Missed last time (1)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Flagged (1)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Never seen (4)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Due for review (0)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Everything mixed (5)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Money Matters (3)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'The Books (2)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'Make budgets (1)' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'A Night With the Books (2)' })).toBeInTheDocument();
  });

  it('runs a set of an area, stores each answer, and resumes where it stopped after a reload', async () => {
    const first = renderRoute('/practice');
    await startSet(first.user, /^Money Matters/, 'All');
    expect(await screen.findByText(/^Question 1 of 3/)).toBeInTheDocument();
    const stem = screen.getByRole('article').querySelector('.stem')!.textContent;
    const option = [...screen.queryAllByRole('radio'), ...screen.queryAllByRole('checkbox')][0]!;
    await first.user.click(option);
    await first.user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByText(/^(Correct\.|Not quite\.)/);
    await first.user.click(screen.getByRole('button', { name: /Next question/ }));
    expect(await screen.findByText(/^Question 2 of 3/)).toBeInTheDocument();
    const url = first.router.state.location.pathname;
    first.unmount();

    renderRoute(url);
    expect(await screen.findByText(/^Question 2 of 3/)).toBeInTheDocument();
    expect(screen.getByText(/of 1 right so far/)).toBeInTheDocument();
    const attempt = (await db.attempts.toArray())[0]!;
    expect(Object.keys(attempt.responses)).toHaveLength(1);
    expect(stem).toBeTruthy();
  });

  it('keeps a set to the chosen length', async () => {
    const { user } = renderRoute('/practice');
    await startSet(user, /^Everything mixed/, '10');
    // The fixture bank has only 5 questions, so a set of 10 holds all 5.
    expect(await screen.findByText(/^Question 1 of 5/)).toBeInTheDocument();
  });

  it('practises what was missed last time, and only that', async () => {
    await recordAnswer({ questionId: 'i9-section-2', choice: [0], correct: false, context: 'test' });
    await recordAnswer({ questionId: 'trust-three-way', choice: [1], correct: true, context: 'test' });
    const { user } = renderRoute('/practice');
    await startSet(user, /^Missed last time/, 'All');
    expect(await screen.findByText(/^Question 1 of 1/)).toBeInTheDocument();
    expect(screen.getByText(/When must the employer finish Section 2/)).toBeInTheDocument();
  });

  it('practises flagged questions, flagged with the button or the F key', async () => {
    const { user } = renderRoute('/practice/area/people');
    await screen.findByText(/^Question 1 of 2/);
    await user.click(screen.getByRole('button', { name: 'Flag for later' }));
    expect(await screen.findByRole('button', { name: 'Flagged' })).toHaveAttribute('aria-pressed', 'true');
    expect(await db.flags.count()).toBe(1);
    await user.keyboard('f');
    await screen.findByRole('button', { name: 'Flag for later' });
    expect(await db.flags.count()).toBe(0);
    await user.keyboard('f');
    await screen.findByRole('button', { name: 'Flagged' });
  });

  it('says so when a set is empty', async () => {
    const { user } = renderRoute('/practice');
    await startSet(user, /^Due for review/, '10');
    expect(await screen.findByRole('alert')).toHaveTextContent('There are no questions in that set yet');
  });

  it('chooses options with number and letter keys', async () => {
    const { user } = renderRoute('/practice/area/money?q=budget-variance');
    await screen.findByText(/^Question 3 of 3/);
    await user.keyboard('1');
    await user.keyboard('b');
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).toBeChecked();
    expect(boxes[2]).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
  });
});

describe('every practice source starts a set of its own questions', () => {
  const cases: [string, RegExp, number, () => Promise<void>][] = [
    ['a sub-area', /^The Books \(/, 2, async () => {}],
    ['a competency', /^Make budgets \(/, 1, async () => {}],
    ['a session', /^A Night With the Books \(/, 2, async () => {}],
    ['flagged questions', /^Flagged \(/, 1, async () => setFlag('interview-panel', true)],
    [
      'never-seen questions',
      /^Never seen \(/,
      4,
      async () =>
        void (await recordAnswer({ questionId: 'interview-panel', choice: [0], correct: true, context: 't' })),
    ],
    [
      'questions due for review',
      /^Due for review \(/,
      1,
      async () =>
        void (await recordAnswer({
          questionId: 'interview-panel',
          choice: [1],
          correct: false,
          context: 't',
          at: Date.now() - 86_400_000,
        })),
    ],
  ];
  it.each(cases)('%s', async (_name, option, count, arrange) => {
    await arrange();
    const { user } = renderRoute('/practice');
    await screen.findByRole('option', { name: /^Flagged \(\d+\)$/ });
    await startSet(user, option, 'All');
    expect(await screen.findByText(new RegExp(`^Question 1 of ${count}`))).toBeInTheDocument();
  });
});
