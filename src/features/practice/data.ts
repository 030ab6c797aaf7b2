// The practice feature's repository: the only way its UI reads and writes study data.
import { useStored } from '../../db/use-stored';
import type { AnswerRecord, AttemptRecord, QuestionProgress } from '../../db/db';
import { answersTo, countDue, flaggedIds, isFlagged, missedIds, progressFor, seenIds } from '../../db/study';
import { activeAttempts } from '../../db/attempts';
import { bankCounts, content, loadQuestionPlaces } from '../../content/runtime';
import { latestFromSummaries, mastery, type Mastery } from '../../lib/progress';

export type { AnswerRecord };
export { recordAnswer, rateConfidence } from '../../db/answers';
export { setFlag } from '../../db/study';
export { storageUsable } from '../../db/storage';
export { useWrite } from '../../db/use-write';
export { answerInSet, finishSet, getAttempt, missedIn, moveTo, startRetry } from '../../db/attempts';

// Without storage: nothing answered, nothing flagged, no sets.
const NO_ANSWERS: AnswerRecord[] = [];
const NO_PROGRESS = new Map<string, QuestionProgress>();
const NO_SETS: AttemptRecord[] = [];

/** Earlier answers to one question, newest first; undefined while loading. */
export function useAnswersTo(questionId: string | undefined): AnswerRecord[] | undefined {
  return useStored(async () => (questionId ? answersTo(questionId) : []), [questionId], NO_ANSWERS);
}

/** The progress summary of each of the given questions (answered at least once). */
export function useProgressFor(questionIds: readonly string[]): Map<string, QuestionProgress> | undefined {
  const key = questionIds.join('|');
  // The key stands for the ids: the query reruns when the set of questions changes.
  // oxlint-disable-next-line react/exhaustive-deps
  return useStored(() => progressFor(questionIds), [key], NO_PROGRESS);
}

export function useIsFlagged(questionId: string): boolean {
  return useStored(() => isFlagged(questionId), [questionId], false) ?? false;
}

export interface PersonalCounts {
  due: number;
  missed: number;
  flagged: number;
  new: number;
}

/** Sizes of the personal sets, live. */
export function usePersonalCounts(): PersonalCounts | undefined {
  return useStored(
    async () => {
      const [due, seen, missed, flagged] = await Promise.all([countDue(), seenIds(), missedIds(), flaggedIds()]);
      return { due, missed: missed.size, flagged: flagged.length, new: Math.max(0, bankCounts().total - seen.size) };
    },
    [],
    { due: 0, missed: 0, flagged: 0, new: content.counts.total },
  );
}

export function useActiveSets(): AttemptRecord[] | undefined {
  return useStored(() => activeAttempts('practice'), [], NO_SETS);
}

export interface TreeMastery {
  byArea: Map<string, Mastery>;
  bySubarea: Map<string, Mastery>;
  byCompetency: Map<string, Mastery>;
}

const NO_MASTERY: TreeMastery = { byArea: new Map(), bySubarea: new Map(), byCompetency: new Map() };

/** Mastery of every area, sub-area and competency, from the per-question summaries. */
export function useTreeMastery(): TreeMastery | undefined {
  return useStored(
    async () => {
      const [bank, seen, missed] = await Promise.all([loadQuestionPlaces(), seenIds(), missedIds()]);
      const latest = latestFromSummaries(seen, missed);
      return {
        byArea: mastery(bank, latest, (q) => q.area),
        bySubarea: mastery(bank, latest, (q) => q.subarea),
        byCompetency: mastery(bank, latest, (q) => q.competency),
      };
    },
    [],
    NO_MASTERY,
  );
}
