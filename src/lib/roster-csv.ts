// Roster import from CSV (papaparse): columns name, email and optional role; every row checked
// (zod, with the roster's own name and email rule) before anything is added, so a bad file
// changes nothing. Other columns are ignored: spreadsheets carry phone numbers and notes.
// Loaded only when a file is chosen (papaparse and zod stay out of the roster page's load).
import Papa from 'papaparse';
import { z } from 'zod';
import { cleanMemberInput, normalizeEmail, type MemberRole } from './chapter';
import { firstProblems } from './import-problems';

export interface RosterRow {
  line: number;
  name: string;
  email: string;
  role: MemberRole;
  /** What is wrong with the row: the file is refused whole while any row has one. */
  error?: string | undefined;
  /** Already on the roster: skipped, so importing the same file again adds nothing. */
  skip?: string | undefined;
}

export const IMPORT_MAX_ROWS = 5000;

const ROLES: Record<string, MemberRole> = {
  candidate: 'candidate',
  clm: 'clm',
  'current clm': 'clm',
  guest: 'guest',
  '': 'candidate',
};

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark), or else Windows-1252, as
 * Excel saves "CSV" on Windows. Bytes neither can be are refused with a plain message.
 */
export function decodeCsv(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    // Control characters other than tab and line breaks mean this is not a text file.
    if ([...text].some((ch) => ch < ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r'))
      return { error: 'The file is not a text CSV file (save it from the spreadsheet as "CSV UTF-8").' };
    return { text };
  }
}

/** One row as papaparse gives it: a missing cell is empty; a good row is cleaned, a bad one says why. */
const rosterRow = z
  .object({ name: z.string().default(''), email: z.string().default(''), role: z.string().default('') })
  .transform((r, ctx) => {
    const clean = cleanMemberInput(r);
    if (clean.error !== undefined) {
      ctx.addIssue({ code: 'custom', message: clean.error });
      return z.NEVER;
    }
    const role = ROLES[r.role.trim().toLowerCase()];
    if (role === undefined) {
      ctx.addIssue({ code: 'custom', message: `Unknown role "${r.role}": use candidate, clm or guest.` });
      return z.NEVER;
    }
    return { name: clean.name, email: clean.email, role };
  });

/** The rows with a problem, first few by line, then "and N more": what the preview says first. */
export function rowProblems(rows: readonly RosterRow[]): string[] {
  return firstProblems(
    rows
      .filter((r) => r.error)
      .map((r) => `Line ${r.line}${r.name || r.email ? ` (${r.name || r.email})` : ''}: ${r.error}`),
  );
}

export function parseRosterCsv(
  text: string,
  existingEmails: ReadonlySet<string>,
): { rows: RosterRow[]; fileError?: string } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, '').trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    preview: IMPORT_MAX_ROWS + 1,
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name') || !fields.includes('email')) {
    return {
      rows: [],
      fileError: 'The file needs a header row with the columns "name" and "email" (and optionally "role").',
    };
  }
  if (parsed.data.length > IMPORT_MAX_ROWS) {
    return {
      rows: [],
      fileError: `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} rows: split it into smaller files.`,
    };
  }
  const seen = new Set<string>();
  const rows = parsed.data.map((r, i): RosterRow => {
    const line = i + 2;
    const checked = rosterRow.safeParse(r);
    const name = checked.success ? checked.data.name : (typeof r.name === 'string' ? r.name : '').trim();
    const email = checked.success ? checked.data.email : normalizeEmail(typeof r.email === 'string' ? r.email : '');
    let error: string | undefined = checked.success ? undefined : checked.error.issues[0]?.message;
    let skip: string | undefined;
    if (error === undefined && seen.has(email)) error = `${email} appears twice in this file.`;
    else if (error === undefined && existingEmails.has(email)) skip = `${email} is already on the roster.`;
    seen.add(email);
    return { line, name, email, role: checked.success ? checked.data.role : 'candidate', error, skip };
  });
  return { rows };
}
