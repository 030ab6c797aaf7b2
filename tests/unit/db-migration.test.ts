import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ClmDatabase } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { db } from '../../src/db/db';

describe('database versions', () => {
  it('builds the progress summaries from the answers of a version-2 database', async () => {
    const name = `migrate-${Math.random()}`;
    const old = new Dexie(name);
    old.version(2).stores({
      answers: '++id, questionId, at, [questionId+at]',
      cards: 'questionId, due',
      attempts: 'id, [kind+status], updatedAt',
      flags: 'questionId',
      settings: 'key',
    });
    await old.table('answers').bulkAdd([
      {
        questionId: 'q1',
        choice: [0],
        correct: false,
        at: Date.parse('2027-01-10T10:00:00'),
        context: 'x',
        ms: 30_000,
      },
      { questionId: 'q1', choice: [1], correct: true, at: Date.parse('2027-01-11T10:00:00'), context: 'x', ms: 20_000 },
      { questionId: 'q2', choice: [1], correct: true, at: Date.parse('2027-01-11T11:00:00'), context: 'x' },
    ]);
    old.close();

    const upgraded = new ClmDatabase(name);
    expect(await upgraded.answers.count()).toBe(3);
    expect(await upgraded.progress.get('q1')).toEqual({
      questionId: 'q1',
      answers: 2,
      rights: 1,
      lastCorrect: true,
      wrong: 0,
      lastAt: Date.parse('2027-01-11T10:00:00'),
      firstAt: Date.parse('2027-01-10T10:00:00'),
    });
    expect(await upgraded.days.get('2027-01-11')).toEqual({ day: '2027-01-11', answers: 2, ms: 20_000 });
    upgraded.close();
  });

  it('keeps the summaries in step with every recorded answer, in one transaction', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await recordAnswer({ questionId: 'q9', choice: [2], correct: false, context: 'x', ms: 999_999 });
    await recordAnswer({ questionId: 'q9', choice: [1], correct: true, context: 'x', ms: 1000 });
    const p = (await db.progress.get('q9'))!;
    expect(p).toMatchObject({ answers: 2, rights: 1, lastCorrect: true });
    const days = await db.days.toArray();
    // Time per answer is capped at five minutes.
    expect(days).toEqual([expect.objectContaining({ answers: 2, ms: 300_000 + 1000 })]);
    expect(await db.cards.get('q9')).toBeDefined();
  });
});
