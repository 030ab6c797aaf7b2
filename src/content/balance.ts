// Figures of the question bank that show whether test-taking tricks would pay: is the key the
// longest (or shortest) option, where does it sit, how many options are right in a choose-all
// item, and are there enough single-best-answer items for four disjoint mock exams. Used by
// `npm run content:stats` and by the content tests (tests/unit/content-balance.test.ts), which
// hold the bank to the limits below.
import { allocate } from '../lib/exam.ts';
import type { CompiledContent, Question } from './types.ts';

export const LIMITS = {
  /** At most this share of single-answer items has the key as the strictly longest option. */
  keyLongest: 0.3,
  /** At most this share has the key longer than 1.2 times the mean distractor length. */
  keyLong12: 0.3,
  /** Nor may the key be the strictly shortest option too often (the reverse cue). */
  keyShortest: 0.3,
  /** Each key position holds between these shares of single-answer items. */
  position: [0.18, 0.32] as const,
  /** Choose-all items use at least this many different numbers of correct options. */
  multiCounts: 3,
  /**
   * Single-best-answer items per sub-area: at least this many times its blueprint weight, and at
   * least `exams` times its seats in a full mock exam, so that that many exams share no question.
   */
  perWeight: 5,
  exams: 4,
  /** Single-best-answer items per competency. */
  perCompetency: 4,
};

export interface BankFigures {
  single: number;
  multi: number;
  keyLongest: number;
  keyShortest: number;
  keyLong12: number;
  /** Single-answer items by the position of their key (0 = A). */
  positions: number[];
  /** Choose-all items by their number of correct options. */
  multiCorrect: Record<number, number>;
  /** Choose-all items whose stem does not say "choose all that apply". */
  multiUncued: string[];
  /** Questions with a rationale under every option. */
  withRationales: number;
  /** Questions where some options have a rationale and others do not (the compiler refuses them). */
  partialRationales: string[];
  volatile: number;
  volatileUnreviewed: string[];
  /** `needed`: single-best-answer items the sub-area needs (see LIMITS.perWeight and exams). */
  subareas: { id: string; weight: number; single: number; multi: number; needed: number }[];
  competencies: { id: string; single: number; needed: number }[];
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

export function bankFigures(content: CompiledContent): BankFigures {
  const questions: Question[] = Object.values(content.questionsByArea).flat();
  const f: BankFigures = {
    single: 0,
    multi: 0,
    keyLongest: 0,
    keyShortest: 0,
    keyLong12: 0,
    positions: [],
    multiCorrect: {},
    multiUncued: [],
    withRationales: 0,
    partialRationales: [],
    volatile: 0,
    volatileUnreviewed: [],
    subareas: [],
    competencies: [],
  };
  const singleBySub = new Map<string, number>();
  const multiBySub = new Map<string, number>();
  const singleByComp = new Map<string, number>();
  for (const q of questions) {
    const rationales = q.options.filter((o) => o.rationaleHtml !== undefined).length;
    if (rationales === q.options.length) f.withRationales++;
    else if (rationales > 0) f.partialRationales.push(q.id);
    if (q.volatile) {
      f.volatile++;
      if (!q.reviewed) f.volatileUnreviewed.push(q.id);
    }
    if (q.multi) {
      f.multi++;
      bump(multiBySub, q.subarea);
      const n = q.options.filter((o) => o.correct).length;
      f.multiCorrect[n] = (f.multiCorrect[n] ?? 0) + 1;
      if (!/choose all that apply/i.test(q.stemText)) f.multiUncued.push(q.id);
      continue;
    }
    f.single++;
    bump(singleBySub, q.subarea);
    if (q.competency) bump(singleByComp, q.competency);
    const k = q.options.findIndex((o) => o.correct);
    f.positions[k] = (f.positions[k] ?? 0) + 1;
    const lens = q.options.map((o) => o.text.length);
    const key = lens[k] ?? 0;
    const others = lens.filter((_, i) => i !== k);
    if (others.length === 0) continue;
    if (others.every((l) => key > l)) f.keyLongest++;
    if (others.every((l) => key < l)) f.keyShortest++;
    if (key > 1.2 * (others.reduce((s, l) => s + l, 0) / others.length)) f.keyLong12++;
  }
  for (let i = 0; i < f.positions.length; i++) f.positions[i] ??= 0;
  // Seats per sub-area in a full mock exam: its blueprint share, rounded as the exam rounds it.
  const weights = content.index.areas.flatMap((a) => a.subareas.map((s) => ({ id: s.id, weight: s.weight })));
  const seats = allocate(weights, content.index.program.exam.questions);
  for (const area of content.index.areas) {
    for (const sub of area.subareas) {
      f.subareas.push({
        id: sub.id,
        weight: sub.weight,
        single: singleBySub.get(sub.id) ?? 0,
        multi: multiBySub.get(sub.id) ?? 0,
        needed: Math.max(Math.ceil(LIMITS.perWeight * sub.weight), LIMITS.exams * (seats.get(sub.id) ?? 0)),
      });
      for (const c of sub.competencies) {
        f.competencies.push({ id: c.id, single: singleByComp.get(c.id) ?? 0, needed: LIMITS.perCompetency });
      }
    }
  }
  return f;
}

/** A share as a whole percentage, e.g. "27%". */
export function percent(n: number, of: number): string {
  return `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;
}
