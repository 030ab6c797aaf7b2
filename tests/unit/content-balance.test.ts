// The real bank must not reward test-taking tricks, and must hold four disjoint mock exams. The
// figures come from src/content/balance.ts (also printed by npm run content:stats); the limits
// are LIMITS there, the weights those of the compiled areas.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { bankFigures, LIMITS } from '../../src/content/balance';

const { content, issues } = compileContent(readContentDirs(['content']));
const f = bankFigures(content!);
const pct = (n: number) => Math.round((100 * n) / f.single);

describe('option balance of the single-answer items', () => {
  it('compiles', () => {
    expect(issues).toEqual([]);
  });

  it(`has the key as the strictly longest option in at most ${LIMITS.keyLongest * 100}% of items`, () => {
    expect(pct(f.keyLongest)).toBeLessThanOrEqual(LIMITS.keyLongest * 100);
  });

  it(`has the key longer than 1.2 x the mean distractor in at most ${LIMITS.keyLong12 * 100}%`, () => {
    expect(pct(f.keyLong12)).toBeLessThanOrEqual(LIMITS.keyLong12 * 100);
  });

  it(`has the key as the strictly shortest option in at most ${LIMITS.keyShortest * 100}% (no reverse cue)`, () => {
    expect(pct(f.keyShortest)).toBeLessThanOrEqual(LIMITS.keyShortest * 100);
  });

  it('spreads the key over every position', () => {
    const [lo, hi] = LIMITS.position;
    expect(f.positions.length).toBeGreaterThanOrEqual(4);
    const off = f.positions
      .map((n, i) => ({ position: String.fromCodePoint(65 + i), percent: pct(n) }))
      .filter((p) => p.percent < lo * 100 || p.percent > hi * 100);
    expect(off).toEqual([]);
  });
});

describe('"choose all that apply" items', () => {
  it(`vary their number of correct options (at least ${LIMITS.multiCounts} different counts)`, () => {
    const distinct = Object.keys(f.multiCorrect).length;
    expect({ byCorrect: f.multiCorrect, enough: distinct >= LIMITS.multiCounts }).toMatchObject({ enough: true });
  });

  it('say "choose all that apply" in the stem', () => {
    expect(f.multiUncued).toEqual([]);
  });
});

describe('rationales and review dates', () => {
  it('give every option a rationale when any option of a question has one', () => {
    expect(f.partialRationales).toEqual([]);
  });

  it('give every question marked Volatile a Reviewed month', () => {
    expect(f.volatileUnreviewed).toEqual([]);
  });
});

describe('enough single-best-answer items for four disjoint mock exams', () => {
  it(`has at least ${LIMITS.perWeight} x its blueprint weight in every sub-area`, () => {
    expect(f.subareas.length).toBeGreaterThan(0);
    const short = f.subareas.filter((s) => s.single < s.needed).map((s) => `${s.id}: ${s.single} of ${s.needed}`);
    expect(short).toEqual([]);
  });

  it(`has at least ${LIMITS.perCompetency} in every competency`, () => {
    const short = f.competencies.filter((c) => c.single < c.needed).map((c) => `${c.id}: ${c.single}`);
    expect(short).toEqual([]);
  });
});

describe('bankFigures', () => {
  it('counts length cues, key positions, choose-all counts and the per-sub-area need of a small bank', () => {
    const small = compileContent(readContentDirs(['tests/fixtures/content/valid', 'tests/fixtures/content/more']));
    expect(small.issues).toEqual([]);
    const g = bankFigures(small.content!);
    expect(g).toMatchObject({
      single: 5,
      multi: 3,
      // Every key of the fixture is its longest option; two are over 1.2 x the mean distractor
      // (49 vs 23 and 29; 47 vs 16 and 14), one is not (61 vs 53 and 57).
      keyLongest: 5,
      keyShortest: 0,
      keyLong12: 2,
      positions: [2, 3],
      multiCorrect: { 1: 1, 2: 2 },
      multiUncued: [],
      withRationales: 1,
      volatile: 1,
      volatileUnreviewed: [],
    });
    expect(g.subareas.find((s) => s.id === 'books')).toEqual({
      id: 'books',
      weight: 30,
      single: 3,
      multi: 2,
      needed: 150,
    });
    expect(g.competencies.find((c) => c.id === 'trust')).toEqual({ id: 'trust', single: 2, needed: 4 });
  });
});
