// The check-in tab of tests/e2e/kill-anywhere.e2e.test.ts: eight members at one session, tapped
// in and out and given hours at random. Confirmed on screen means (each row shows what storage
// holds, re-read after the awaited write):
// - checking in or out: the member's button is pressed / not pressed;
// - hours: the quick button of those hours ("−0.5 h for Ann Lee") is pressed.
// After each restart: each member's attendance is what was last confirmed; there is one record
// per member at the session, keyed by session and member; the undo list holds one entry per
// stored change (never more); and the page reopens with every row as stored.
import { expect } from 'vitest';
import { formatHours } from '../../src/lib/dates';
import { expectStoredAsConfirmed, readStores, type Flow } from './kill-model';
import { quietPage } from './kill-exam';

const SESSION = 'technology';
const SESSION_HOURS = 3;
const UNDO_LIMIT = 50;
const NAMES = ['Ann Lee', 'Bo Park', 'Cara Diaz', 'Dev Shah', 'Eli Moss', 'Fay Wong', 'Gus Hall', 'Ida Nash'];
const members = NAMES.map((name, i) => ({
  id: `m${i + 1}`,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@example.org`,
  role: 'candidate',
  active: true,
  updatedAt: 1,
}));

interface Attendance {
  id: string;
  sessionId: string;
  memberId: string;
  present: boolean;
  hours: number;
}
type Row = { present: boolean; hours: number };

const QUICK = [
  { label: 'Full session', hours: SESSION_HOURS },
  { label: '−0.5 h', hours: SESSION_HOURS - 0.5 },
  { label: '−1 h', hours: SESSION_HOURS - 1 },
];

export function checkInFlow(baseURL: string, rand: () => number, seed: number): Flow {
  let writes = 0;
  let rounds = 0;
  const url = `${baseURL}/chapter/check-in/${SESSION}`;
  const row = (r: Row) => ({ present: r.present, hours: r.hours });

  return {
    name: `check-in (seed ${seed})`,
    prepare: async (page) => {
      await page.goto(`${baseURL}/chapter/share`);
      const file = {
        kind: 'clm-study-chapter',
        version: 1,
        exportedAt: 1,
        members,
        attendance: [],
        sessionChanges: [],
      };
      await page.getByLabel('Import a chapter file').setInputFiles({
        name: 'chapter.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
      await page.getByText(`Imported from chapter.json: ${members.length} added`).waitFor();
      await page.goto(url);
      await page.getByText(`0 of ${members.length} checked in`).waitFor();
    },
    drive: async (page, log) => {
      for (;;) {
        const m = members[Math.floor(rand() * members.length)];
        if (!m) continue;
        const now = log.known.get(`attendance:${m.id}`);
        const before = now === undefined ? undefined : (JSON.parse(now) as Row);
        if (before?.present && rand() < 0.45) {
          const choices = QUICK.filter((q) => q.hours !== before.hours);
          const q = choices[Math.floor(rand() * choices.length)] ?? QUICK[0];
          if (!q) continue;
          const name = `${q.label} for ${m.name}`;
          log.issue(`${m.name}: ${q.hours} hours`, [`attendance:${m.id}`, { present: true, hours: q.hours }]);
          await page.getByRole('button', { name, exact: true }).click();
          await page.getByRole('button', { name, exact: true, pressed: true }).waitFor();
        } else {
          const present = !before?.present;
          // In: the whole session; out: no hours (the attendance log's fold).
          const next = { present, hours: present ? SESSION_HOURS : 0 };
          log.issue(`${m.name} ${present ? 'in' : 'out'}`, [`attendance:${m.id}`, next]);
          await page.getByRole('button', { name: m.name, exact: true }).click();
          await page.getByRole('button', { name: m.name, exact: true, pressed: present }).waitFor();
        }
        log.confirm();
        writes = log.count;
      }
    },
    verify: async (page, snap, log, where) => {
      rounds++;
      await page.goto(quietPage(baseURL));
      const { attendance, settings } = (await readStores(page, ['attendance', 'settings'])) as {
        attendance: Attendance[];
        settings: { key: string; value: unknown }[];
      };
      const mine = attendance.filter((a) => a.sessionId === SESSION);
      // One record per member at the session, under the session and member's key.
      expect(
        mine.filter((a) => a.id !== `${SESSION}|${a.memberId}`),
        where,
      ).toEqual([]);
      expect(new Set(mine.map((a) => a.memberId)).size, where).toBe(mine.length);
      const stored = new Map(mine.map((a) => [`attendance:${a.memberId}`, JSON.stringify(row(a))]));
      log.known = expectStoredAsConfirmed(snap, stored, where);
      // Each stored change left one undo entry: at least one per confirmed write, at most one more per kill.
      const undo = settings.find((s) => s.key === `undo:check-in:${SESSION}`)?.value;
      const entries = Array.isArray(undo) ? undo.length : 0;
      expect(entries, `${where}: undo entries`).toBeGreaterThanOrEqual(Math.min(UNDO_LIMIT, writes));
      expect(entries, `${where}: undo entries`).toBeLessThanOrEqual(Math.min(UNDO_LIMIT, writes + rounds));

      await page.goto(url);
      const present = mine.filter((a) => a.present);
      await page.getByText(`${present.length} of ${members.length} checked in`).waitFor();
      await Promise.all(
        members.map(async (m) => {
          const a = mine.find((r) => r.memberId === m.id);
          await page.getByRole('button', { name: m.name, exact: true, pressed: !!a?.present }).waitFor();
          if (a?.present)
            await page
              .getByRole('form', { name: `Hours for ${m.name}` })
              .getByText(`Saved: ${formatHours(a.hours)}`)
              .waitFor();
        }),
      );
    },
  };
}
