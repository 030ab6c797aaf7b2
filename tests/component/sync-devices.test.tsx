// Settings' sync section, signed in: who, the status line, the person's devices with this one
// marked, and signing another device out only once the server confirms (and back, said, when it
// does not); a link and QR code for another device; a device the server refuses says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { getAccount, saveAccount } from '../../src/db/account';
import { resetDb } from '../fixtures/db';
import { fakeSync } from '../fixtures/fake-sync';
import { renderRoute } from '../fixtures/render';
import { ACCOUNT, DEVICES, ME, json, mockApi, noContent, type Handler } from '../fixtures/sync-api';

vi.mock('../../src/sync/index', () => import('../fixtures/fake-sync'));

beforeEach(async () => {
  await resetDb();
  fakeSync.reset();
  await saveAccount(ACCOUNT);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const api = (more: Record<string, Handler> = {}) =>
  mockApi({ 'GET /api/me': () => json(ME), 'GET /api/devices': () => json(DEVICES), ...more });

const openSync = async () => {
  const view = renderRoute('/settings');
  const section = await screen.findByRole('region', { name: 'Sync across your devices' });
  return { ...view, section };
};

describe('Settings: sync, signed out', () => {
  it('says what sync does and that it needs an invite link, and that the app works without it', async () => {
    const { clearAccount } = await import('../../src/db/account');
    await clearAccount();
    const calls = mockApi({});
    const { section } = await openSync();
    expect(await within(section).findByText(/Signing in needs an invite link from your chapter/)).toBeInTheDocument();
    expect(within(section).getByText(/the app works just the same/)).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

describe('Settings: sync, signed in', () => {
  it('shows who, the chapter, and the status: synced, when, changes waiting', async () => {
    api();
    fakeSync.set({ state: 'synced', lastSyncedAt: Date.now() - 2 * 60_000, pending: 3 });
    const { section } = await openSync();
    expect(await within(section).findByText(/with Greater Chicago/)).toBeInTheDocument();
    expect(within(section).getByText('Dana Whitfield')).toBeInTheDocument();
    expect(within(section).getByText(/Last synced 2 min ago/)).toBeInTheDocument();
    expect(within(section).getByText(/3 changes waiting/)).toBeInTheDocument();
    fakeSync.set({ state: 'offline', lastSyncedAt: Date.now() - 2 * 60_000, pending: 1 });
    expect(await within(section).findByText('Offline')).toBeInTheDocument();
    expect(within(section).getByText(/1 change waiting/)).toBeInTheDocument();
  });

  it('lists the devices with this one marked, and signs another out once the server confirms', async () => {
    let confirm: (r: Response) => void = () => undefined;
    const calls = api({ 'DELETE /api/devices/d-laptop': () => new Promise<Response>((r) => (confirm = r)) });
    const { user, section } = await openSync();
    const list = await within(section).findByRole('list', { name: 'Your devices' });
    const [phone, laptop] = within(list).getAllByRole('listitem');
    expect(phone).toHaveTextContent('Chrome on Android');
    expect(within(phone as HTMLElement).getByText('This device')).toBeInTheDocument();
    expect(within(phone as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    expect(laptop).not.toHaveTextContent('This device');

    await user.click(within(laptop as HTMLElement).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    // Until the server answers, the device stays listed.
    expect(within(list).getByText('Firefox on Windows')).toBeInTheDocument();
    expect(within(laptop as HTMLElement).getByRole('button', { name: 'Sign out Firefox on Windows' })).toBeDisabled();
    confirm(noContent());
    await waitFor(() => expect(within(list).queryByText('Firefox on Windows')).not.toBeInTheDocument());
    // Its button gone, focus goes to what happened.
    expect(within(section).getByText(/"Firefox on Windows" is signed out/)).toHaveFocus();
    const revoke = calls.find((c) => c.method === 'DELETE');
    expect(revoke).toMatchObject({ path: '/api/devices/d-laptop', authorization: 'Bearer token-phone' });
  });

  it('keeps the device listed and says why when the server refuses or cannot be reached', async () => {
    let reachable = true;
    api({
      'DELETE /api/devices/d-laptop': () =>
        reachable ? json({ error: 'That device is not one of yours.' }, 403) : Promise.reject(new TypeError('offline')),
    });
    const { user, section } = await openSync();
    const list = await within(section).findByRole('list', { name: 'Your devices' });
    const signOut = within(list).getByRole('button', { name: 'Sign out Firefox on Windows' });
    await user.click(signOut);
    expect(
      await within(section).findByText(/is still signed in\. That device is not one of yours\./),
    ).toBeInTheDocument();
    expect(within(list).getByText('Firefox on Windows')).toBeInTheDocument();
    expect(signOut).toBeEnabled();

    reachable = false;
    await user.click(signOut);
    expect(await within(section).findByText(/is still signed in\. .*seems to be offline/)).toBeInTheDocument();
    expect(within(list).getByText('Firefox on Windows')).toBeInTheDocument();
  });

  it('makes a one-time link for another device, with a QR code and a copy button', async () => {
    const url = 'http://localhost:4173/join#code=link-xyz';
    const calls = api({ 'POST /api/link': () => json({ url, expiresAt: Date.now() + 15 * 60_000 }) });
    const { user, section } = await openSync();
    await user.click(await within(section).findByRole('button', { name: 'Add another device' }));
    expect(await within(section).findByRole('textbox', { name: 'One-time link' })).toHaveValue(url);
    expect(await within(section).findByRole('img', { name: 'QR code of the one-time link' })).toBeInTheDocument();
    expect(within(section).getByText(/Valid until .*, for one device/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Copy link' }));
    // user-event puts a clipboard in place of the browser's.
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(within(section).getByText(/Link copied/)).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/link')).toMatchObject({
      method: 'POST',
      authorization: 'Bearer token-phone',
    });
  });

  it('a device the server signed out says so plainly, keeps its data, and offers to sign in again', async () => {
    const message =
      'This device was signed out on the server. Your data on this device is kept; sign in again to sync.';
    api({ 'GET /api/me': () => json({ error: 'This device was signed out (revoked).' }, 401) });
    fakeSync.set({ state: 'refused', pending: 0, message });
    const { user, section } = await openSync();
    expect(await within(section).findByRole('alert')).toHaveTextContent(message);
    await user.click(within(section).getByRole('button', { name: 'Sign in again' }));
    expect(await within(section).findByText(/open a new link here/)).toBeInTheDocument();
    expect(await getAccount()).toBeUndefined();
    expect(fakeSync.stopped).toBeGreaterThan(0);
  });
});
