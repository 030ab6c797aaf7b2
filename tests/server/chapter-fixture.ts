// A chapter document's data for the scale-out tests: members, an extra session that has been
// held, and check-in events written as a committee device writes them (src/lib/chapter-doc.ts).
import * as Y from 'yjs';
import type { AttendanceEvent } from '../../src/lib/attendance-log.ts';
import { newMember, type Member, type SessionChange } from '../../src/lib/chapter.ts';
import { CHAPTER_MAPS } from '../../src/lib/chapter-doc.ts';

/** The content the servers of these tests read their published sessions from (CLM_CONTENT_DIR). */
export const CONTENT_DIR = 'tests/fixtures/content/valid';
/** Held (its day has come) in every test run; 2 hours. */
export const HELD = 'extra-held';
/** A published session of the fixture content that is still to come. */
export const FUTURE = 'books-night';

export const members = (doc: Y.Doc) => doc.getMap<Member>(CHAPTER_MAPS.members);
export const events = (doc: Y.Doc) => doc.getMap<AttendanceEvent>(CHAPTER_MAPS.events);
export const sessionChanges = (doc: Y.Doc) => doc.getMap<SessionChange>(CHAPTER_MAPS.sessionChanges);

export function addMember(doc: Y.Doc, id: string, name: string, email: string): void {
  members(doc).set(id, newMember({ name, email, role: 'candidate' }, 1_000, id));
}

export function addHeldSession(doc: Y.Doc): void {
  sessionChanges(doc).set(HELD, {
    sessionId: HELD,
    date: '2026-01-15',
    start: '18:00',
    hours: 2,
    extra: { title: 'Extra night', area: 'money', speaker: 'Pat' },
    updatedAt: 1_000,
  });
}

let counter = 0;
export function record(
  doc: Y.Doc,
  event: Omit<AttendanceEvent, 'id' | 'device' | 'by' | 'at'> & { at?: number; device?: string },
): string {
  const id = `e-${++counter}-${Math.random().toString(36).slice(2)}`;
  events(doc).set(id, { device: 'phone', by: 'Cai', at: Date.now() + counter, ...event, id });
  return id;
}
