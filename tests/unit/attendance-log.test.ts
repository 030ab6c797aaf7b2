import { describe, expect, it } from 'vitest';
import { foldAttendance, standing, type AttendanceEvent } from '../../src/lib/attendance-log';

let n = 0;
const ev = (e: Partial<AttendanceEvent> & Pick<AttendanceEvent, 'kind' | 'at'>): AttendanceEvent => ({
  id: `e${String(++n).padStart(3, '0')}`,
  sessionId: 's1',
  memberId: 'm1',
  device: 'phone-a',
  by: 'Ann',
  ...e,
});

describe('attendance from its log of events', () => {
  it('keeps both check-ins of one member made on two devices: undoing one leaves the member present', () => {
    const a = ev({ kind: 'check-in', hours: 3, at: 100, device: 'phone-a' });
    const b = ev({ kind: 'check-in', hours: 3, at: 105, device: 'phone-b' });
    const undoB = ev({ kind: 'undo', target: b.id, at: 110, device: 'phone-b' });
    expect(foldAttendance([a, b, undoB])).toEqual([
      { id: 's1|m1', sessionId: 's1', memberId: 'm1', present: true, hours: 3, updatedAt: 100 },
    ]);
  });

  it('takes the hours of the later adjust by time, whichever device it came from and whatever order it arrives in', () => {
    const checkIn = ev({ kind: 'check-in', hours: 3, at: 100 });
    const late = ev({ kind: 'adjust', hours: 2, at: 200, device: 'phone-b' });
    const early = ev({ kind: 'adjust', hours: 2.5, at: 150 });
    for (const order of [
      [checkIn, late, early],
      [early, late, checkIn],
    ])
      expect(foldAttendance(order)[0]).toMatchObject({ present: true, hours: 2 });
  });

  it('drops a record whose only check-in is undone, and brings it back when the undo is undone', () => {
    const checkIn = ev({ kind: 'check-in', hours: 3, at: 100 });
    const undo = ev({ kind: 'undo', target: checkIn.id, at: 110 });
    expect(foldAttendance([checkIn, undo])).toEqual([]);
    const redo = ev({ kind: 'undo', target: undo.id, at: 120 });
    expect(foldAttendance([checkIn, undo, redo])).toMatchObject([{ present: true, hours: 3 }]);
  });

  it('marks a member absent after a later absent event, with no hours', () => {
    const checkIn = ev({ kind: 'check-in', hours: 3, at: 100 });
    const absent = ev({ kind: 'absent', at: 200 });
    expect(foldAttendance([absent, checkIn])).toMatchObject([{ present: false, hours: 0, updatedAt: 200 }]);
  });

  it('counts an event merged twice once, and folds members and sessions apart', () => {
    const a = ev({ kind: 'check-in', hours: 3, at: 100 });
    const b = ev({ kind: 'check-in', hours: 1.5, at: 100, memberId: 'm2' });
    const c = ev({ kind: 'check-in', hours: 2, at: 100, sessionId: 's2' });
    const records = foldAttendance([a, b, c, { ...a }, { ...b }]);
    expect(records.map((r) => [r.id, r.hours])).toEqual([
      ['s1|m1', 3],
      ['s1|m2', 1.5],
      ['s2|m1', 2],
    ]);
  });

  it('lists the events that still stand, oldest first', () => {
    const a = ev({ kind: 'check-in', hours: 3, at: 100 });
    const b = ev({ kind: 'adjust', hours: 2, at: 200 });
    const undo = ev({ kind: 'undo', target: b.id, at: 300 });
    expect(standing([undo, b, a]).map((e) => e.id)).toEqual([a.id]);
  });
});
