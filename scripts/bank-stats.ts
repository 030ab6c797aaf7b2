// npm run content:stats: the option-balance, rationale, review-date and per-sub-area figures of
// the question bank, each against the limit the content tests hold it to (src/content/balance.ts).
import { compileContent } from '../src/content/compile';
import { readContentDirs } from '../src/content/load';
import { bankFigures, LIMITS, percent } from '../src/content/balance';

const { content, issues } = compileContent(readContentDirs(['content']), 'content');
if (!content) {
  console.error(`content does not compile (${issues.length} problems): run npm run content:check`);
  process.exit(1);
}
const f = bankFigures(content);
const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');
const share = (n: number, limit: number) =>
  `${mark(n <= limit * f.single)} ${percent(n, f.single)} (${n} of ${f.single}; limit ${percent(limit, 1)})`;

console.log('Sub-area                     single  needed  multi');
for (const s of f.subareas) {
  console.log(
    `${mark(s.single >= s.needed)} ${s.id.padEnd(28)} ${String(s.single).padStart(4)}  ${String(s.needed).padStart(6)}  ${String(s.multi).padStart(5)}`,
  );
}
const shortComps = f.competencies.filter((c) => c.single < c.needed);
console.log(
  `${mark(shortComps.length === 0)} competencies with fewer than ${LIMITS.perCompetency} single-best-answer items: ${
    shortComps.length === 0 ? 'none' : shortComps.map((c) => `${c.id} ${c.single}`).join(', ')
  }`,
);
console.log(`\nsingle-answer ${f.single}, choose-all ${f.multi}`);
console.log(`key strictly longest           ${share(f.keyLongest, LIMITS.keyLongest)}`);
console.log(`key > 1.2 x mean distractor    ${share(f.keyLong12, LIMITS.keyLong12)}`);
console.log(`key strictly shortest          ${share(f.keyShortest, LIMITS.keyShortest)}`);
const [lo, hi] = LIMITS.position;
const positionsOk = f.positions.every((n) => n >= lo * f.single && n <= hi * f.single);
console.log(
  `${mark(positionsOk)} key positions ${f.positions.map((n, i) => `${String.fromCodePoint(65 + i)} ${n} (${percent(n, f.single)})`).join(', ')}; each ${percent(lo, 1)}-${percent(hi, 1)}`,
);
const counts = Object.entries(f.multiCorrect).map(([n, c]) => `${n} correct: ${c}`);
console.log(
  `${mark(Object.keys(f.multiCorrect).length >= LIMITS.multiCounts)} choose-all items by number correct: ${counts.join(', ')} (at least ${LIMITS.multiCounts} different counts)`,
);
console.log(
  `${mark(f.multiUncued.length === 0)} choose-all stems without "choose all that apply": ${f.multiUncued.join(', ') || 'none'}`,
);
console.log(`rationale under every option: ${f.withRationales} of ${f.single + f.multi} questions`);
console.log(
  `${mark(f.volatileUnreviewed.length === 0)} volatile questions ${f.volatile}, without a review date: ${f.volatileUnreviewed.join(', ') || 'none'}`,
);
