import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderRoute } from '../fixtures/render';

describe('search', () => {
  it('finds questions and session material offline, highlights the match and links to it', async () => {
    const { user } = renderRoute('/search');
    const box = await screen.findByRole('searchbox', { name: 'Search session material and questions' });
    await user.type(box, 'reconciliation');
    const results = await screen.findByRole('list', { name: 'Results' });
    const link = await within(results).findByRole('link', { name: /three-way trust reconciliation/ });
    expect(link).toHaveAttribute('href', '/practice/area/money?q=trust-three-way');
    expect(within(results).getAllByText(/reconciliation/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('1 result');
  });

  it('searches session material by words in it', async () => {
    renderRoute('/search?q=client%20money');
    const link = await screen.findByRole('link', { name: 'A Night With the Books' });
    expect(link).toHaveAttribute('href', '/sessions/books-night');
  });

  it('shows session material as clean text: no entities, table cells apart', async () => {
    renderRoute('/search?q=reconcile');
    const results = await screen.findByRole('list', { name: 'Results' });
    const item = within(results).getByRole('link', { name: 'A Night With the Books' }).closest('li')!;
    expect(item).toHaveTextContent('Bank 100 Register & ledgers 100 Reconcile the bank, the register & the client');
    expect(item).toHaveTextContent('balance < 0 at once');
    expect(item.textContent).not.toMatch(/&#x|&amp;|&lt;/);
  });

  it('keeps the query in the address, so a result page can be shared or reloaded', async () => {
    renderRoute('/search?q=credits');
    expect(await screen.findByRole('link', { name: /Every journal entry has equal debits/ })).toBeInTheDocument();
  });
});
