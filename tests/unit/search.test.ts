import { describe, expect, it } from 'vitest';
import { buildIndex, htmlToText, search, snippet } from '../../src/lib/search';

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

  it('indexes the text of compiled HTML, not its tags', () => {
    expect(htmlToText('<p>Rule <strong>1.15</strong> &amp; IOLTA</p>')).toBe('Rule 1.15 & IOLTA');
  });
});
