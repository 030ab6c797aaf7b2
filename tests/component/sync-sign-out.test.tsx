// Signing this device out: the server is told (its token refused from then on), and the data on
// the device is kept, or removed after a confirmation, as the person chooses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { getAccount, saveAccount } from '../../src/db/account';
import { recordAnswer } from '../../src/db/answers';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { fakeSync } from '../fixtures/fake-sync';
import { renderRoute } from '../fixtures/render';
import { ACCOUNT, DEVICES, ME, json, mockApi, noContent } from '../fixtures/sync-api';

vi.mock('../../src/sync/index', () => import('../fixtures/fake-sync'));

beforeEach(async () => {
  await resetDb();
  fakeSync.reset();
  await saveAccount(ACCOUNT);
  await recordAnswer({ questionId: 'trust-three-way', choice: [0], correct: false, context: 'test', at: Date.now() });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const openSignOut = async (deleteOwn: () => Response | Promise<Response> = noContent) => {
  const calls = mockApi({
    'GET /api/me': () => json(ME),
    'GET /api/devices': () => json(DEVICES),
    'DELETE /api/devices/d-phone': deleteOwn,
  });
  const view = renderRoute('/settings');
  const section = await screen.findByRole('region', { name: 'Sync across your devices' });
  await view.user.click(await within(section).findByRole('button', { name: 'Sign out of this device' }));
  return { ...view, section, calls };
};

describe('signing this device out', () => {
  it('keeps the data on this device when asked to (the default)', async () => {
    const { user, section, calls } = await openSignOut();
    const keep = within(section).getByRole('radio', { name: /Keep my data on this device/ });
    expect(keep).toBeChecked();
    await user.click(within(section).getByRole('button', { name: 'Sign out' }));
    const done = await within(section).findByText(/This device is signed out\. Your data stays on it/);
    await waitFor(() => expect(done).toHaveFocus());
    expect(await getAccount()).toBeUndefined();
    expect(await db.answers.count()).toBe(1);
    expect(fakeSync.stopped).toBeGreaterThan(0);
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ path: '/api/devices/d-phone' });
  });

  it('removes the data only after a confirmation, and names changes not yet on the server', async () => {
    fakeSync.set({ state: 'offline', pending: 2, lastSyncedAt: Date.now() - 60_000 });
    const { user, section } = await openSignOut();
    await user.click(within(section).getByRole('radio', { name: /Remove my data from this device/ }));
    expect(within(section).getByText(/2 changes on this device have not reached the server yet/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Sign out' }));
    // Nothing is removed before the confirmation.
    expect(await db.answers.count()).toBe(1);
    expect(await getAccount()).toBeDefined();
    await user.click(within(section).getByRole('button', { name: 'Remove data and sign out' }));
    expect(await within(section).findByText(/signed out and the app’s data on it is removed/)).toBeInTheDocument();
    expect(await getAccount()).toBeUndefined();
    expect(await db.answers.count()).toBe(0);
  });

  it('a confirmation can be cancelled, and nothing changes', async () => {
    const { user, section, calls } = await openSignOut();
    await user.click(within(section).getByRole('radio', { name: /Remove my data from this device/ }));
    await user.click(within(section).getByRole('button', { name: 'Sign out' }));
    await user.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(within(section).getByRole('button', { name: 'Sign out of this device' })).toBeInTheDocument();
    expect(await getAccount()).toBeDefined();
    expect(await db.answers.count()).toBe(1);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
  });

  it('signs out offline too, and says the server could not be told', async () => {
    const { user, section } = await openSignOut(() => Promise.reject(new TypeError('Failed to fetch')));
    await user.click(within(section).getByRole('button', { name: 'Sign out' }));
    expect(await within(section).findByText(/The server could not be told/)).toBeInTheDocument();
    expect(await getAccount()).toBeUndefined();
    expect(await db.answers.count()).toBe(1);
  });
});
