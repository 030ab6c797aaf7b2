// @vitest-environment node
// The chapter document's bridge (src/sync/chapter-bridge.ts) between two committee phones,
// each with its own database and document, linked directly (no server): both offline check
// the same members in (one with partial hours, one undone), then reconnect, and both end with
// the same attendance and every event once; the roster merges per field and by email.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClmDatabase, db as phoneA, onLocalChange, storedMember } from '../../src/db/db';
import { chapterStore } from '../../src/db/chapter-local';
import { addEvents } from '../../src/db/attendance';
import { recordCheckIn, undoCheckIn, addWalkIn } from '../../src/db/check-in';
import { ChapterBridge } from '../../src/sync/chapter-bridge';
import { newMember, type Member } from '../../src/lib/chapter';
import type { AttendanceEvent } from '../../src/lib/attendance-log';

const phoneB = new ClmDatabase('clm-study-chapter-bridge-b');
const stops: (() => void)[] = [];

const ann = newMember({ name: 'Ann Lee', email: 'ann@chapter.org', role: 'candidate' }, 1, 'm-ann');
const bo = newMember({ name: 'Bo Park', email: 'bo@chapter.org', role: 'candidate' }, 1, 'm-bo');
const cy = newMember({ name: 'Cy Diaz', email: 'cy@chapter.org', role: 'clm' }, 1, 'm-cy');

/** Two phones, each with its own document; `connect` links them both ways (as a server would). */
async function phones() {
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const a = new ChapterBridge(docA, chapterStore(phoneA));
  const b = new ChapterBridge(docB, chapterStore(phoneB));
  stops.push(onLocalChange((c) => a.localChange(c)));
  stops.push(
    () => a.stop(),
    () => b.stop(),
  );
  await a.start();
  await b.start();
  const settle = async () => {
    for (let i = 0; i < 4; i++) await Promise.all([a.idle(), b.idle(), new Promise((r) => setTimeout(r, 10))]);
  };
  const connect = () => {
    docA.on('update', (u: Uint8Array, o: unknown) => o !== 'link' && Y.applyUpdate(docB, u, 'link'));
    docB.on('update', (u: Uint8Array, o: unknown) => o !== 'link' && Y.applyUpdate(docA, u, 'link'));
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'link');
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), 'link');
  };
  return { a, b, docA, docB, settle, connect };
}

/** Phone B's own write: events through the log, then the bridge told (as the app does). */
async function onB(bridge: ChapterBridge, events: AttendanceEvent[]) {
  await phoneB.transaction('rw', phoneB.attendance, phoneB.attendanceEvents, () => addEvents(phoneB, events));
  bridge.localChange({ table: 'attendanceEvents', keys: events.map((e) => e.id) });
}

const ev = (
  e: Partial<AttendanceEvent> & Pick<AttendanceEvent, 'id' | 'kind' | 'memberId' | 'at'>,
): AttendanceEvent => ({
  sessionId: 'books-night',
  device: 'phone-b',
  by: 'Bo',
  ...e,
});

const records = async (d: ClmDatabase) =>
  (await d.attendance.orderBy('id').toArray()).map(({ id, present, hours }) => ({ id, present, hours }));

beforeAll(async () => {
  await Promise.all([phoneA.open(), phoneB.open()]);
});

afterEach(async () => {
  stops.splice(0).forEach((s) => s());
  await Promise.all(
    [phoneA, phoneB].map((d) => d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())))),
  );
});

async function roster(members: Member[]) {
  await phoneA.members.bulkAdd(members.map(storedMember));
  await phoneB.members.bulkAdd(members.map(storedMember));
}

describe('the chapter bridge', () => {
  it('brings two phones that checked in offline to the same attendance, every event kept once', async () => {
    await roster([ann, bo, cy]);
    const { b, docA, docB, settle, connect } = await phones();
    // Phone A: Ann and Bo in, Bo at 2 of 3 hours; Cy in and undone.
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-ann', present: true, hours: 3 }, 'Ann');
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-bo', present: true, hours: 3 }, 'Bo');
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-bo', present: true, hours: 2 }, 'Bo hours');
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-cy', present: true, hours: 3 }, 'Cy');
    expect(await undoCheckIn('books-night')).toBe('Cy');
    // Phone B: Ann in too (the overlap), Cy in.
    const now = Date.now();
    await onB(b, [
      ev({ id: 'b1', kind: 'check-in', memberId: 'm-ann', hours: 3, at: now }),
      ev({ id: 'b2', kind: 'check-in', memberId: 'm-cy', hours: 3, at: now + 1 }),
    ]);
    await settle();
    connect();
    await settle();
    const expected = [
      { id: 'books-night|m-ann', present: true, hours: 3 },
      { id: 'books-night|m-bo', present: true, hours: 2 },
      { id: 'books-night|m-cy', present: true, hours: 3 },
    ];
    expect(await records(phoneA)).toEqual(expected);
    expect(await records(phoneB)).toEqual(expected);
    const ids = async (d: ClmDatabase) => (await d.attendanceEvents.toCollection().primaryKeys()).sort();
    expect(await ids(phoneA)).toEqual(await ids(phoneB));
    expect(await ids(phoneA)).toHaveLength(7);
    expect(docA.getMap('events').size).toBe(7);
    expect(docB.getMap('events').size).toBe(7);
  });

  it('sends a walk-in added on both phones under one id, and merges the roster per field', async () => {
    await roster([ann]);
    const { b, docA, settle, connect } = await phones();
    const walkIn = await addWalkIn('books-night', { name: 'Dee Walk', email: 'dee@chapter.org', role: 'guest' }, 3);
    await settle();
    // Phone B adds the same person offline, under its own id, and renames Ann later.
    const dee = newMember({ name: 'Dee W.', email: 'DEE@chapter.org', role: 'guest' }, Date.now(), 'm-dee-b');
    await phoneB.members.add(storedMember({ ...dee, email: 'dee@chapter.org' }));
    const t = Date.now() + 10;
    await phoneB.members.put(
      storedMember({ ...ann, name: 'Ann Lee-Park', updatedAt: t, fieldsAt: { ...ann.fieldsAt, name: t } }),
    );
    connect();
    await settle();
    b.localChange({ table: 'members' });
    await onB(b, [ev({ id: 'b-dee', kind: 'check-in', memberId: 'm-dee-b', hours: 2, at: Date.now() + 20 })]);
    await settle();
    const inDoc = [...docA.getMap<Member>('members').values()];
    expect(inDoc.filter((m) => m.email === 'dee@chapter.org').map((m) => m.id)).toEqual([walkIn.id]);
    expect(docA.getMap<AttendanceEvent>('events').get('b-dee')?.memberId).toBe(walkIn.id);
    expect((await phoneA.members.get('m-ann'))?.name).toBe('Ann Lee-Park');
    expect((await phoneA.attendance.get(`books-night|${walkIn.id}`))?.hours).toBe(2);
    expect((await phoneB.attendance.get('books-night|m-dee-b'))?.hours).toBe(2);
  });
});
