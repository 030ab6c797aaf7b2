// The account this device is signed in with: its device token, who the person is and this
// device's id and label, in the "account" table (one record). It is not a setting: it never
// syncs and never goes into a backup (the token is a credential for this device alone).
import { db, type AccountRecord } from './db';

export type Account = Omit<AccountRecord, 'key'>;

const KEY = 'current';

export async function getAccount(): Promise<Account | undefined> {
  const row = await db.account.get(KEY);
  if (!row) return undefined;
  const { key: _key, ...account } = row;
  return account;
}

/** Stores the account after a successful enrolment (replacing any earlier one). */
export async function saveAccount(account: Account): Promise<void> {
  await db.account.put({ ...account, key: KEY });
}

/** Signs this device out: forgets the token; every study record stays. */
export async function clearAccount(): Promise<void> {
  await db.account.delete(KEY);
}

/**
 * Signs out and removes everything this device stores (answers, cards, sets and exams, flags,
 * settings, the chapter's records, the synced document), in one transaction: all or nothing.
 */
export async function removeLocalData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
