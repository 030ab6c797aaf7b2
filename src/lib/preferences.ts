// Rules for the candidate's settings, in one place for the settings page and the data layer.

/** "New questions a day": a whole number from 0 (reviews only) to 100. */
export const NEW_PER_DAY_MAX = 100;

export function isNewPerDay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= NEW_PER_DAY_MAX;
}

export type Parsed = { ok: true; value: number | undefined } | { ok: false; message: string };

/** Reads the field as typed: empty means "follow the plan" (undefined). */
export function parseNewPerDay(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  return /^\d+$/.test(t) && isNewPerDay(n)
    ? { ok: true, value: n }
    : {
        ok: false,
        message: `Enter a whole number from 0 to ${NEW_PER_DAY_MAX}, or leave it empty to follow your plan.`,
      };
}
