import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderRoute } from '../fixtures/render';

afterEach(() => {
  vi.useRealTimers();
});

describe('navigation and landmarks', () => {
  it('has a skip link, a main navigation and a main region on every page', async () => {
    renderRoute('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fixture Study Group' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Areas' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Sessions' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('moves between pages through the main navigation', async () => {
    const { user } = renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Fixture Study Group' });
    await user.click(screen.getByRole('link', { name: 'Areas' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam areas' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Sessions' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sessions' })).toBeInTheDocument();
  });

  it('says a page is not found for an unknown address', async () => {
    renderRoute('/areas/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByText(/This area does not exist/)).toBeInTheDocument();
  });
});

describe('home page', () => {
  it('shows the program, the next session and practice links per area', async () => {
    vi.useFakeTimers({ now: new Date('2027-01-05T12:00:00Z'), toFake: ['Date'] });
    renderRoute('/');
    await screen.findByRole('heading', { level: 1, name: 'Fixture Study Group' });
    const next = screen.getByRole('region', { name: 'Next session' });
    expect(within(next).getByRole('link', { name: 'A Night With the Books' })).toHaveAttribute(
      'href',
      '/sessions/books-night',
    );
    expect(within(next).getByText(/Tue, Jan 12, 2027 at 6:00 PM · 3 hours · Pat Ledger/)).toBeInTheDocument();
    const practise = screen.getByRole('region', { name: 'Practise by area' });
    expect(
      within(practise).getByRole('link', { name: /Money Matters\s*60% of the exam · 3 questions/ }),
    ).toHaveAttribute('href', '/practice/area/money');
  });
});

describe('areas', () => {
  it('lists every area with its weight, sub-areas and question count', async () => {
    renderRoute('/areas');
    await screen.findByRole('heading', { level: 1, name: 'Exam areas' });
    expect(
      screen.getByRole('link', { name: /Money Matters\s*60% of the exam · 2 sub-areas · 3 questions/ }),
    ).toHaveAttribute('href', '/areas/money');
    expect(
      screen.getByRole('link', { name: /People Matters\s*40% of the exam · 1 sub-areas · 2 questions/ }),
    ).toBeInTheDocument();
  });

  it('shows an area with its sub-areas, competencies, question counts and sessions', async () => {
    renderRoute('/areas/money');
    await screen.findByRole('heading', { level: 1, name: 'Money Matters' });
    const books = screen.getByRole('region', { name: /The Books/ });
    expect(within(books).getByText('(30% of the exam)')).toBeInTheDocument();
    expect(within(books).getByText('Keep the ledgers').parentElement).toHaveTextContent('Keep the ledgers 1 question');
    expect(screen.getByRole('link', { name: 'Practise all 3 questions' })).toHaveAttribute(
      'href',
      '/practice/area/money',
    );
    expect(screen.getByRole('link', { name: 'A Night With the Books' })).toHaveAttribute(
      'href',
      '/sessions/books-night',
    );
    expect(screen.getByText('money', { selector: 'strong' })).toBeInTheDocument();
  });
});

describe('sessions', () => {
  it('splits the schedule into upcoming and past, in the program timezone, with total hours', async () => {
    vi.useFakeTimers({ now: new Date('2027-02-01T12:00:00Z'), toFake: ['Date'] });
    renderRoute('/sessions');
    await screen.findByRole('heading', { level: 1, name: 'Sessions' });
    expect(screen.getByText(/2 sessions, 5.5 hours in all \(target 6 hours\)/)).toBeInTheDocument();
    const upcoming = screen.getByRole('region', { name: /Upcoming/ });
    const past = screen.getByRole('region', { name: /Past/ });
    expect(within(upcoming).getByRole('link', { name: 'Hiring Night' })).toBeInTheDocument();
    expect(within(upcoming).getByText(/Mon, Mar 2, 2099, 5:30 PM EST/)).toBeInTheDocument();
    expect(within(past).getByRole('link', { name: 'A Night With the Books' })).toBeInTheDocument();
  });

  it('shows a session with its speaker, time, material and a link to its questions', async () => {
    renderRoute('/sessions/books-night');
    await screen.findByRole('heading', { level: 1, name: 'A Night With the Books' });
    expect(screen.getByText('Pat Ledger, CPA')).toBeInTheDocument();
    expect(screen.getByText('Tue, Jan 12, 2027, 6:00 PM EST')).toBeInTheDocument();
    expect(screen.getByText('Room 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Practise this session's 2 questions" })).toHaveAttribute(
      'href',
      '/practice/session/books-night',
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Trust accounts' })).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
  });
});
