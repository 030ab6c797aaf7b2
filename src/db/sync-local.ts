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
import { answersWithUids } from './uids';

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

/** Answers written per transaction when a long history arrives (all of a question's in one). */
export const ANSWERS_PER_WRITE = 1000;

/** The answers in parts of about `size`, each holding every answer of its questions. */
export function byQuestionParts(answers: readonly DocAnswer[], size = ANSWERS_PER_WRITE): DocAnswer[][] {
  const byQuestion = new Map<string, DocAnswer[]>();
  for (const a of answers) {
    const list = byQuestion.get(a.questionId);
    if (list) list.push(a);
    else byQuestion.set(a.questionId, [a]);
  }
  const parts: DocAnswer[][] = [];
  let part: DocAnswer[] = [];
  for (const list of byQuestion.values()) {
    if (part.length > 0 && part.length + list.length > size) {
      parts.push(part);
      part = [];
    }
    part.push(...list);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

const isConstraint = (e: unknown) =>
  e instanceof Error && (e.name === 'BulkError' || e.name === 'ConstraintError' || e.name === 'AbortError');

/**
 * Writes what came from the document into this device's tables. A short batch is one
 * transaction. A long history (a new device) is written in parts of about 1,000 answers, each
 * one transaction with the cards, progress and days of its questions (every answer of a
 * question is in the same part, so each part leaves the tables consistent): Chromium writes
 * ten transactions of 1,000 rows faster than one of 10,000, and a part cut short by a crash is
 * written again by the next pull (a held answer is never added twice). Which answers are held
 * is read once for all the parts; a part that meets one added meanwhile (another tab) is
 * written again with a fresh read.
 */
async function applyRemote(db: ClmDatabase, batch: RemoteBatch): Promise<void> {
  const parts = byQuestionParts(batch.answers);
  const held = parts.length > 1 ? await heldAnswers(db, batch.answers) : undefined;
  const tables = [db.answers, db.cards, db.progress, db.days, db.attempts, db.flags, db.settings, db.education];
  const answerTables = [db.answers, db.cards, db.progress, db.days];
  await db.transaction('rw', tables, async () => {
    await applyAnswers(db, parts[0] ?? []);
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
  for (const part of parts.slice(1))
    await db
      .transaction('rw', answerTables, () => applyAnswers(db, part, held))
      .catch((e: unknown) => {
        if (!isConstraint(e)) throw e;
        return db.transaction('rw', answerTables, () => applyAnswers(db, part));
      });
}

/** Up to this many questions, their answers are read through the index (a part's are ~200). */
const QUESTIONS_BY_INDEX = 1000;

async function answersOf(db: ClmDatabase, questionIds: ReadonlySet<string>): Promise<AnswerRecord[]> {
  if (questionIds.size <= QUESTIONS_BY_INDEX)
    return db.answers
      .where('questionId')
      .anyOf([...questionIds])
      .toArray();
  return (await db.answers.toArray()).filter((a) => questionIds.has(a.questionId));
}

async function heldAnswers(db: ClmDatabase, incoming: readonly DocAnswer[]): Promise<Map<string, AnswerRecord>> {
  const held = await answersWithUids(
    db,
    incoming.map((a) => a.uid),
  );
  return new Map(held.map((a) => [a.uid ?? '', a]));
}

async function applyAnswers(
  db: ClmDatabase,
  incoming: readonly DocAnswer[],
  known?: ReadonlyMap<string, AnswerRecord>,
): Promise<void> {
  if (incoming.length === 0) return;
  const held = known ?? (await heldAnswers(db, incoming));
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
