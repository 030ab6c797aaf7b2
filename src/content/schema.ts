// Schemas of the frontmatter of every kind of content file. Messages are written for a
// speaker editing Markdown: they say what the field must be, in plain words.
import { z } from 'zod';

export const slug = z
  .string({ error: 'must be an id: lowercase letters, digits and hyphens' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be an id: lowercase letters, digits and hyphens, e.g. trust-accounting',
  });

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/** A real calendar date written YYYY-MM-DD (YAML may hand us a Date for unquoted dates). */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
    .refine(isRealDate, { error: (iss) => `${String(iss.input)} is not a real date` }),
);

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const weight = z
  .number({ error: 'must be a number (percent of the exam)' })
  .gt(0, { error: 'must be more than 0' })
  .max(100, { error: 'must be at most 100' });

export const programSchema = z.strictObject({
  title: text,
  chapter: text,
  /** How to reach the chapter (shown on certificates): an email, phone or address. */
  contact: text.optional(),
  /** The chapter's ALA approved-provider number, printed on certificates when given. */
  approvedProvider: text.optional(),
  timezone: z.string({ error: 'must be a timezone name such as America/Chicago' }).refine(isTimeZone, {
    error: (iss) => `"${String(iss.input)}" is not a known timezone: use a name such as America/Chicago`,
  }),
  season: z.strictObject({
    start: isoDate,
    targetHours: z.number({ error: 'must be a number of hours' }).gt(0, { error: 'must be more than 0' }),
  }),
  exam: z.strictObject({
    questions: z.int({ error: 'must be a whole number' }).positive({ error: 'must be more than 0' }),
    scored: z.int({ error: 'must be a whole number' }).positive({ error: 'must be more than 0' }).optional(),
    minutes: z.int({ error: 'must be a whole number of minutes' }).positive({ error: 'must be more than 0' }),
    chooseAllThatApply: z.boolean({ error: 'must be true or false' }).default(false),
  }),
});

function isTimeZone(value: string): boolean {
  try {
    Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions();
    return true;
  } catch {
    return false;
  }
}

export const areaSchema = z.strictObject({
  id: slug,
  title: text,
  order: z.number({ error: 'must be a number' }),
  weight,
  subareas: z
    .array(
      z.strictObject({
        id: slug,
        title: text,
        weight,
        competencies: z
          .array(z.strictObject({ id: slug, title: text }), { error: 'must be a list of { id, title }' })
          .min(1, { error: 'must list at least one competency' }),
      }),
      { error: 'must be a list of sub-areas' },
    )
    .min(1, { error: 'must list at least one sub-area' }),
});

const slugList = z.array(slug, { error: 'must be a list of ids, e.g. [trust-accounting]' });

export const sessionSchema = z.strictObject({
  id: slug,
  title: text,
  area: slug,
  subareas: slugList.optional(),
  competencies: slugList.optional(),
  speaker: z.strictObject({ name: text, role: text.optional() }, { error: 'must have a name (and an optional role)' }),
  date: isoDate,
  start: z
    .string({ error: 'must be a time written HH:MM in quotes, e.g. "18:00"' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time written HH:MM (24-hour), e.g. "18:00"' }),
  hours: z
    .number({ error: 'must be a number of hours' })
    .gt(0, { error: 'must be more than 0 hours' })
    .max(8, { error: 'must be at most 8 hours' }),
  location: text.optional(),
});

export const questionFileSchema = z.strictObject({
  area: slug,
  subarea: slug.optional(),
  competency: slug.optional(),
});

export type ProgramFrontmatter = z.infer<typeof programSchema>;
export type AreaFrontmatter = z.infer<typeof areaSchema>;
export type SessionFrontmatter = z.infer<typeof sessionSchema>;

const ruleCategory = z.strictObject({
  id: slug,
  title: text,
  min: z.number({ error: 'must be a number of hours' }).min(0, { error: 'must be 0 or more' }),
});

export const educationKinds = ['attended', 'taught', 'self-study'] as const;

const ruleSet = z.strictObject({
  title: text,
  hours: z.number({ error: 'must be a number of hours' }).gt(0, { error: 'must be more than 0' }),
  windowMonths: z.int({ error: 'must be a whole number of months' }).positive({ error: 'must be more than 0' }),
  categories: z.array(ruleCategory, { error: 'must be a list of { id, title, min }' }),
  topics: z.array(ruleCategory, { error: 'must be a list of { id, title, min }' }).default([]),
  caps: z
    .array(
      z.strictObject({
        kinds: z
          .array(z.enum(educationKinds, { error: 'must be attended, taught or self-study' }))
          .min(1, { error: 'must name at least one kind' }),
        max: z.number({ error: 'must be a number of hours' }).min(0, { error: 'must be 0 or more' }),
        label: text,
      }),
      { error: 'must be a list of { kinds, max, label }' },
    )
    .default([]),
});

export const rulesSchema = z.strictObject({
  recertification: ruleSet,
  eligibility: ruleSet,
  studyGroupCategories: z.record(slug, slug, { error: 'must map each area id to a recertification category id' }),
});

export type RulesFrontmatter = z.infer<typeof rulesSchema>;
