// CSV exports of the study group. papaparse writes them, so quoting is always right; a UTF-8
// byte-order mark makes Excel read accents right; cells a spreadsheet would run as a formula
// are neutralised as OWASP recommends (papaparse's escapeFormulae: a leading apostrophe), so a
// name stays text. The pattern is ours: papaparse's default misses a formula with a line break.
import Papa from 'papaparse';
import type { Member } from './chapter';
import type { SeasonHours } from './hours';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

function csv(fields: string[], rows: (string | number)[][]): string {
  return BOM + Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START });
}

export function rosterCsv(members: readonly Member[]): string {
  return csv(
    ['name', 'email', 'role', 'active'],
    members.map((m) => [m.name, m.email, m.role, m.active ? 'yes' : 'no']),
  );
}

/** Members x held sessions: hours credited per session and each member's total (the one rule). */
export function attendanceMatrixCsv(members: readonly Member[], season: SeasonHours): string {
  return csv(
    ['name', 'email', ...season.held.map((s) => `${s.date} ${s.title}`), 'total hours'],
    members.map((m) => {
      const mine = season.byMember.get(m.id);
      const bySession = new Map((mine?.sessions ?? []).map((a) => [a.session.id, a.hours]));
      return [m.name, m.email, ...season.held.map((s) => bySession.get(s.id) ?? 0), mine?.hours ?? 0];
    }),
  );
}
