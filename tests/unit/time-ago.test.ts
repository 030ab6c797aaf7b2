import { expect, it } from 'vitest';
import { timeAgo } from '../../src/lib/time-ago';

it('says how long ago in minutes, then hours, then the date', () => {
  const now = Date.UTC(2026, 11, 2, 12, 0, 0);
  expect(timeAgo(now - 10_000, now)).toBe('just now');
  expect(timeAgo(now + 5_000, now)).toBe('just now');
  expect(timeAgo(now - 2 * 60_000, now)).toBe('2 min ago');
  expect(timeAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
  expect(timeAgo(now - 3 * 86_400_000, now)).toMatch(/^on Nov 29/);
});
