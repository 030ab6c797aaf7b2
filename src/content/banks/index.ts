// One entry point for moving question banks in and out: GIFT or Aiken text to one of our
// question files (with a report of everything unsupported, changed or malformed, by line), and
// our question files to GIFT or Aiken. Pure: the CLI (scripts/content-import.ts,
// content-export.ts) and, later, the app's import button call the same functions.
import { aikenToBank } from './aiken-import.ts';
import { bankToAiken } from './aiken-export.ts';
import { giftToBank } from './gift-import.ts';
import { bankToGift } from './gift-export.ts';
import { readQuestionFile } from './read.ts';
import { writeQuestionFile } from './write.ts';
import type { BankExport, BankImport, BankNote } from './types.ts';

export type BankFormat = 'gift' | 'aiken';
export const BANK_FORMATS: readonly BankFormat[] = ['gift', 'aiken'];

export interface ImportTarget {
  area: string;
  /** The file's name (without .md): prefix of made-up ids. */
  name: string;
  subarea?: string | undefined;
  /** Competency ids of the area (GIFT categories that match one set the questions' competency). */
  competencies?: Iterable<string> | undefined;
  /** Sub-area ids of the area (a GIFT category that matches one can name the file's sub-area). */
  subareas?: Iterable<string> | undefined;
  /** Question ids already in the content. */
  takenIds?: Iterable<string> | undefined;
  /** Where the bank came from, written as a comment in the frontmatter. */
  from?: string | undefined;
}

export interface ImportResult extends BankImport {
  /** Our Markdown question file; undefined when nothing could be imported. */
  markdown: string | undefined;
  /** The file's sub-area: the target's, or the one sub-area the bank's categories name. */
  subarea: string | undefined;
  /** Ids of questions with neither a competency nor the file's sub-area (the compiler refuses them). */
  withoutSubarea: string[];
}

export function importBank(format: BankFormat, text: string, target: ImportTarget): ImportResult {
  const result =
    format === 'gift' ? giftToBank(text, target) : aikenToBank(text, { name: target.name, takenIds: target.takenIds });
  // A file has one sub-area (a question names another only through its competency): the
  // target's, else the single one the categories name.
  const named = new Set(result.questions.flatMap((q) => (q.competency || !q.subarea ? [] : [q.subarea])));
  const subarea = target.subarea ?? (named.size === 1 ? [...named][0] : undefined);
  const withoutSubarea = result.questions.filter((q) => !q.competency && !subarea).map((q) => q.id);
  for (const q of result.questions) {
    if (!q.competency && q.subarea && q.subarea !== subarea)
      result.notes.push({
        line: q.line,
        message: `"${q.id}": its category names sub-area "${q.subarea}", but the file's is "${subarea ?? 'not set'}".`,
      });
  }
  // A GIFT syntax error stops the import; Aiken skips the malformed question only.
  const blocked = format === 'gift' && result.errors.length > 0;
  const markdown =
    blocked || result.questions.length === 0
      ? undefined
      : writeQuestionFile(
          {
            area: target.area,
            subarea,
            comment: target.from
              ? [`Imported from ${target.from} (${format === 'gift' ? 'GIFT' : 'Aiken'}).`]
              : undefined,
          },
          result.questions,
        );
  return { ...result, markdown, subarea, withoutSubarea };
}

/** The report of an import, one line per finding, each with the source file's line. */
export function importReport(source: string, result: BankImport): string[] {
  const at = (n: BankNote) => `${source}:${n.line}${n.column ? `:${n.column}` : ''}`;
  return [
    ...result.errors.map((n) => `${at(n)} error: ${n.message}`),
    ...result.unsupported.map((n) => `${at(n)} not imported: ${n.message}`),
    ...result.notes.map((n) => `${at(n)} note: ${n.message}`),
    `${result.questions.length} question${result.questions.length === 1 ? '' : 's'} converted, ${result.unsupported.length} not supported, ${result.errors.length} malformed.`,
  ];
}

/** Our question files (path and text) of one area to GIFT or Aiken. */
export function exportBank(format: BankFormat, files: { path: string; text: string }[], area: string): BankExport {
  const questions = files.flatMap((f) => readQuestionFile(f.path, f.text).questions);
  return format === 'gift' ? bankToGift(questions, area) : bankToAiken(questions);
}

export type { BankExport, BankImport, BankNote, BankOption, BankQuestion } from './types.ts';
