// Submitting a mock exam (or a timed practice set): every answer given, its review card and
// summaries, and the attempt marked submitted with its score are one transaction. It is safe to
// repeat: a retry, a second tab or the time-out racing a click finds the attempt submitted and
// stores nothing more. A browser killed mid-submit leaves it exactly as it was before.
import { db, type AttemptRecord, noteLocalChange } from './db';
import { answerTables, normalise, writeAnswer } from './answers';
import { checkpoint } from '../lib/exam-clock';
import { scoreExam } from '../lib/exam';
import { isCorrectChoice } from '../lib/scoring';

export interface SubmitQuestion {
  id: string;
  area: string;
  subarea: string;
  options: readonly { correct: boolean }[];
}

export async function submitAttempt(
  id: string,
  questions: readonly SubmitQuestion[],
  now = Date.now(),
): Promise<AttemptRecord | undefined> {
  const submitted = await db.transaction('rw', [db.attempts, ...answerTables()], async () => {
    const a = await db.attempts.get(id);
    if (!a || a.status === 'submitted') return a;
    const right = new Set<string>();
    for (const q of questions) {
      const r = a.responses[q.id];
      if (!r || r.choice.length === 0) continue;
      const correct = isCorrectChoice(q.options, r.choice);
      r.correct = correct;
      if (correct) right.add(q.id);
      const ms = a.timeByQuestion?.[q.id];
      await writeAnswer(
        normalise({ questionId: q.id, choice: r.choice, correct, context: `exam:${id}`, at: r.at, ms }),
      );
    }
    const folded = checkpoint(a, now, false);
    a.usedMs = Math.min(a.durationMs ?? Infinity, folded.usedMs);
    a.runningSince = null;
    a.status = 'submitted';
    a.submittedAt = now;
    a.updatedAt = now;
    a.result = scoreExam(questions, right);
    await db.attempts.put(a);
    return a;
  });
  noteLocalChange('answers');
  noteLocalChange('attempts', [id]);
  return submitted;
}
