// The study repository: reads of answers, review cards and progress, and the flags, attempts
// and settings. Recording an answer (which needs the FSRS scheduler) is in answers.ts, so the
// home screen's figures load without the scheduler.
import { db, type AnswerRecord, type AttemptRecord, type DayRecord, type Response } from './db';
import type { StoredCard } from '../lib/review';

export function getCard(questionId: string): Promise<StoredCard | undefined> {
  return db.cards.get(questionId);
}

export async function dueQuestionIds(now = Date.now()): Promise<string[]> {
  return (await db.cards.where('due').belowOrEqual(now).primaryKeys()) as string[];
}

export async function countDue(now = Date.now()): Promise<number> {
  return db.cards.where('due').belowOrEqual(now).count();
}

/** Ids of every question answered at least once (keys only: fast on large banks). */
export async function seenIds(): Promise<Set<string>> {
  return new Set((await db.progress.toCollection().primaryKeys()) as string[]);
}

/** Ids of the questions whose latest answer was wrong. */
export async function missedIds(): Promise<Set<string>> {
  return new Set((await db.progress.where('wrong').equals(1).primaryKeys()) as string[]);
}

/** How many questions were answered for the first time since a moment. */
export function countFirstAnsweredSince(t: number): Promise<number> {
  return db.progress.where('firstAt').aboveOrEqual(t).count();
}

export function studyDays(): Promise<DayRecord[]> {
  return db.days.toArray();
}

export async function answersTo(questionId: string): Promise<AnswerRecord[]> {
  return db.answers
    .where('[questionId+at]')
    .between([questionId, -Infinity], [questionId, Infinity])
    .reverse()
    .toArray();
}

// Flags.
export async function setFlag(questionId: string, on: boolean): Promise<void> {
  if (on) await db.flags.put({ questionId, at: Date.now() });
  else await db.flags.delete(questionId);
}

export async function flaggedIds(): Promise<string[]> {
  return (await db.flags.toCollection().primaryKeys()) as string[];
}

// Attempts.
/** Stores a new practice set or exam, active, at its first question. */
export async function createAttempt(
  fields: Pick<AttemptRecord, 'kind' | 'title' | 'source' | 'seed' | 'questionIds'> & Partial<AttemptRecord>,
  now = Date.now(),
): Promise<AttemptRecord> {
  const attempt: AttemptRecord = {
    id: crypto.randomUUID(),
    position: 0,
    responses: {},
    marked: [],
    status: 'active',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.attempts.add(attempt);
  return attempt;
}

export function getAttempt(id: string): Promise<AttemptRecord | undefined> {
  return db.attempts.get(id);
}

export async function saveResponse(
  id: string,
  questionId: string,
  response: Response,
  position?: number,
): Promise<void> {
  await db.attempts
    .where('id')
    .equals(id)
    .modify((a) => {
      a.responses[questionId] = response;
      if (position !== undefined) a.position = position;
      a.updatedAt = Date.now();
    });
}

export async function updateAttempt(
  id: string,
  change: (a: AttemptRecord) => void,
): Promise<AttemptRecord | undefined> {
  let out: AttemptRecord | undefined;
  await db.transaction('rw', db.attempts, async () => {
    const a = await db.attempts.get(id);
    if (!a) return;
    change(a);
    a.updatedAt = Date.now();
    await db.attempts.put(a);
    out = a;
  });
  return out;
}

export async function activeAttempts(kind: AttemptRecord['kind']): Promise<AttemptRecord[]> {
  return (await db.attempts.where('[kind+status]').equals([kind, 'active']).toArray()).sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}

export async function submittedExams(): Promise<AttemptRecord[]> {
  return (await db.attempts.where('[kind+status]').equals(['exam', 'submitted']).toArray()).sort(
    (a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0),
  );
}

// Settings.
export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  if (value === undefined || value === null || value === '') await db.settings.delete(key);
  else await db.settings.put({ key, value });
}

/** The latest answer to each of the given questions. */
export async function latestFor(questionIds: readonly string[]): Promise<Map<string, AnswerRecord>> {
  const latest = new Map<string, AnswerRecord>();
  if (questionIds.length === 0) return latest;
  const rows = await db.answers
    .where('questionId')
    .anyOf([...questionIds])
    .toArray();
  for (const r of rows) {
    const prev = latest.get(r.questionId);
    if (!prev || prev.at <= r.at) latest.set(r.questionId, r);
  }
  return latest;
}

export async function isFlagged(questionId: string): Promise<boolean> {
  return (await db.flags.get(questionId)) !== undefined;
}
