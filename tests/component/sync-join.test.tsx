// /join#code=...: the code leaves the address bar at once; signing in stores the account only
// once the server accepted the code; a used link shows the server's own message and a way
// forward; an offline device says so and can try the same link again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { getAccount } from '../../src/db/account';
import { resetDb } from '../fixtures/db';
import { fakeSync } from '../fixtures/fake-sync';
import { renderRoute } from '../fixtures/render';
import { ACCOUNT, DEVICES, ME, PERSON, json, mockApi } from '../fixtures/sync-api';

vi.mock('../../src/sync/index', () => import('../fixtures/fake-sync'));

const USED = 'This invite link has been used or has expired. Ask for a new one.';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';

beforeEach(async () => {
  await resetDb();
  fakeSync.reset();
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ANDROID);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const enrolled = () => json({ token: 'token-new', person: PERSON, device: { id: 'd-new', label: 'My phone' } });

describe('signing in with a link', () => {
  it('takes the code out of the address bar, signs in with the name given, and lands on Settings', async () => {
    const calls = mockApi({
      'POST /api/enrol': enrolled,
      'GET /api/me': () => json(ME),
      'GET /api/devices': () => json(DEVICES),
    });
    const { user, router } = renderRoute('/join#code=abc123');
    const name = await screen.findByRole('textbox', { name: 'Name of this device' });
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(name).toHaveValue('Chrome on Android');
    await user.clear(name);
    await user.type(name, 'My phone');
    await user.click(screen.getByRole('button', { name: 'Sign in on this device' }));

    const section = await screen.findByRole('region', { name: 'Sync across your devices' });
    expect(router.state.location.pathname).toBe('/settings');
    const hello = await within(section).findByText(/^This device is signed in\./);
    expect(hello).toHaveFocus();
    // Said once: a reload of Settings does not say it again.
    await waitFor(() => expect(router.state.location.state).toBeNull());
    expect(router.state.location).toMatchObject({ pathname: '/settings', hash: '#sync' });
    expect(within(section).getByText(PERSON.name)).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/enrol', body: { code: 'abc123', label: 'My phone' } });
    expect(await getAccount()).toMatchObject({ token: 'token-new', person: PERSON, device: { id: 'd-new' } });
    expect(fakeSync.started).toBeGreaterThan(0);
  });

  it("shows the server's message for a used link, stores nothing and offers a way forward", async () => {
    mockApi({ 'POST /api/enrol': () => json({ error: USED }, 400) });
    const { user } = renderRoute('/join#code=spent');
    await user.click(await screen.findByRole('button', { name: 'Sign in on this device' }));
    // The form's (empty) alert gives way to the server's sentence.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(USED));
    expect(screen.queryByRole('button', { name: 'Sign in on this device' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Keep studying' })).toHaveAttribute('href', '/');
    expect(await getAccount()).toBeUndefined();
    expect(fakeSync.started).toBe(0);
  });

  it('says an offline device is offline, keeps the form, and signs in on a second try', async () => {
    let online = false;
    mockApi({ 'POST /api/enrol': () => (online ? enrolled() : Promise.reject(new TypeError('Failed to fetch'))) });
    const { user } = renderRoute('/join#code=abc123');
    const button = await screen.findByRole('button', { name: 'Sign in on this device' });
    await user.click(button);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/seems to be offline/));
    expect(await getAccount()).toBeUndefined();

    online = true;
    mockApi({ 'POST /api/enrol': enrolled, 'GET /api/me': () => json(ME), 'GET /api/devices': () => json(DEVICES) });
    await user.click(screen.getByRole('button', { name: 'Sign in on this device' }));
    await screen.findByRole('region', { name: 'Sync across your devices' });
    expect(await getAccount()).toMatchObject({ token: 'token-new' });
  });

  it('says so when the link has no code, without asking the server', async () => {
    const calls = mockApi({});
    renderRoute('/join');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has no sign-in code in it.');
    expect(calls).toEqual([]);
  });

  it('a device already signed in is not signed in again', async () => {
    const { saveAccount } = await import('../../src/db/account');
    await saveAccount(ACCOUNT);
    const calls = mockApi({});
    renderRoute('/join#code=abc123');
    expect(await screen.findByText(/This device is already signed in as/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in on this device' })).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
