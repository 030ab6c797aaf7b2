// Hostile shapes in parsed JSON, found before any schema runs: keys that reach an object's
// prototype (__proto__, constructor, prototype), huge strings and deep nesting. Shared by the
// backup and chapter-file checks; pure, no zod.

export const STRING_MAX = 10_000;
const DEPTH_MAX = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Up to `limit` problems, each named by `place(path)`. */
export function hostileShapes(value: unknown, place: (path: readonly PropertyKey[]) => string, limit = 5): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number): void => {
    if (out.length >= limit) return;
    if (typeof v === 'string') {
      if (v.length > STRING_MAX) out.push(`${place(path)}: text longer than ${STRING_MAX} characters`);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth > DEPTH_MAX) {
      out.push(`${place(path)}: nested too deeply`);
      return;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) out.push(`${place(path)}: forbidden key "${key}"`);
      else walk((v as Record<string, unknown>)[key], [...path, Array.isArray(v) ? Number(key) : key], depth + 1);
    }
  };
  walk(value, [], 0);
  return out;
}
