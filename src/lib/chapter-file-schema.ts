// The shape of a chapter file, as zod schemas: every record's fields and their bounds, names
// and emails cleaned by the roster's own rules, moments not ahead of this device's clock. Used
// by import-schema.ts, which adds what the records refer to; loaded only when a file is chosen.
import { z } from 'zod';
import { cleanEmail, cleanName, NAME_MAX } from './chapter';

const DAY = 86_400_000;
export const ID_MAX = 200;
export const TITLE_MAX = 200;
export const LOCATION_MAX = 500;
const RECORDS_MAX = 200_000;
export const ROLES = ['candidate', 'clm', 'guest'] as const;

/** A day that exists on the calendar: 2027-02-30 is refused. */
export const realDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'is not a date (YYYY-MM-DD)', abort: true })
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'is not a day on the calendar');
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time of day (HH:MM)');

const id = z.string().min(1).max(ID_MAX);
const text = (max: number) => z.string().max(max);

/** A moment of a change: not before 1970, not more than a day ahead of this device's clock. */
const stamp = (now: number) =>
  z
    .number()
    .int()
    .min(0)
    .superRefine((t, ctx) => {
      if (t > now + DAY)
        ctx.addIssue({
          code: 'custom',
          message: `${new Date(Math.min(t, 8.64e15)).toISOString().slice(0, 10)} is more than a day ahead of this device's clock: check the clock of the device that exported the file`,
          params: { whole: true },
        });
    });

/** A field cleaned by the roster's own rule (names cleaned and bounded, emails checked). */
const cleaned = <K extends string>(
  clean: (v: string) => ({ error?: undefined } & Record<K, string>) | { error: string },
  key: K,
) =>
  z.string().transform((v, ctx) => {
    const c = clean(v);
    if (c.error === undefined) return (c as Record<K, string>)[key];
    ctx.addIssue({ code: 'custom', message: c.error, params: { whole: true } });
    return z.NEVER;
  });

const member = (now: number) => {
  const at = stamp(now).optional();
  return z
    .strictObject({
      id,
      name: cleaned(cleanName, 'name'),
      email: cleaned(cleanEmail, 'email'),
      role: z.enum(ROLES),
      active: z.boolean(),
      updatedAt: stamp(now),
      fieldsAt: z.strictObject({ name: at, email: at, role: at, active: at }).optional(),
      // Older exports carried these; they are this device's business, so they are dropped.
      emailKey: z.string().max(ID_MAX).optional(),
      origin: z.strictObject({ file: text(ID_MAX), importedAt: z.number().int().min(0) }).optional(),
    })
    .transform(({ emailKey: _key, origin: _origin, ...m }) => m);
};

const attendance = (now: number) =>
  z
    .strictObject({
      id,
      sessionId: id,
      memberId: id,
      present: z.boolean(),
      hours: z.number().finite().min(0),
      updatedAt: stamp(now),
      origin: z.strictObject({ file: text(ID_MAX), importedAt: z.number().int().min(0) }).optional(),
    })
    .transform(({ origin: _origin, ...a }) => a);

const event = (now: number) =>
  z.strictObject({
    id,
    kind: z.enum(['check-in', 'adjust', 'absent', 'undo']),
    sessionId: id,
    memberId: id,
    hours: z.number().finite().min(0).optional(),
    target: id.optional(),
    device: id,
    by: text(NAME_MAX),
    at: stamp(now),
  });

const sessionChange = (now: number) =>
  z
    .strictObject({
      sessionId: id,
      date: realDate.optional(),
      start: clockTime.optional(),
      hours: z.number().finite().gt(0).max(8).optional(),
      location: text(LOCATION_MAX).optional(),
      cancelled: z.boolean().optional(),
      extra: z.strictObject({ title: text(TITLE_MAX).min(1), area: id, speaker: text(TITLE_MAX) }).optional(),
      revision: z.number().int().min(0).optional(),
      updatedAt: stamp(now),
      origin: z.strictObject({ file: text(ID_MAX), importedAt: z.number().int().min(0) }).optional(),
    })
    .transform(({ origin: _origin, ...c }) => c);

export const chapterFile = (now: number) =>
  z.strictObject({
    kind: z.literal('clm-study-chapter'),
    version: z.union([z.literal(1), z.literal(2)]),
    exportedAt: stamp(now),
    members: z.array(member(now)).max(RECORDS_MAX),
    attendance: z.array(attendance(now)).max(RECORDS_MAX),
    sessionChanges: z.array(sessionChange(now)).max(RECORDS_MAX),
    // Version 2: the attendance log (its attendance is the fold of it, for reading).
    events: z.array(event(now)).max(RECORDS_MAX).optional(),
  });
