// Importing a chapter file through the data layer (fake-indexeddb): a bad file is refused whole
// and leaves every table exactly as it was, compared as a full dump; a good file still merges.
import { beforeEach, describe, expect, it } from 'vitest';
import { db, storedMember } from '../../src/db/db';
import { dumpAll } from '../../src/db/backup';
import { importChapterFile } from '../../src/db/chapter';
import { importChapter } from '../../src/features/chapter/data';
import { content } from '../../src/content/runtime';
import { ImportRefused, IMPORT_MAX_BYTES } from '../../src/lib/import-problems';
import { resetDb } from '../fixtures/db';

const ann = { id: 'a', name: 'Ann Lee', email: 'ann@x.org', role: 'candidate', active: true, updatedAt: 5 };
const annAt = { id: 'books-night|a', sessionId: 'books-night', memberId: 'a', present: true, hours: 3, updatedAt: 5 };
const file = (parts: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: 'clm-study-chapter',
    version: 1,
    exportedAt: 9,
    members: [{ ...ann, name: 'Ann Lee-Park', updatedAt: 9, fieldsAt: { name: 9 } }],
    attendance: [{ ...annAt, id: 'hiring-night|a', sessionId: 'hiring-night', hours: 2, updatedAt: 9 }],
    sessionChanges: [{ sessionId: 'hiring-night', location: 'Room 9', updatedAt: 9 }],
    ...parts,
  });

beforeEach(async () => {
  await resetDb();
  await db.members.bulkAdd([storedMember({ ...ann, role: 'candidate' })]);
  await db.attendance.add(annAt);
  await db.sessionChanges.add({ sessionId: 'books-night', location: 'Room 2', revision: 1, updatedAt: 5 });
  await db.settings.put({ key: 'me', value: 'a' });
});

const hostile = [
  ['an object as a member name', file({ members: [{ ...ann, name: { x: 1 }, updatedAt: 9 }] })],
  ['"not-a-date"', file({ sessionChanges: [{ sessionId: 'hiring-night', date: 'not-a-date', updatedAt: 9 }] })],
  ['hours "3" as text', file({ attendance: [{ ...annAt, hours: '3', updatedAt: 9 }] })],
  ["hours over the session's", file({ attendance: [{ ...annAt, hours: 4, updatedAt: 9 }] })],
  ['a far-future updatedAt', file({ members: [{ ...ann, updatedAt: Date.parse('2099-01-01') }] })],
  ['an unknown role', file({ members: [{ ...ann, role: 'owner', updatedAt: 9 }] })],
  ['a missing session', file({ attendance: [{ ...annAt, sessionId: 'gone', updatedAt: 9 }] })],
  ['a __proto__ key', file().replace('"kind"', '"__proto__":{"admin":true},"kind"')],
  ['a good member and a bad attendance record', file({ attendance: [{ ...annAt, present: 'yes', updatedAt: 9 }] })],
  ['a truncated file', file().slice(0, -20)],
] as const;

describe('a bad chapter file', () => {
  it.each(hostile)('with %s is refused and leaves the database exactly as it was', async (_, text) => {
    const before = await dumpAll();
    const refused = await importChapterFile(text, 'bad.json', content.sessions).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).problems.length).toBeGreaterThan(0);
    expect(await dumpAll()).toEqual(before);
  });

  it('over 10 MB is refused before it is read', async () => {
    const before = await dumpAll();
    const big = new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], 'big.json', { type: 'application/json' });
    await expect(importChapter(big)).rejects.toThrow('The file is over 10 MB');
    expect(await dumpAll()).toEqual(before);
  });
});

describe('a good chapter file', () => {
  it('still merges: the rename, the attendance and the room change, and importing it twice changes nothing', async () => {
    const summary = await importChapter(new File([file()], 'chapter.json', { type: 'application/json' }));
    expect(summary.changes).toEqual([
      'Ann Lee: name "Ann Lee-Park"',
      'Ann Lee-Park at hiring-night: present, 2 h',
      'Session hiring-night changed',
    ]);
    expect(await db.members.get('a')).toMatchObject({ name: 'Ann Lee-Park', emailKey: 'ann@x.org' });
    expect((await db.attendance.get('hiring-night|a'))?.hours).toBe(2);
    expect((await db.sessionChanges.get('hiring-night'))?.location).toBe('Room 9');
    const after = await dumpAll();
    expect(await importChapterFile(file(), 'chapter.json', content.sessions)).toMatchObject({ added: 0, updated: 0 });
    expect(await dumpAll()).toEqual(after);
  });
});
