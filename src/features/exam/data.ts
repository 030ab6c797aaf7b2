// The mock-exam feature's repository: starting, timing, answering, flagging and submitting
// exams (and timed practice sets, which run on the same screen). Every action is one named
// operation of the data layer.
import { useStored } from '../../db/use-stored';
import { content, loadAllQuestions, loadQuestionsById } from '../../content/runtime';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { seenIds } from '../../db/study';
import { activeAttempts, createAttempt, getAttempt, submittedExams } from '../../db/attempts';
import { assembleExam, examPaceMs, examPool } from '../../lib/exam';
import { newSeed } from '../../lib/random';

export { onBeforeClose } from '../../db/storage';
export { noteWrite } from '../../db/note-write';
export { useWrite } from '../../db/use-write';

export {
  chooseOption,
  getAttempt,
  missedIn,
  moveTo,
  setMark,
  setPaused,
  startRetry,
  tickClock,
} from '../../db/attempts';
export { submitAttempt } from '../../db/exam-submit';

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
  const [all, seen] = await Promise.all([loadAllQuestions(), seenIds()]);
  // Single best answer only, like the real exam, unless content/program.md says otherwise.
  const bank = examPool(all, content.program.exam);
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
      runningSince: null,
      paused: false,
    },
    now,
  );
}

export async function loadExam(id: string): Promise<{ attempt: AttemptRecord; questions: Question[] } | null> {
  const attempt = await getAttempt(id);
  if (!attempt || attempt.kind !== 'exam') return null;
  return { attempt, questions: await loadQuestionsById(attempt.questionIds) };
}

/** A real mock exam, not a timed practice set. */
export const isMockExam = (a: AttemptRecord) => a.source.type === 'exam';

const NONE: AttemptRecord[] = [];

export function useExamHistory(): AttemptRecord[] | undefined {
  return useStored(async () => (await submittedExams()).filter(isMockExam), [], NONE);
}

export function useActiveExams(): AttemptRecord[] | undefined {
  return useStored(() => activeAttempts('exam'), [], NONE);
}

/** The real exam's pace: milliseconds per question. */
export const examPace = () => examPaceMs(content.program.exam);
