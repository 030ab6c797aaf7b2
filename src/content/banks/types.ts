// The neutral shape a question bank passes through between formats: GIFT, Aiken and our own
// Markdown question files. Every text is Markdown (already converted from the source format).
// Pure data: the converters run in Node (the CLI) and, later, in the browser (an import button).

export interface BankOption {
  /** Markdown, one or more lines. */
  text: string;
  correct: boolean;
  /** Markdown: why this option is right or wrong. */
  rationale?: string | undefined;
}

export interface BankQuestion {
  id: string;
  /** Markdown. */
  stem: string;
  options: BankOption[];
  /** Markdown: shown after answering. */
  explanation?: string | undefined;
  competency?: string | undefined;
  /** The sub-area a GIFT category named (not written: a file has one sub-area, see importBank). */
  subarea?: string | undefined;
  /** The other meta lines of our format, kept verbatim ("Reference: ...", "Difficulty: 2"). */
  meta?: string[] | undefined;
  /** Line of the question in its source file (1-based). */
  line: number;
}

/** Something the converter could not carry over, or changed, with where it was. */
export interface BankNote {
  line: number;
  column?: number | undefined;
  message: string;
}

export interface BankImport {
  questions: BankQuestion[];
  /** Questions of kinds we do not support, each with its line: never dropped silently. */
  unsupported: BankNote[];
  /** Things carried over with a change (partial credit, feedback moved, category). */
  notes: BankNote[];
  /** Malformed input: nothing is imported when there is one (GIFT), or that question is skipped (Aiken). */
  errors: BankNote[];
}

export interface BankExport {
  text: string;
  /** Questions that the target format cannot represent, by id. */
  skipped: { id: string; reason: string }[];
}
