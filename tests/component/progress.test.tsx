import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { recordAnswer } from '../../src/db/answers';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

beforeEach(async () => {
  await resetDb();
});

async function answerFour() {
  await recordAnswer({ questionId: 'trust-three-way', choice: [0], correct: false, context: 't', ms: 60_000 });
  await recordAnswer({ questionId: 'trust-three-way', choice: [1], correct: true, context: 't', ms: 60_000 });
  await recordAnswer({ questionId: 'ledger-double-entry', choice: [1], correct: false, context: 't', ms: 60_000 });
  await recordAnswer({ questionId: 'i9-section-2', choice: [1], correct: true, context: 't' });
}

describe('progress dashboard', () => {
  it('shows mastery bars per area and sub-area, with competencies folded', async () => {
    await answerFour();
    const { user } = renderRoute('/progress');
    const bars = await screen.findByRole('list', { name: 'Mastery by area and sub-area' });
    // One role query for every link (role queries are slow), then each found by its name.
    const links = within(bars).getAllByRole('link');
    const link = (name: string) => links.find((a) => a.textContent === name)!;
    const line = (name: string) => link(name).closest('.bar-line')!;
    expect(line('Money Matters')).toHaveTextContent('50% right · 2 of 3 answered');
    expect(link('Money Matters')).toHaveAttribute('href', '/practice?source=area%3Amoney');
    expect(line('The Books')).toHaveTextContent('50% right · 2 of 2 answered');
    expect(line('Analysis')).toHaveTextContent('not started · 0 of 1 answered');
    expect(line('People Matters')).toHaveTextContent('100% right · 1 of 2 answered');
    // Competencies are folded under their sub-area until asked for.
    const books = link('The Books').closest('li')!;
    const folded = within(books).getByText('2 competencies').closest('details')!;
    expect(folded).not.toHaveAttribute('open');
    await user.click(within(books).getByText('2 competencies'));
    expect(folded).toHaveAttribute('open');
    expect(line('Keep trust accounts')).toHaveTextContent('100% right · 1 of 1 answered');
  });

  it('shows readiness, coverage, time, streak and the calendar of study days', async () => {
    await answerFour();
    const { user } = renderRoute('/progress');
    const figures = (await screen.findByText('Questions seen')).closest('div')!;
    expect(figures).toHaveTextContent('3 of 5');
    expect(screen.getByText('Time studied').closest('div')).toHaveTextContent('3 min');
    expect(screen.getByText('Daily streak').closest('div')).toHaveTextContent('1 day');
    // Books (30): (1+2)/(2+4) = .5; Analysis (30): .5; Hiring (40): (1+2)/(1+4) = .6 -> 54%.
    expect(screen.getByRole('region', { name: 'Readiness' })).toHaveTextContent('54%');
    expect(screen.getByRole('region', { name: 'Readiness' })).toHaveTextContent(
      /weighted by the sub-area's share of the exam/,
    );
    // The calendar says in words on how many days and how much was studied.
    const days = screen.getByRole('region', { name: 'Study days' });
    expect(days).toHaveTextContent(/Studied on 1 day in the last 12 weeks \(4 answers\)/);
    await user.click(within(days).getByText('Study days in words'));
    expect(within(days).getByRole('listitem')).toHaveTextContent(/: 4 answers, 3 min$/);
  });

  it('updates live after each answer', async () => {
    renderRoute('/progress');
    const seen = (await screen.findByText('Questions seen')).closest('div')!;
    expect(seen).toHaveTextContent('0 of 5');
    await recordAnswer({ questionId: 'i9-section-2', choice: [1], correct: true, context: 't' });
    await within(seen).findByText('1 of 5');
  });
});

describe('home study panel', () => {
  it('shows reviews due and, with an exam date, a daily plan that covers the bank', async () => {
    const { user } = renderRoute('/');
    const panel = await screen.findByRole('region', { name: 'Today' });
    expect(within(panel).getByRole('link', { name: 'Review due (0)' })).toHaveAttribute('href', '/practice?source=due');
    expect(within(panel).getByText(/Set your exam date/)).toBeInTheDocument();
    const date = new Date(Date.now() + 6 * 86_400_000);
    const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const input = within(panel).getByLabelText('Your exam date');
    await user.clear(input);
    await user.type(input, iso);
    // 5 unseen questions over 5 study days (the last day is for review): 1 a day.
    expect(
      await within(panel).findByText(
        '6 days to your exam: 1 new question and 0 reviews today cover the whole bank by then.',
      ),
    ).toBeInTheDocument();
  });

  it('counts a wrongly answered question as due for review', async () => {
    await recordAnswer({
      questionId: 'i9-section-2',
      choice: [0],
      correct: false,
      context: 't',
      at: Date.now() - 86_400_000,
    });
    renderRoute('/');
    const panel = await screen.findByRole('region', { name: 'Today' });
    expect(await within(panel).findByRole('link', { name: 'Review due (1)' })).toBeInTheDocument();
  });
});
