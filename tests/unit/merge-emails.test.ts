// Emails stay unique after a chapter-file merge that matches members by id: an incoming email
// another member has here is refused by name, and the import never trips the database's
// unique index half way (version 5: members' emailKey).
import { beforeEach, describe, expect, it } from 'vitest';
import { db, storedMember } from '../../src/db/db';
import { importChapterFile } from '../../src/db/chapter';
import { mergeChapter } from '../../src/lib/merge';
import type { ChapterFile, Member } from '../../src/lib/chapter';
import { resetDb } from '../fixtures/db';

const member = (id: string, name: string, email: string, at = 1): Member => ({
  id,
  name,
  email,
  role: 'candidate',
  active: true,
  updatedAt: at,
  fieldsAt: { name: at, email: at, role: at, active: at },
});
/** The member as another device changed it at `at`: these fields only. */
const changed = (m: Member, change: Partial<Member>, at: number): Member => ({
  ...m,
  ...change,
  updatedAt: at,
  fieldsAt: { ...m.fieldsAt, ...Object.fromEntries(Object.keys(change).map((f) => [f, at])) },
});
const file = (members: Member[]): ChapterFile => ({
  kind: 'clm-study-chapter',
  version: 1,
  exportedAt: 0,
  members,
  attendance: [],
  sessionChanges: [],
});

const ann = member('m-2', 'Ann Lee', 'ann@chapter.org');
const bo = member('m-1', 'Bo Park', 'bo@chapter.org');

describe('a merge that matches by id', () => {
  it('keeps the local email when the incoming one belongs to another member, says so, and takes the other fields', () => {
    const r = mergeChapter(
      { members: [ann, bo], attendance: [], sessionChanges: [] },
      file([changed(bo, { email: 'ANN@chapter.org', name: 'Bo Park-Lee' }, 9)]),
    );
    expect(r.members.find((m) => m.id === 'm-1')).toMatchObject({ name: 'Bo Park-Lee', email: 'bo@chapter.org' });
    expect(r.summary.refused).toEqual(['Bo Park: email "ann@chapter.org" not taken, Ann Lee already has it here']);
    expect(r.summary.changes).toEqual(['Bo Park: name "Bo Park-Lee"']);
    expect(new Set(r.members.map((m) => m.email)).size).toBe(2);
  });

  it('refuses an email a member added from the same file already took', () => {
    const r = mergeChapter(
      { members: [bo], attendance: [], sessionChanges: [] },
      file([member('m-9', 'Cy Doe', 'cy@chapter.org', 5), changed(bo, { email: 'cy@chapter.org' }, 9)]),
    );
    expect(r.members.map((m) => m.email).sort()).toEqual(['bo@chapter.org', 'cy@chapter.org']);
    expect(r.summary.refused).toEqual(['Bo Park: email "cy@chapter.org" not taken, Cy Doe already has it here']);
  });
});

describe('importing a chapter file into the database', () => {
  beforeEach(async () => {
    await resetDb();
    await db.members.bulkAdd([ann, bo].map(storedMember));
  });

  const keys = async () => (await db.members.orderBy('id').toArray()).map((m) => [m.id, m.email, m.emailKey]);

  it('stores a refused email change as nothing, and every record stays readable', async () => {
    const summary = await importChapterFile(JSON.stringify(file([changed(bo, { email: 'ann@chapter.org' }, 9)])));
    expect(summary.refused).toHaveLength(1);
    expect(await keys()).toEqual([
      ['m-1', 'bo@chapter.org', 'bo@chapter.org'],
      ['m-2', 'ann@chapter.org', 'ann@chapter.org'],
    ]);
  });

  it('hands an email from one member to another in one import without tripping the unique index', async () => {
    // Ann moved to a new address, then Bo took her old one; m-1 (Bo) is stored before m-2 (Ann).
    const text = JSON.stringify(
      file([changed(ann, { email: 'ann.lee@chapter.org' }, 8), changed(bo, { email: 'ann@chapter.org' }, 9)]),
    );
    const summary = await importChapterFile(text);
    expect(summary).toMatchObject({ updated: 2, refused: [] });
    expect(await keys()).toEqual([
      ['m-1', 'ann@chapter.org', 'ann@chapter.org'],
      ['m-2', 'ann.lee@chapter.org', 'ann.lee@chapter.org'],
    ]);
    // Importing it again changes nothing more.
    expect(await importChapterFile(text)).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await db.members.count()).toBe(2);
  });

  it('settles a duplicate reported by the version-5 upgrade when its member moves to a new email', async () => {
    const dup = { ...member('m-3', 'Ann Lee (work)', 'ann@chapter.org'), emailKey: undefined };
    await db.members.put(dup);
    const summary = await importChapterFile(JSON.stringify(file([changed(dup, { email: 'ann@firm.com' }, 9)])));
    expect(summary.changes).toEqual(['Ann Lee (work): email "ann@firm.com"']);
    expect((await db.members.get('m-3'))?.emailKey).toBe('ann@firm.com');
    expect((await db.members.get('m-2'))?.emailKey).toBe('ann@chapter.org');
  });
});
