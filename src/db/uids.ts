// Finding answers by uid (sync, restoring a backup): by the unique index for a few, by one
// pass over the table for many.
import type { AnswerRecord, ClmDatabase } from './db';

/**
 * Past this many keys a query reads the whole table instead of jumping an index key by key
 * (anyOf over thousands of keys is far slower than one pass over 10,000 answers).
 */
export const MANY_KEYS = 200;

/** The stored answers among the given uids (the whole table read once when there are many). */
export async function answersWithUids(db: ClmDatabase, uids: readonly string[]): Promise<AnswerRecord[]> {
  if (uids.length <= MANY_KEYS)
    return db.answers
      .where('uid')
      .anyOf([...uids])
      .toArray();
  const wanted = new Set(uids);
  return (await db.answers.toArray()).filter((a) => a.uid !== undefined && wanted.has(a.uid));
}
