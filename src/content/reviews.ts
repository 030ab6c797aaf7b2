// Review dates of questions whose facts change ("Volatile: yes", "Reviewed: YYYY-MM"): which
// reviews are older than the limit. content:check prints them as warnings; it does not fail.
import type { Question } from './types.ts';

export const REVIEW_MAX_MONTHS = 12;

export interface ReviewWarning {
  id: string;
  /** content/path.md:line of the question. */
  source: string;
  reviewed: string;
  message: string;
}

function monthIndex(yyyyMm: string): number {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** Questions reviewed more than `maxMonths` months before `today` (YYYY-MM-DD), or in the future. */
export function staleReviews(
  questions: Iterable<Question>,
  today: string,
  maxMonths = REVIEW_MAX_MONTHS,
): ReviewWarning[] {
  const now = monthIndex(today.slice(0, 7));
  const out: ReviewWarning[] = [];
  for (const q of questions) {
    if (!q.reviewed) continue;
    const age = now - monthIndex(q.reviewed);
    if (age > maxMonths) {
      out.push({
        id: q.id,
        source: q.source,
        reviewed: q.reviewed,
        message: `Question "${q.id}" was last reviewed ${q.reviewed}, ${age} months ago: check it against its source and update "Reviewed:".`,
      });
    } else if (age < 0) {
      out.push({
        id: q.id,
        source: q.source,
        reviewed: q.reviewed,
        message: `Question "${q.id}" says it was reviewed ${q.reviewed}, a month still to come: write the month it was checked.`,
      });
    }
  }
  return out;
}
