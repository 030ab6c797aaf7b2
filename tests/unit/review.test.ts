import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { gradeFor, isDue, reviewCard } from '../../src/lib/review';

const DAY = 86_400_000;
const t0 = Date.parse('2027-01-10T12:00:00Z');

describe('FSRS scheduling glue', () => {
  it('rates from correctness and confidence', () => {
    expect(gradeFor(false)).toBe(Rating.Again);
    expect(gradeFor(false, 'easy')).toBe(Rating.Again);
    expect(gradeFor(true)).toBe(Rating.Good);
    expect(gradeFor(true, 'guessed')).toBe(Rating.Hard);
    expect(gradeFor(true, 'easy')).toBe(Rating.Easy);
  });

  it('schedules a new card, sooner after a wrong answer than after an easy one', () => {
    const wrong = reviewCard('q', undefined, false, t0)!;
    const easy = reviewCard('q', undefined, true, t0, 'easy')!;
    expect(wrong.questionId).toBe('q');
    expect(wrong.due).toBeGreaterThan(t0);
    expect(easy.due).toBeGreaterThan(wrong.due);
    expect(easy.due - t0).toBeGreaterThanOrEqual(DAY);
    expect(easy.reps).toBe(1);
  });

  it('leaves a card that is not yet due alone: cramming does not disturb the schedule', () => {
    const card = reviewCard('q', undefined, true, t0, 'easy')!;
    expect(reviewCard('q', card, false, t0 + 60_000)).toBeUndefined();
    expect(isDue(card, t0 + 60_000)).toBe(false);
  });

  it('moves a due card: a lapse brings it back soon, a success pushes it further out', () => {
    const card = reviewCard('q', undefined, true, t0, 'easy')!;
    const later = card.due + 1000;
    expect(isDue(card, later)).toBe(true);
    const lapsed = reviewCard('q', card, false, later)!;
    expect(lapsed.lapses).toBe(1);
    const kept = reviewCard('q', card, true, later)!;
    expect(lapsed.due - later).toBeLessThan(kept.due - later);
    expect(kept.due - later).toBeGreaterThan(card.due - t0);
  });

  it('does not flood reviews: a question answered right the first time is not due again the same day', () => {
    const right = reviewCard('q', undefined, true, t0)!;
    expect(isDue(right, t0 + 10 * 60_000)).toBe(false);
    expect(isDue(right, t0 + DAY)).toBe(false);
    expect(right.due - t0).toBeGreaterThanOrEqual(2 * DAY);
    // Even a guess waits a day; a wrong answer comes back tomorrow, not in ten minutes.
    expect(reviewCard('q', undefined, true, t0, 'guessed')!.due - t0).toBeGreaterThanOrEqual(DAY);
    expect(reviewCard('q', undefined, false, t0)!.due - t0).toBeGreaterThanOrEqual(DAY);
  });
});
