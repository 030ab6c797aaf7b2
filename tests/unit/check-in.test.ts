import { describe, expect, it } from 'vitest';
import { foldText, matchesQuery, memberSearchKey, parseHours, quickHours } from '../../src/lib/check-in';

describe('finding a member at the door', () => {
  const chloe = memberSearchKey({ name: 'Chloé Åberg-Núñez', email: 'c.aberg@firm.example' });
  it.each([
    ['chloe', true],
    ['CHLOÉ', true],
    ['nunez', true],
    ['aberg chloe', true],
    ['firm.example', true],
    ['zoe', false],
  ])('%s matches: %s', (query, expected) => {
    expect(matchesQuery(chloe, query)).toBe(expected);
  });
  it('folds case and accents only', () => {
    expect(foldText('Zoë Ñ')).toBe('zoe n');
  });
});

describe('hours for a late arrival', () => {
  it.each([
    ['1.5', 3, { hours: 1.5 }],
    ['1,5', 3, { hours: 1.5 }],
    ['0', 3, { hours: 0 }],
    ['3', 3, { hours: 3 }],
    ['', 3, { error: 'Enter hours from 0 to 3.' }],
    ['4', 3, { error: 'Enter hours from 0 to 3.' }],
    ['-1', 3, { error: 'Enter hours from 0 to 3.' }],
    ['abc', 2.5, { error: 'Enter hours from 0 to 2.5.' }],
  ])('%j of a %d-hour session', (text, max, expected) => {
    expect(parseHours(text, max)).toEqual(expected);
  });
  it('offers full, half an hour less and an hour less, never below 0', () => {
    expect(quickHours(3).map((q) => q.hours)).toEqual([3, 2.5, 2]);
    expect(quickHours(0.5).map((q) => q.hours)).toEqual([0.5, 0, 0]);
  });
});
