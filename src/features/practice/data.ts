// The practice feature's repository: the only way its UI reads and writes study data.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnswerRecord, AttemptRecord } from '../../db/db';
import {
  activeAttempts,
  answersTo,
  countDue,
  flaggedIds,
  isFlagged,
  latestFor,
  missedIds,
  seenIds,
} from '../../db/study';
import { content } from '../../content/runtime';

export type { AnswerRecord };
export { recordAnswer, rateConfidence } from '../../db/answers';
export { getCard, setFlag } from '../../db/study';

/** Earlier answers to one question, newest first; undefined while loading. */
export function useAnswersTo(questionId: string | undefined): AnswerRecord[] | undefined {
  return useLiveQuery(async () => (questionId ? answersTo(questionId) : []), [questionId]);
}

/** The latest answer to each of the given questions. */
export function useLatestAnswers(questionIds: readonly string[] | undefined): Map<string, AnswerRecord> | undefined {
  const key = questionIds?.join('|');
  return useLiveQuery(() => latestFor(questionIds ?? []), [key]);
}

export function useIsFlagged(questionId: string): boolean {
  return useLiveQuery(() => isFlagged(questionId), [questionId]) ?? false;
}

/** Sizes of the personal sets, live. */
export function usePersonalCounts(): { due: number; missed: number; flagged: number; new: number } | undefined {
  return useLiveQuery(async () => {
    const [due, seen, missed, flagged] = await Promise.all([countDue(), seenIds(), missedIds(), flaggedIds()]);
    return { due, missed: missed.size, flagged: flagged.length, new: Math.max(0, content.counts.total - seen.size) };
  }, []);
}

export function useActiveSets(): AttemptRecord[] | undefined {
  return useLiveQuery(() => activeAttempts('practice'), []);
}

export { getAttempt, saveResponse, updateAttempt } from '../../db/study';
