// Review cards and progress from the answers themselves: what a device derives when answers
// given on another device arrive (sync). Cards, per-question progress and per-day figures are
// not synced; each device replays the answers of a question in one time order, the same on
// every device, so reviews done offline on two devices both count and both end equal.
import { foldAnswer } from './fold';
import { localDay } from './progress';
import { reviewCard, type StoredCard } from './review';
import type { AnswerRecord, DayRecord, QuestionProgress } from '../db/db';

/** The one time order of answers on every device: by time, then by uid (never by local id). */
export function answerOrder(a: AnswerRecord, b: AnswerRecord): number {
  return a.at - b.at || (a.uid ?? '').localeCompare(b.uid ?? '');
}

export interface Replayed {
  /** The card of each question whose answers moved it. */
  cards: StoredCard[];
  progress: QuestionProgress[];
}

/**
 * Replays every answer of the given questions in time order, as recording them one by one did:
 * each answer moves the card only when it is new or due (reviewCard), with the confidence the
 * candidate gave, and adds to the question's summary. Pass ALL the answers of each question.
 */
export function replayQuestions(answers: readonly AnswerRecord[]): Replayed {
  const cards = new Map<string, StoredCard>();
  const progress = new Map<string, QuestionProgress>();
  const ignoredDays = new Map<string, DayRecord>();
  for (const a of [...answers].sort(answerOrder)) {
    const next = reviewCard(a.questionId, cards.get(a.questionId), a.correct, a.at, a.confidence);
    if (next) cards.set(a.questionId, next);
    foldAnswer(progress, ignoredDays, a);
  }
  return { cards: [...cards.values()], progress: [...progress.values()] };
}

/**
 * The day records after adding answers new to this device: the days they fall on, each from
 * its record so far (answers and time are sums, so the order does not matter).
 */
export function addToDays(before: readonly DayRecord[], added: readonly AnswerRecord[]): DayRecord[] {
  const days = new Map(before.map((d) => [d.day, { ...d }]));
  const ignored = new Map<string, QuestionProgress>();
  for (const a of added) foldAnswer(ignored, days, a);
  const touched = new Set(added.map((a) => localDay(a.at)));
  return [...days.values()].filter((d) => touched.has(d.day));
}
