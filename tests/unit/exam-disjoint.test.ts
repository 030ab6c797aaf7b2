// Four successive full mock exams from the real bank share no question: the assembly prefers
// questions the candidate has not seen, and the bank holds enough single-best-answer items in
// every sub-area. Between exams, everything the candidate was shown counts as seen.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { allocate, assembleExam, examPool } from '../../src/lib/exam';

const { content } = compileContent(readContentDirs(['content']));
const index = content!.index;
const bank = Object.values(content!.questionsByArea).flat();
const subareas = index.areas.flatMap((a) => a.subareas.map((s) => ({ id: s.id, weight: s.weight })));
const total = index.program.exam.questions;

function successiveExams(pool: readonly { id: string; subarea: string }[], count: number, seed: number): string[][] {
  const seen = new Set<string>();
  const exams: string[][] = [];
  for (let k = 0; k < count; k++) {
    const ids = assembleExam(pool, subareas, total, seen, seed + k);
    exams.push(ids);
    for (const id of ids) seen.add(id);
  }
  return exams;
}

describe('mock exams from the real bank', () => {
  const pool = examPool(bank, index.program.exam);

  it('draw single-best-answer items only, as program.md says', () => {
    expect(index.program.exam.chooseAllThatApply).toBe(false);
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.every((q) => !q.multi)).toBe(true);
    expect(examPool(bank, { chooseAllThatApply: true })).toHaveLength(bank.length);
  });

  it.each([1, 1000, 424242])('four successive full exams share no question (seed %i)', (seed) => {
    const exams = successiveExams(pool, 4, seed);
    const all = exams.flat();
    for (const ids of exams) expect(ids).toHaveLength(total);
    expect(new Set(all).size).toBe(all.length);
    // Each exam keeps the blueprint share of every sub-area.
    const seats = allocate(subareas, total);
    const subOf = new Map(pool.map((q) => [q.id, q.subarea]));
    for (const ids of exams) {
      const per = new Map<string, number>();
      for (const id of ids) per.set(subOf.get(id)!, (per.get(subOf.get(id)!) ?? 0) + 1);
      expect(Object.fromEntries(per)).toEqual(Object.fromEntries(seats));
    }
  });
});

describe('successive exams on a bank of exactly four exams', () => {
  const seats = allocate(subareas, total);
  const exact = subareas.flatMap((s) =>
    Array.from({ length: 4 * (seats.get(s.id) ?? 0) }, (_, i) => ({ id: `${s.id}-${i}`, subarea: s.id })),
  );

  it('uses every question once in four exams, and a fifth still has the full length', () => {
    const exams = successiveExams(exact, 5, 7);
    const firstFour = exams.slice(0, 4).flat();
    expect(new Set(firstFour).size).toBe(exact.length);
    expect(exams[4]).toHaveLength(total);
  });
});
