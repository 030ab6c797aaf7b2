import { describe, expect, it } from 'vitest';
import { buildIndex, search, snippet } from '../../src/lib/search';

describe('search', () => {
  const index = buildIndex([
    {
      id: 'q1',
      kind: 'question',
      title: 'FMLA eligibility',
      text: 'An employee is eligible after 12 months and 1,250 hours.',
      href: '/q1',
    },
    {
      id: 's1',
      kind: 'session',
      title: 'Benefits night',
      text: 'COBRA continuation coverage and FMLA leave.',
      href: '/s1',
    },
  ]);

  it('finds by prefix and ranks title matches first', () => {
    expect(search(index, 'fml').map((h) => h.id)).toEqual(['q1', 's1']);
    expect(search(index, 'cobra').map((h) => h.href)).toEqual(['/s1']);
    expect(search(index, 'x')).toEqual([]);
  });

  it('marks matched words in the snippet', () => {
    expect(snippet('Overtime is due after 40 hours in a workweek.', ['hours'])).toEqual([
      { text: 'Overtime is due after 40 ', match: false },
      { text: 'hours', match: true },
      { text: ' in a workweek.', match: false },
    ]);
  });

  it('cuts a long snippet at word boundaries on both sides', () => {
    const text = `${'alpha beta gamma delta '.repeat(10)}trust account ${'epsilon zeta eta theta '.repeat(10)}`.trim();
    const parts = snippet(text, ['trust'], 80);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.length).toBeLessThanOrEqual(80);
    expect(joined).toMatch(/^…(alpha|beta|gamma|delta) /);
    expect(joined).toMatch(/ (account|epsilon|zeta|eta|theta)…$/);
    expect(parts).toContainEqual({ text: 'trust', match: true });
  });
});
