// Practice sets and mock exams ("attempts"): one record each in the attempts table, with its
// questions, position, responses, flags and (exams, timed sets) its clock. Every user action is
// one named operation that reads the record fresh inside its own transaction and changes only
// its own part, so two tabs on one attempt never write back each other's stale lists.
import { db, type AttemptRecord, type Response, noteLocalChange } from './db';
import { answerTables, normalise, writeAnswer, type NewAnswer } from './answers';
import { checkpoint } from '../lib/exam-clock';
import type { AnswerRecord } from './db';
import { newSeed } from '../lib/random';

/** Reads the attempt fresh, applies one change and stores it, in one transaction. */
async function change(id: string, fn: (a: AttemptRecord) => void | false): Promise<AttemptRecord | undefined> {
  let changed = false;
  const result = await db.transaction('rw', db.attempts, async () => {
    const a = await db.attempts.get(id);
    if (!a) return undefined;
    if (fn(a) === false) return a;
    a.updatedAt = Date.now();
    await db.attempts.put(a);
    changed = true;
    return a;
  });
  if (changed) noteLocalChange('attempts', [id]);
  return result;
}

/** Stores a new practice set or exam, active, at its first question. */
export async function createAttempt(
  fields: Pick<AttemptRecord, 'kind' | 'title' | 'source' | 'seed' | 'questionIds'> & Partial<AttemptRecord>,
  now = Date.now(),
): Promise<AttemptRecord> {
  const attempt: AttemptRecord = {
    id: crypto.randomUUID(),
    position: 0,
    responses: {},
    marked: [],
    status: 'active',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db.attempts.add(attempt);
  noteLocalChange('attempts', [attempt.id]);
  return attempt;
}

export function getAttempt(id: string): Promise<AttemptRecord | undefined> {
  return db.attempts.get(id);
}

/** Shows another question of the attempt. */
export function moveTo(id: string, position: number) {
  return change(id, (a) => {
    if (a.position === position) return false;
    a.position = Math.max(0, Math.min(a.questionIds.length, position));
  });
}

/** Exam or timed set: the options chosen for one question (scored at submit). */
export function chooseOption(id: string, questionId: string, choice: number[], at = Date.now()) {
  return change(id, (a) => {
    if (a.status !== 'active') return false;
    a.responses[questionId] = { choice, at };
  });
}

/** Exam: flags one question for review, or clears its flag. */
export function setMark(id: string, questionId: string, on: boolean) {
  return change(id, (a) => {
    const has = a.marked.includes(questionId);
    if (has === on) return false;
    a.marked = on ? [...a.marked, questionId] : a.marked.filter((q) => q !== questionId);
  });
}

/** Practice set, tutor mode: the end of the set. */
export function finishSet(id: string) {
  return change(id, (a) => {
    if (a.status === 'submitted') return false;
    a.status = 'submitted';
    a.position = a.questionIds.length;
    a.submittedAt = Date.now();
  });
}

/**
 * Practice set, tutor mode: checks one answer. The answer (with its card and summaries) and
 * the set's response are one transaction; checking the same question again stores nothing.
 */
export async function answerInSet(
  id: string,
  answer: NewAnswer,
): Promise<{ record: AnswerRecord | undefined; response: Response } | undefined> {
  const record = normalise(answer);
  const result = await db.transaction('rw', [db.attempts, ...answerTables()], async () => {
    const a = await db.attempts.get(id);
    if (!a) return undefined;
    const existing = a.responses[record.questionId];
    if (existing && existing.correct !== undefined) return { record: undefined, response: existing };
    await writeAnswer(record);
    const response: Response = { choice: record.choice, correct: record.correct, at: record.at };
    a.responses[record.questionId] = response;
    a.updatedAt = Date.now();
    await db.attempts.put(a);
    return { record, response };
  });
  if (result?.record) {
    noteLocalChange('answers');
    noteLocalChange('attempts', [id]);
  }
  return result;
}

/**
 * The clock's checkpoint, every second while the exam is on screen: folds the time into the
 * attempt and into the time spent on the question on screen. `keepRunning` false stops it
 * (the tab is hidden or left).
 */
export function tickClock(id: string, questionId: string | undefined, keepRunning: boolean, now = Date.now()) {
  return change(id, (a) => {
    if (a.status !== 'active') return false;
    const before = a.usedMs ?? 0;
    Object.assign(a, checkpoint(a, now, keepRunning));
    creditQuestion(a, questionId, (a.usedMs ?? 0) - before);
  });
}

function creditQuestion(a: AttemptRecord, questionId: string | undefined, spent: number): void {
  if (!questionId || spent <= 0) return;
  a.timeByQuestion = { ...a.timeByQuestion, [questionId]: (a.timeByQuestion?.[questionId] ?? 0) + spent };
}

/** Pauses or resumes the exam clock; the time up to a pause goes to the question on screen. */
export function setPaused(id: string, paused: boolean, questionId?: string, now = Date.now()) {
  return change(id, (a) => {
    if (a.status !== 'active') return false;
    const before = a.usedMs ?? 0;
    const folded = checkpoint(a, now, false);
    a.usedMs = folded.usedMs;
    creditQuestion(a, questionId, folded.usedMs - before);
    a.paused = paused;
    a.runningSince = paused ? null : now;
  });
}

export async function activeAttempts(kind: AttemptRecord['kind']): Promise<AttemptRecord[]> {
  return (await db.attempts.where('[kind+status]').equals([kind, 'active']).toArray()).sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}

export async function submittedExams(): Promise<AttemptRecord[]> {
  return (await db.attempts.where('[kind+status]').equals(['exam', 'submitted']).toArray()).sort(
    (a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0),
  );
}

/** The questions of an attempt that were answered wrong or not at all. */
export function missedIn(a: AttemptRecord): string[] {
  return a.questionIds.filter((q) => a.responses[q]?.correct !== true);
}

/** A tutor-mode practice set of the questions missed in a finished set or exam. */
export async function startRetry(from: AttemptRecord): Promise<AttemptRecord | undefined> {
  const ids = missedIn(from);
  if (ids.length === 0) return undefined;
  return createAttempt({
    kind: 'practice',
    title: `Retry missed: ${from.title}`,
    source: { type: 'retry', from: from.id },
    seed: newSeed(),
    questionIds: ids,
    mode: 'tutor',
  });
}
