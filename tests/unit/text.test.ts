import { describe, expect, it } from 'vitest';
import { clip, excerpt } from '../../src/lib/text';

describe('clip', () => {
  it('keeps short text whole', () => {
    expect(clip('  Rule 1.15 & IOLTA ', 40)).toBe('Rule 1.15 & IOLTA');
  });

  it('cuts at the last word boundary that fits, without trailing punctuation, and marks the cut', () => {
    expect(clip('The bank statement, the trust register and the client ledgers', 24)).toBe('The bank statement, the…');
    expect(clip('The bank statement, the trust register', 20)).toBe('The bank statement…');
    expect(clip('The bank statement, the trust register', 20).length).toBeLessThanOrEqual(20);
  });

  it('cuts a single overlong word where it must', () => {
    expect(clip('Supercalifragilistic', 8)).toBe('Superca…');
  });
});

describe('excerpt', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';

  it('returns short text whole', () => {
    expect(excerpt('short text', 3, 200)).toBe('short text');
  });

  it('starts and ends at word boundaries around the position', () => {
    const at = text.indexOf('nine');
    const out = excerpt(text, at, 30, 10);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('nine');
    expect(out.length).toBeLessThanOrEqual(30);
    const words = new Set(text.split(' '));
    for (const w of out.replace(/…/g, '').split(' ')) expect(words.has(w)).toBe(true);
  });

  it('does not start with an ellipsis when the match is near the start', () => {
    expect(excerpt(text, 4, 30)).toMatch(/^one two .*…$/);
  });
});
