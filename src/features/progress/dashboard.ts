// Dashboard figures from the progress summaries and the bank's shape: pure, so the benchmark
// and the tests can run it without React.
import type { ContentIndex, Question } from '../../content/types';
import type { DayRecord } from '../../db/db';
import { latestFromSummaries, mastery, readinessRange, streak, type Mastery, type Readiness } from '../../lib/progress';

export interface Dashboard {
  byArea: Map<string, Mastery>;
  bySubarea: Map<string, Mastery>;
  byCompetency: Map<string, Mastery>;
  seen: number;
  total: number;
  readiness: Readiness;
  minutes: number;
  streak: number;
}

/** `seen`: questions answered at least once; `missed`: those whose latest answer was wrong. */
export function computeDashboard(
  index: ContentIndex,
  bank: readonly Pick<Question, 'id' | 'area' | 'subarea' | 'competency'>[],
  seen: ReadonlySet<string>,
  missed: ReadonlySet<string>,
  days: readonly DayRecord[],
  now = Date.now(),
): Dashboard {
  const latest = latestFromSummaries(seen, missed);
  const bySubarea = mastery(bank, latest, (q) => q.subarea);
  const byArea = mastery(bank, latest, (q) => q.area);
  return {
    byArea,
    bySubarea,
    byCompetency: mastery(bank, latest, (q) => q.competency),
    seen: bank.filter((q) => seen.has(q.id)).length,
    total: bank.length,
    readiness: readinessRange(index.areas, byArea, bySubarea),
    minutes: Math.round(days.reduce((s, d) => s + d.ms, 0) / 60_000),
    streak: streak(
      days.map((d) => Date.parse(`${d.day}T12:00:00`)),
      now,
    ),
  };
}
