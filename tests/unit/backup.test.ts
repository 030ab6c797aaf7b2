// Backups (src/db/backup.ts, src/lib/backup-schema.ts) on a real (fake-indexeddb) database:
// every table in the file, a refused file changes nothing at all, a round trip gives back every
// record, and restoring twice changes nothing more.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { dumpAll, exportBackup, restoreBackup, restorePlan } from '../../src/db/backup';
import { setFlag, setSetting } from '../../src/db/study';
import { BACKUP_TABLES, parseBackup, type Backup } from '../../src/lib/backup-schema';
import { backupDue, backupFileName } from '../../src/lib/backup';
import { readBackup } from '../../src/features/settings/data';
import { resetDb } from '../fixtures/db';

const T0 = Date.UTC(2027, 0, 12, 14, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

async function seed(): Promise<void> {
  await recordAnswer({ questionId: 'q1', choice: [1], correct: true, context: 'area:finance', at: T0, ms: 9000 });
  await recordAnswer({ questionId: 'q2', choice: [0], correct: false, context: 'area:finance', at: T0 + 1000 });
  await setFlag('q2', true);
  await setSetting('examDate', '2027-05-01');
  await db.members.put({
    id: 'm1',
    name: 'Ana Ruiz',
    email: 'ana@example.org',
    emailKey: 'ana@example.org',
    role: 'clm',
    active: true,
    updatedAt: T0,
  });
  await db.attendance.put({ id: 's1|m1', sessionId: 's1', memberId: 'm1', present: true, hours: 1.5, updatedAt: T0 });
  await db.attendanceEvents.put({
    id: 'e1',
    kind: 'check-in',
    sessionId: 's1',
    memberId: 'm1',
    hours: 1.5,
    device: 'phone-a',
    by: 'Ana',
    at: T0,
  });
  await db.sessionChanges.put({ sessionId: 's1', date: '2027-02-03', start: '18:30', updatedAt: T0 });
  await db.education.put({ id: 'e1', date: '2027-01-10', title: 'Ethics', hours: 2, category: '', kind: 'attended' });
  await db.attempts.put({
    id: 'a1',
    kind: 'practice',
    title: 'Finance',
    source: { type: 'area', id: 'finance' },
    seed: 7,
    questionIds: ['q1', 'q2'],
    position: 1,
    responses: { q1: { choice: [1], correct: true, at: T0 } },
    marked: [],
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
  });
}

const fileOf = async () => JSON.stringify(await exportBackup(T0));

beforeEach(async () => {
  await resetDb();
  await seed();
});

describe('export', () => {
  it('holds every table of the database, with the format and schema versions', async () => {
    const backup = await exportBackup(T0);
    // Every table but the account (its token is this device's credential), the synced document
    // and the session packs (they come back from the chapter or their file).
    const kept = db.tables
      .map((t) => t.name)
      .filter((n) => !['account', 'syncDocs', '$syncDocs.doc_updates', 'packs', 'drafts'].includes(n));
    expect(Object.keys(backup.tables).sort()).toEqual(kept.sort());
    expect([...BACKUP_TABLES].sort()).toEqual(kept.sort());
    expect(backup).toMatchObject({ format: 'clm-study-backup', version: 1, schemaVersion: db.verno });
    for (const t of BACKUP_TABLES) expect(backup.tables[t]?.length, t).toBeGreaterThan(0);
    expect(parseBackup(JSON.stringify(backup), db.verno, T0).ok).toBe(true);
    expect(backupFileName('2027-01-12')).toBe('clm-study-backup-2027-01-12.json');
  });
});

describe('a refused restore leaves the database exactly as it was', () => {
  const hostile = (f: (b: Backup) => void) => async () => {
    const b = JSON.parse(await fileOf()) as Backup;
    f(b);
    return JSON.stringify(b);
  };
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['truncated', async () => (await fileOf()).slice(0, 200), /not complete JSON/],
    ['corrupt', async () => 'not json at all {', /not complete JSON/],
    ['another format version', hostile((b) => Object.assign(b, { version: 2 })), /format version 2/],
    ['a newer schema', hostile((b) => Object.assign(b, { schemaVersion: 99 })), /newer version/],
    [
      'hours as text',
      hostile((b) => Object.assign(b.tables.attendance[0] ?? {}, { hours: '3' })),
      /attendance record 1, field hours/,
    ],
    [
      'a date that is not a date',
      hostile((b) => Object.assign(b.tables.education[0] ?? {}, { date: '2027-02-30' })),
      /education record 1, field date/,
    ],
    [
      'a name that is an object',
      hostile((b) => Object.assign(b.tables.members[0] ?? {}, { name: { x: 1 } })),
      /members record 1, field name/,
    ],
    [
      'a huge string',
      hostile((b) => Object.assign(b.tables.answers[0] ?? {}, { context: 'x'.repeat(20_000) })),
      /answers record 1, field context: text longer/,
    ],
    [
      'a missing table',
      hostile((b) => delete (b.tables as Partial<Backup['tables']>).education),
      /field tables.education/,
    ],
    [
      'an email that is not one',
      hostile((b) => Object.assign(b.tables.members[0] ?? {}, { email: 'not-an-email' })),
      /members record 1, field email: is not an email address/,
    ],
    [
      'attendance of a member not in the file',
      hostile((b) => Object.assign(b.tables.attendance[0] ?? {}, { memberId: 'ghost' })),
      /attendance record 1, field memberId: no member "ghost" in the file/,
    ],
    [
      'a change stamped far in the future',
      hostile((b) => Object.assign(b.tables.members[0] ?? {}, { updatedAt: Date.now() + 400 * 86_400_000 })),
      /members record 1, field updatedAt: \d{4}-\d\d-\d\d is more than a day ahead/,
    ],
    ['an unknown field', hostile((b) => Object.assign(b.tables.flags[0] ?? {}, { evil: 1 })), /flags record 1/],
    [
      'a prototype key',
      async () => (await fileOf()).replace('"responses":{', '"responses":{"__proto__":{"polluted":true},'),
      /forbidden key "__proto__"/,
    ],
  ];
  for (const [name, make, problem] of cases)
    it(`refuses ${name}, naming the problem, and writes nothing`, async () => {
      const before = await dumpAll();
      const checked = parseBackup(await make(), db.verno, T0);
      expect(checked.ok ? '' : checked.problems.join(' ')).toMatch(problem);
      expect(await dumpAll()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

  it('refuses a file over 50 MB before reading it, and writes nothing', async () => {
    const before = await dumpAll();
    const big = { size: 50 * 1024 * 1024 + 1 } as Blob;
    const read = vi.fn<(f: Blob) => Promise<string>>(() => Promise.resolve(''));
    const result = await readBackup(big, read);
    expect(result.ok ? '' : result.problems.join(' ')).toMatch(/over 50 MB/);
    expect(read).not.toHaveBeenCalled();
    expect(await dumpAll()).toEqual(before);
  });

  it('a restore that fails while writing undoes all of it', async () => {
    const file = JSON.parse(await fileOf()) as Backup;
    await resetDb();
    await db.members.put({
      id: 'm2',
      name: 'B',
      email: 'ana@example.org',
      emailKey: 'ana@example.org',
      role: 'guest',
      active: true,
      updatedAt: T0,
    });
    const before = await dumpAll();
    const checked = parseBackup(JSON.stringify(file), db.verno, T0);
    if (!checked.ok) throw new Error(checked.problems.join(' '));
    // m1 has the same email as m2: the unique index refuses it, after answers were put.
    await expect(restoreBackup(checked.backup)).rejects.toThrow(/unique|constraint/i);
    expect(await dumpAll()).toEqual(before);
  });
});

describe('restore', () => {
  it('round trip: export, clear, restore gives the same dump; twice changes nothing more', async () => {
    const before = await dumpAll();
    const text = await fileOf();
    await resetDb();
    const checked = parseBackup(text, db.verno, T0);
    if (!checked.ok) throw new Error(checked.problems.join(' '));
    const plan = await restorePlan(checked.backup);
    expect(plan.find((p) => p.table === 'answers')).toEqual({ table: 'answers', add: 2, replace: 0 });
    await restoreBackup(checked.backup);
    expect(await dumpAll()).toEqual(before);
    const again = await restorePlan(checked.backup);
    expect(again.every((p) => p.add === 0)).toBe(true);
    expect(again.find((p) => p.table === 'members')).toEqual({ table: 'members', add: 0, replace: 1 });
    await restoreBackup(checked.backup);
    expect(await dumpAll()).toEqual(before);
  });

  it('adds records the device lacks and replaces those whose key exists', async () => {
    const checked = parseBackup(await fileOf(), db.verno, T0);
    if (!checked.ok) throw new Error(checked.problems.join(' '));
    await db.flags.put({ questionId: 'q9', at: T0 });
    await db.education.put({
      id: 'e1',
      date: '2027-01-10',
      title: 'Changed',
      hours: 5,
      category: '',
      kind: 'attended',
    });
    await restoreBackup(checked.backup);
    expect((await db.education.get('e1'))?.title).toBe('Ethics');
    expect(await db.flags.get('q9')).toBeDefined();
  });
});

describe('backup reminder', () => {
  it('reminds after 14 days without an export, only when storage is not persisted and there is data', () => {
    const now = T0 + 30 * DAY;
    expect(backupDue({ lastExportAt: undefined, persisted: false, hasData: true, now })).toBe(true);
    expect(backupDue({ lastExportAt: now - 15 * DAY, persisted: false, hasData: true, now })).toBe(true);
    expect(backupDue({ lastExportAt: now - 13 * DAY, persisted: false, hasData: true, now })).toBe(false);
    expect(backupDue({ lastExportAt: now - 15 * DAY, persisted: true, hasData: true, now })).toBe(false);
    expect(backupDue({ lastExportAt: undefined, persisted: false, hasData: false, now })).toBe(false);
  });
});
