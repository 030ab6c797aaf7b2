// Mock exams shaped like the real one: questions drawn across sub-areas in proportion to the
// blueprint weights (content/areas/*.md), and a score report per domain and sub-area.
import { shuffled } from './random';

export interface Weighted {
  id: string;
  weight: number;
}

/**
 * Splits `total` seats across items in proportion to their weights by the largest-remainder
 * (Hamilton) method: everyone gets the floor of their quota, and the seats left go to the
 * largest remainders (ties to the larger weight, then the earlier item).
 */
export function allocate(items: readonly Weighted[], total: number): Map<string, number> {
  const sum = items.reduce((s, x) => s + x.weight, 0);
  const out = new Map<string, number>();
  if (sum <= 0 || total <= 0) {
    for (const x of items) out.set(x.id, 0);
    return out;
  }
  const quotas = items.map((x, i) => ({ id: x.id, i, weight: x.weight, quota: (x.weight / sum) * total }));
  let given = 0;
  for (const q of quotas) {
    const seats = Math.floor(q.quota);
    out.set(q.id, seats);
    given += seats;
  }
  const byRemainder = [...quotas].sort(
    (a, b) => b.quota - Math.floor(b.quota) - (a.quota - Math.floor(a.quota)) || b.weight - a.weight || a.i - b.i,
  );
  for (let k = 0; k < total - given; k++) {
    const q = byRemainder[k % byRemainder.length];
    if (q) out.set(q.id, (out.get(q.id) ?? 0) + 1);
  }
  return out;
}

export interface ExamQuestion {
  id: string;
  subarea: string;
}

/**
 * The questions a mock exam may draw: single-best-answer items only, like the real exam, unless
 * content/program.md sets `exam.chooseAllThatApply: true`. Choose-all items stay in practice.
 */
export function examPool<Q extends { multi: boolean }>(bank: readonly Q[], exam: { chooseAllThatApply: boolean }): Q[] {
  return exam.chooseAllThatApply ? [...bank] : bank.filter((q) => !q.multi);
}

/**
 * Picks `total` questions: per sub-area its blueprint share, preferring questions the candidate
 * has not seen, in random order fixed by the seed. A sub-area with too few questions gives its
 * remaining seats to the others, so the exam still has `total` questions when the bank can.
 */
export function assembleExam(
  bank: readonly ExamQuestion[],
  subareas: readonly Weighted[],
  total: number,
  seen: ReadonlySet<string>,
  seed: number,
): string[] {
  const bySub = new Map<string, ExamQuestion[]>();
  for (const q of bank) {
    const list = bySub.get(q.subarea) ?? [];
    list.push(q);
    bySub.set(q.subarea, list);
  }
  // Within a sub-area: unseen first, each group shuffled.
  const ordered = new Map<string, string[]>();
  for (const s of subareas) {
    const qs = bySub.get(s.id) ?? [];
    const fresh = shuffled(
      qs.filter((q) => !seen.has(q.id)),
      `${seed}:${s.id}:new`,
    );
    const old = shuffled(
      qs.filter((q) => seen.has(q.id)),
      `${seed}:${s.id}:old`,
    );
    ordered.set(
      s.id,
      [...fresh, ...old].map((q) => q.id),
    );
  }
  const seats = allocate(subareas, Math.min(total, bank.length));
  const have = (id: string) => ordered.get(id)?.length ?? 0;
  const seated = (id: string) => seats.get(id) ?? 0;
  // Move seats a sub-area cannot fill to the sub-areas that still have questions.
  let spare = 0;
  for (const s of subareas) {
    if (seated(s.id) > have(s.id)) {
      spare += seated(s.id) - have(s.id);
      seats.set(s.id, have(s.id));
    }
  }
  while (spare > 0) {
    const open = subareas.filter((s) => seated(s.id) < have(s.id));
    if (open.length === 0) break;
    const extra = allocate(open, spare);
    for (const s of open) {
      const add = Math.min(have(s.id) - seated(s.id), extra.get(s.id) ?? 0);
      seats.set(s.id, seated(s.id) + add);
      spare -= add;
    }
    if ([...extra.values()].every((v) => v === 0)) break;
  }
  const picked = subareas.flatMap((s) => (ordered.get(s.id) ?? []).slice(0, seated(s.id)));
  return shuffled(picked, `${seed}:exam`);
}

export interface Scored {
  correct: number;
  total: number;
  percent: number;
}

export function score(correct: number, total: number): Scored {
  return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}

/** Score of a submitted exam: overall, per domain and per sub-area. Blank answers count wrong. */
export function scoreExam(
  questions: readonly { id: string; area: string; subarea: string }[],
  correctIds: ReadonlySet<string>,
): { overall: Scored; byArea: Record<string, Scored>; bySubarea: Record<string, Scored> } {
  const tally = (key: (q: { area: string; subarea: string }) => string) => {
    const acc: Record<string, [number, number]> = {};
    for (const q of questions) {
      const k = key(q);
      const t = (acc[k] ??= [0, 0]);
      t[1]++;
      if (correctIds.has(q.id)) t[0]++;
    }
    return Object.fromEntries(Object.entries(acc).map(([k, [c, t]]) => [k, score(c, t)]));
  };
  const right = questions.filter((q) => correctIds.has(q.id)).length;
  return { overall: score(right, questions.length), byArea: tally((q) => q.area), bySubarea: tally((q) => q.subarea) };
}

/** The real exam's pace: milliseconds per question (from content/program.md's exam shape). */
export function examPaceMs(exam: { minutes: number; questions: number }): number {
  return (exam.minutes * 60_000) / exam.questions;
}
