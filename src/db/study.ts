// The study repository: reads of answers, review cards and progress, and the flags, attempts
// and settings. Recording an answer (which needs the FSRS scheduler) is in answers.ts, so the
// home screen's figures load without the scheduler.
import { db, type AnswerRecord, type DayRecord, type QuestionProgress, noteLocalChange } from './db';
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
  noteLocalChange('flags', [questionId]);
}

export async function flaggedIds(): Promise<string[]> {
  return (await db.flags.toCollection().primaryKeys()) as string[];
}

// Settings.
export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  if (value === undefined || value === null || value === '') await db.settings.delete(key);
  else await db.settings.put({ key, value, at: Date.now() });
  noteLocalChange('settings', [key]);
}

export async function isFlagged(questionId: string): Promise<boolean> {
  return (await db.flags.get(questionId)) !== undefined;
}

/** The per-question summaries of the given questions (no scan of the answers table). */
export async function progressFor(questionIds: readonly string[]): Promise<Map<string, QuestionProgress>> {
  const rows = await db.progress.bulkGet([...questionIds]);
  return new Map(rows.flatMap((r) => (r ? [[r.questionId, r] as const] : [])));
}

export { submittedExams } from './attempts';
