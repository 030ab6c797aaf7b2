// The attempt operations (src/db/attempts.ts) and the exam submit (src/db/exam-submit.ts) on a
// real (fake-indexeddb) database: every write is one transaction that reads the attempt fresh,
// so repeats, races and two tabs never store an answer twice or lose a flag.
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type AttemptRecord } from '../../src/db/db';
import {
  answerInSet,
  chooseOption,
  createAttempt,
  finishSet,
  getAttempt,
  missedIn,
  moveTo,
  setMark,
  setPaused,
  startRetry,
  tickClock,
} from '../../src/db/attempts';
import { submitAttempt, type SubmitQuestion } from '../../src/db/exam-submit';
import { MAX_UNSAVED_MS } from '../../src/lib/exam-clock';
import { resetDb } from '../fixtures/db';

const T0 = Date.UTC(2027, 0, 12, 14, 0, 0);
const MIN = 60_000;

// Three single-answer questions: option 1 is right in each.
const QUESTIONS: SubmitQuestion[] = ['q1', 'q2', 'q3'].map((id, i) => ({
  id,
  area: i < 2 ? 'money' : 'people',
  subarea: i < 2 ? 'books' : 'hiring',
  options: [
    { html: 'wrong', correct: false },
    { html: 'right', correct: true },
  ],
}));

function newExam(extra: Partial<AttemptRecord> = {}) {
  return createAttempt(
    {
      kind: 'exam',
      title: 'Exam',
      source: { type: 'exam' },
      seed: 7,
      questionIds: QUESTIONS.map((q) => q.id),
      durationMs: 20 * MIN,
      usedMs: 0,
      runningSince: null,
      paused: false,
      ...extra,
    },
    T0,
  );
}

function newSet() {
  return createAttempt(
    { kind: 'practice', title: 'Set', source: { type: 'mixed' }, seed: 7, questionIds: ['q1', 'q2', 'q3'] },
    T0,
  );
}

async function stored(id: string): Promise<AttemptRecord> {
  const a = await getAttempt(id);
  if (!a) throw new Error(`attempt ${id} is gone`);
  return a;
}

beforeEach(async () => {
  await resetDb();
});

/** An exam with q1 answered right, q2 wrong and q3 blank. */
async function answeredExam() {
  const exam = await newExam();
  await chooseOption(exam.id, 'q1', [1], T0 + 1000);
  await chooseOption(exam.id, 'q2', [0], T0 + 2000);
  return exam;
}

describe('submitting an exam', () => {
  it('scores it, stores each answer given once, and marks it submitted', async () => {
    const exam = await answeredExam();
    const done = await submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN);
    expect(done?.status).toBe('submitted');
    expect(done?.submittedAt).toBe(T0 + 5 * MIN);
    expect(done?.result?.overall).toMatchObject({ correct: 1, total: 3 });
    expect(done?.responses.q1?.correct).toBe(true);
    expect(done?.responses.q2?.correct).toBe(false);
    const answers = await db.answers.orderBy('questionId').toArray();
    expect(answers).toEqual([
      expect.objectContaining({
        questionId: 'q1',
        choice: [1],
        correct: true,
        context: `exam:${exam.id}`,
        at: T0 + 1000,
      }),
      expect.objectContaining({
        questionId: 'q2',
        choice: [0],
        correct: false,
        context: `exam:${exam.id}`,
        at: T0 + 2000,
      }),
    ]);
    expect(await db.progress.count()).toBe(2);
    expect(await db.cards.count()).toBe(2);
  });

  it('stores nothing more when submitted again (a retry after an interrupted submit)', async () => {
    const exam = await answeredExam();
    const first = await submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN);
    const again = await submitAttempt(exam.id, QUESTIONS, T0 + 6 * MIN);
    expect(again?.submittedAt).toBe(first?.submittedAt);
    expect(await db.answers.count()).toBe(2);
    expect((await db.progress.toArray()).map((p) => p.answers)).toEqual([1, 1]);
    expect((await db.days.toArray()).reduce((s, d) => s + d.answers, 0)).toBe(2);
  });

  it('stores each answer exactly once when two submits race (two tabs, or the time-out and a click)', async () => {
    const exam = await answeredExam();
    const results = await Promise.all([
      submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN),
      submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN + 1),
      submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN + 2),
    ]);
    expect(results.every((r) => r?.status === 'submitted')).toBe(true);
    expect(new Set(results.map((r) => r?.submittedAt)).size).toBe(1);
    const answers = await db.answers.toArray();
    expect(answers.map((a) => a.questionId).sort()).toEqual(['q1', 'q2']);
    expect((await db.progress.toArray()).map((p) => p.answers)).toEqual([1, 1]);
  });

  it('records the time spent on each question with its answer', async () => {
    const exam = await newExam({ runningSince: null });
    await tickClock(exam.id, 'q1', true, T0);
    await tickClock(exam.id, 'q1', true, T0 + 1000);
    await tickClock(exam.id, 'q1', true, T0 + 2000);
    await chooseOption(exam.id, 'q1', [1], T0 + 2000);
    await submitAttempt(exam.id, QUESTIONS, T0 + 3000);
    const [answer] = await db.answers.toArray();
    expect(answer).toMatchObject({ questionId: 'q1', ms: 2000 });
  });

  it('folds the running clock into the time used, never beyond the allowed time', async () => {
    const exam = await newExam({ usedMs: 20 * MIN - 2000, runningSince: T0 });
    const done = await submitAttempt(exam.id, QUESTIONS, T0 + 4000);
    expect(done?.usedMs).toBe(20 * MIN);
    expect(done?.runningSince).toBeNull();
  });

  it('takes no answers after it was submitted', async () => {
    const exam = await answeredExam();
    await submitAttempt(exam.id, QUESTIONS, T0 + 5 * MIN);
    await chooseOption(exam.id, 'q3', [1], T0 + 6 * MIN);
    expect((await stored(exam.id)).responses.q3).toBeUndefined();
  });

  it('answers undefined for an exam that is not on this device', async () => {
    expect(await submitAttempt('gone', QUESTIONS, T0)).toBeUndefined();
    expect(await db.answers.count()).toBe(0);
  });
});

describe('answering in a practice set', () => {
  const answer = { questionId: 'q1', choice: [1], correct: true, context: 'set:x', at: T0 };

  it('stores the answer and the response together', async () => {
    const set = await newSet();
    const saved = await answerInSet(set.id, answer);
    expect(saved?.record).toMatchObject({ questionId: 'q1', correct: true });
    expect(saved?.response).toEqual({ choice: [1], correct: true, at: T0 });
    expect((await stored(set.id)).responses.q1).toEqual({ choice: [1], correct: true, at: T0 });
    expect(await db.answers.count()).toBe(1);
  });

  it('stores one answer when the same question is checked twice', async () => {
    const set = await newSet();
    await answerInSet(set.id, answer);
    const again = await answerInSet(set.id, { ...answer, choice: [0], correct: false, at: T0 + 1000 });
    expect(again?.record).toBeUndefined();
    expect(again?.response).toEqual({ choice: [1], correct: true, at: T0 });
    expect(await db.answers.count()).toBe(1);
    expect((await db.progress.get('q1'))?.answers).toBe(1);
  });

  it('stores one answer when two checks of the same question race', async () => {
    const set = await newSet();
    await Promise.all([answerInSet(set.id, answer), answerInSet(set.id, { ...answer, at: T0 + 1 })]);
    expect(await db.answers.count()).toBe(1);
    expect((await db.progress.get('q1'))?.answers).toBe(1);
  });

  it('stores nothing for a set that is not on this device', async () => {
    expect(await answerInSet('gone', answer)).toBeUndefined();
    expect(await db.answers.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
  });

  it('finishes a set once', async () => {
    const set = await newSet();
    const done = await finishSet(set.id);
    expect(done).toMatchObject({ status: 'submitted', position: 3 });
    const again = await finishSet(set.id);
    expect(again?.submittedAt).toBe(done?.submittedAt);
  });
});

describe('two tabs on one exam', () => {
  it('keep both flags when their flag writes interleave', async () => {
    const exam = await newExam();
    await Promise.all([setMark(exam.id, 'q1', true), setMark(exam.id, 'q3', true)]);
    expect((await stored(exam.id)).marked.sort()).toEqual(['q1', 'q3']);
  });

  it('keep a flag set by the other tab after this tab read the exam (no stale list written back)', async () => {
    const exam = await newExam();
    const tabA = await stored(exam.id); // tab A has the exam open with no flags
    await setMark(exam.id, 'q2', true); // tab B flags q2
    expect(tabA.marked).toEqual([]);
    await setMark(exam.id, 'q1', true); // tab A flags q1
    await setMark(exam.id, 'q3', true);
    await setMark(exam.id, 'q3', false);
    expect((await stored(exam.id)).marked.sort()).toEqual(['q1', 'q2']);
  });

  it('keep both answers when each answers a different question at once', async () => {
    const exam = await newExam();
    await Promise.all([
      chooseOption(exam.id, 'q1', [1], T0 + 1),
      chooseOption(exam.id, 'q2', [0], T0 + 2),
      setMark(exam.id, 'q2', true),
      moveTo(exam.id, 2),
    ]);
    const a = await stored(exam.id);
    expect(a.responses).toEqual({ q1: { choice: [1], at: T0 + 1 }, q2: { choice: [0], at: T0 + 2 } });
    expect(a.marked).toEqual(['q2']);
    expect(a.position).toBe(2);
  });

  it('flagging twice stores the flag once', async () => {
    const exam = await newExam();
    await setMark(exam.id, 'q1', true);
    await setMark(exam.id, 'q1', true);
    expect((await stored(exam.id)).marked).toEqual(['q1']);
  });
});

describe('the clock of an attempt', () => {
  it('attributes the time on screen to the question shown', async () => {
    const exam = await newExam();
    await tickClock(exam.id, 'q1', true, T0); // opened: the clock starts
    expect(await stored(exam.id)).toMatchObject({ usedMs: 0, runningSince: T0 });
    await tickClock(exam.id, 'q1', true, T0 + 1000);
    await tickClock(exam.id, 'q1', true, T0 + 2000);
    await tickClock(exam.id, 'q2', true, T0 + 3000);
    await tickClock(exam.id, 'q2', true, T0 + 4000);
    await tickClock(exam.id, 'q1', true, T0 + 5000);
    const a = await stored(exam.id);
    expect(a.usedMs).toBe(5000);
    expect(a.timeByQuestion).toEqual({ q1: 3000, q2: 2000 });
  });

  it('counts at most MAX_UNSAVED_MS (5 s or less) of a span cut short by a crash', async () => {
    const exam = await newExam();
    await tickClock(exam.id, 'q1', true, T0);
    await tickClock(exam.id, 'q1', true, T0 + 1000);
    // The browser is killed; the exam is reopened an hour later, at the same question.
    await tickClock(exam.id, 'q1', true, T0 + 3_600_000);
    const a = await stored(exam.id);
    expect(MAX_UNSAVED_MS).toBeLessThanOrEqual(5000);
    expect(a.usedMs).toBe(1000 + MAX_UNSAVED_MS);
    expect(a.runningSince).toBe(T0 + 3_600_000);
    expect(a.timeByQuestion).toEqual({ q1: 1000 + MAX_UNSAVED_MS });
  });

  it('stops when the exam leaves the screen and counts nothing while stopped', async () => {
    const exam = await newExam();
    await tickClock(exam.id, 'q1', true, T0);
    await tickClock(exam.id, 'q1', false, T0 + 2000);
    expect(await stored(exam.id)).toMatchObject({ usedMs: 2000, runningSince: null });
    await tickClock(exam.id, 'q1', true, T0 + 60_000); // shown again a minute later
    await tickClock(exam.id, 'q1', true, T0 + 61_000);
    expect(await stored(exam.id)).toMatchObject({ usedMs: 3000, timeByQuestion: { q1: 3000 } });
  });

  it('counts nothing while paused', async () => {
    const exam = await newExam();
    await tickClock(exam.id, 'q1', true, T0);
    await tickClock(exam.id, 'q1', true, T0 + 1000);
    await setPaused(exam.id, true, 'q1', T0 + 1000);
    await tickClock(exam.id, 'q1', true, T0 + 2000);
    await tickClock(exam.id, 'q1', true, T0 + 3000);
    expect(await stored(exam.id)).toMatchObject({ usedMs: 1000, paused: true, runningSince: null });
    await setPaused(exam.id, false, 'q1', T0 + 10_000);
    await tickClock(exam.id, 'q1', true, T0 + 11_000);
    expect(await stored(exam.id)).toMatchObject({ usedMs: 2000, paused: false, timeByQuestion: { q1: 2000 } });
  });

  it('stops counting once submitted', async () => {
    const exam = await newExam();
    await tickClock(exam.id, 'q1', true, T0);
    await submitAttempt(exam.id, QUESTIONS, T0 + 1000);
    await tickClock(exam.id, 'q1', true, T0 + 2000);
    expect(await stored(exam.id)).toMatchObject({ usedMs: 1000, runningSince: null });
  });
});

describe('moving and retrying', () => {
  it('moves within the attempt only', async () => {
    const set = await newSet();
    expect((await moveTo(set.id, 2))?.position).toBe(2);
    expect((await moveTo(set.id, 99))?.position).toBe(3);
    expect((await moveTo(set.id, -4))?.position).toBe(0);
  });

  it('retries what was missed: wrong and unanswered, in a new tutor set', async () => {
    const exam = await newExam();
    await chooseOption(exam.id, 'q1', [1], T0);
    await chooseOption(exam.id, 'q2', [0], T0);
    const done = await submitAttempt(exam.id, QUESTIONS, T0 + MIN);
    if (!done) throw new Error('not submitted');
    expect(missedIn(done)).toEqual(['q2', 'q3']);
    const retry = await startRetry(done);
    expect(retry).toMatchObject({
      kind: 'practice',
      mode: 'tutor',
      status: 'active',
      questionIds: ['q2', 'q3'],
      source: { type: 'retry', from: exam.id },
    });
    expect(await db.attempts.count()).toBe(2);
  });

  it('starts no retry when nothing was missed', async () => {
    const set = await createAttempt(
      { kind: 'practice', title: 'Set', source: { type: 'mixed' }, seed: 7, questionIds: ['q1'] },
      T0,
    );
    await answerInSet(set.id, { questionId: 'q1', choice: [1], correct: true, context: 'set', at: T0 });
    expect(await startRetry(await stored(set.id))).toBeUndefined();
    expect(await db.attempts.count()).toBe(1);
  });
});
