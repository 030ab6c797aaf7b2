// Practice sets: which questions a source gives, and starting a shuffled, resumable attempt.
import {
  findCompetency,
  findSession,
  findSubarea,
  loadAllQuestions,
  loadAreaQuestions,
  loadSessionQuestions,
  findArea,
} from '../../content/runtime';
import type { Question } from '../../content/types';
import { newSeed, shuffled } from '../../lib/random';
import { createAttempt, dueQuestionIds, flaggedIds, missedIds, seenIds } from '../../db/study';
import type { AttemptRecord, SetSource } from '../../db/db';

export type SetLength = 10 | 25 | 50 | 'all';
export const LENGTHS: SetLength[] = [10, 25, 50, 'all'];

export function sourceTitle(source: SetSource): string {
  switch (source.type) {
    case 'area':
      return findArea(source.id)?.title ?? source.id;
    case 'subarea':
      return findSubarea(source.id)?.subarea.title ?? source.id;
    case 'competency':
      return findCompetency(source.id)?.title ?? source.id;
    case 'session':
      return findSession(source.id)?.title ?? source.id;
    case 'mixed':
      return 'Everything mixed';
    case 'missed':
      return 'Missed last time';
    case 'flagged':
      return 'Flagged questions';
    case 'new':
      return 'Never seen';
    case 'due':
      return 'Due for review';
  }
}

export async function questionsFor(source: SetSource, now = Date.now()): Promise<Question[]> {
  switch (source.type) {
    case 'area':
      return loadAreaQuestions(source.id);
    case 'subarea': {
      const found = findSubarea(source.id);
      return found ? (await loadAreaQuestions(found.area.id)).filter((q) => q.subarea === source.id) : [];
    }
    case 'competency': {
      const found = findCompetency(source.id);
      return found ? (await loadAreaQuestions(found.area.id)).filter((q) => q.competency === source.id) : [];
    }
    case 'session': {
      const session = findSession(source.id);
      return session ? loadSessionQuestions(session) : [];
    }
    case 'mixed':
      return loadAllQuestions();
    case 'missed': {
      const ids = await missedIds();
      return (await loadAllQuestions()).filter((q) => ids.has(q.id));
    }
    case 'flagged': {
      const ids = new Set(await flaggedIds());
      return (await loadAllQuestions()).filter((q) => ids.has(q.id));
    }
    case 'new': {
      const seen = await seenIds();
      return (await loadAllQuestions()).filter((q) => !seen.has(q.id));
    }
    case 'due': {
      const ids = new Set(await dueQuestionIds(now));
      return (await loadAllQuestions()).filter((q) => ids.has(q.id));
    }
  }
}

/** Creates a shuffled practice set of the given length; undefined when the source is empty. */
export async function startPracticeSet(
  source: SetSource,
  length: SetLength,
  now = Date.now(),
): Promise<AttemptRecord | undefined> {
  const pool = await questionsFor(source, now);
  if (pool.length === 0) return undefined;
  const seed = newSeed();
  const ids = shuffled(
    pool.map((q) => q.id),
    seed,
  ).slice(0, length === 'all' ? undefined : length);
  return createAttempt({ kind: 'practice', title: sourceTitle(source), source, seed, questionIds: ids }, now);
}
