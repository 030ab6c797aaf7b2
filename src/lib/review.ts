// Spaced review with FSRS (ts-fsrs). Each question is a card. An answer moves the card only
// when the card is new or due: practising ahead of schedule (cramming) leaves it alone.
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** A card as stored in IndexedDB: dates as epoch milliseconds. */
export interface StoredCard {
  questionId: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number | undefined;
}

/** How sure the candidate was, offered after a right answer. */
export type Confidence = 'guessed' | 'sure' | 'easy';

// Settings for multiple-choice exam preparation, not language flashcards: no short-term
// learning steps. With FSRS's default steps a question answered right the first time came back
// 10 minutes later, and a few dozen new questions flooded the review list within the hour. A
// recognised multiple-choice item is worth seeing again in days, not minutes: a first right
// answer is due in 3 days, a wrong one tomorrow (and it is in "Missed last time" at once).
// No fuzz, so the schedule is the same on every device and in tests.
export const scheduler = fsrs({
  enable_fuzz: false,
  enable_short_term: false,
  learning_steps: [],
  relearning_steps: [],
});

export function gradeFor(correct: boolean, confidence: Confidence = 'sure'): Grade {
  if (!correct) return Rating.Again;
  return confidence === 'guessed' ? Rating.Hard : confidence === 'easy' ? Rating.Easy : Rating.Good;
}

function toCard(s: StoredCard): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    last_review: s.last_review === undefined ? undefined : new Date(s.last_review),
  };
}

function fromCard(questionId: string, c: Card): StoredCard {
  return {
    questionId,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review ? c.last_review.getTime() : undefined,
  };
}

export function isDue(card: StoredCard | undefined, now: number): boolean {
  return card !== undefined && card.due <= now;
}

/**
 * The card after an answer, or undefined when the answer must not move it (the card exists
 * and is not yet due: the candidate is practising ahead of the schedule).
 */
export function reviewCard(
  questionId: string,
  card: StoredCard | undefined,
  correct: boolean,
  now: number,
  confidence: Confidence = 'sure',
): StoredCard | undefined {
  if (card && card.due > now) return undefined;
  const current = card ? toCard(card) : createEmptyCard(new Date(now));
  const next = scheduler.next(current, new Date(now), gradeFor(correct, confidence));
  return fromCard(questionId, next.card);
}
