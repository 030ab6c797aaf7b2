// Chromium, restarted after a crash, can refuse the first opens of its store with an
// UnknownError ("Internal error opening backing store"); the app tries again instead of saying
// storage is unavailable. Other failures (blocked storage, a newer version) fail at once.
import { expect, it, vi } from 'vitest';
import { openRetrying, transientOpenError } from '../../src/db/storage';

const unknown = () =>
  Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' });

it('tells the passing refusal, bare or wrapped by Dexie, from other failures', () => {
  expect(transientOpenError(unknown())).toBe(true);
  expect(transientOpenError(Object.assign(new Error('wrapped'), { name: 'OpenFailedError', inner: unknown() }))).toBe(
    true,
  );
  expect(transientOpenError(Object.assign(new Error('no'), { name: 'SecurityError' }))).toBe(false);
  expect(transientOpenError(Object.assign(new Error('old'), { name: 'VersionError' }))).toBe(false);
  expect(transientOpenError(undefined)).toBe(false);
});

it('opens on a later try after passing refusals', async () => {
  const open = vi
    .fn<() => Promise<string>>()
    .mockRejectedValueOnce(unknown())
    .mockRejectedValueOnce(unknown())
    .mockResolvedValue('db');
  await expect(openRetrying(open, [1, 1])).resolves.toBe('db');
  expect(open).toHaveBeenCalledTimes(3);
});

it('gives up after the last pause, with the browser error', async () => {
  const open = vi.fn<() => Promise<string>>().mockRejectedValue(unknown());
  await expect(openRetrying(open, [1, 1])).rejects.toThrow('Internal error opening backing store');
  expect(open).toHaveBeenCalledTimes(3);
});

it('does not try again when storage is refused for good', async () => {
  const open = vi
    .fn<() => Promise<string>>()
    .mockRejectedValue(Object.assign(new Error('denied'), { name: 'SecurityError' }));
  await expect(openRetrying(open, [1, 1])).rejects.toThrow('denied');
  expect(open).toHaveBeenCalledTimes(1);
});
