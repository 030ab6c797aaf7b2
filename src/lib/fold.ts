// The per-question and per-day summaries of answers, folded one answer at a time (in time
// order). The data layer calls it when an answer is written, the schema upgrade that built the
// summaries called it, and the sync replay (replay.ts) calls it for answers from other devices.
import { localDay } from './progress';
import type { AnswerRecord, DayRecord, QuestionProgress } from '../db/db';

/** Adds one answer to the per-question and per-day summaries (answers folded in time order). */
export function foldAnswer(
  progress: Map<string, QuestionProgress>,
  days: Map<string, DayRecord>,
  a: AnswerRecord,
): void {
  const p = progress.get(a.questionId) ?? {
    questionId: a.questionId,
    answers: 0,
    rights: 0,
    lastCorrect: false,
    wrong: 1,
    lastAt: 0,
    firstAt: a.at,
  };
  p.firstAt = Math.min(p.firstAt, a.at);
  p.answers++;
  if (a.correct) p.rights++;
  if (a.at >= p.lastAt) {
    p.lastAt = a.at;
    p.lastCorrect = a.correct;
    p.wrong = a.correct ? 0 : 1;
  }
  progress.set(a.questionId, p);
  const day = localDay(a.at);
  const d = days.get(day) ?? { day, answers: 0, ms: 0 };
  d.answers++;
  d.ms += a.ms ?? 0;
  days.set(day, d);
}
