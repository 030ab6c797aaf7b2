// The study repository: every read and write of answers, review cards, flags, attempts and
// settings. Writes that span tables run in one transaction, so an answer and its review card
// never disagree after a crash or a closed tab.
import { db, foldAnswer, type AnswerRecord, type AttemptRecord, type DayRecord, type QuestionProgress, type Response } from './db';
import { localDay } from '../lib/progress';
import { reviewCard, type Confidence, type StoredCard } from '../lib/review';

export const MAX_ANSWER_MS = 5 * 60 * 1000;

/** Stores one answer and moves its review card (when the card is new or due). */
export async function recordAnswer(answer: Omit<AnswerRecord, 'id' | 'at'> & { at?: number }): Promise<AnswerRecord> {
  const record: AnswerRecord = { ...answer, at: answer.at ?? Date.now() };
  if (record.ms !== undefined) record.ms = Math.max(0, Math.min(MAX_ANSWER_MS, Math.round(record.ms)));
  await db.transaction('rw', [db.answers, db.cards, db.progress, db.days], async () => {
    record.id = await db.answers.add(record);
    const [card, progress, day] = await Promise.all([db.cards.get(record.questionId), db.progress.get(record.questionId), db.days.get(localDay(record.at))]);
    const next = reviewCard(record.questionId, card, record.correct, record.at);
    const p = new Map(progress ? [[progress.questionId, progress]] : []);
    const d = new Map(day ? [[day.day, day]] : []);
    foldAnswer(p, d, record);
    await Promise.all([next ? db.cards.put(next) : undefined, db.progress.bulkPut([...p.values()]), db.days.bulkPut([...d.values()])]);
  });
  return record;
}

/**
 * After a right answer the candidate may say they guessed or found it easy: re-rate the card
 * from its state before that answer, if that answer moved it.
 */
export async function rateConfidence(answer: AnswerRecord, confidence: Confidence, before: StoredCard | undefined): Promise<void> {
  const next = reviewCard(answer.questionId, before, answer.correct, answer.at, confidence);
  if (next) await db.cards.put(next);
}

export function getCard(questionId: string): Promise<StoredCard | undefined> {
  return db.cards.get(questionId);
}

export async function dueQuestionIds(now = Date.now()): Promise<string[]> {
  return (await db.cards.where('due').belowOrEqual(now).primaryKeys()) as string[];
}

export async function countDue(now = Date.now()): Promise<number> {
  return db.cards.where('due').belowOrEqual(now).count();
}

export async function allAnswers(): Promise<AnswerRecord[]> {
  return db.answers.toArray();
}

export async function answersSince(t: number): Promise<AnswerRecord[]> {
  return db.answers.where('at').aboveOrEqual(t).toArray();
}

/** The answer summary of every answered question (for "missed" and "never seen", and progress). */
export async function progressByQuestion(): Promise<Map<string, QuestionProgress>> {
  return new Map((await db.progress.toArray()).map((p) => [p.questionId, p]));
}

export function studyDays(): Promise<DayRecord[]> {
  return db.days.toArray();
}

export async function answersTo(questionId: string): Promise<AnswerRecord[]> {
  return db.answers.where('[questionId+at]').between([questionId, -Infinity], [questionId, Infinity]).reverse().toArray();
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
export async function createAttempt(attempt: AttemptRecord): Promise<AttemptRecord> {
  await db.attempts.add(attempt);
  return attempt;
}

export function getAttempt(id: string): Promise<AttemptRecord | undefined> {
  return db.attempts.get(id);
}

export async function saveResponse(id: string, questionId: string, response: Response, position?: number): Promise<void> {
  await db.attempts.where('id').equals(id).modify((a) => {
    a.responses[questionId] = response;
    if (position !== undefined) a.position = position;
    a.updatedAt = Date.now();
  });
}

export async function updateAttempt(id: string, change: (a: AttemptRecord) => void): Promise<AttemptRecord | undefined> {
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
  return (await db.attempts.where('[kind+status]').equals([kind, 'active']).toArray()).sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function submittedExams(): Promise<AttemptRecord[]> {
  return (await db.attempts.where('[kind+status]').equals(['exam', 'submitted']).toArray()).sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0));
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
  const rows = await db.answers.where('questionId').anyOf([...questionIds]).toArray();
  for (const r of rows) {
    const prev = latest.get(r.questionId);
    if (!prev || prev.at <= r.at) latest.set(r.questionId, r);
  }
  return latest;
}

export async function isFlagged(questionId: string): Promise<boolean> {
  return (await db.flags.get(questionId)) !== undefined;
}
