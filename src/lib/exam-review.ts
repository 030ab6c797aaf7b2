// Which questions of a submitted exam each review filter shows.

export type ReviewFilter = 'all' | 'wrong' | 'flagged' | 'unanswered';

interface ReviewedAttempt {
  responses: Record<string, { choice: number[]; correct?: boolean | undefined }>;
  marked: readonly string[];
}

export function reviewGroups(attempt: ReviewedAttempt, questionIds: readonly string[]): Record<ReviewFilter, string[]> {
  const answered = (id: string) => (attempt.responses[id]?.choice.length ?? 0) > 0;
  return {
    all: [...questionIds],
    wrong: questionIds.filter((id) => answered(id) && attempt.responses[id]?.correct !== true),
    flagged: questionIds.filter((id) => attempt.marked.includes(id)),
    unanswered: questionIds.filter((id) => !answered(id)),
  };
}
