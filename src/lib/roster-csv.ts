// Roster import from CSV (papaparse): columns name, email and optional role; every row checked
// before anything is added, so a bad file changes nothing.
import Papa from 'papaparse';
import { normalizeEmail, type MemberRole } from './chapter';

export interface RosterRow {
  line: number;
  name: string;
  email: string;
  role: MemberRole;
  error?: string | undefined;
}

const ROLES: Record<string, MemberRole> = {
  candidate: 'candidate',
  clm: 'clm',
  'current clm': 'clm',
  guest: 'guest',
  '': 'candidate',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseRosterCsv(
  text: string,
  existingEmails: ReadonlySet<string>,
): { rows: RosterRow[]; fileError?: string } {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name') || !fields.includes('email')) {
    return {
      rows: [],
      fileError: 'The file needs a header row with the columns "name" and "email" (and optionally "role").',
    };
  }
  const seen = new Set<string>();
  const rows = parsed.data.map((r, i): RosterRow => {
    const line = i + 2;
    const name = (r.name ?? '').trim();
    const email = normalizeEmail(r.email ?? '');
    const roleText = (r.role ?? '').trim().toLowerCase();
    const role = ROLES[roleText];
    let error: string | undefined;
    if (!name) error = 'The name is empty.';
    else if (!EMAIL.test(email)) error = `"${r.email ?? ''}" is not an email address.`;
    else if (role === undefined) error = `Unknown role "${r.role}": use candidate, clm or guest.`;
    else if (existingEmails.has(email)) error = `${email} is already on the roster.`;
    else if (seen.has(email)) error = `${email} appears twice in this file.`;
    seen.add(email);
    return { line, name, email, role: role ?? 'candidate', error };
  });
  return { rows };
}
