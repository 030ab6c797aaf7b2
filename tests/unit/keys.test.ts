import { describe, expect, it } from 'vitest';
import { optionSlot } from '../../src/lib/keys';

describe('option shortcuts', () => {
  it('maps 1-9 and A-I to option slots, never F, and nothing past the last option', () => {
    expect(optionSlot('1', 4)).toBe(0);
    expect(optionSlot('b', 4)).toBe(1);
    expect(optionSlot('D', 4)).toBe(3);
    expect(optionSlot('5', 4)).toBe(-1);
    expect(optionSlot('f', 9)).toBe(-1);
    expect(optionSlot('Enter', 4)).toBe(-1);
  });
});
