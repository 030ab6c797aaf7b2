// The chapter file (and a member's hours file, the same format) checked record by record before
// a merge: each rule refuses the file whole, naming the record and the field.
import { describe, expect, it } from 'vitest';
import { checkChapterFile, parseChapterFile, type ImportContext } from '../../src/lib/import-schema';
import {
  firstProblems,
  ImportRefused,
  IMPORT_MAX_BYTES,
  importSessions,
  sizeProblem,
} from '../../src/lib/import-problems';
import { content } from '../../src/content/runtime';

const now = Date.parse('2027-01-12T12:00:00Z');
const DAY = 86_400_000;
const ctx: ImportContext = {
  now,
  sessions: new Map([
    ['books-night', 3],
    ['hiring-night', 2.5],
  ]),
  memberIds: new Set(['here']),
};

const ann = { id: 'a', name: 'Ann Lee', email: 'ann@x.org', role: 'candidate', active: true, updatedAt: 1 };
const annAt = { id: 'books-night|a', sessionId: 'books-night', memberId: 'a', present: true, hours: 3, updatedAt: 1 };
const file = (parts: { members?: unknown[]; attendance?: unknown[]; sessionChanges?: unknown[] } = {}) => ({
  kind: 'clm-study-chapter',
  version: 1,
  exportedAt: 1,
  members: [ann],
  attendance: [annAt],
  sessionChanges: [],
  ...parts,
});
const problems = (data: unknown) => {
  const r = checkChapterFile(data, ctx);
  return r.ok ? [] : r.problems;
};

describe('a chapter file checked record by record', () => {
  it('takes a good file, names and emails cleaned as the roster cleans them', () => {
    const r = checkChapterFile(file({ members: [{ ...ann, name: '  Ann \u202ELee ', email: ' ANN@x.org' }] }), ctx);
    expect(r.ok && r.file.members[0]).toMatchObject({ name: 'Ann Lee', email: 'ann@x.org' });
  });

  it('refuses an object as a member name', () => {
    expect(problems(file({ members: [{ ...ann, name: { first: 'Ann' } }] }))).toEqual([
      'Member 1 (ann@x.org), name: is an object, not text',
    ]);
  });

  it('refuses an email that is not one, naming the member', () => {
    expect(problems(file({ members: [{ ...ann, email: 'x' }] }))).toEqual([
      'Member 1 (Ann Lee), email: "x" is not an email address.',
    ]);
  });

  it('refuses names and emails over the roster limits', () => {
    expect(problems(file({ members: [{ ...ann, name: 'n'.repeat(201) }] }))).toEqual([
      `Member 1 (${'n'.repeat(60)}), name: The name is longer than 200 characters.`,
    ]);
  });

  it('refuses "not-a-date", a day not on the calendar and a time that is not one', () => {
    const changes = [
      { sessionId: 'books-night', date: 'not-a-date', updatedAt: 1 },
      { sessionId: 'books-night', date: '2027-02-30', start: '7pm', updatedAt: 1 },
    ];
    expect(problems(file({ sessionChanges: changes }))).toEqual([
      'Session change 1 (books-night), date: "not-a-date" is not a date (YYYY-MM-DD)',
      'Session change 2 (books-night), date: "2027-02-30" is not a day on the calendar',
      'Session change 2 (books-night), start: "7pm" is not a time of day (HH:MM)',
    ]);
  });

  it('refuses hours "3" given as text, which would add up as text', () => {
    expect(problems(file({ attendance: [{ ...annAt, hours: '3' }] }))).toEqual([
      'Attendance record 1 (Ann Lee at books-night), hours: "3" is text, not a number',
    ]);
  });

  it("refuses hours over the session's hours and below zero", () => {
    expect(problems(file({ attendance: [{ ...annAt, hours: 3.5 }] }))).toEqual([
      "Attendance record 1 (Ann Lee at books-night), hours: 3.5 is more than the session's 3 hours",
    ]);
    expect(problems(file({ attendance: [{ ...annAt, hours: -1 }] }))).toEqual([
      'Attendance record 1 (Ann Lee at books-night), hours: -1 is less than 0',
    ]);
  });

  it('allows the hours of a session the file lengthens, or of an extra session it adds', () => {
    const longer = { sessionId: 'books-night', hours: 4, updatedAt: 1 };
    const extra = {
      sessionId: 'x1',
      date: '2027-03-01',
      hours: 2,
      extra: { title: 'Extra', area: 'money', speaker: 'Pat' },
      updatedAt: 1,
    };
    const attendance = [
      { ...annAt, hours: 4 },
      { ...annAt, id: 'x1|a', sessionId: 'x1', hours: 2 },
    ];
    expect(problems(file({ attendance, sessionChanges: [longer, extra] }))).toEqual([]);
  });

  it('refuses "true" as text where the file needs true or false', () => {
    expect(problems(file({ members: [{ ...ann, active: 'true' }], attendance: [{ ...annAt, present: 1 }] }))).toEqual([
      'Member 1 (Ann Lee), active: "true" is text, not true or false',
      'Attendance record 1 (Ann Lee at books-night), present: 1 is a number, not true or false',
    ]);
  });

  it('refuses an updatedAt more than a day ahead of this device, and takes one less than a day ahead', () => {
    expect(problems(file({ members: [{ ...ann, updatedAt: now + 23 * 3600_000 }] }))).toEqual([]);
    expect(problems(file({ members: [{ ...ann, updatedAt: now + 25 * 3600_000 }] }))).toEqual([
      "Member 1 (Ann Lee), updatedAt: 2027-01-13 is more than a day ahead of this device's clock: check the clock of the device that exported the file",
    ]);
    expect(problems(file({ members: [{ ...ann, updatedAt: Date.parse('2099-01-01T00:00:00Z') }] }))).toEqual([
      "Member 1 (Ann Lee), updatedAt: 2099-01-01 is more than a day ahead of this device's clock: check the clock of the device that exported the file",
    ]);
    expect(problems(file({ members: [{ ...ann, fieldsAt: { name: now + 2 * DAY } }] }))).toHaveLength(1);
  });

  it('refuses an unknown role', () => {
    expect(problems(file({ members: [{ ...ann, role: 'admin' }] }))).toEqual([
      'Member 1 (Ann Lee), role: "admin" is not one of candidate, clm, guest',
    ]);
  });

  it('refuses attendance at a session that does not exist, or of a member in neither the file nor this device', () => {
    expect(
      problems(
        file({
          attendance: [
            { ...annAt, sessionId: 'gone' },
            { ...annAt, memberId: 'nobody' },
          ],
        }),
      ),
    ).toEqual([
      'Attendance record 1 (Ann Lee at gone), sessionId: "gone" is not a session of this program or of this device',
      'Attendance record 2 (nobody at books-night), memberId: "nobody" is not a member in the file or on this device',
    ]);
    // A member on this device only (an hours file of attendance alone) is fine.
    expect(problems(file({ members: [], attendance: [{ ...annAt, memberId: 'here' }] }))).toEqual([]);
  });

  it('refuses a change of a session that is neither in the program nor an extra session', () => {
    expect(problems(file({ sessionChanges: [{ sessionId: 'gone', cancelled: true, updatedAt: 1 }] }))).toEqual([
      'Session change 1 (gone), sessionId: "gone" is not a session of this program or of this device',
    ]);
  });

  it('refuses unknown fields, so nothing unchecked is stored (and later backups stay restorable)', () => {
    expect(problems(file({ members: [{ ...ann, isAdmin: true }] }))).toEqual([
      'Member 1 (Ann Lee): unknown field "isAdmin"',
    ]);
  });

  it('refuses __proto__ and constructor keys anywhere before any schema runs', () => {
    const text =
      '{"kind":"clm-study-chapter","version":1,"exportedAt":1,"members":[{"__proto__":{"role":"clm"}}],"attendance":[],"sessionChanges":[],"constructor":{}}';
    expect(parseChapterFile(text, ctx)).toEqual({
      ok: false,
      problems: ['Member 1: forbidden key "__proto__"', 'The file: forbidden key "constructor"'],
    });
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('refuses a file that is not a chapter file, of another version, or not complete JSON', () => {
    expect(problems({ kind: 'other' })).toEqual(['This is not a CLM Study chapter file.']);
    expect(problems({ format: 'clm-study-backup', version: 1, tables: {} })).toEqual([
      'This is a backup of CLM Study: restore it in Settings, not here.',
    ]);
    expect(problems({ ...file(), version: 3 })).toEqual([
      'This chapter file is version 3; this app reads versions 1 and 2.',
    ]);
    expect(parseChapterFile('{"kind":"clm-study-chapter",', ctx)).toEqual({
      ok: false,
      problems: ['The file is not complete JSON: it may be truncated or damaged.'],
    });
  });

  it('refuses an oversized file before parsing it', () => {
    expect(sizeProblem(IMPORT_MAX_BYTES)).toBeUndefined();
    expect(sizeProblem(IMPORT_MAX_BYTES + 1)).toBe('The file is over 10 MB, larger than any file of this app.');
    expect(parseChapterFile(' '.repeat(IMPORT_MAX_BYTES + 1), ctx)).toEqual({
      ok: false,
      problems: ['The file is over 10 MB, larger than any file of this app.'],
    });
  });

  it('lists every problem, and a refusal shows the first five and how many more', () => {
    const members = Array.from({ length: 8 }, (_, i) => ({ ...ann, id: `m${i}`, email: `bad${i}` }));
    const all = problems(file({ members, attendance: [] }));
    expect(all).toHaveLength(8);
    const refused = new ImportRefused(all);
    expect(refused.problems).toHaveLength(6);
    expect(refused.problems[0]).toBe('Member 1 (Ann Lee), email: "bad0" is not an email address.');
    expect(refused.problems[5]).toBe('and 3 more problems');
    expect(firstProblems(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('the sessions an import may refer to', () => {
  it("are the content's and this device's extra sessions, each with the most hours it has had", () => {
    const sessions = importSessions(content.sessions, [
      { sessionId: 'books-night', hours: 2, updatedAt: 1 },
      { sessionId: 'hiring-night', hours: 4, updatedAt: 1 },
      {
        sessionId: 'x1',
        date: '2027-03-01',
        hours: 1.5,
        extra: { title: 'X', area: 'money', speaker: 'P' },
        updatedAt: 1,
      },
    ]);
    expect(Object.fromEntries(sessions)).toEqual({ 'books-night': 3, 'hiring-night': 4, x1: 1.5 });
  });
});
