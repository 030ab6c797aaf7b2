// On a first visit there is no database: Progress and the Practice hub show a device that has
// studied nothing, without opening (and so creating) the database.
import { expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { db } from '../../src/db/db';
import { renderRoute } from '../fixtures/render';

const hasDatabase = async () => (await indexedDB.databases()).some((d) => d.name === 'clm-study');

it('Progress on a device without a database shows nothing studied and creates no database', async () => {
  await db.delete({ disableAutoOpen: false });
  expect(await hasDatabase()).toBe(false);
  renderRoute('/progress');
  expect(await screen.findByRole('list', { name: 'Mastery by area and sub-area' })).toBeInTheDocument();
  expect(screen.getByText('Questions seen').nextElementSibling).toHaveTextContent(/^0 of \d+$/);
  expect(screen.getByText(/No mock exam yet/)).toBeInTheDocument();
  expect(await hasDatabase()).toBe(false);
});

it('the Practice hub on a device without a database counts every question as never seen, and starting a set creates it', async () => {
  await db.delete({ disableAutoOpen: false });
  const { user } = renderRoute('/practice');
  const never = await screen.findByRole('button', { name: /Never seen.*\d+ questions/ });
  expect(screen.getByRole('button', { name: /Due for review/ })).toHaveTextContent('0 questions');
  expect(await hasDatabase()).toBe(false);
  await user.click(never);
  expect(await screen.findByRole('heading', { level: 2, name: /^Question 1 of \d+$/ })).toBeInTheDocument();
  expect(await hasDatabase()).toBe(true);
  expect(await db.attempts.count()).toBe(1);
});

it('a session page on a device without a database shows the season as planned and creates none; with one, its changes', async () => {
  await db.delete({ disableAutoOpen: false });
  const first = renderRoute('/sessions/books-night');
  await screen.findByRole('heading', { level: 1, name: 'A Night With the Books' });
  expect(await screen.findByText('Room 1')).toBeInTheDocument();
  expect(await hasDatabase()).toBe(false);
  first.unmount();

  await db.sessionChanges.put({ sessionId: 'books-night', location: 'Room 7', updatedAt: Date.now() });
  renderRoute('/sessions/books-night');
  expect(await screen.findByText('Room 7')).toBeInTheDocument();
});

it('the app start looks for a signed-in account without creating a database on a device that has none', async () => {
  await db.delete({ disableAutoOpen: false });
  // A fresh app start: no module has opened the database in this page yet.
  vi.resetModules();
  const { ensureSyncStarted, syncStatus } = await import('../../src/sync');
  await ensureSyncStarted();
  expect(syncStatus.get()).toBeUndefined();
  expect(await hasDatabase()).toBe(false);
});
