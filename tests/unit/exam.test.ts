import { describe, expect, it } from 'vitest';
import { allocate, assembleExam, scoreExam } from '../../src/lib/exam';
import { optionOrder, shuffled } from '../../src/lib/random';

const blueprint = [
  { id: 'general-accounting', weight: 14 },
  { id: 'financial-analysis', weight: 15 },
  { id: 'selection-promotion', weight: 5 },
  { id: 'performance-compensation', weight: 14 },
  { id: 'organizational-development', weight: 13 },
  { id: 'business-management', weight: 11 },
  { id: 'legal-industry', weight: 7 },
  { id: 'technology', weight: 10 },
  { id: 'operations', weight: 11 },
];

describe('allocate (largest remainder)', () => {
  it('gives each sub-area its blueprint share of a 125-question exam', () => {
    const seats = allocate(blueprint, 125);
    // Quotas: 17.5, 18.75, 6.25, 17.5, 16.25, 13.75, 8.75, 12.5, 13.75: the floors give 120, the
    // four .75 remainders one more seat each, and the last seat goes to the tied .5 remainders'
    // larger weight, first in order (general accounting).
    expect(Object.fromEntries(seats)).toEqual({
      'general-accounting': 18,
      'financial-analysis': 19,
      'selection-promotion': 6,
      'performance-compensation': 17,
      'organizational-development': 16,
      'business-management': 14,
      'legal-industry': 9,
      technology: 12,
      operations: 14,
    });
  });

  it('always hands out exactly the total, and never strays more than one seat from the quota', () => {
    for (const total of [1, 10, 25, 50, 100, 125, 333]) {
      const seats = allocate(blueprint, total);
      expect([...seats.values()].reduce((a, b) => a + b, 0)).toBe(total);
      for (const s of blueprint) expect(Math.abs(seats.get(s.id)! - (s.weight / 100) * total)).toBeLessThan(1);
    }
  });
});

describe('assembleExam', () => {
  const bank = blueprint.flatMap((s) => Array.from({ length: 60 }, (_, i) => ({ id: `${s.id}-${i}`, subarea: s.id })));

  it('draws each sub-area in proportion to its weight', () => {
    const ids = assembleExam(bank, blueprint, 125, new Set(), 42);
    expect(ids).toHaveLength(125);
    expect(new Set(ids).size).toBe(125);
    const count = (sub: string) => ids.filter((id) => id.startsWith(`${sub}-`)).length;
    const seats = allocate(blueprint, 125);
    for (const s of blueprint) expect(count(s.id)).toBe(seats.get(s.id));
  });

  it('prefers questions the candidate has not seen', () => {
    const seen = new Set(
      bank
        .filter((q) => !q.id.endsWith('-59') && !q.id.endsWith('-58') && Number(q.id.split('-').pop()) < 40)
        .map((q) => q.id),
    );
    const ids = assembleExam(bank, blueprint, 125, seen, 7);
    const fresh = ids.filter((id) => !seen.has(id)).length;
    // 20 unseen per sub-area is enough for every sub-area's share.
    expect(fresh).toBe(125);
  });

  it('is the same exam for the same seed and a different one for another seed', () => {
    expect(assembleExam(bank, blueprint, 50, new Set(), 1)).toEqual(assembleExam(bank, blueprint, 50, new Set(), 1));
    expect(assembleExam(bank, blueprint, 50, new Set(), 1)).not.toEqual(
      assembleExam(bank, blueprint, 50, new Set(), 2),
    );
  });

  it('fills seats a thin sub-area cannot fill from the others', () => {
    const thin = bank.filter((q) => q.subarea !== 'selection-promotion' || q.id.endsWith('-0'));
    const ids = assembleExam(thin, blueprint, 125, new Set(), 3);
    expect(ids).toHaveLength(125);
    expect(ids.filter((id) => id.startsWith('selection-promotion-'))).toEqual(['selection-promotion-0']);
  });
});

describe('scoreExam', () => {
  it('reports overall, per-domain and per-sub-area percentages, blanks counting wrong', () => {
    const qs = [
      { id: 'a', area: 'finance', subarea: 'general-accounting' },
      { id: 'b', area: 'finance', subarea: 'financial-analysis' },
      { id: 'c', area: 'hr', subarea: 'selection-promotion' },
      { id: 'd', area: 'hr', subarea: 'selection-promotion' },
    ];
    const r = scoreExam(qs, new Set(['a', 'c']));
    expect(r.overall).toEqual({ correct: 2, total: 4, percent: 50 });
    expect(r.byArea.finance).toEqual({ correct: 1, total: 2, percent: 50 });
    expect(r.bySubarea['selection-promotion']).toEqual({ correct: 1, total: 2, percent: 50 });
    expect(r.bySubarea['financial-analysis']).toEqual({ correct: 0, total: 1, percent: 0 });
  });
});

describe('seeded order', () => {
  it('keeps option order stable for an attempt and varies it between attempts', () => {
    expect(optionOrder(4, 99, 'q1')).toEqual(optionOrder(4, 99, 'q1'));
    expect([...optionOrder(4, 99, 'q1')].sort()).toEqual([0, 1, 2, 3]);
    const orders = new Set(Array.from({ length: 20 }, (_, i) => optionOrder(4, i, 'q1').join('')));
    expect(orders.size).toBeGreaterThan(5);
    expect(shuffled([1, 2, 3], 'x')).toEqual(shuffled([1, 2, 3], 'x'));
  });
});
