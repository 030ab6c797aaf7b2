// Progress figures for the dashboard, from the answers a candidate has given. Pure: the data
// layer hands in the answers, the content hands in the bank and the blueprint.

export interface AnswerLike {
  questionId: string;
  correct: boolean;
  at: number;
  /** Time spent on the question, in milliseconds (capped when recorded). */
  ms?: number | undefined;
}

export interface BankQuestion {
  id: string;
  area: string;
  subarea: string;
  competency?: string | undefined;
}

export interface Mastery {
  /** Questions answered at least once. */
  seen: number;
  total: number;
  /** Of the seen questions, how many were right on the latest try. */
  right: number;
  /** right / seen, 0-100; undefined when nothing is seen. */
  accuracy: number | undefined;
}

/** The latest answer to each question. */
export function latestAnswers<T extends AnswerLike>(answers: Iterable<T>): Map<string, T> {
  const latest = new Map<string, T>();
  for (const a of answers) {
    const prev = latest.get(a.questionId);
    if (!prev || prev.at <= a.at) latest.set(a.questionId, a);
  }
  return latest;
}

/**
 * The latest result of each question from the per-question summaries: every seen question,
 * right unless its latest answer was wrong (`missed`). What mastery needs, without the answers.
 */
export function latestFromSummaries(seen: Iterable<string>, missed: ReadonlySet<string>): Map<string, AnswerLike> {
  const latest = new Map<string, AnswerLike>();
  for (const id of seen) latest.set(id, { questionId: id, correct: !missed.has(id), at: 0 });
  return latest;
}

export function mastery(
  bank: readonly BankQuestion[],
  latest: ReadonlyMap<string, AnswerLike>,
  key: (q: BankQuestion) => string | undefined,
): Map<string, Mastery> {
  const out = new Map<string, Mastery>();
  for (const q of bank) {
    const k = key(q);
    if (k === undefined) continue;
    const m = out.get(k) ?? { seen: 0, total: 0, right: 0, accuracy: undefined };
    m.total++;
    const a = latest.get(q.id);
    if (a) {
      m.seen++;
      if (a.correct) m.right++;
    }
    m.accuracy = m.seen === 0 ? undefined : Math.round((m.right / m.seen) * 100);
    out.set(k, m);
  }
  return out;
}

/** Days in a row, ending today or yesterday, with at least one answer (local calendar days). */
export function streak(answerTimes: Iterable<number>, now: number, dayOf: (t: number) => string = localDay): number {
  const days = new Set<string>();
  for (const t of answerTimes) days.add(dayOf(t));
  const DAY = 86_400_000;
  let cursor = now;
  if (!days.has(dayOf(cursor))) cursor -= DAY;
  let count = 0;
  while (days.has(dayOf(cursor))) {
    count++;
    cursor -= DAY;
  }
  return count;
}

export function localDay(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Readiness: an estimate of the exam score. Each sub-area counts by its blueprint weight; its
 * score is the share right on the latest try, pulled toward 50% while few of its questions are
 * answered (each sub-area starts as if 2 of 4 answers were right), so a lucky streak on three
 * questions does not read as mastery.
 */
export function readiness(
  subareas: readonly { id: string; weight: number }[],
  bySubarea: ReadonlyMap<string, Mastery>,
): number {
  const sum = subareas.reduce((s, x) => s + x.weight, 0);
  if (sum === 0) return 0;
  let total = 0;
  for (const s of subareas) {
    const m = bySubarea.get(s.id);
    const estimate = ((m?.right ?? 0) + 2) / ((m?.seen ?? 0) + 4);
    total += s.weight * estimate;
  }
  return Math.round((total / sum) * 100);
}

export const READINESS_EXPLAINED =
  "Readiness estimates your exam score: for each sub-area, the share of its questions you got right on your latest try, weighted by the sub-area's share of the exam. Sub-areas with few answers are pulled toward 50% until you have answered more of them.";

/** Below these, readiness says "not enough answers yet" instead of a figure. */
export const READINESS_MIN_ANSWERED = 50;
export const READINESS_MIN_PER_AREA = 5;

export type Readiness =
  | { kind: 'not-enough'; seen: number; short: string[] }
  | { kind: 'range'; low: number; estimate: number; high: number };

/**
 * Readiness as a range: the estimate above, with a 95% band from the spread of each sub-area's
 * estimate (binomial, on its smoothed counts), so few answers give a wide range. Below
 * READINESS_MIN_ANSWERED questions seen, or with fewer than READINESS_MIN_PER_AREA in any
 * domain, there is no figure: `short` names the domains that need more answers.
 */
export function readinessRange(
  areas: readonly { id: string; title: string; subareas: readonly { id: string; weight: number }[] }[],
  byArea: ReadonlyMap<string, Mastery>,
  bySubarea: ReadonlyMap<string, Mastery>,
): Readiness {
  const seen = areas.reduce((s, a) => s + (byArea.get(a.id)?.seen ?? 0), 0);
  const short = areas.filter((a) => (byArea.get(a.id)?.seen ?? 0) < READINESS_MIN_PER_AREA).map((a) => a.title);
  if (seen < READINESS_MIN_ANSWERED || short.length > 0) return { kind: 'not-enough', seen, short };
  const subareas = areas.flatMap((a) => a.subareas);
  const sum = subareas.reduce((s, x) => s + x.weight, 0);
  let variance = 0;
  for (const s of subareas) {
    const m = bySubarea.get(s.id);
    const n = (m?.seen ?? 0) + 4;
    const p = ((m?.right ?? 0) + 2) / n;
    variance += (s.weight / sum) ** 2 * ((p * (1 - p)) / n);
  }
  const estimate = readiness(subareas, bySubarea);
  const margin = Math.round(196 * Math.sqrt(variance));
  return {
    kind: 'range',
    low: Math.max(0, estimate - margin),
    estimate,
    high: Math.min(100, estimate + margin),
  };
}

export const READINESS_RANGE_EXPLAINED = `${READINESS_EXPLAINED} The range is where your score would likely fall (95%): it narrows as you answer more. It appears once you have answered ${READINESS_MIN_ANSWERED} questions with at least ${READINESS_MIN_PER_AREA} in each domain.`;
