// Scoring of one answer. A "choose all that apply" question is all-or-nothing: every correct
// option and no other must be chosen.

export function isCorrectChoice(options: readonly { correct: boolean }[], chosen: readonly number[]): boolean {
  const picked = new Set(chosen);
  if (picked.size === 0) return false;
  return options.every((o, i) => o.correct === picked.has(i));
}

export function correctIndexes(options: readonly { correct: boolean }[]): number[] {
  return options.flatMap((o, i) => (o.correct ? [i] : []));
}
