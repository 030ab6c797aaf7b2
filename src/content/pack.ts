// A session pack: one session's material and its questions as the speaker wrote them (Markdown),
// with a manifest. It travels as one JSON file (export / import) or through the chapter server
// (publish / receive). Whoever receives one compiles it again with the build's compiler
// (pack-check.ts): nothing compiled is ever trusted from a file or from the network.
import { z } from 'zod';
import { checkDraft, type CheckedDraft, type PackBase } from './pack-check.ts';
import { isoDate, slug } from './schema.ts';
import type { ContentIssue } from './types.ts';

export const PACK_FORMAT = 'clm-session-pack';

/**
 * The largest pack accepted, as JSON bytes. A 200-question pack with rationales is about
 * 250 KB; twice the largest built-in area fits with room to spare.
 */
export const MAX_PACK_BYTES = 1024 * 1024;

export const manifestSchema = z.strictObject({
  /** The pack's id: its session's id. */
  id: slug,
  version: z.int().min(1).max(1_000_000),
  title: z.string().trim().min(1).max(200),
  author: z.string().trim().min(1).max(200),
  /** The day this version was made, YYYY-MM-DD. */
  date: isoDate,
  /** The competencies the session and its questions cover. */
  competencies: z.array(slug).max(200),
});

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  manifest: manifestSchema,
  session: z.string().max(MAX_PACK_BYTES),
  questions: z.string().max(MAX_PACK_BYTES),
});

export type PackManifest = z.infer<typeof manifestSchema>;
export type Pack = z.infer<typeof packSchema>;
export type CompiledPack = NonNullable<CheckedDraft['compiled']> & { manifest: PackManifest };

export type PackResult = { ok: true; pack: Pack; compiled: CompiledPack } | { ok: false; problems: string[] };

const size = (text: string) => new TextEncoder().encode(text).length;

/** Makes a pack from a draft that has no problems (checkDraft's `compiled`). */
export function makePack(
  draft: { session: string; questions: string },
  compiled: Pick<NonNullable<CheckedDraft['compiled']>, 'session' | 'questions'>,
  meta: { version: number; author?: string | undefined; date: string },
): Pack {
  const { session, questions } = compiled;
  const competencies = new Set(session.competencies);
  for (const q of questions) if (q.competency) competencies.add(q.competency);
  return {
    format: PACK_FORMAT,
    manifest: {
      id: session.id,
      version: meta.version,
      title: session.title,
      author: meta.author?.trim() || session.speaker.name,
      date: meta.date,
      competencies: [...competencies].sort(),
    },
    session: draft.session,
    questions: draft.questions,
  };
}

const describe = (i: ContentIssue) => `${i.path}:${i.line}:${i.column} ${i.message}`;

/**
 * Reads a pack from its JSON text: the size, the shape, then the build's checks and the pack's
 * own. Every problem is named; a pack with any problem is refused whole.
 */
export function readPack(text: string, base: PackBase): PackResult {
  if (size(text) > MAX_PACK_BYTES)
    return {
      ok: false,
      problems: [`The pack is ${kb(size(text))} KB: the largest accepted is ${kb(MAX_PACK_BYTES)} KB.`],
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['This is not a session pack: the file is not JSON.'] };
  }
  return checkPack(raw, base);
}

export function checkPack(raw: unknown, base: PackBase): PackResult {
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'the pack'}: ${i.message}`);
    if ((raw as { format?: unknown } | null)?.format !== PACK_FORMAT)
      return { ok: false, problems: ['This is not a session pack (its "format" is not clm-session-pack).'] };
    return { ok: false, problems };
  }
  const pack = parsed.data;
  const checked = checkDraft(pack.session, pack.questions, base);
  if (!checked.compiled) return { ok: false, problems: checked.issues.map(describe) };
  if (checked.compiled.session.id !== pack.manifest.id)
    return {
      ok: false,
      problems: [`manifest.id: "${pack.manifest.id}" is not the session's id "${checked.compiled.session.id}".`],
    };
  const origin = `${pack.manifest.title} (pack v${pack.manifest.version})`;
  const questions = checked.compiled.questions.map((q) => ({
    ...q,
    source: `pack ${pack.manifest.id} v${pack.manifest.version}`,
    origin,
  }));
  return {
    ok: true,
    pack,
    compiled: {
      ...checked.compiled,
      session: { ...checked.compiled.session, origin },
      questions,
      manifest: pack.manifest,
    },
  };
}

function kb(bytes: number): string {
  return Math.round(bytes / 1024).toLocaleString('en-US');
}

export function packFileName(manifest: PackManifest): string {
  return `${manifest.id}-v${manifest.version}.clmpack.json`;
}
