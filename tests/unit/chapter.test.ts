import { describe, expect, it } from 'vitest';
import { attendanceId, cleanMemberInput, type Attendance, type ChapterFile, type Member } from '../../src/lib/chapter';
import { mergeChapter } from '../../src/lib/merge';

const member = (id: string, name: string, email: string, updatedAt = 1, active = true): Member => ({
  id,
  name,
  email,
  role: 'candidate',
  active,
  updatedAt,
});
const present = (sessionId: string, memberId: string, hours: number, updatedAt = 1): Attendance => ({
  id: attendanceId(sessionId, memberId),
  sessionId,
  memberId,
  present: true,
  hours,
  updatedAt,
});
const file = (members: Member[], attendance: Attendance[] = []): ChapterFile => ({
  kind: 'clm-study-chapter',
  version: 1,
  exportedAt: 0,
  members,
  attendance,
  sessionChanges: [],
});

describe('roster input', () => {
  it.each([
    [
      { name: '  Ann   Lee ', email: ' ANN@X.org ' },
      { name: 'Ann Lee', email: 'ann@x.org' },
    ],
    [
      { name: 'Ann\u202Eeel', email: 'a@x.org' },
      { name: 'Anneel', email: 'a@x.org' },
    ],
    [{ name: '   ', email: 'a@x.org' }, { error: 'The name is empty.' }],
    [{ name: '\u2066\u2069', email: 'a@x.org' }, { error: 'The name is empty.' }],
    [{ name: 'x'.repeat(201), email: 'a@x.org' }, { error: 'The name is longer than 200 characters.' }],
    [{ name: 'Ann', email: `${'a'.repeat(250)}@x.org` }, { error: 'The email is longer than 254 characters.' }],
    [{ name: 'Ann', email: 'not-an-email' }, { error: '"not-an-email" is not an email address.' }],
  ])('%j is %j', (input, expected) => {
    expect(cleanMemberInput(input)).toEqual(expected);
  });
});

describe('merging a chapter file', () => {
  const local = {
    members: [member('a', 'Ann', 'ann@x.org', 5)],
    attendance: [present('s1', 'a', 3, 5)],
    sessionChanges: [],
  };

  it('matches the same member by email, remaps their attendance and duplicates nothing', () => {
    const r = mergeChapter(
      local,
      file([member('zz', 'Ann Lee', 'ANN@x.org', 9), member('b', 'Bo', 'bo@x.org', 9)], [present('s2', 'zz', 2, 9)]),
    );
    expect(r.members.map((m) => [m.id, m.name])).toEqual([
      ['a', 'Ann Lee'],
      ['b', 'Bo'],
    ]);
    expect(r.attendance.map((a) => a.id).sort()).toEqual(['s1|a', 's2|a']);
    expect(r.summary).toMatchObject({ added: 2, updated: 1, unchanged: 0, keptLocal: 0 });
    expect(r.summary.changes).toEqual(['Ann: name "Ann Lee"', 'Bo added', 'Ann Lee at s2: present, 2 h']);
  });

  it('keeps the newer change of a conflicting edit, whichever side it is on', () => {
    const older = mergeChapter(local, file([member('a', 'Ann Old', 'ann@x.org', 1)], [present('s1', 'a', 1, 1)]));
    expect(older.members[0]!.name).toBe('Ann');
    expect(older.attendance[0]!.hours).toBe(3);
    expect(older.summary.keptLocal).toBe(2);
    expect(older.summary.changes).toEqual([]);
    const newer = mergeChapter(local, file([], [{ ...present('s1', 'a', 1.5, 7) }]));
    expect(newer.attendance[0]!.hours).toBe(1.5);
  });

  it('deactivates rather than deletes, keeping the attendance', () => {
    const r = mergeChapter(local, file([member('a', 'Ann', 'ann@x.org', 8, false)]));
    expect(r.members[0]!.active).toBe(false);
    expect(r.attendance).toHaveLength(1);
  });

  it('changes nothing when the same file is imported twice', () => {
    const incoming = file([member('b', 'Bo', 'bo@x.org', 9)], [present('s1', 'b', 2, 9)]);
    const once = mergeChapter(local, incoming);
    const twice = mergeChapter(once, incoming);
    expect(twice.members).toEqual(once.members);
    expect(twice.attendance).toEqual(once.attendance);
    expect(twice.summary).toEqual({ added: 0, updated: 0, unchanged: 2, keptLocal: 0, changes: [], refused: [] });
  });

  it('merges per field: a rename there and a role change here both survive, and it says so', () => {
    const here = { ...member('a', 'Ann', 'ann@x.org', 5), role: 'clm' as const, fieldsAt: { role: 5 } };
    // Added on one device at 1, then renamed there at 6; its role changed here at 5.
    const there = { ...member('a', 'Ann Lee', 'ann@x.org', 6), fieldsAt: { name: 6, email: 1, role: 1, active: 1 } };
    const origin = { file: 'chapter-bo.json', importedAt: 100 };
    const r = mergeChapter({ members: [here], attendance: [], sessionChanges: [] }, file([there]), origin);
    expect(r.members[0]).toMatchObject({ name: 'Ann Lee', role: 'clm', origin });
    expect(r.summary.changes).toEqual(['Ann: name "Ann Lee"']);
  });

  it('keeps an email another member already has here', () => {
    const local2 = {
      members: [member('a', 'Ann', 'ann@x.org', 1), member('b', 'Bo', 'bo@x.org', 1)],
      attendance: [],
      sessionChanges: [],
    };
    const r = mergeChapter(local2, file([{ ...member('a', 'Ann', 'bo@x.org', 9), fieldsAt: { email: 9 } }]));
    expect(r.members.find((m) => m.id === 'a')?.email).toBe('ann@x.org');
    expect(r.summary.refused).toEqual(['Ann: email "bo@x.org" not taken, Bo already has it here']);
  });
});

describe("a member's own hours file", () => {
  it('holds only that member and their attendance', async () => {
    const { db } = await import('../../src/db/db');
    const { exportChapterFile, importChapterFile } = await import('../../src/db/chapter');
    const { content } = await import('../../src/content/runtime');
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.members.bulkAdd([member('a', 'Ann', 'ann@x.org'), member('b', 'Bo', 'bo@x.org')]);
    // books-night is a session of the test content (3 hours): an hours file refers to real sessions.
    await db.attendance.bulkAdd([present('books-night', 'a', 3), present('books-night', 'b', 2)]);
    const mine = JSON.parse(await exportChapterFile('b')) as ChapterFile;
    expect(mine.members.map((m) => m.id)).toEqual(['b']);
    expect(mine.attendance.map((x) => x.id)).toEqual(['books-night|b']);
    await Promise.all(db.tables.map((t) => t.clear()));
    expect(await importChapterFile(JSON.stringify(mine), 'hours-bo.json', content.sessions)).toMatchObject({
      added: 2,
      updated: 0,
      unchanged: 0,
      keptLocal: 0,
    });
    expect((await db.members.get('b'))?.origin).toMatchObject({ file: 'hours-bo.json' });
    await expect(importChapterFile('{"kind":"other"}')).rejects.toThrow('not a CLM Study chapter file');
    expect(await db.members.count()).toBe(1);
  });
});
