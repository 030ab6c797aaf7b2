// The mock-exam feature's repository: starting, saving, timing and submitting exams.
import { useLiveQuery } from 'dexie-react-hooks';
import { content, loadAllQuestions, loadQuestionsById } from '../../content/runtime';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { activeAttempts, createAttempt, getAttempt, seenIds, submittedExams, updateAttempt } from '../../db/study';
import { recordAnswer } from '../../db/answers';
import { assembleExam, scoreExam } from '../../lib/exam';
import { newSeed } from '../../lib/random';
import { isCorrectChoice } from '../../lib/scoring';

export { getAttempt, updateAttempt };

export interface ExamShape {
  questions: number;
  minutes: number;
  label: string;
}

/** The real exam's shape from content/program.md, and shorter ones at the same pace. */
export function examShapes(): ExamShape[] {
  const { questions, minutes } = content.program.exam;
  const pace = minutes / questions;
  return [
    { questions, minutes, label: 'Full exam' },
    { questions: 50, minutes: Math.round(50 * pace), label: 'Half-length' },
    { questions: 25, minutes: Math.round(25 * pace), label: 'Short' },
  ].filter((s, i) => i === 0 || s.questions < questions);
}

export async function startExam(shape: ExamShape, now = Date.now()): Promise<AttemptRecord> {
  const [bank, seen] = await Promise.all([loadAllQuestions(), seenIds()]);
  const seed = newSeed();
  const subareas = content.areas.flatMap((a) => a.subareas.map((s) => ({ id: s.id, weight: s.weight })));
  const ids = assembleExam(bank, subareas, shape.questions, seen, seed);
  return createAttempt(
    {
      kind: 'exam',
      title: `${shape.label}: ${ids.length} questions, ${shape.minutes} minutes`,
      source: { type: 'exam' },
      seed,
      questionIds: ids,
      durationMs: shape.minutes * 60_000,
      usedMs: 0,
      runningSince: now,
      paused: false,
    },
    now,
  );
}

export function usedMs(a: AttemptRecord, now = Date.now()): number {
  return (a.usedMs ?? 0) + (a.runningSince ? Math.max(0, now - a.runningSince) : 0);
}

export function remainingMs(a: AttemptRecord, now = Date.now()): number {
  return Math.max(0, (a.durationMs ?? 0) - usedMs(a, now));
}

/** Stops the clock, keeping the time used (pause, leaving the page, closing the tab). */
export function stopClock(id: string, now = Date.now()) {
  return updateAttempt(id, (a) => {
    a.usedMs = usedMs(a, now);
    a.runningSince = null;
  });
}

export function startClock(id: string, now = Date.now()) {
  return updateAttempt(id, (a) => {
    if (a.status === 'active' && !a.runningSince) a.runningSince = now;
  });
}

/** Scores the exam, records every given answer for progress and review, and closes it. */
export async function submitExam(
  id: string,
  questions: Question[],
  now = Date.now(),
): Promise<AttemptRecord | undefined> {
  const attempt = await getAttempt(id);
  if (!attempt || attempt.status === 'submitted') return attempt;
  const right = new Set<string>();
  for (const q of questions) {
    const r = attempt.responses[q.id];
    if (!r || r.choice.length === 0) continue;
    const correct = isCorrectChoice(q.options, r.choice);
    if (correct) right.add(q.id);
    await recordAnswer({ questionId: q.id, choice: r.choice, correct, context: `exam:${id}`, at: r.at });
  }
  return updateAttempt(id, (a) => {
    a.usedMs = Math.min(a.durationMs ?? Infinity, usedMs(a, now));
    a.runningSince = null;
    a.status = 'submitted';
    a.submittedAt = now;
    for (const q of questions) {
      const r = a.responses[q.id];
      if (r) r.correct = right.has(q.id);
    }
    a.result = scoreExam(questions, right);
  });
}

export async function loadExam(id: string): Promise<{ attempt: AttemptRecord; questions: Question[] } | null> {
  const attempt = await getAttempt(id);
  if (!attempt || attempt.kind !== 'exam') return null;
  return { attempt, questions: await loadQuestionsById(attempt.questionIds) };
}

export function useExamHistory(): AttemptRecord[] | undefined {
  return useLiveQuery(() => submittedExams(), []);
}

export function useActiveExams(): AttemptRecord[] | undefined {
  return useLiveQuery(() => activeAttempts('exam'), []);
}

/** Folds running time into usedMs every few seconds, so a closed tab loses at most that much. */
export function checkpointClock(id: string, now = Date.now()) {
  return updateAttempt(id, (a) => {
    if (a.status !== 'active' || !a.runningSince) return;
    a.usedMs = usedMs(a, now);
    a.runningSince = now;
  });
}

/**
 * Starts the clock when the exam is on screen, unless the candidate paused it. A stale start
 * (the tab was closed without a last checkpoint) does not count the time it was closed.
 */
export function resumeClock(id: string, now = Date.now()) {
  return updateAttempt(id, (a) => {
    if (a.status !== 'active' || a.paused) return;
    if (!a.runningSince || now - a.runningSince > CHECKPOINT_MS * 2) a.runningSince = now;
  });
}

export function pauseExam(id: string, paused: boolean, now = Date.now()) {
  return updateAttempt(id, (a) => {
    if (a.status !== 'active') return;
    a.usedMs = usedMs(a, now);
    a.paused = paused;
    a.runningSince = paused ? null : now;
  });
}

export const CHECKPOINT_MS = 5000;

export { saveResponse } from '../../db/study';
