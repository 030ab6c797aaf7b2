// Recording answers: the answer, its review card and the progress summaries are written in one
// transaction, so they never disagree after a crash or a closed tab.
import { db, foldAnswer, type AnswerRecord } from './db';
import { localDay } from '../lib/progress';
import { reviewCard, type Confidence, type StoredCard } from '../lib/review';

export const MAX_ANSWER_MS = 5 * 60 * 1000;

/** Stores one answer and moves its review card (when the card is new or due). */
export async function recordAnswer(answer: Omit<AnswerRecord, 'id' | 'at'> & { at?: number }): Promise<AnswerRecord> {
  const record: AnswerRecord = { ...answer, at: answer.at ?? Date.now() };
  if (record.ms !== undefined) record.ms = Math.max(0, Math.min(MAX_ANSWER_MS, Math.round(record.ms)));
  await db.transaction('rw', [db.answers, db.cards, db.progress, db.days], async () => {
    record.id = await db.answers.add(record);
    const [card, progress, day] = await Promise.all([
      db.cards.get(record.questionId),
      db.progress.get(record.questionId),
      db.days.get(localDay(record.at)),
    ]);
    const next = reviewCard(record.questionId, card, record.correct, record.at);
    const p = new Map(progress ? [[progress.questionId, progress]] : []);
    const d = new Map(day ? [[day.day, day]] : []);
    foldAnswer(p, d, record);
    await Promise.all([
      next ? db.cards.put(next) : undefined,
      db.progress.bulkPut([...p.values()]),
      db.days.bulkPut([...d.values()]),
    ]);
  });
  return record;
}

/**
 * After a right answer the candidate may say they guessed or found it easy: re-rate the card
 * from its state before that answer, if that answer moved it.
 */
export async function rateConfidence(
  answer: AnswerRecord,
  confidence: Confidence,
  before: StoredCard | undefined,
): Promise<void> {
  const next = reviewCard(answer.questionId, before, answer.correct, answer.at, confidence);
  if (next) await db.cards.put(next);
}
