// The official hours as a pure function of the chapter document (server/projection.ts) and
// who may open which document (server/access.ts): the figures are the one hours rule's, for
// the members matched to a server person by normalized email; entries in a wrong shape are
// skipped; the session changes of the document move, shorten and cancel sessions.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHAPTER_MAPS } from '../../src/lib/chapter-doc.ts';
import { canOpen } from '../../server/access.ts';
import { chapterState, hoursKey, officialHours } from '../../server/projection.ts';
import { addEvents, event, expected, member, members, published } from './chapter-fixtures.ts';

const S1 = 'general-accounting-trust'; // 2027-01-12, 3 hours
const S2 = 'hiring-selection-promotion'; // 2027-01-19, 3 hours

function chapter() {
  const doc = new Y.Doc();
  const mo = member('Mo', 'MO@example.org ');
  const bo = member('Bo', 'bo@example.org');
  members(doc).set(mo.id, mo);
  members(doc).set(bo.id, bo);
  addEvents(doc, [event('check-in', S1, mo.id, { hours: 3 }), event('check-in', S2, mo.id, { hours: 2 })]);
  return { doc, mo, bo };
}
const people = [
  { id: 'p-mo', email: 'mo@example.org' },
  { id: 'p-bo', email: 'BO@example.org' },
  { id: 'p-nobody', email: 'nobody@example.org' },
];

describe('officialHours', () => {
  it("gives each matched person their member's figures by the one rule, and nobody else's", () => {
    const { doc, mo, bo } = chapter();
    const result = officialHours(chapterState(doc), published(), '2027-06-01', people, 42);
    expect([...result.keys()].sort()).toEqual(['p-bo', 'p-mo']);
    expect(result.get('p-mo')).toMatchObject({ memberId: mo.id, name: 'Mo', ...expected(mo.id, [doc]), updatedAt: 42 });
    expect(result.get('p-mo')).toMatchObject({ hours: 5, attended: 2, heldHours: 30 });
    expect(result.get('p-bo')).toMatchObject({ memberId: bo.id, hours: 0, attended: 0, missed: 10 });
  });

  it('counts a walk-in added offline on two phones (two ids, one email) as one member with both check-ins', () => {
    const { doc } = chapter();
    const a = { ...member('Walk In', 'walk@example.org'), id: 'm-a' };
    const b = { ...member('Walk In', 'WALK@example.org'), id: 'm-b' };
    members(doc).set(a.id, a);
    members(doc).set(b.id, b);
    addEvents(doc, [event('check-in', S1, a.id, { hours: 3 }), event('check-in', S2, b.id, { hours: 2.5 })]);
    const walkIn = [{ id: 'p-walk', email: 'walk@example.org' }];
    expect(officialHours(chapterState(doc), published(), '2027-06-01', walkIn).get('p-walk')).toMatchObject({
      memberId: 'm-a',
      hours: 5.5,
      attended: 2,
    });
    expect(chapterState(doc).members.filter((m) => m.email.toLowerCase().startsWith('walk'))).toHaveLength(1);
  });

  it('counts only the sessions held by today, and follows the session changes in the document', () => {
    const { doc } = chapter();
    expect(officialHours(chapterState(doc), published(), '2027-01-12', people).get('p-mo')).toMatchObject({
      hours: 3,
      heldHours: 3,
    });
    doc.getMap(CHAPTER_MAPS.sessionChanges).set(S2, { sessionId: S2, cancelled: true, updatedAt: 5 });
    doc.getMap(CHAPTER_MAPS.sessionChanges).set(S1, { sessionId: S1, hours: 2, updatedAt: 5 });
    expect(officialHours(chapterState(doc), published(), '2027-06-01', people).get('p-mo')).toMatchObject({
      hours: 2,
      attended: 1,
      heldHours: 26,
    });
  });

  it('skips entries in a wrong shape instead of counting them or failing', () => {
    const { doc } = chapter();
    const log = doc.getMap(CHAPTER_MAPS.events);
    log.set('a', { id: 'a', kind: 'check-in', sessionId: S1 }); // no member, no time
    log.set('b', 'check-in');
    log.set('c', { ...event('check-in', S1, 'x'), kind: 'teleport' });
    doc.getMap(CHAPTER_MAPS.members).set('m', { id: 'm' });
    doc.getMap(CHAPTER_MAPS.sessionChanges).set('s', { cancelled: true });
    const state = chapterState(doc);
    expect(state.events).toHaveLength(2);
    expect(state.members).toHaveLength(2);
    expect(state.sessionChanges).toHaveLength(0);
    expect(officialHours(state, published(), '2027-06-01', people).get('p-mo')?.hours).toBe(5);
  });

  it('picks the active member when two share an email', () => {
    const { doc, mo } = chapter();
    const twin = { ...member('Mo again', 'mo@example.org'), active: false };
    members(doc).set(twin.id, twin);
    expect(officialHours(chapterState(doc), published(), '2027-06-01', people).get('p-mo')?.memberId).toBe(mo.id);
  });

  it('keys the figures without their time, so the same figures are not written twice', () => {
    const { doc } = chapter();
    const a = officialHours(chapterState(doc), published(), '2027-06-01', people, 1).get('p-mo');
    const b = officialHours(chapterState(doc), published(), '2027-06-01', people, 2).get('p-mo');
    expect(hoursKey(a)).toBe(hoursKey(b));
    expect(hoursKey(undefined)).toBe('');
  });
});

describe('canOpen', () => {
  const chapterId = 'c1';
  const as = (roles: string[]) => ({ sub: 'p1', roles });
  it('grants the chapter document to committee and admin, read and write; refuses members and speakers', () => {
    expect(canOpen(as(['committee']), 'chapter:c1', chapterId)).toBe('write');
    expect(canOpen(as(['admin']), 'chapter:c1', chapterId)).toBe('write');
    expect(canOpen(as(['member', 'committee']), 'chapter:c1', chapterId)).toBe('write');
    expect(canOpen(as(['member']), 'chapter:c1', chapterId)).toBe(false);
    expect(canOpen(as(['speaker']), 'chapter:c1', chapterId)).toBe(false);
    expect(canOpen(as(['admin']), 'chapter:c2', chapterId)).toBe(false);
  });
  it("grants a person their own hours read-only and their own user document; refuses anyone else's", () => {
    expect(canOpen(as(['member']), 'hours:p1', chapterId)).toBe('read');
    expect(canOpen(as(['admin']), 'hours:p1', chapterId)).toBe('read');
    expect(canOpen(as(['admin']), 'hours:p2', chapterId)).toBe(false);
    expect(canOpen(as(['member']), 'user:p1', chapterId)).toBe('write');
    expect(canOpen(as(['admin']), 'user:p2', chapterId)).toBe(false);
    expect(canOpen(as(['admin']), 'chapter:', '')).toBe(false);
    expect(canOpen(as(['admin']), 'anything', chapterId)).toBe(false);
  });
});
