// Recording answers: the answer, its review card and the progress summaries are written in one
// transaction, so they never disagree after a crash or a closed tab. A practice-set answer also
// stores the set's response in that same transaction (see attempts.ts), so a set killed between
// two writes can never count an answer twice.
import { db, foldAnswer, type AnswerRecord, noteLocalChange } from './db';
import { localDay } from '../lib/progress';
import { reviewCard, type Confidence, type StoredCard } from '../lib/review';

export const MAX_ANSWER_MS = 5 * 60 * 1000;

/** The tables an answer touches: a transaction that writes answers must include them all. */
export const answerTables = () => [db.answers, db.cards, db.progress, db.days];

export type NewAnswer = Omit<AnswerRecord, 'id' | 'at' | 'uid'> & { at?: number };

// The card as it was before each answer of this tab moved it, so "I guessed" / "Easy" can
// re-rate from there. Kept here so components never carry scheduler state between calls.
const cardsBefore = new Map<number, StoredCard | undefined>();

export function normalise(answer: NewAnswer): AnswerRecord {
  const record: AnswerRecord = { ...answer, at: answer.at ?? Date.now(), uid: crypto.randomUUID() };
  if (record.ms !== undefined) record.ms = Math.max(0, Math.min(MAX_ANSWER_MS, Math.round(record.ms)));
  return record;
}

/** Writes one answer with its card and summaries. Must run inside a transaction on answerTables(). */
export async function writeAnswer(record: AnswerRecord): Promise<AnswerRecord> {
  const id = await db.answers.add(record);
  record.id = id;
  const [card, progress, day] = await Promise.all([
    db.cards.get(record.questionId),
    db.progress.get(record.questionId),
    db.days.get(localDay(record.at)),
  ]);
  const next = reviewCard(record.questionId, card, record.correct, record.at);
  if (next && id !== undefined) cardsBefore.set(id, card);
  const p = new Map(progress ? [[progress.questionId, progress]] : []);
  const d = new Map(day ? [[day.day, day]] : []);
  foldAnswer(p, d, record);
  await Promise.all([
    next ? db.cards.put(next) : undefined,
    db.progress.bulkPut([...p.values()]),
    db.days.bulkPut([...d.values()]),
  ]);
  return record;
}

/** Stores one answer given outside a set (browsing an area or a session). */
export async function recordAnswer(answer: NewAnswer): Promise<AnswerRecord> {
  const record = normalise(answer);
  await db.transaction('rw', answerTables(), () => writeAnswer(record));
  noteLocalChange('answers');
  return record;
}

/**
 * After a right answer the candidate may say they guessed or found it easy: re-rate the card
 * from its state before that answer, if that answer moved it (and this tab recorded it).
 */
export async function rateConfidence(answer: AnswerRecord, confidence: Confidence): Promise<void> {
  if (answer.id === undefined || !cardsBefore.has(answer.id)) return;
  const id = answer.id;
  const next = reviewCard(answer.questionId, cardsBefore.get(id), answer.correct, answer.at, confidence);
  if (!next) return;
  // The confidence is kept on the answer, so a replay of the answers (sync) rates it the same.
  await db.transaction('rw', db.answers, db.cards, async () => {
    await db.answers.update(id, { confidence });
    await db.cards.put(next);
  });
  answer.confidence = confidence;
  noteLocalChange('answers');
}
