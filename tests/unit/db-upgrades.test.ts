// Upgrades from every schema version: a database of each earlier version, built from the kept
// declarations and filled with that version's records, opens in the current app with every
// record there and readable through the app's own read functions.
import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { db, LATEST_VERSION, ROSTER_DUPLICATES } from '../../src/db/db';
import {
  answersTo,
  countDue,
  countFirstAnsweredSince,
  flaggedIds,
  getCard,
  getSetting,
  missedIds,
  progressFor,
  seenIds,
  studyDays,
} from '../../src/db/study';
import { activeAttempts, getAttempt, missedIn, submittedExams } from '../../src/db/attempts';
import { getExamDate, getNewPerDay } from '../../src/db/settings';
import { exportChapterFile } from '../../src/db/chapter';
import { undoCheckIn } from '../../src/db/check-in';
import { foldAttendance } from '../../src/lib/attendance-log';
import { useAttendance, useMembers, useRosterDuplicates, useSchedule } from '../../src/features/chapter/data';
import { useHoursData } from '../../src/features/hours/data';
import * as fx from '../fixtures/db-versions';
import { idbVersion, storesAt } from '../fixtures/db-schema';

const OLD_VERSIONS = Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1);

async function upgradeFrom(version: number): Promise<void> {
  db.close();
  await fx.buildFixture(db.name, version);
  await db.open();
}

afterEach(() => {
  db.close();
});

describe.each(OLD_VERSIONS)('a version-%i database opened by the current app', (version) => {
  it('is built with the stores and indexes that version declares (as the browser test builds it by hand)', async () => {
    db.close();
    await fx.buildFixture(db.name, version);
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(db.name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = raw.transaction([...raw.objectStoreNames]);
    const shapes = [...raw.objectStoreNames].map((name) => {
      const store = tx.objectStore(name);
      const indexes = [...store.indexNames].map((i) => {
        const index = store.index(i);
        return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      });
      return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
    });
    expect(raw.version).toBe(idbVersion(version));
    raw.close();
    const sorted = storesAt(version)
      .map((s) => ({ ...s, indexes: [...s.indexes].sort((a, b) => a.name.localeCompare(b.name)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(shapes).toEqual(sorted);
  });

  it('keeps every answer and has the progress summaries built from them', async () => {
    await upgradeFrom(version);
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.answers.count()).toBe(fx.answers.length);
    const trust = await answersTo('trust-three-way');
    expect(trust.map(({ id: _id, uid: _uid, ...a }) => a)).toEqual([fx.answers[1], fx.answers[0]]);
    // Version 6: every answer kept has its own uid (its id on every device, for sync).
    const uids = (await db.answers.toArray()).map((a) => a.uid);
    expect(uids.every((u) => /^[0-9a-f-]{36}$/.test(u ?? ''))).toBe(true);
    expect(new Set(uids).size).toBe(fx.answers.length);
    expect(await seenIds()).toEqual(new Set(['trust-three-way', 'i9-section-2', 'budget-variance']));
    expect(await missedIds()).toEqual(new Set(['i9-section-2']));
    expect(await countFirstAnsweredSince(fx.T('2027-01-11T00:00:00'))).toBe(2);
    const p = await progressFor(['trust-three-way', 'budget-variance']);
    expect(p.get('trust-three-way')).toEqual({
      questionId: 'trust-three-way',
      answers: 2,
      rights: 1,
      lastCorrect: true,
      wrong: 0,
      lastAt: fx.T('2027-01-11T08:30:00'),
      firstAt: fx.T('2027-01-10T19:00:00'),
    });
    expect(p.get('budget-variance')).toMatchObject({ answers: 1, rights: 1, wrong: 0 });
    expect((await studyDays()).sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2027-01-10', answers: 1, ms: 0 },
      { day: '2027-01-11', answers: 2, ms: 103_000 },
      { day: '2027-01-12', answers: 1, ms: 0 },
    ]);
  });

  it('keeps review cards, sets and exams, flags and settings', async () => {
    await upgradeFrom(version);
    const had = version >= 2;
    expect(await getCard('trust-three-way')).toEqual(had ? fx.cards[0] : undefined);
    expect(await countDue(fx.T('2027-02-01T00:00:00'))).toBe(had ? 1 : 0);
    expect(await flaggedIds()).toEqual(had ? ['i9-section-2'] : []);
    expect(await getExamDate()).toBe(had ? '2027-06-01' : undefined);
    expect(await getNewPerDay()).toBe(had ? 12 : undefined);
    expect(await activeAttempts('practice')).toEqual(had ? [fx.attempts[0]] : []);
    const exams = await submittedExams();
    expect(exams).toEqual(had ? [fx.attempts[1]] : []);
    expect(await getAttempt('set-1')).toEqual(had ? fx.attempts[0] : undefined);
    expect(exams.map(missedIn)).toEqual(had ? [['interview-panel']] : []);
  });

  it('keeps the roster, attendance, schedule changes and logged hours, and reports duplicate emails', async () => {
    await upgradeFrom(version);
    const had = version >= 4;
    const file = JSON.parse(await exportChapterFile());
    expect(file.members).toEqual(had ? fx.members : []);
    expect(file.attendance).toEqual(had ? fx.attendance : []);
    expect(file.sessionChanges).toEqual(had ? fx.sessionChanges : []);

    const { result } = renderHook(() => ({
      members: useMembers(),
      duplicates: useRosterDuplicates(),
      attendance: useAttendance('books-night'),
      schedule: useSchedule(),
      hours: useHoursData(),
    }));
    await waitFor(() => expect(result.current.hours).toBeDefined());
    await waitFor(() => expect(result.current.duplicates).toBeDefined());
    const r = result.current;
    expect(r.members?.map((m) => m.name)).toEqual(had ? ['Ann Lee', 'Ann Lee (work)', 'Bo Park'] : []);
    expect(r.attendance).toEqual(had ? fx.attendance : []);
    expect(r.schedule?.find((s) => s.id === 'hiring-night')?.location).toBe(had ? 'Room 4' : undefined);
    expect(r.hours?.me).toBe(had ? 'm-ann' : undefined);
    expect(r.hours?.education).toEqual(had ? fx.education : []);
    expect(r.hours?.attendance).toEqual(had ? [fx.attendance[0]] : []);

    // Version 5: the first member of each email holds the unique key; the later one is reported.
    const keys = await Promise.all(['m-ann', 'm-bo', 'm-ann2'].map(async (id) => (await db.members.get(id))?.emailKey));
    expect(keys).toEqual(had ? ['ann@chapter.org', 'bo@chapter.org', undefined] : [undefined, undefined, undefined]);
    const reported = [{ email: 'ann@chapter.org', memberId: 'm-ann2', name: 'Ann Lee (work)', keptName: 'Ann Lee' }];
    expect(await getSetting(ROSTER_DUPLICATES)).toEqual(had ? reported : undefined);
    expect(r.duplicates).toEqual(had ? reported : []);
  });

  it('turns the attendance kept so far into events, and the stored undo still brings back what it replaced', async () => {
    await upgradeFrom(version);
    const had = version >= 4;
    const events = (await db.attendanceEvents.toArray()).sort(
      (a, b) => a.memberId.localeCompare(b.memberId) || b.at - a.at,
    );
    expect(events.map((e) => [e.memberId, e.kind, e.hours, e.device])).toEqual(
      had
        ? [
            ['m-ann', 'check-in', 3, 'before-sync'],
            ['m-bo', 'absent', undefined, 'before-sync'],
            ['m-bo', 'check-in', 3, 'before-sync'],
          ]
        : [],
    );
    expect(foldAttendance(events)).toEqual(had ? [fx.attendance[0], { ...fx.attendance[1], hours: 0 }] : []);
    expect(await undoCheckIn('books-night')).toBe(had ? 'Bo Park checked out' : undefined);
    expect(await db.attendance.get('books-night|m-bo')).toEqual(had ? fx.boBefore : undefined);
    expect(await undoCheckIn('books-night')).toBe(had ? 'Ann Lee checked in' : undefined);
    expect(await db.attendance.get('books-night|m-ann')).toBeUndefined();
    expect(await undoCheckIn('books-night')).toBeUndefined();
  });
});
