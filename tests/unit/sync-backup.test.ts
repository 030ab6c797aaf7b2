// Backups and sync: an answer's uid goes out in a backup and comes back with it, the signed-in
// account (its device token) never goes into a backup, restoring a backup onto a device that
// already holds the same answers under other local ids (synced there) doubles none, and an
// older backup without uids gets them on restore. Signing out keeps or removes data as asked.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { exportBackup, restoreBackup } from '../../src/db/backup';
import { clearAccount, getAccount, removeLocalData, saveAccount, type Account } from '../../src/db/account';
import { parseBackup } from '../../src/lib/backup-schema';
import { resetDb } from '../fixtures/db';

const T0 = Date.UTC(2027, 0, 12, 14, 0, 0);
const account: Account = {
  token: 'eyJhbGciOiJIUzI1NiJ9.secret-device-token',
  person: { id: 'p-1', name: 'Ana Ruiz', email: 'ana@example.org', roles: ['member'] },
  device: { id: 'd-1', label: 'Laptop' },
  signedInAt: T0,
};

beforeEach(async () => {
  await resetDb();
  await recordAnswer({ questionId: 'q1', choice: [1], correct: true, context: 'area:finance', at: T0 });
  await recordAnswer({ questionId: 'q2', choice: [0], correct: false, context: 'area:finance', at: T0 + 1000 });
  await saveAccount(account);
});

const uids = async () => (await db.answers.toArray()).map((a) => a.uid).sort();

describe('backups with sync', () => {
  it('keep each answer’s uid and leave out the account and its token', async () => {
    const before = await uids();
    expect(before.every((u) => typeof u === 'string' && u.length === 36)).toBe(true);
    const text = JSON.stringify(await exportBackup(T0));
    expect(text).not.toContain(account.token);
    const checked = parseBackup(text, db.verno, T0);
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    expect(Object.keys(checked.backup.tables)).not.toContain('account');
    await resetDb();
    await restoreBackup(checked.backup);
    expect(await uids()).toEqual(before);
    expect(await getAccount()).toBeUndefined();
  });

  it('restored onto a device holding the same answers under other ids, double none', async () => {
    const backup = await exportBackup(T0);
    // This device got the same answers by sync: same uids, other local ids.
    const held = await db.answers.toArray();
    await db.answers.clear();
    await db.answers.bulkAdd(held.map(({ id: _id, ...a }) => a));
    await db.answers.add({
      questionId: 'q9',
      choice: [0],
      correct: true,
      context: 'area:x',
      at: T0 + 5,
      uid: 'u-only-here',
    });
    await restoreBackup(backup);
    await restoreBackup(backup);
    expect((await uids()).length).toBe(3);
    expect(new Set(await uids()).size).toBe(3);
  });

  it('give answers from a backup made before sync a uid of their own', async () => {
    const backup = await exportBackup(T0);
    for (const a of backup.tables.answers) delete a.uid;
    await resetDb();
    await restoreBackup(backup);
    const restored = await uids();
    expect(restored).toHaveLength(2);
    expect(new Set(restored).size).toBe(2);
    expect(restored.every((u) => typeof u === 'string' && u.length === 36)).toBe(true);
  });
});

describe('signing out', () => {
  it('keeps every record, or removes everything when asked', async () => {
    expect(await getAccount()).toEqual(account);
    await clearAccount();
    expect(await getAccount()).toBeUndefined();
    expect(await db.answers.count()).toBe(2);
    await saveAccount(account);
    await removeLocalData();
    expect(await getAccount()).toBeUndefined();
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    expect(counts.every((n) => n === 0)).toBe(true);
  });
});
