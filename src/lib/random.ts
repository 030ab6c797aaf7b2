// Seeded randomness, so a shuffled set or exam comes back in the same order after a reload:
// the attempt stores only its seed.

/** A 32-bit hash of a string (FNV-1a). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG returning floats in [0, 1). */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of a copy, fixed by the seed. */
export function shuffled<T>(items: readonly T[], seed: number | string): T[] {
  const next = randomFrom(typeof seed === 'number' ? seed : hashString(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** The display order of a question's options within an attempt: stable for that attempt. */
export function optionOrder(optionCount: number, attemptSeed: number, questionId: string): number[] {
  return shuffled(
    Array.from({ length: optionCount }, (_, i) => i),
    `${attemptSeed}:${questionId}`,
  );
}

export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? Date.now() >>> 0;
}
