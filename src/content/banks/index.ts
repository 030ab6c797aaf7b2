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
  /** Question ids already in the content. */
  takenIds?: Iterable<string> | undefined;
  /** Where the bank came from, written as a comment in the frontmatter. */
  from?: string | undefined;
}

export interface ImportResult extends BankImport {
  /** Our Markdown question file; undefined when nothing could be imported. */
  markdown: string | undefined;
}

export function importBank(format: BankFormat, text: string, target: ImportTarget): ImportResult {
  const result =
    format === 'gift'
      ? giftToBank(text, { name: target.name, takenIds: target.takenIds, competencies: target.competencies })
      : aikenToBank(text, { name: target.name, takenIds: target.takenIds });
  // A GIFT syntax error stops the import; Aiken skips the malformed question only.
  const blocked = format === 'gift' && result.errors.length > 0;
  const markdown =
    blocked || result.questions.length === 0
      ? undefined
      : writeQuestionFile(
          {
            area: target.area,
            subarea: target.subarea,
            comment: target.from ? [`Imported from ${target.from} (${format.toUpperCase()}).`] : undefined,
          },
          result.questions,
        );
  return { ...result, markdown };
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
