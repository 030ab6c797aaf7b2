import { beforeEach, describe, expect, it, vi } from 'vitest';
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
    let links = within(bars).getAllByRole('link');
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
    links = within(bars).getAllByRole('link');
    expect(line('Keep trust accounts')).toHaveTextContent('100% right · 1 of 1 answered');
  });

  it('shows readiness, coverage, time, streak and the calendar of study days', async () => {
    await answerFour();
    const { user } = renderRoute('/progress');
    const figures = (await screen.findByText('Questions seen')).closest('div')!;
    expect(figures).toHaveTextContent('3 of 5');
    expect(screen.getByText('Time studied').closest('div')).toHaveTextContent('3 min');
    expect(screen.getByText('Daily streak').closest('div')).toHaveTextContent('1 day');
    // Three answers are far below the stated minimum: no figure, a plain "not enough yet".
    const readiness = screen.getByRole('region', { name: 'Readiness' });
    expect(readiness).toHaveTextContent(/Not enough answers yet: 3 of 50/);
    expect(readiness).not.toHaveTextContent(/best estimate/);
    // Explained in the page's lede, which describes the readiness card.
    expect(readiness).toHaveAccessibleDescription(/weighted by the sub-area's share of the exam/);
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
  it('with nothing due, leads with new questions; with an exam date, states a daily rate', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2027, 2, 1, 9, 0));
    const { user } = renderRoute('/');
    // The first-visit card holds the place until the live panel has read this device's figures.
    await screen.findByText('No reviews due today.');
    const panel = screen.getByRole('region', { name: 'Today' });
    expect(within(panel).queryByRole('link', { name: /Review/ })).toBeNull();
    expect(within(panel).getByText('No reviews due today.')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'New questions (5)' })).toHaveAttribute(
      'href',
      '/practice?source=new',
    );
    expect(within(panel).getByText(/Set your exam date/)).toBeInTheDocument();
    const input = within(panel).getByLabelText('Your exam date');
    await user.clear(input);
    await user.type(input, '2027-03-07');
    // 5 unseen questions over 5 study days (the last day is for review): 1 a day, done by Mar 5.
    expect(
      await within(panel).findByText(
        'About 1 new question a day, plus reviews, covers the bank by Mar 5. Today: 0 of 1 done.',
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: "Start today's 1 new" })).toBeInTheDocument();
    vi.useRealTimers();
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
    // The first-visit card holds the place until the live panel has read this device's figures.
    await screen.findByRole('link', { name: 'Review 1 due' });
    const panel = screen.getByRole('region', { name: 'Today' });
    expect(within(panel).getByRole('link', { name: 'Review 1 due' })).toHaveAttribute('href', '/practice?source=due');
    expect(within(panel).queryByText('No reviews due today.')).toBeNull();
  });
});
