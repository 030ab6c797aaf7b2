// Check-in writes to the attendance log (src/db/check-in.ts): one event per action, the record
// every screen reads folded from the log in the same transaction, a repeated action (a second
// click, a retry with the same id) adding nothing, and undo taking back this device's last event.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { addWalkIn, recordCheckIn, undoCheckIn } from '../../src/db/check-in';
import { resetDb } from '../fixtures/db';

const ann = { sessionId: 's1', memberId: 'ann' };

beforeEach(resetDb);

describe('check-in writes events', () => {
  it('adds one event per action and keeps the record folded from them', async () => {
    await recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in');
    await recordCheckIn({ ...ann, present: true, hours: 1.5 }, "Ann's hours");
    const events = await db.attendanceEvents.toArray();
    expect(events.map((e) => [e.kind, e.hours]).sort()).toEqual([
      ['adjust', 1.5],
      ['check-in', 3],
    ]);
    expect(new Set(events.map((e) => e.device)).size).toBe(1);
    expect(await db.attendance.get('s1|ann')).toMatchObject({ present: true, hours: 1.5 });
    await recordCheckIn({ ...ann, present: false, hours: 1.5 }, 'Ann checked out');
    expect(await db.attendance.get('s1|ann')).toMatchObject({ present: false, hours: 0 });
  });

  it('adds nothing for the same action twice (a double click, a retry) or a change that changes nothing', async () => {
    const id = crypto.randomUUID();
    await Promise.all([
      recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in', id),
      recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in', id),
    ]);
    await recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in', id);
    await recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in again');
    expect(await db.attendanceEvents.count()).toBe(1);
    expect((await db.settings.get('undo:check-in:s1'))?.value).toHaveLength(1);
  });

  it('undoes with an event of its own, newest first, and only in its session', async () => {
    await recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in');
    await recordCheckIn({ ...ann, present: true, hours: 2 }, "Ann's hours");
    await recordCheckIn({ sessionId: 's2', memberId: 'ann', present: true, hours: 3 }, 'Ann checked in at s2');
    expect(await undoCheckIn('s1')).toBe("Ann's hours");
    expect(await db.attendance.get('s1|ann')).toMatchObject({ present: true, hours: 3 });
    expect(await undoCheckIn('s1')).toBe('Ann checked in');
    expect(await db.attendance.get('s1|ann')).toBeUndefined();
    expect(await undoCheckIn('s1')).toBeUndefined();
    expect(await db.attendance.get('s2|ann')).toMatchObject({ present: true });
    const kinds = (await db.attendanceEvents.where('sessionId').equals('s1').toArray()).map((e) => e.kind).sort();
    expect(kinds).toEqual(['adjust', 'check-in', 'undo', 'undo']);
  });

  it('skips an undo entry whose event was already taken back and undoes the one before', async () => {
    await recordCheckIn({ ...ann, present: true, hours: 3 }, 'Ann checked in');
    await recordCheckIn({ ...ann, present: true, hours: 2 }, "Ann's hours");
    const adjust = (await db.attendanceEvents.toArray()).find((e) => e.kind === 'adjust')!;
    // The same adjust undone by an event that arrived from elsewhere (a restored log, say).
    const { addEvents } = await import('../../src/db/attendance');
    await db.transaction('rw', db.attendance, db.attendanceEvents, () =>
      addEvents(db, [
        { ...adjust, id: 'undo-there', kind: 'undo', hours: undefined, target: adjust.id, at: adjust.at + 5 },
      ]),
    );
    expect(await undoCheckIn('s1')).toBe('Ann checked in');
    expect(await db.attendance.get('s1|ann')).toBeUndefined();
  });

  it('checks a walk-in in with one event, undone like any other', async () => {
    const m = await addWalkIn('s1', { name: 'Walk In', email: 'walk@in.org', role: 'guest' }, 2);
    expect(await db.attendance.get(`s1|${m.id}`)).toMatchObject({ present: true, hours: 2 });
    expect(await db.attendanceEvents.count()).toBe(1);
    expect(await undoCheckIn('s1')).toBe('Walk In checked in');
    expect(await db.attendance.get(`s1|${m.id}`)).toBeUndefined();
    expect(await db.members.get(m.id)).toBeDefined();
  });

  it('takes a record written before the log into it when the member is checked in again', async () => {
    await db.attendance.put({ id: 's1|ann', ...ann, present: true, hours: 3, updatedAt: 5 });
    await recordCheckIn({ ...ann, present: true, hours: 2 }, "Ann's hours");
    const kinds = (await db.attendanceEvents.toArray()).map((e) => [e.kind, e.device === 'before-sync']).sort();
    expect(kinds).toEqual([
      ['adjust', false],
      ['check-in', true],
    ]);
    expect(await undoCheckIn('s1')).toBe("Ann's hours");
    expect(await db.attendance.get('s1|ann')).toMatchObject({ present: true, hours: 3 });
  });
});
