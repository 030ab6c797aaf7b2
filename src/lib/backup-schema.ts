// The backup file of a candidate's data (every table of the database) and its checks, pure.
// A file is refused whole when anything is wrong: hostile keys or huge strings first (walked
// before zod sees it), then every record's fields. Problems are named by table, record and field.
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { hostileShapes, STRING_MAX } from './hostile-json';
import { cleanEmail } from './chapter';

const ID_MAX = 500;

const id = z.string().min(1).max(ID_MAX);
const text = z.string().max(STRING_MAX);
const time = z.number().int().min(0).max(8.64e15);
const count = z.number().int().min(0).max(1e9);
const hours = z.number().finite().min(0).max(1000);
const day = z.iso.date().refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time (HH:MM)');
const origin = z.strictObject({ file: text, importedAt: time }).optional();
const scored = z.strictObject({ correct: count, total: count, percent: z.number().finite().min(0).max(100) });
const response = z.strictObject({ choice: z.array(count).max(20), correct: z.boolean().optional(), at: time });
const source = z.union([
  z.strictObject({ type: z.enum(['area', 'subarea', 'competency', 'session']), id }),
  z.strictObject({ type: z.enum(['mixed', 'missed', 'flagged', 'new', 'due', 'exam']) }),
  z.strictObject({ type: z.literal('retry'), from: id }),
]);

export const backupTables = {
  answers: z.strictObject({
    id: z.number().int().min(1),
    questionId: id,
    choice: z.array(count).max(20),
    correct: z.boolean(),
    at: time,
    context: text,
    ms: count.optional(),
    uid: z.string().min(1).max(100).optional(),
    confidence: z.enum(['guessed', 'sure', 'easy']).optional(),
  }),
  cards: z.strictObject({
    questionId: id,
    due: time,
    stability: z.number().finite(),
    difficulty: z.number().finite(),
    elapsed_days: z.number().finite(),
    scheduled_days: z.number().finite(),
    learning_steps: z.number().finite(),
    reps: count,
    lapses: count,
    state: count,
    last_review: time.optional(),
  }),
  attempts: z.strictObject({
    id,
    kind: z.enum(['practice', 'exam']),
    title: text,
    source,
    seed: z.number().finite(),
    questionIds: z.array(id).max(2000),
    position: count,
    responses: z.record(id, response),
    marked: z.array(id).max(2000),
    status: z.enum(['active', 'submitted']),
    createdAt: time,
    updatedAt: time,
    durationMs: count.optional(),
    usedMs: count.optional(),
    runningSince: time.nullable().optional(),
    paused: z.boolean().optional(),
    mode: z.enum(['tutor', 'timed']).optional(),
    timeByQuestion: z.record(id, count).optional(),
    submittedAt: time.optional(),
    result: z
      .strictObject({ overall: scored, byArea: z.record(id, scored), bySubarea: z.record(id, scored) })
      .optional(),
  }),
  flags: z.strictObject({ questionId: id, at: time }),
  settings: z.strictObject({ key: id, value: z.json(), at: time.optional() }),
  progress: z.strictObject({
    questionId: id,
    answers: count,
    rights: count,
    lastCorrect: z.boolean(),
    wrong: z.union([z.literal(0), z.literal(1)]),
    lastAt: time,
    firstAt: time,
  }),
  days: z.strictObject({ day, answers: count, ms: count }),
  members: z.strictObject({
    id,
    name: z.string().max(200),
    email: z
      .string()
      .max(254)
      .refine((e) => cleanEmail(e).error === undefined, 'is not an email address'),
    emailKey: z.string().max(254).optional(),
    role: z.enum(['candidate', 'clm', 'guest']),
    active: z.boolean(),
    updatedAt: time,
    fieldsAt: z.partialRecord(z.enum(['name', 'email', 'role', 'active']), time).optional(),
    origin,
  }),
  attendance: z.strictObject({ id, sessionId: id, memberId: id, present: z.boolean(), hours, updatedAt: time, origin }),
  attendanceEvents: z.strictObject({
    id,
    kind: z.enum(['check-in', 'adjust', 'absent', 'undo']),
    sessionId: id,
    memberId: id,
    hours: hours.optional(),
    target: id.optional(),
    device: id,
    by: text,
    at: time,
  }),
  sessionChanges: z.strictObject({
    sessionId: id,
    date: day.optional(),
    start: hhmm.optional(),
    hours: hours.optional(),
    location: text.optional(),
    cancelled: z.boolean().optional(),
    extra: z.strictObject({ title: text, area: id, speaker: text }).optional(),
    revision: count.optional(),
    updatedAt: time,
    origin,
  }),
  education: z.strictObject({
    id,
    date: day,
    title: text,
    provider: text.optional(),
    hours,
    category: z.string().max(ID_MAX),
    kind: z.enum(['attended', 'taught', 'self-study']),
    topic: z.string().max(ID_MAX).optional(),
  }),
};

export type BackupTable = keyof typeof backupTables;
export const BACKUP_TABLES = Object.keys(backupTables) as BackupTable[];

/** Tables a backup from an older schema may lack (attendanceEvents came with version 7). */
const NEWER_TABLES = ['attendanceEvents'] as const;

const tableArrays = Object.fromEntries(
  BACKUP_TABLES.map((t) => {
    const list = z.array(backupTables[t]).max(1_000_000);
    return [t, (NEWER_TABLES as readonly string[]).includes(t) ? list.optional() : list];
  }),
) as { [K in Exclude<BackupTable, (typeof NEWER_TABLES)[number]>]: z.ZodArray<(typeof backupTables)[K]> } & {
  [K in (typeof NEWER_TABLES)[number]]: z.ZodOptional<z.ZodArray<(typeof backupTables)[K]>>;
};

export const backupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  schemaVersion: z.number().int().min(1),
  exportedAt: time,
  tables: z.strictObject(tableArrays),
});

const DAY_MS = 86_400_000;

/**
 * What the fields alone cannot say: attendance of members that are in the file, and no change
 * stamped more than a day ahead of this device's clock (a merge would let it overwrite every
 * later edit). Each problem is placed as zod's are.
 */
function crossChecks(backup: Backup, now: number): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  const members = new Set(backup.tables.members.map((m) => m.id));
  backup.tables.attendance.forEach((a, i) => {
    if (!members.has(a.memberId))
      out.push({ path: ['tables', 'attendance', i, 'memberId'], message: `no member "${a.memberId}" in the file` });
  });
  for (const table of ['members', 'attendance', 'sessionChanges'] as const) {
    backup.tables[table].forEach((r, i) => {
      if (r.updatedAt > now + DAY_MS)
        out.push({
          path: ['tables', table, i, 'updatedAt'],
          message: `${new Date(r.updatedAt).toISOString().slice(0, 10)} is more than a day ahead of this device's clock`,
        });
    });
  }
  return out;
}

export type Backup = z.infer<typeof backupFile>;
export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problems: string[] };

/** Where a problem is: "members record 3, field email". */
function place(path: readonly PropertyKey[]): string {
  if (path[0] === 'tables' && path.length >= 3) {
    const field = path.slice(3).map(String).join('.');
    return `${String(path[1])} record ${Number(path[2]) + 1}${field ? `, field ${field}` : ''}`;
  }
  return path.length ? `field ${path.map(String).join('.')}` : 'the file';
}

/** Checks a parsed backup file; schemaVersion newer than this app's is refused. */
export function checkBackup(data: unknown, appSchemaVersion: number, now = Date.now()): BackupCheck {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, problems: ['This is not a CLM Study backup file.'] };
  const d = data as Record<string, unknown>;
  if (d.format !== BACKUP_FORMAT) return { ok: false, problems: ['This is not a CLM Study backup file.'] };
  if (d.version !== BACKUP_VERSION)
    return {
      ok: false,
      problems: [`This backup is format version ${String(d.version)}; this app reads version ${BACKUP_VERSION}.`],
    };
  if (typeof d.schemaVersion === 'number' && d.schemaVersion > appSchemaVersion)
    return { ok: false, problems: ['This backup comes from a newer version of the app: update the app first.'] };
  const bad = hostileShapes(data, place);
  if (bad.length) return { ok: false, problems: bad };
  const parsed = backupFile.safeParse(data);
  if (parsed.success) {
    const issues = crossChecks(parsed.data, now);
    if (issues.length === 0) return { ok: true, backup: parsed.data };
    return { ok: false, problems: issues.slice(0, 5).map((i) => `${place(i.path)}: ${i.message}`) };
  }
  return { ok: false, problems: parsed.error.issues.slice(0, 5).map((i) => `${place(i.path)}: ${i.message}`) };
}

/** Parses the text of a backup file: a truncated or corrupt file is refused. */
export function parseBackup(textOfFile: string, appSchemaVersion: number, now = Date.now()): BackupCheck {
  let data: unknown;
  try {
    data = JSON.parse(textOfFile);
  } catch {
    return { ok: false, problems: ['The file is not complete JSON: it may be truncated or damaged.'] };
  }
  return checkBackup(data, appSchemaVersion, now);
}
