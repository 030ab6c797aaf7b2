import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import type { StoredCard } from '../../src/lib/review';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

beforeEach(async () => {
  await resetDb();
});

/** Noon, local time, `offset` days from today. */
function noon(offset: number): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, 12).getTime();
}

function card(questionId: string, due: number): StoredCard {
  return {
    questionId,
    due,
    stability: 3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
  };
}

describe('review forecast', () => {
  it('shows the reviews due on each of the next 7 days, overdue ones today, and follows new cards live', async () => {
    await db.cards.bulkPut([
      card('trust-three-way', noon(-3)),
      card('ledger-double-entry', noon(1)),
      card('i9-section-2', noon(3)),
      card('budget-variance', noon(3)),
      card('interview-questions', noon(9)), // beyond the week
    ]);
    renderRoute('/progress');
    const list = await screen.findByRole('list', { name: 'Reviews due each day' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(7);
    // Short day names on screen, full ones for screen readers, then the count.
    const long = (offset: number) =>
      new Date(noon(offset)).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
    expect(items[0]).toHaveTextContent(`Today ${long(0)}:1 review`);
    expect(items[1]).toHaveTextContent(`Tomorrow ${long(1)}:1 review`);
    expect(items[2]).toHaveTextContent(/0 reviews$/);
    expect(items[3]).toHaveTextContent(/2 reviews$/);
    const section = screen.getByRole('region', { name: 'Reviews coming up' });
    expect(section).toHaveTextContent('4 reviews in the next 7 days, 1 of them today (overdue ones included).');

    await db.cards.put(card('interview-questions', noon(0)));
    await within(list).findByText((_, el) => el?.tagName === 'LI' && /^Today.*:2 reviews$/.test(el.textContent ?? ''));
  });

  it('says when nothing falls due', async () => {
    renderRoute('/progress');
    expect(await screen.findByText('Nothing falls due in the next 7 days.')).toBeInTheDocument();
  });
});
