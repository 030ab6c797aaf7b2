import { describe, expect, it } from 'vitest';
import {
  attendanceId,
  belowTarget,
  memberHours,
  mergeChapter,
  type Attendance,
  type ChapterFile,
  type Member,
} from '../../src/lib/chapter';

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

describe('attendance hours', () => {
  const members = [
    member('a', 'Ann', 'ann@x.org'),
    member('b', 'Bo', 'bo@x.org'),
    member('c', 'Cy', 'cy@x.org', 1, false),
  ];
  const attendance = [
    present('s1', 'a', 3),
    present('s2', 'a', 2.5),
    present('s1', 'b', 1.5),
    { ...present('s2', 'b', 3), present: false },
    present('s9', 'a', 3),
  ];

  it('adds the hours of held sessions per member and counts the ones missed', () => {
    const h = memberHours(members, attendance, ['s1', 's2']);
    expect(h.get('a')).toEqual({ memberId: 'a', hours: 5.5, attended: 2, missed: 0 });
    expect(h.get('b')).toEqual({ memberId: 'b', hours: 1.5, attended: 1, missed: 1 });
    expect(h.get('c')).toEqual({ memberId: 'c', hours: 0, attended: 0, missed: 2 });
  });

  it('lists active members who can no longer reach the target', () => {
    const h = memberHours(members, attendance, ['s1', 's2']);
    expect(belowTarget(members, h, 30, 25).map((m) => m.id)).toEqual(['b']);
    expect(belowTarget(members, h, 30, 24).map((m) => m.id)).toEqual(['a', 'b']);
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
    expect(r.summary).toEqual({ added: 2, updated: 1, unchanged: 0, keptLocal: 0 });
  });

  it('keeps the newer change of a conflicting edit, whichever side it is on', () => {
    const older = mergeChapter(local, file([member('a', 'Ann Old', 'ann@x.org', 1)], [present('s1', 'a', 1, 1)]));
    expect(older.members[0]!.name).toBe('Ann');
    expect(older.attendance[0]!.hours).toBe(3);
    expect(older.summary.keptLocal).toBe(2);
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
    expect(twice.summary).toEqual({ added: 0, updated: 0, unchanged: 2, keptLocal: 0 });
  });
});

describe("a member's own hours file", () => {
  it('holds only that member and their attendance', async () => {
    const { db } = await import('../../src/db/db');
    const { exportChapterFile, importChapterFile } = await import('../../src/db/chapter');
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.members.bulkAdd([member('a', 'Ann', 'ann@x.org'), member('b', 'Bo', 'bo@x.org')]);
    await db.attendance.bulkAdd([present('s1', 'a', 3), present('s1', 'b', 2)]);
    const mine = JSON.parse(await exportChapterFile('b')) as ChapterFile;
    expect(mine.members.map((m) => m.id)).toEqual(['b']);
    expect(mine.attendance.map((x) => x.id)).toEqual(['s1|b']);
    await Promise.all(db.tables.map((t) => t.clear()));
    expect(await importChapterFile(JSON.stringify(mine))).toEqual({ added: 2, updated: 0, unchanged: 0, keptLocal: 0 });
    await expect(importChapterFile('{"kind":"other"}')).rejects.toThrow('not a CLM Study chapter file');
    expect(await db.members.count()).toBe(1);
  });
});
