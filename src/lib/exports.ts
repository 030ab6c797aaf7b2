// CSV exports of the study group (papaparse writes them, so quoting is always right).
import Papa from 'papaparse';
import type { Attendance, Member } from './chapter';

export function rosterCsv(members: readonly Member[]): string {
  return Papa.unparse({
    fields: ['name', 'email', 'role', 'active'],
    data: members.map((m) => [m.name, m.email, m.role, m.active ? 'yes' : 'no']),
  });
}

/** Members x sessions: hours attended per held session, and each member's total. */
export function attendanceMatrixCsv(
  members: readonly Member[],
  sessions: readonly { id: string; date: string; title: string }[],
  attendance: readonly Attendance[],
): string {
  const hours = new Map(attendance.filter((a) => a.present).map((a) => [a.id, a.hours]));
  const data = members.map((m) => {
    const cells = sessions.map((s) => hours.get(`${s.id}|${m.id}`) ?? 0);
    return [m.name, m.email, ...cells, Math.round(cells.reduce((a, b) => a + b, 0) * 100) / 100];
  });
  return Papa.unparse({
    fields: ['name', 'email', ...sessions.map((s) => `${s.date} ${s.title}`), 'total hours'],
    data,
  });
}
