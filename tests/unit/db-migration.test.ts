import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ClmDatabase } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { db, ROSTER_DUPLICATES } from '../../src/db/db';

const m = (id: string, name: string, email: string, updatedAt: number) => ({
  id,
  name,
  email,
  role: 'candidate',
  active: true,
  updatedAt,
});

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

  it('makes emails unique in version 5, reporting duplicates it finds instead of failing', async () => {
    const dbName = `migrate-v4-${Math.random()}`;
    const old = new Dexie(dbName);
    old.version(4).stores({
      answers: '++id, questionId, at, [questionId+at]',
      cards: 'questionId, due',
      attempts: 'id, [kind+status], updatedAt',
      flags: 'questionId',
      settings: 'key',
      progress: 'questionId, wrong, firstAt',
      days: 'day',
      members: 'id, email',
      attendance: 'id, sessionId, memberId',
      sessionChanges: 'sessionId',
      education: 'id, date',
    });
    await old
      .table('members')
      .bulkAdd([
        m('a', 'Ann Lee', 'ann@x.org', 1),
        m('b', 'Ann Again', 'ann@x.org', 2),
        m('c', 'Bo Park', 'bo@x.org', 1),
      ]);
    old.close();

    const upgraded = new ClmDatabase(dbName);
    expect(await upgraded.members.count()).toBe(3);
    expect((await upgraded.members.get('a'))?.emailKey).toBe('ann@x.org');
    expect((await upgraded.members.get('b'))?.emailKey).toBeUndefined();
    expect((await upgraded.settings.get(ROSTER_DUPLICATES))?.value).toEqual([
      { email: 'ann@x.org', memberId: 'b', name: 'Ann Again', keptName: 'Ann Lee' },
    ]);
    // From now on the database itself refuses a second member with the same email.
    await expect(
      upgraded.members.add({ ...m('d', 'Bo Two', 'bo@x.org', 3), role: 'candidate', emailKey: 'bo@x.org' }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    upgraded.close();
  });
});
