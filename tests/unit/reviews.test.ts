import { describe, expect, it } from 'vitest';
import { staleReviews } from '../../src/content/reviews';
import type { Question } from '../../src/content/types';

const q = (id: string, reviewed?: string): Question => ({
  id,
  area: 'hr',
  subarea: 'benefits',
  stemHtml: '<p>Stem</p>',
  stemText: 'Stem',
  options: [],
  multi: false,
  reviewed,
  source: `content/questions/hr/x.md:${id.length}`,
});

describe('staleReviews', () => {
  it('warns about reviews more than 12 months old, not about those 12 months old or newer', () => {
    const out = staleReviews([q('old', '2025-11'), q('year', '2025-12'), q('new', '2026-12'), q('none')], '2026-12-01');
    expect(out.map((w) => w.id)).toEqual(['old']);
    expect(out[0]!.message).toContain('last reviewed 2025-11, 13 months ago');
  });

  it('warns about a review month still to come', () => {
    expect(staleReviews([q('future', '2027-01')], '2026-12-31')[0]!.message).toContain('a month still to come');
  });
});
