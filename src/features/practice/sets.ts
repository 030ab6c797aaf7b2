// Practice sets: which questions a source gives, and starting a shuffled, resumable attempt.
import {
  findCompetency,
  findSession,
  loadSession,
  findSubarea,
  loadAllQuestions,
  loadAreaQuestions,
  loadSessionQuestions,
  findArea,
} from '../../content/runtime';
import type { Question } from '../../content/types';
import { newSeed, shuffled } from '../../lib/random';
import { dueQuestionIds, flaggedIds, missedIds, seenIds } from '../../db/study';
import { createAttempt, getAttempt, missedIn } from '../../db/attempts';
import type { AttemptRecord, SetSource, StudyMode } from '../../db/db';

export { LENGTHS, examPace, type SetLength } from './set-options';
import { examPace, type SetLength } from './set-options';

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
    case 'retry':
      return 'Retry missed';
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
      const session = await loadSession(source.id);
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
    case 'retry': {
      const from = await getAttempt(source.from);
      const ids = new Set(from ? missedIn(from) : []);
      return (await loadAllQuestions()).filter((q) => ids.has(q.id));
    }
  }
}

/**
 * Creates a shuffled practice set of the given length; undefined when the source is empty. A
 * timed set runs on the exam screen at the real exam's pace, with feedback at the end.
 */
export async function startPracticeSet(
  source: SetSource,
  length: SetLength,
  mode: StudyMode = 'tutor',
  now = Date.now(),
): Promise<AttemptRecord | undefined> {
  const pool = await questionsFor(source, now);
  if (pool.length === 0) return undefined;
  const seed = newSeed();
  const ids = shuffled(
    pool.map((q) => q.id),
    seed,
  ).slice(0, length === 'all' ? undefined : length);
  if (mode === 'timed') {
    const durationMs = Math.round(ids.length * examPace());
    const title = `Timed set: ${sourceTitle(source)}, ${ids.length} questions, ${Math.round(durationMs / 60_000)} minutes`;
    return createAttempt(
      {
        kind: 'exam',
        title,
        source,
        seed,
        questionIds: ids,
        mode,
        durationMs,
        usedMs: 0,
        runningSince: null,
        paused: false,
      },
      now,
    );
  }
  return createAttempt({ kind: 'practice', title: sourceTitle(source), source, seed, questionIds: ids, mode }, now);
}
