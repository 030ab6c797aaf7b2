// The practice feature's repository: the only way the UI reads and writes answers.
import { useLiveQuery } from 'dexie-react-hooks';
import { db, type AnswerRecord } from '../../db/db';

export type { AnswerRecord };

/** Stores one answer at once, so a closed tab or a reload loses nothing. */
export async function recordAnswer(answer: Omit<AnswerRecord, 'id' | 'at'> & { at?: number }): Promise<AnswerRecord> {
  const record: AnswerRecord = { ...answer, at: answer.at ?? Date.now() };
  record.id = await db.answers.add(record);
  return record;
}

/** Earlier answers to one question, newest first; undefined while loading. */
export function useAnswersTo(questionId: string | undefined): AnswerRecord[] | undefined {
  return useLiveQuery(
    async () =>
      questionId
        ? (await db.answers.where('[questionId+at]').between([questionId, EARLIEST], [questionId, LATEST]).reverse().toArray())
        : [],
    [questionId],
  );
}

/** The latest answer to each of the given questions. */
export function useLatestAnswers(questionIds: readonly string[] | undefined): Map<string, AnswerRecord> | undefined {
  const key = questionIds?.join('|');
  return useLiveQuery(async () => {
    const latest = new Map<string, AnswerRecord>();
    if (!questionIds || questionIds.length === 0) return latest;
    const rows = await db.answers.where('questionId').anyOf([...questionIds]).toArray();
    for (const r of rows) {
      const prev = latest.get(r.questionId);
      if (!prev || prev.at <= r.at) latest.set(r.questionId, r);
    }
    return latest;
  }, [key]);
}

const EARLIEST = -Infinity;
const LATEST = Infinity;
