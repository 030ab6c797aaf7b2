// The checks of an imported chapter file (and of a member's hours file, which is a chapter file
// holding one member), pure. The file is refused whole when anything is wrong: hostile keys or
// huge strings first, then every record's fields (zod, chapter-file-schema.ts), then what the
// records refer to (the sessions and members that exist, hours within the session's). Loaded
// only when a file is chosen, so zod stays out of every page's first load.
import type { ChapterFile } from './chapter';
import { chapterFile } from './chapter-file-schema';
import { hostileShapes } from './hostile-json';
import { sizeProblem } from './import-problems';
import { issueText, placeOf, type Labeller } from './import-issues';

/** What the file is checked against: this device's clock, sessions and members. */
export interface ImportContext {
  now: number;
  /**
   * Every session this device knows (the content's and this device's extra sessions), with the
   * most hours it has had here (published or changed): a session shortened after its check-in
   * keeps records of its longer length, and the one hours rule caps what they count.
   */
  sessions: ReadonlyMap<string, number>;
  /** Ids of the members on this device. */
  memberIds: ReadonlySet<string>;
}

export type ChapterCheck = { ok: true; file: ChapterFile } | { ok: false; problems: string[] };

/** Names a record of the raw file for a message: "Member 4 (Ann Lee)". */
function labeller(data: Record<string, unknown>): Labeller {
  const list = (k: string): unknown[] => (Array.isArray(data[k]) ? (data[k] as unknown[]) : []);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 60) : undefined);
  const field = (r: unknown, k: string) => (r && typeof r === 'object' ? (r as Record<string, unknown>)[k] : undefined);
  const names = new Map<string, string>();
  for (const m of list('members')) {
    const i = str(field(m, 'id'));
    const n = str(field(m, 'name')) ?? str(field(m, 'email'));
    if (i && n) names.set(i, n);
  }
  return (table, index) => {
    const r = list(table)[index];
    const n = index + 1;
    if (table === 'members') {
      const who = str(field(r, 'name')) ?? str(field(r, 'email'));
      return `Member ${n}${who ? ` (${who})` : ''}`;
    }
    if (table === 'events') {
      const m = str(field(r, 'memberId'));
      const s = str(field(r, 'sessionId'));
      return `Attendance event ${n}${m && s ? ` (${(m && names.get(m)) ?? m} at ${s})` : ''}`;
    }
    if (table === 'attendance') {
      const m = str(field(r, 'memberId'));
      const s = str(field(r, 'sessionId'));
      return `Attendance record ${n}${m && s ? ` (${(m && names.get(m)) ?? m} at ${s})` : ''}`;
    }
    const s = str(field(r, 'sessionId'));
    return `Session change ${n}${s ? ` (${s})` : ''}`;
  };
}

/**
 * What the records refer to: sessions and members that exist, hours within the session's.
 * Read from the raw file (fields of the wrong type are the schema's to report), so a file's
 * problems are all listed at once.
 */
function references(d: Record<string, unknown>, ctx: ImportContext, label: Labeller): string[] {
  const rows = (k: string): Record<string, unknown>[] =>
    (Array.isArray(d[k]) ? (d[k] as unknown[]) : []).map((r) =>
      r && typeof r === 'object' ? (r as Record<string, unknown>) : {},
    );
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const problems: string[] = [];
  const sessions = new Map(ctx.sessions);
  const changes = rows('sessionChanges');
  changes.forEach((c, i) => {
    const sessionId = str(c.sessionId);
    if (sessionId === undefined) return;
    if (c.extra !== undefined && c.date === undefined)
      problems.push(`${label('sessionChanges', i)}, date: is missing (an extra session needs its date)`);
    else if (!sessions.has(sessionId) && c.extra === undefined)
      problems.push(
        `${label('sessionChanges', i)}, sessionId: "${sessionId}" is not a session of this program or of this device`,
      );
  });
  for (const c of changes) {
    const sessionId = str(c.sessionId);
    if (sessionId === undefined || (c.extra === undefined && !sessions.has(sessionId))) continue;
    const hours = typeof c.hours === 'number' ? c.hours : c.extra === undefined ? 0 : 1;
    sessions.set(sessionId, Math.max(sessions.get(sessionId) ?? 0, hours));
  }
  const memberIds = new Set([...ctx.memberIds, ...rows('members').flatMap((m) => str(m.id) ?? [])]);
  const records = (table: 'attendance' | 'events') => rows(table).map((r, i) => [table, r, i] as const);
  [...records('attendance'), ...records('events')].forEach(([table, a, i]) => {
    const here = `${label(table, i)}, `;
    const sessionId = str(a.sessionId);
    const memberId = str(a.memberId);
    const hours = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (sessionId !== undefined && hours === undefined)
      problems.push(`${here}sessionId: "${sessionId}" is not a session of this program or of this device`);
    else if (hours !== undefined && typeof a.hours === 'number' && a.hours > hours)
      problems.push(`${here}hours: ${a.hours} is more than the session's ${hours} hours`);
    if (memberId !== undefined && !memberIds.has(memberId))
      problems.push(`${here}memberId: "${memberId}" is not a member in the file or on this device`);
  });
  return problems;
}

/** Checks a parsed chapter file against this device: every problem found, by record and field. */
export function checkChapterFile(data: unknown, ctx: ImportContext): ChapterCheck {
  const notOne = { ok: false as const, problems: ['This is not a CLM Study chapter file.'] };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return notOne;
  const d = data as Record<string, unknown>;
  if (d.format === 'clm-study-backup')
    return { ok: false, problems: ['This is a backup of CLM Study: restore it in Settings, not here.'] };
  if (d.kind !== 'clm-study-chapter') return notOne;
  if (d.version !== 1 && d.version !== 2)
    return {
      ok: false,
      problems: [`This chapter file is version ${String(d.version)}; this app reads versions 1 and 2.`],
    };
  if (d.version === 2 && !Array.isArray(d.events))
    return { ok: false, problems: ['This chapter file (version 2) has no attendance events: it is damaged.'] };
  const label = labeller(d);
  const bad = hostileShapes(data, (path) => placeOf(path, label), 10_000);
  if (bad.length) return { ok: false, problems: bad };
  const parsed = chapterFile(ctx.now).safeParse(data, { reportInput: true });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => issueText(i, label))),
    ...references(d, ctx, label),
  ];
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, file: parsed.data satisfies ChapterFile };
}

/** Parses the text of a chapter file: too large, truncated or not JSON is refused. */
export function parseChapterFile(textOfFile: string, ctx: ImportContext): ChapterCheck {
  // Characters, not bytes: a fence for text that did not come through the size check first.
  const tooBig = sizeProblem(textOfFile.length);
  if (tooBig) return { ok: false, problems: [tooBig] };
  let data: unknown;
  try {
    data = JSON.parse(textOfFile);
  } catch {
    return { ok: false, problems: ['The file is not complete JSON: it may be truncated or damaged.'] };
  }
  return checkChapterFile(data, ctx);
}
