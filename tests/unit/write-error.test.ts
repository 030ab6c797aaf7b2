import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { classifyWriteError, writeFailureMessage } from '../../src/lib/write-error';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyWriteError', () => {
  it('recognises a full disk however the browser or Dexie reports it', () => {
    expect(classifyWriteError(quota())).toBe('full');
    expect(classifyWriteError(new Dexie.QuotaExceededError('Quota exceeded'))).toBe('full');
    // A transaction aborted because one of its writes did not fit: Dexie's AbortError wraps it.
    expect(classifyWriteError(new Dexie.AbortError('Transaction aborted', quota()))).toBe('full');
    expect(
      classifyWriteError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() })),
    ).toBe('full');
    // A bulk write whose records failed for lack of space.
    expect(classifyWriteError(new Dexie.BulkError('1 of 2 failed', [quota()]))).toBe('full');
    // Firefox's name, and the legacy code of QUOTA_EXCEEDED_ERR.
    expect(classifyWriteError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' })).toBe('full');
    expect(classifyWriteError({ name: 'Error', code: 22, message: 'x' })).toBe('full');
    expect(classifyWriteError(new Error('x', { cause: quota() }))).toBe('full');
  });

  it('tells storage that cannot be used from other failures', () => {
    expect(classifyWriteError(new Dexie.DatabaseClosedError('closed'))).toBe('unavailable');
    expect(classifyWriteError(new Dexie.OpenFailedError('blocked'))).toBe('unavailable');
    expect(classifyWriteError(new DOMException('insecure', 'SecurityError'))).toBe('unavailable');
    // An abort for any other reason is not a full disk.
    expect(classifyWriteError(new Dexie.AbortError('Transaction aborted'))).toBe('other');
    expect(classifyWriteError(new Dexie.ConstraintError('Key already exists'))).toBe('other');
    expect(classifyWriteError(new Error('the exam is no longer on this device'))).toBe('other');
    expect(classifyWriteError('a string')).toBe('other');
    expect(classifyWriteError(undefined)).toBe('other');
    expect(classifyWriteError(null)).toBe('other');
  });

  it('does not loop on an error that wraps itself', () => {
    const e = Object.assign(new Error('loop'), { inner: undefined as unknown });
    e.inner = e;
    expect(classifyWriteError(e)).toBe('other');
  });
});

describe('writeFailureMessage', () => {
  it('says storage is full, what was not saved and what to do', () => {
    expect(writeFailureMessage(new Dexie.AbortError('Transaction aborted', quota()), 'this answer was not saved')).toBe(
      'Storage on this device is full: this answer was not saved. Export your data in Settings, then free some space.',
    );
    expect(writeFailureMessage(quota(), 'these hours were not logged')).toBe(
      'Storage on this device is full: these hours were not logged. Export your data in Settings, then free some space.',
    );
  });

  it('says when storage cannot be used, and asks for a reload', () => {
    expect(writeFailureMessage(new Dexie.DatabaseClosedError('closed'), 'this flag was not saved')).toBe(
      'Storage on this device cannot be used right now: this flag was not saved. Reload the page and try again.',
    );
  });

  it('gives any other failure its own reason, never the network', () => {
    expect(writeFailureMessage(new Error('the exam is no longer on this device'), 'your answer was not saved')).toBe(
      'Your answer was not saved: the exam is no longer on this device.',
    );
    expect(writeFailureMessage(new Error('Enter a name.'), 'this member was not added')).toBe(
      'This member was not added: Enter a name.',
    );
    expect(writeFailureMessage(undefined, 'nothing was imported')).toBe(
      'Nothing was imported: something went wrong on this device. Try again.',
    );
    for (const err of [new Error(''), new TypeError('x is undefined'), 'odd', { message: 42 }])
      expect(writeFailureMessage(err, 'this flag was not saved')).not.toMatch(/network|offline|connection/i);
  });
});
