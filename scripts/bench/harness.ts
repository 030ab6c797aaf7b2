// Runs in headless Chromium against real IndexedDB: seeds a generated 10,000-question bank
// with 100,000 answers and times what a candidate waits for. Driven by scripts/bench.ts.
import { db, foldAnswer, type AnswerRecord, type DayRecord, type QuestionProgress } from '../../src/db/db';
import { missedIds, seenIds, studyDays, submittedExams } from '../../src/db/study';
import { answerInSet, createAttempt } from '../../src/db/attempts';
import { content, loadAllQuestions } from '../../src/content/runtime';
import { startPracticeSet } from '../../src/features/practice/sets';
import { examShapes, startExam } from '../../src/features/exam/data';
import { computeDashboard } from '../../src/features/progress/dashboard';
import { buildIndex, search } from '../../src/lib/search';
import { reviewCard, type StoredCard } from '../../src/lib/review';

const DAY = 86_400_000;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const median = (xs: number[]) => percentile(xs, 50);

async function time<T>(f: () => Promise<T> | T): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function seed(answerCount: number) {
  await Promise.all(db.tables.map((t) => t.clear()));
  const bank = await loadAllQuestions();
  const now = Date.now();
  const answers: AnswerRecord[] = [];
  for (let i = 0; i < answerCount; i++) {
    const q = bank[(i * 7919) % bank.length]!;
    answers.push({
      questionId: q.id,
      choice: [i % 4],
      correct: i % 3 !== 0,
      at: now - 90 * DAY + Math.floor((i / answerCount) * 90 * DAY),
      context: 'bench',
      ms: 20_000 + (i % 60) * 1000,
    });
  }
  const progress = new Map<string, QuestionProgress>();
  const days = new Map<string, DayRecord>();
  const cards = new Map<string, StoredCard>();
  for (const a of answers) {
    foldAnswer(progress, days, a);
    const next = reviewCard(a.questionId, cards.get(a.questionId), a.correct, a.at);
    if (next) cards.set(a.questionId, next);
  }
  for (let i = 0; i < answers.length; i += 10_000) await db.answers.bulkAdd(answers.slice(i, i + 10_000));
  await db.progress.bulkPut([...progress.values()]);
  await db.days.bulkPut([...days.values()]);
  await db.cards.bulkPut([...cards.values()]);
  return { questions: bank.length, answers: await db.answers.count(), seen: progress.size };
}

async function run() {
  const statusLine = document.getElementById('status');
  const coldLoad = await time(() => loadAllQuestions());
  const seeded = await seed(100_000);
  if (statusLine) statusLine.textContent = 'Seeded';

  const practice: number[] = [];
  const missed: number[] = [];
  const exam: number[] = [];
  for (let i = 0; i < 7; i++) {
    practice.push(await time(() => startPracticeSet({ type: 'mixed' }, 25)));
    missed.push(await time(() => startPracticeSet({ type: 'missed' }, 25)));
    exam.push(await time(() => startExam(examShapes()[0]!)));
  }

  // Recording an answer as a practice set does: the answer, its card, the summaries and the
  // set's response in one transaction.
  const record: number[] = [];
  const bank = await loadAllQuestions();
  const picks = Array.from({ length: 300 }, (_, i) => bank[(i * 104_729) % bank.length]).filter((q) => q !== undefined);
  const set = await createAttempt({
    kind: 'practice',
    title: 'bench',
    source: { type: 'mixed' },
    seed: 1,
    questionIds: picks.map((q) => q.id),
  });
  for (const [i, q] of picks.entries()) {
    record.push(
      await time(() =>
        answerInSet(set.id, {
          questionId: q.id,
          choice: [0],
          correct: i % 2 === 0,
          context: `set:${set.id}`,
          ms: 15_000,
        }),
      ),
    );
  }

  const dashboard: number[] = [];
  for (let i = 0; i < 7; i++) {
    dashboard.push(
      await time(async () => {
        const [seen, wrong, days] = await Promise.all([seenIds(), missedIds(), studyDays(), submittedExams()]);
        computeDashboard(content, bank, seen, wrong, days);
      }),
    );
  }

  let index!: ReturnType<typeof buildIndex>;
  const indexBuild = await time(() => {
    index = buildIndex(
      bank.map((q) => ({ id: q.id, kind: 'question', title: q.stemText.slice(0, 90), text: q.stemText, href: '#' })),
    );
  });
  const words = [
    'trust',
    'budget',
    'overtime lease',
    'vendor',
    'payroll tax',
    'records retention',
    'partner',
    'client matter',
    'backup',
    'audit',
    'insurance',
    'network',
    'billing review',
    'deposit',
    'safety',
  ];
  const queries: number[] = [];
  for (let i = 0; i < 150; i++) queries.push(await time(() => search(index, words[i % words.length]!)));

  if (statusLine) statusLine.textContent = 'Done';
  return {
    seeded,
    coldLoadMs: coldLoad,
    startPracticeMs: median(practice),
    startMissedMs: median(missed),
    startExamMs: median(exam),
    recordP95Ms: percentile(record, 95),
    recordMedianMs: median(record),
    dashboardMs: median(dashboard),
    searchIndexBuildMs: indexBuild,
    searchP95Ms: percentile(queries, 95),
  };
}

(window as unknown as { bench: { run: typeof run } }).bench = { run };
status();
function status() {
  document.getElementById('status')!.textContent = 'Ready';
}
