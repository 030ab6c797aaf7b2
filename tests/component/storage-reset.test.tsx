// A browser may clear the app's database (Chromium deletes one it finds damaged after a crash;
// browsers evict storage to free space). The next visit says so and points to the backup,
// instead of showing an empty app as if it were a first visit.
import { expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { db } from '../../src/db/db';
import { DB_SEEN_KEY } from '../../src/db/storage';
import { renderRoute } from '../fixtures/render';

const message = /This browser cleared CLM Study's storage on this device/;

it('a first visit says nothing about cleared storage', async () => {
  localStorage.removeItem(DB_SEEN_KEY);
  await db.delete();
  await db.open();
  renderRoute('/settings');
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  expect(screen.queryByText(message)).not.toBeInTheDocument();
  expect(localStorage.getItem(DB_SEEN_KEY)).not.toBeNull();
});

it('a database created afresh on a device that had one says storage was cleared, with the way to restore', async () => {
  expect(localStorage.getItem(DB_SEEN_KEY)).not.toBeNull();
  db.close();
  await db.delete();
  await db.open();
  renderRoute('/');
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Restore your last backup' })).toHaveAttribute('href', '/settings');
});
