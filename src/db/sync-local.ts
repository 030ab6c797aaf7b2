// This device's side of sync: the reads the engine needs from the tables, and writing what
// arrives from the person's synced document in one transaction (answers added by uid, then
// cards and progress of the questions they touch rebuilt by replaying all their answers, the
// days they fall on added to). Repeating a write changes nothing more. The rules are in
// src/lib/sync-merge.ts; the replay in src/lib/replay.ts.
import { db as appDb, type AnswerRecord, type AttemptRecord, type ClmDatabase, type FlagRecord } from './db';
import type { EducationEntry } from '../lib/ce';
import { addToDays, replayQuestions } from '../lib/replay';
import { answerFromDoc, attemptFromDoc, isRemoved, latest, type DocAnswer, type DocEducation } from '../lib/sync-merge';
import type { SettingRecord } from './db';
import { SYNCED_SETTINGS } from './settings';
import { localDay } from '../lib/progress';
import { answersWithUids, MANY_KEYS } from './uids';

export type UidAnswer = AnswerRecord & { uid: string; id: number };
export interface DocFlag {
  flagged: boolean;
  at: number;
}
export interface DocSetting {
  value: unknown;
  at: number;
}

/** What arrives from the document, by map. */
export interface RemoteBatch {
  answers: DocAnswer[];
  attempts: AttemptRecord[];
  flags: [string, DocFlag][];
  settings: [string, DocSetting][];
  education: DocEducation[];
}

const hasUid = (a: AnswerRecord): a is UidAnswer => typeof a.uid === 'string' && a.id !== undefined;

export function localStore(db: ClmDatabase = appDb) {
  return {
    name: db.name,
    /** Answers stored after local id `id` (all of them from 0). */
    answersAfter: async (id: number): Promise<UidAnswer[]> =>
      (await db.answers.where(':id').above(id).toArray()).filter(hasUid),
    answersByUid: async (uids: readonly string[]): Promise<UidAnswer[]> =>
      (
        await db.answers
          .where('uid')
          .anyOf([...uids])
          .toArray()
      ).filter(hasUid),
    attempts: async (ids?: readonly string[]): Promise<AttemptRecord[]> =>
      ids ? (await db.attempts.bulkGet([...ids])).filter((a) => a !== undefined) : db.attempts.toArray(),
    flags: async (ids?: readonly string[]): Promise<Map<string, FlagRecord>> => {
      const rows = ids ? await db.flags.bulkGet([...ids]) : await db.flags.toArray();
      return new Map(rows.flatMap((r) => (r ? [[r.questionId, r] as const] : [])));
    },
    settings: async (): Promise<Map<string, SettingRecord>> => {
      const rows = await db.settings.bulkGet([...SYNCED_SETTINGS]);
      return new Map(rows.flatMap((r) => (r ? [[r.key, r] as const] : [])));
    },
    education: async (ids?: readonly string[]): Promise<Map<string, EducationEntry>> => {
      const rows = ids ? await db.education.bulkGet([...ids]) : await db.education.toArray();
      return new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
    },
    apply: (batch: RemoteBatch) => applyRemote(db, batch),
  };
}

export type LocalStore = ReturnType<typeof localStore>;

/** Writes what came from the document into this device's tables, in one transaction. */
async function applyRemote(db: ClmDatabase, batch: RemoteBatch): Promise<void> {
  const tables = [db.answers, db.cards, db.progress, db.days, db.attempts, db.flags, db.settings, db.education];
  await db.transaction('rw', tables, async () => {
    await applyAnswers(db, batch.answers);
    const attempts = await db.attempts.bulkGet(batch.attempts.map((a) => a.id));
    const newer = batch.attempts.filter((a, i) => attemptFromDoc(a, attempts[i]));
    if (newer.length) await db.attempts.bulkPut(newer);
    for (const [questionId, f] of batch.flags) {
      const row = await db.flags.get(questionId);
      const local = row ? { value: true, at: row.at } : undefined;
      if (latest(local, { value: f.flagged, at: f.at }) !== 'toLocal') continue;
      if (f.flagged) await db.flags.put({ questionId, at: f.at });
      else await db.flags.delete(questionId);
    }
    for (const [key, s] of batch.settings) {
      if (!SYNCED_SETTINGS.includes(key)) continue;
      const row = await db.settings.get(key);
      const local = row ? { value: row.value, at: row.at ?? 0 } : undefined;
      if (latest(local, s) !== 'toLocal') continue;
      if (s.value === null) await db.settings.delete(key);
      else await db.settings.put({ key, value: s.value, at: s.at });
    }
    for (const e of batch.education) {
      if (isRemoved(e)) await db.education.delete(e.id);
      else if (!(await db.education.get(e.id))) await db.education.add(e);
    }
  });
}

async function answersOf(db: ClmDatabase, questionIds: ReadonlySet<string>): Promise<AnswerRecord[]> {
  if (questionIds.size <= MANY_KEYS)
    return db.answers
      .where('questionId')
      .anyOf([...questionIds])
      .toArray();
  return (await db.answers.toArray()).filter((a) => questionIds.has(a.questionId));
}

async function applyAnswers(db: ClmDatabase, incoming: readonly DocAnswer[]): Promise<void> {
  if (incoming.length === 0) return;
  const held = new Map(
    (
      await answersWithUids(
        db,
        incoming.map((a) => a.uid),
      )
    ).map((a) => [a.uid, a]),
  );
  const added = new Map<string, DocAnswer>();
  const confidence = new Map<number, NonNullable<AnswerRecord['confidence']>>();
  const touched = new Set<string>();
  for (const a of incoming) {
    const local = held.get(a.uid);
    const action = answerFromDoc(a, local);
    if (action === 'add' && !added.has(a.uid)) added.set(a.uid, a);
    else if (action === 'confidence' && local?.id !== undefined && a.confidence) confidence.set(local.id, a.confidence);
    else continue;
    touched.add(a.questionId);
  }
  if (touched.size === 0) return;
  const fresh = [...added.values()].map((a) => ({ ...a }));
  // Everything this batch reads is read before it writes anything: a read queued behind
  // 10,000 writes in the transaction would wait for all of them with the page idle, and the
  // replay would then wait for the read. Read first; the replay runs while the answers are written.
  const existing = (await answersOf(db, touched)).map((a) => {
    const c = a.id === undefined ? undefined : confidence.get(a.id);
    return c ? { ...a, confidence: c } : a;
  });
  const days = fresh.length ? await db.days.bulkGet([...new Set(fresh.map((a) => localDay(a.at)))]) : [];
  const writes: Promise<unknown>[] = [...confidence].map(([id, c]) => db.answers.update(id, { confidence: c }));
  if (fresh.length) writes.push(db.answers.bulkAdd(fresh));
  const { cards, progress } = replayQuestions([...existing, ...fresh]);
  writes.push(db.cards.bulkPut(cards), db.progress.bulkPut(progress));
  if (fresh.length)
    writes.push(
      db.days.bulkPut(
        addToDays(
          days.filter((d) => d !== undefined),
          fresh,
        ),
      ),
    );
  await Promise.all(writes);
}
