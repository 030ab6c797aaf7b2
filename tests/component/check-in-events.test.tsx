// The check-in screen writes the attendance log: a double click on a member is one action (one
// event, the member present), and undo takes it back with an event of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { addMembers } from '../../src/features/chapter/data';

beforeEach(async () => {
  await resetDb();
  // The fixture's books-night is on 2027-01-12 (New York): check-in opens on its day.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-12T23:00:00Z') });
  await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }]);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('check-in and the attendance log', () => {
  it('stores a double click as one check-in event, and an undo as one more', async () => {
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.dblClick(await screen.findByRole('button', { name: 'Ann Lee' }));
    expect(await screen.findByRole('button', { name: 'Ann Lee', pressed: true })).toBeInTheDocument();
    const events = await db.attendanceEvents.toArray();
    expect(events.map((e) => [e.kind, e.hours])).toEqual([['check-in', 3]]);
    expect((await db.attendance.toArray()).map((a) => [a.present, a.hours])).toEqual([[true, 3]]);
    await user.click(screen.getByRole('button', { name: 'Undo: Ann Lee checked in' }));
    expect(await screen.findByRole('button', { name: 'Ann Lee', pressed: false })).toBeInTheDocument();
    expect((await db.attendanceEvents.toArray()).map((e) => e.kind).sort()).toEqual(['check-in', 'undo']);
    expect(await db.attendance.count()).toBe(0);
  });
});
