import { describe, expect, it } from 'vitest';
import { isNewPerDay, parseNewPerDay } from '../../src/lib/preferences';
import { parseTheme, readTheme, saveTheme, THEME_KEY } from '../../src/lib/theme';

describe('new questions a day', () => {
  it('takes a whole number from 0 to 100, and empty for "follow the plan"', () => {
    expect(parseNewPerDay(' 0 ')).toEqual({ ok: true, value: 0 });
    expect(parseNewPerDay('100')).toEqual({ ok: true, value: 100 });
    expect(parseNewPerDay('')).toEqual({ ok: true, value: undefined });
    for (const bad of ['101', '-1', '2.5', '1e2', 'ten']) expect(parseNewPerDay(bad)).toMatchObject({ ok: false });
    expect([isNewPerDay(7), isNewPerDay(7.5), isNewPerDay('7'), isNewPerDay(101)]).toEqual([true, false, false, false]);
  });
});

describe('theme preference', () => {
  it('reads what was saved, and "system" for nothing, junk or a refusing browser', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    expect(readTheme(storage)).toBe('system');
    expect(saveTheme('dark', storage)).toBe(true);
    expect(map.get(THEME_KEY)).toBe('dark');
    expect(readTheme(storage)).toBe('dark');
    expect(saveTheme('system', storage)).toBe(true);
    expect(map.has(THEME_KEY)).toBe(false);
    expect(parseTheme('purple')).toBe('system');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readTheme(refusing)).toBe('system');
    expect(saveTheme('light', refusing)).toBe(false);
  });
});
