// The merge rules of sync: answers are append-only by uid, a submitted attempt is frozen,
// flags and settings go to the latest change (ties to the document, so devices agree), and a
// removed CE entry stays removed.
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_ATTEMPT_EVERY_MS,
  answerFromDoc,
  answerToDoc,
  attemptFromDoc,
  attemptToDoc,
  isRemoved,
  latest,
} from '../../src/lib/sync-merge';
import type { AttemptRecord } from '../../src/db/db';

const T0 = Date.parse('2027-03-01T09:00:00Z');
const local = { id: 7, uid: 'u-1', questionId: 'q-1', choice: [0], correct: true, at: T0, context: 'area:x' };
const { id: _id, ...inDoc } = local;

describe('answers', () => {
  it('go into the document once, without the local id, and are never rewritten', () => {
    expect(answerToDoc(local, undefined)).toEqual(inDoc);
    expect(answerToDoc({ ...local, correct: false }, inDoc)).toBeUndefined();
  });

  it('take a confidence given later, only from none to one', () => {
    expect(answerToDoc({ ...local, confidence: 'easy' }, inDoc)).toEqual({ ...inDoc, confidence: 'easy' });
    expect(answerToDoc({ ...local, confidence: 'easy' }, { ...inDoc, confidence: 'guessed' })).toBeUndefined();
    expect(answerFromDoc({ ...inDoc, confidence: 'easy' }, local)).toBe('confidence');
    expect(answerFromDoc(inDoc, { ...local, confidence: 'easy' })).toBeUndefined();
  });

  it('are added here when this device lacks them, and only then', () => {
    expect(answerFromDoc(inDoc, undefined)).toBe('add');
    expect(answerFromDoc(inDoc, local)).toBeUndefined();
  });
});

const attempt = (over: Partial<AttemptRecord>): AttemptRecord => ({
  id: 'a-1',
  kind: 'exam',
  title: 'Mock exam',
  source: { type: 'exam' },
  seed: 1,
  questionIds: ['q-1', 'q-2'],
  position: 0,
  responses: {},
  marked: [],
  status: 'active',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

describe('attempts', () => {
  const submitted = attempt({ status: 'submitted', updatedAt: T0 + 1000, submittedAt: T0 + 1000 });

  it('a submitted one is frozen: no device overwrites it, every device takes it', () => {
    expect(attemptToDoc(attempt({ updatedAt: T0 + 99_000, position: 1 }), submitted)).toBe(false);
    expect(attemptFromDoc(attempt({ updatedAt: T0 + 99_000 }), submitted)).toBe(false);
    expect(attemptFromDoc(submitted, attempt({ updatedAt: T0 + 99_000 }))).toBe(true);
    expect(attemptToDoc(submitted, attempt({ updatedAt: T0 + 99_000 }))).toBe(true);
  });

  it('one in progress: the later wins; clock ticks alone go at most every 30 s', () => {
    const docs = attempt({});
    expect(attemptToDoc(attempt({ updatedAt: T0 + 1000, position: 1 }), docs)).toBe(true);
    expect(attemptToDoc(attempt({ updatedAt: T0 + 1000, usedMs: 1000 }), docs)).toBe(false);
    expect(attemptToDoc(attempt({ updatedAt: T0 + ACTIVE_ATTEMPT_EVERY_MS }), docs)).toBe(true);
    expect(attemptToDoc(attempt({ updatedAt: T0 - 5000, position: 1 }), docs)).toBe(false);
    expect(attemptFromDoc(attempt({ updatedAt: T0 + 1 }), docs)).toBe(true);
    expect(attemptFromDoc(docs, attempt({ updatedAt: T0 + 1 }))).toBe(false);
    expect(attemptToDoc(docs, undefined)).toBe(true);
    expect(attemptFromDoc(docs, undefined)).toBe(true);
  });
});

describe('flags and settings (latest change wins)', () => {
  it('goes to the document when newer here, comes here when newer there', () => {
    expect(latest({ value: true, at: 2 }, { value: false, at: 1 })).toBe('toDoc');
    expect(latest({ value: true, at: 1 }, { value: false, at: 2 })).toBe('toLocal');
    expect(latest({ value: '2027-06-01', at: 5 }, undefined)).toBe('toDoc');
    expect(latest(undefined, { value: '2027-06-01', at: 5 })).toBe('toLocal');
  });

  it('at the same moment with different values, the document wins on every device', () => {
    expect(latest({ value: 10, at: 0 }, { value: 20, at: 0 })).toBe('toLocal');
    expect(latest({ value: 20, at: 0 }, { value: 20, at: 0 })).toBe('same');
  });

  it('a cleared flag or setting in the document changes nothing where it is absent', () => {
    expect(latest(undefined, { value: false, at: 3 })).toBe('same');
    expect(latest(undefined, { value: null, at: 3 })).toBe('same');
    expect(latest(undefined, undefined)).toBe('same');
  });
});

describe('CE entries', () => {
  it('a removal is marked, and told from an entry', () => {
    expect(isRemoved({ id: 'e-1', deleted: true, at: T0 })).toBe(true);
    expect(
      isRemoved({ id: 'e-1', date: '2027-01-20', title: 'Ethics', hours: 1, category: '', kind: 'self-study' }),
    ).toBe(false);
  });
});
