// Records for the chapter document in the server tests: members and attendance events shaped
// as the committee's devices write them (src/lib/chapter-doc.ts), and the expected official
// figures from the one hours rule, computed here the way the server must compute them.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import type { AttendanceEvent, AttendanceEventKind } from '../../src/lib/attendance-log.ts';
import { foldAttendance } from '../../src/lib/attendance-log.ts';
import { newMember, type Member } from '../../src/lib/chapter.ts';
import { CHAPTER_MAPS, HOURS_MAP, OFFICIAL_KEY, type OfficialHours } from '../../src/lib/chapter-doc.ts';
import { seasonHours } from '../../src/lib/hours.ts';
import { buildSchedule } from '../../src/lib/schedule.ts';
import { loadPublished } from '../../server/published.ts';
import { TEST_TODAY } from './harness.ts';

export const published = () => loadPublished(resolve('content')).sessions;

export function member(name: string, email: string, at = 1): Member {
  return newMember({ name, email, role: 'candidate' }, at, randomUUID());
}

let clock = Date.UTC(2027, 0, 12, 18);
export function event(
  kind: AttendanceEventKind,
  sessionId: string,
  memberId: string,
  extra: { hours?: number; target?: string; device?: string } = {},
): AttendanceEvent {
  clock += 1000;
  return {
    id: randomUUID(),
    kind,
    sessionId,
    memberId,
    ...(extra.hours !== undefined ? { hours: extra.hours } : {}),
    ...(extra.target !== undefined ? { target: extra.target } : {}),
    device: extra.device ?? 'test-device',
    by: 'Test Committee',
    at: clock,
  };
}

export const members = (doc: Y.Doc) => doc.getMap<Member>(CHAPTER_MAPS.members);
export const events = (doc: Y.Doc) => doc.getMap<AttendanceEvent>(CHAPTER_MAPS.events);
export const official = (doc: Y.Doc) => doc.getMap<OfficialHours>(HOURS_MAP).get(OFFICIAL_KEY);

export function addEvents(doc: Y.Doc, list: AttendanceEvent[]): void {
  doc.transact(() => {
    for (const e of list) events(doc).set(e.id, e);
  });
}

/** A member's figures by the one rule, over everything the documents hold. */
export function expected(memberId: string, docs: Y.Doc[], today = TEST_TODAY) {
  const all = docs.flatMap((d) => [...events(d).values()]);
  const roster = [...new Map(docs.flatMap((d) => [...members(d).values()]).map((m) => [m.id, m])).values()];
  const season = seasonHours(buildSchedule(published(), []), roster, foldAttendance(all), today);
  const mine = season.byMember.get(memberId);
  return { hours: mine?.hours, attended: mine?.attended, missed: mine?.missed, heldHours: season.heldHours };
}
