// What every import (chapter file, a member's hours file, roster CSV) shares without loading
// zod: the size limit checked before a file is read, and the refusal that lists its problems.
// The schemas themselves are in import-schema.ts, loaded only when a file is chosen.
import type { SessionMeta } from '../content/types';
import type { SessionChange } from './chapter';
import { buildSchedule } from './schedule';

/** Chapter files, hours files and roster CSVs over this size are refused before they are read. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** How many problems a refusal lists before "and N more". */
export const PROBLEMS_SHOWN = 5;

/** The plain refusal of a file over `max` bytes, or undefined when it is within it. */
export function sizeProblem(bytes: number, max = IMPORT_MAX_BYTES): string | undefined {
  return bytes > max ? `The file is over ${max / 1024 / 1024} MB, larger than any file of this app.` : undefined;
}

/** The first problems of a file, then "and N more" for the rest. */
export function firstProblems(problems: readonly string[], shown = PROBLEMS_SHOWN): string[] {
  if (problems.length <= shown) return [...problems];
  const more = problems.length - shown;
  return [...problems.slice(0, shown), `and ${more} more problem${more === 1 ? '' : 's'}`];
}

/** A file refused whole: nothing was written, and these are its first problems. */
export class ImportRefused extends Error {
  readonly problems: string[];
  constructor(problems: readonly string[]) {
    const list = firstProblems(problems);
    super(list.join(' '));
    this.name = 'ImportRefused';
    this.problems = list;
  }
}

/**
 * The sessions an imported file may refer to, each with the most hours it has had here: the
 * content's sessions and this device's extra sessions, published hours or changed ones.
 */
export function importSessions(
  published: readonly SessionMeta[],
  changes: readonly SessionChange[],
): Map<string, number> {
  const hours = new Map(published.map((s) => [s.id, s.hours]));
  for (const s of buildSchedule(published, changes)) hours.set(s.id, Math.max(hours.get(s.id) ?? 0, s.hours));
  return hours;
}
