import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { getNewPerDay } from '../../src/db/settings';
import { THEME_KEY } from '../../src/lib/theme';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

const sw = vi.hoisted(() => ({ offlineReady: false, needRefresh: false }));
vi.mock('virtual:pwa-register/react', async () => {
  const { useState } = await import('react');
  return {
    useRegisterSW: () => ({
      offlineReady: useState(sw.offlineReady),
      needRefresh: useState(sw.needRefresh),
      updateServiceWorker: async () => undefined,
    }),
  };
});

beforeEach(async () => {
  await resetDb();
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  sw.offlineReady = false;
  sw.needRefresh = false;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('theme switch', () => {
  it('applies the chosen theme at once and remembers it for the next visit', async () => {
    const first = renderRoute('/settings');
    const theme = await screen.findByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    await first.user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    first.unmount();

    // The next visit opens with the remembered choice.
    const second = renderRoute('/settings');
    const again = await screen.findByRole('group', { name: 'Theme' });
    expect(within(again).getByRole('radio', { name: 'Dark' })).toBeChecked();
    await second.user.click(within(again).getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    await second.user.click(within(again).getByRole('radio', { name: 'System' }));
    // System: no pinned theme, the stylesheet follows the device.
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
  });
});

describe('new questions a day', () => {
  it('stores a number from 0 to 100, refuses others, and goes back to the plan', async () => {
    const { user } = renderRoute('/settings');
    const field = await screen.findByRole('spinbutton', { name: 'New questions a day' });
    expect(screen.getByText(/Set your exam date on Home to get a plan/)).toBeInTheDocument();
    await user.type(field, '12');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: 12 new questions a day.')).toBeInTheDocument();
    expect(await getNewPerDay()).toBe(12);

    await user.clear(field);
    await user.type(field, '101');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter a whole number from 0 to 100/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await getNewPerDay()).toBe(12);

    await user.click(screen.getByRole('button', { name: 'Follow my plan' }));
    expect(await screen.findByText('Saved: you follow your plan.')).toBeInTheDocument();
    expect(await getNewPerDay()).toBeUndefined();
    expect(field).toHaveValue(null);
  });
});

describe('navigation', () => {
  it('lists the other destinations on More and marks More as the current tab there', async () => {
    renderRoute('/more');
    await screen.findByRole('heading', { level: 1, name: 'More' });
    const main = screen.getByRole('main');
    for (const name of ['Areas', 'Sessions', 'Search', 'Group', 'My CE hours', 'Settings'])
      expect(within(main).getByRole('link', { name })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'Settings' })).toHaveAccessibleDescription(
      'Theme and daily new questions',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'More' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('marks the tab of the page shown', async () => {
    renderRoute('/progress');
    await screen.findByRole('heading', { level: 1, name: 'Your progress' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'More' })).not.toHaveAttribute('aria-current');
  });
});

describe('offline and update notices', () => {
  it('lets "ready to work offline" go by itself after a few seconds', async () => {
    vi.useFakeTimers();
    sw.offlineReady = true;
    const { ReloadPrompt, OFFLINE_NOTICE_MS } = await import('../../src/app/reload-prompt');
    render(<ReloadPrompt />);
    expect(screen.getByRole('status')).toHaveTextContent('Ready to work offline.');
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(OFFLINE_NOTICE_MS - 100));
    expect(screen.getByText('Ready to work offline.')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByText('Ready to work offline.')).toBeNull();
  });

  it('keeps the update prompt until the candidate acts on it', async () => {
    vi.useFakeTimers();
    sw.needRefresh = true;
    const { ReloadPrompt } = await import('../../src/app/reload-prompt');
    render(<ReloadPrompt />);
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText('An update is available.')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'Later' }).click());
    expect(screen.queryByText('An update is available.')).toBeNull();
  });
});
