import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { SessionMeta } from '../../src/content/types';
import { attendanceId, type Member } from '../../src/lib/chapter';
import { attendanceMatrixCsv, rosterCsv } from '../../src/lib/exports';
import { buildSchedule } from '../../src/lib/schedule';
import { seasonHours } from '../../src/lib/hours';

const member = (id: string, name: string): Member => ({
  id,
  name,
  email: `${id}@x.org`,
  role: 'candidate',
  active: true,
  updatedAt: 1,
});
const session = (id: string, date: string): SessionMeta => ({
  id,
  title: `Night ${id}`,
  area: 'finance',
  subareas: [],
  competencies: [],
  speaker: { name: 'Pat' },
  date,
  start: '18:00',
  hours: 3,
  questionCount: 0,
});
const read = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('CSV exports', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads accents right', () => {
    const text = rosterCsv([member('a', 'Hernández')]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(read(text.slice(1)).data[0]?.name).toBe('Hernández');
  });

  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '=A1\n+B1'])(
    'keeps %j as text, never a formula',
    (name) => {
      const parsed = read(rosterCsv([member('a', name)]).slice(1));
      expect(parsed.data[0]?.name).toBe(`'${name}`);
    },
  );

  it('writes the attendance matrix from the one hours rule: held sessions only, totals as everywhere', () => {
    const schedule = buildSchedule(
      [session('s1', '2027-01-12'), session('s2', '2027-01-19'), session('s3', '2027-03-01')],
      [{ sessionId: 's2', cancelled: true, updatedAt: 1 }],
    );
    const members = [member('a', 'Ann'), member('b', '=HYPERLINK("http://x")')];
    const attendance = [
      { id: attendanceId('s1', 'a'), sessionId: 's1', memberId: 'a', present: true, hours: 1.5, updatedAt: 1 },
      { id: attendanceId('s2', 'a'), sessionId: 's2', memberId: 'a', present: true, hours: 3, updatedAt: 1 },
    ];
    const season = seasonHours(schedule, members, attendance, '2027-02-01');
    const parsed = read(attendanceMatrixCsv(members, season).slice(1));
    expect(parsed.meta.fields).toEqual(['name', 'email', '2027-01-12 Night s1', 'total hours']);
    expect(parsed.data[0]).toMatchObject({ name: 'Ann', 'total hours': '1.5' });
    expect(parsed.data[1]).toMatchObject({ name: `'=HYPERLINK("http://x")`, 'total hours': '0' });
  });
});
