// The chapter's documents on a real server: the committee (committee and admin) opens the
// chapter document, members and speakers are refused it; a member opens only their own hours
// document, read-only; the server writes each member's official hours there from the
// chapter's attendance log with the one hours rule, and refuses any edit a device makes to it;
// a revoked committee device stops syncing at once and what it recorded before is kept.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterDocName, hoursDocName, HOURS_MAP, OFFICIAL_KEY } from '../../src/lib/chapter-doc.ts';
import { connect, settled, startTestServer, until, type Client, type Enrolled, type TestServer } from './harness.ts';
import { addEvents, event, events, expected, member, members, official } from './chapter-fixtures.ts';

let server: TestServer;
let admin: Enrolled;
let cy: Enrolled;
let dee: Enrolled;
let mo: Enrolled;
let bo: Enrolled;
let speaker: Enrolled;
let chapterDoc: string;
const clients: Client[] = [];
const open = (name: string, token: string, doc?: Y.Doc) => {
  const client = connect(server.wsUrl, name, token, doc);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.enrolPerson('ann@example.org', 'admin', 'Laptop');
  cy = await server.enrolPerson('cy@example.org', 'committee', 'Phone A');
  dee = await server.enrolPerson('dee@example.org', 'committee', 'Phone B');
  mo = await server.enrolPerson('Mo.Member@Example.org', 'member', 'Phone');
  bo = await server.enrolPerson('bo@example.org', 'member', 'Laptop');
  speaker = await server.enrolPerson('sam@example.org', 'speaker', 'Laptop');
  chapterDoc = chapterDocName(server.store.chapterId());
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(() => server.stop());

describe('who opens which chapter document', () => {
  it('lets committee and admin devices open the chapter document', async () => {
    for (const who of [cy, admin]) {
      const client = open(chapterDoc, who.token);
      await settled(client, `${who.person.email} to sync the chapter document`);
      expect(client.refusals).toEqual([]);
    }
  });

  it('refuses the chapter document to a member and to a speaker', async () => {
    for (const who of [mo, speaker]) {
      const client = open(chapterDoc, who.token);
      await until(() => client.refusals.length > 0, `${who.person.email} to be refused`);
      expect(client.refusals).toEqual(['forbidden']);
      expect(client.provider.isSynced).toBe(false);
    }
  });

  it("refuses another person's hours document and any other document name", async () => {
    for (const name of [hoursDocName(bo.person.id), 'chapter:not-this-chapter', 'hours:', `user:${bo.person.id}`]) {
      const client = open(name, mo.token);
      await until(() => client.refusals.length > 0, `${name} to be refused`);
      expect(client.refusals).toEqual(['forbidden']);
    }
  });
});

describe('official hours', () => {
  it("shows a member their hours within a second of two committee phones' overlapping check-ins, adjust and undo", async () => {
    const phoneA = open(chapterDoc, cy.token);
    const phoneB = open(chapterDoc, dee.token);
    await settled(phoneA);
    await settled(phoneB);
    const moRecord = member('Mo Member', ' mo.member@example.ORG ');
    const boRecord = member('Bo Brown', 'bo@example.org');
    phoneA.doc.transact(() => {
      members(phoneA.doc).set(moRecord.id, moRecord);
      members(phoneA.doc).set(boRecord.id, boRecord);
    });
    await settled(phoneA);
    await until(() => members(phoneB.doc).size === 2, 'phone B to get the roster');

    const moHours = open(hoursDocName(mo.person.id), mo.token);
    await settled(moHours);

    const s1 = 'general-accounting-trust';
    const s2 = 'hiring-selection-promotion';
    const s3 = 'technology';
    // Both phones check Mo in at s1 (overlap: two events, neither lost); phone B then
    // adjusts Mo to 1.5 hours (a partial). Phone A checks Bo in at s2 and undoes it.
    const boAtS2 = event('check-in', s2, boRecord.id, { hours: 3, device: 'A' });
    addEvents(phoneA.doc, [
      event('check-in', s1, moRecord.id, { hours: 3, device: 'A' }),
      event('check-in', s1, boRecord.id, { hours: 3, device: 'A' }),
      event('check-in', s3, moRecord.id, { hours: 3, device: 'A' }),
      boAtS2,
    ]);
    addEvents(phoneB.doc, [
      event('check-in', s1, moRecord.id, { hours: 3, device: 'B' }),
      event('adjust', s1, moRecord.id, { hours: 1.5, device: 'B' }),
    ]);
    addEvents(phoneA.doc, [event('undo', s2, boRecord.id, { target: boAtS2.id, device: 'A' })]);
    await settled(phoneA);
    await settled(phoneB);
    const sentAt = Date.now();
    await until(() => events(phoneA.doc).size === 7 && events(phoneB.doc).size === 7, 'both phones to hold 7 events');

    const want = expected(moRecord.id, [phoneA.doc]);
    expect(want).toMatchObject({ hours: 4.5, attended: 2 });
    await until(() => official(moHours.doc)?.hours === want.hours, "Mo's official hours", 2000);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(official(moHours.doc)).toMatchObject({
      memberId: moRecord.id,
      name: 'Mo Member',
      ...want,
      sessions: [
        { sessionId: s1, hours: 1.5, date: '2027-01-12' },
        { sessionId: s3, hours: 3, date: '2027-01-26' },
      ],
    });

    // Bo's figures follow the undo: only s1 counts.
    const boHours = open(hoursDocName(bo.person.id), bo.token);
    await until(() => official(boHours.doc)?.hours === 3, "Bo's official hours");
    expect(official(boHours.doc)).toMatchObject(expected(boRecord.id, [phoneA.doc]));
  });

  it('discards an edit a member device makes to its hours document: the server state is unchanged', async () => {
    const laptop = open(hoursDocName(mo.person.id), mo.token);
    await until(() => official(laptop.doc) !== undefined, 'the official hours to arrive');
    const before = official(laptop.doc);

    laptop.doc.getMap(HOURS_MAP).set(OFFICIAL_KEY, { ...before!, hours: 999 });
    laptop.doc.getMap(HOURS_MAP).set('forged', 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Never acknowledged, never applied, never stored, never sent to another device.
    expect(laptop.provider.unsyncedChanges).toBeGreaterThan(0);
    const live = server.hocuspocus.documents.get(hoursDocName(mo.person.id));
    expect(live?.getMap(HOURS_MAP).get(OFFICIAL_KEY)).toEqual(before);
    expect(live?.getMap(HOURS_MAP).has('forged')).toBe(false);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, server.store.fetchDocument(hoursDocName(mo.person.id))!);
    expect(official(stored)).toEqual(before);
    const other = open(hoursDocName(mo.person.id), mo.token);
    await settled(other);
    expect(official(other.doc)).toEqual(before);
    expect(other.doc.getMap(HOURS_MAP).has('forged')).toBe(false);

    // An edit made offline, before the device connects, goes up in its first sync (step 2): refused too.
    const offline = new Y.Doc();
    offline.getMap(HOURS_MAP).set('forged-offline', 1);
    const late = open(hoursDocName(mo.person.id), mo.token, offline);
    await until(() => official(late.doc) !== undefined, 'the offline device to receive the official hours');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live?.getMap(HOURS_MAP).has('forged-offline')).toBe(false);
    expect(other.doc.getMap(HOURS_MAP).has('forged-offline')).toBe(false);
    const storedAgain = new Y.Doc();
    Y.applyUpdate(storedAgain, server.store.fetchDocument(hoursDocName(mo.person.id))!);
    expect(storedAgain.getMap(HOURS_MAP).has('forged-offline')).toBe(false);
  });
});

describe('two committee phones offline at the door', () => {
  for (const order of ['A then B', 'B then A'] as const) {
    it(`converge within a second with every event kept once when they reconnect ${order}`, async () => {
      const zed = await server.enrolPerson(`zed.${order.startsWith('A') ? 'ab' : 'ba'}@example.org`, 'member');
      const phoneA = open(chapterDoc, cy.token);
      const phoneB = open(chapterDoc, dee.token);
      await settled(phoneA);
      await settled(phoneB);
      const record = member('Zed', zed.person.email);
      members(phoneA.doc).set(record.id, record);
      await settled(phoneA);
      await until(() => members(phoneB.doc).has(record.id), 'phone B to get the member');
      phoneA.socket.disconnect();
      phoneB.socket.disconnect();
      await until(() => !phoneA.provider.isSynced || phoneA.socket.status === 'disconnected', 'phone A offline');

      const s1 = 'budgets-billing-profitability';
      const s2 = 'pay-performance-wage-hour';
      const bAtS2 = event('check-in', s2, record.id, { hours: 3, device: 'B' });
      addEvents(phoneB.doc, [event('check-in', s1, record.id, { hours: 3, device: 'B' }), bAtS2]);
      addEvents(phoneB.doc, [event('undo', s2, record.id, { target: bAtS2.id, device: 'B' })]);
      // Phone A's adjust is the latest by time: it sets the hours.
      addEvents(phoneA.doc, [
        event('check-in', s1, record.id, { hours: 3, device: 'A' }),
        event('adjust', s1, record.id, { hours: 2, device: 'A' }),
      ]);
      const mine = (doc: Y.Doc) => [...events(doc).values()].filter((e) => e.memberId === record.id);
      expect(mine(phoneA.doc)).toHaveLength(2);
      expect(mine(phoneB.doc)).toHaveLength(3);

      const [first, second] = order === 'A then B' ? [phoneA, phoneB] : [phoneB, phoneA];
      const reconnected = Date.now();
      first.socket.connect();
      await settled(first);
      second.socket.connect();
      await settled(second);
      await until(() => mine(phoneA.doc).length === 5 && mine(phoneB.doc).length === 5, 'both phones to hold all 5');
      expect(Date.now() - reconnected).toBeLessThan(1000);
      const ids = (doc: Y.Doc) =>
        mine(doc)
          .map((e) => e.id)
          .sort();
      expect(ids(phoneA.doc)).toEqual(ids(phoneB.doc));
      expect(new Set(ids(phoneA.doc)).size).toBe(5);

      const want = expected(record.id, [phoneA.doc]);
      expect(want.hours).toBe(2);
      const hours = open(hoursDocName(zed.person.id), zed.token);
      await until(() => official(hours.doc)?.hours === 2, "Zed's official hours");
      expect(official(hours.doc)).toMatchObject(want);
    });
  }
});

/** A new committee phone at the door and the desk on the chapter document, one check-in from the door on both. */
async function doorAndDesk(email: string, memberId: string) {
  const door = await server.enrolPerson(email, 'committee', `Door phone (${email})`);
  const phone = open(chapterDoc, door.token);
  const desk = open(chapterDoc, cy.token);
  await settled(phone);
  await settled(desk);
  const before = event('check-in', 'technology', memberId, { hours: 3, device: 'door' });
  addEvents(phone.doc, [before]);
  await settled(phone);
  await until(() => events(desk.doc).has(before.id), 'the desk to get the door check-in');
  return { door, phone, desk, before };
}

describe('a committee device revoked at the door', () => {
  it('stops syncing at once; what it recorded before is kept', async () => {
    const { door, phone, desk, before } = await doorAndDesk('eve@example.org', 'someone');

    // The admin revokes it from their own device.
    const revokedAt = Date.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/devices/${door.device.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    expect(response.status).toBe(204);
    await until(() => phone.closes.length > 0, 'the revoked phone to be disconnected', 1000);
    expect(phone.closes[0]).toEqual({ code: 4401, reason: 'revoked' });
    const after = event('check-in', 'technology', 'someone-else', { hours: 3, device: 'door' });
    addEvents(phone.doc, [after]);
    await until(() => phone.refusals.includes('revoked'), 'the phone to be refused as revoked');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events(desk.doc).has(before.id)).toBe(true);
    expect(events(desk.doc).has(after.id)).toBe(false);
    expect(Date.now() - revokedAt).toBeLessThan(2000);
    // Still there after the server stores the document and loads it again.
    phone.destroy();
    desk.destroy();
    await until(() => !server.hocuspocus.documents.has(chapterDoc), 'the chapter document to unload');
    const later = open(chapterDoc, cy.token);
    await settled(later);
    expect(events(later.doc).has(before.id)).toBe(true);
    expect(events(later.doc).has(after.id)).toBe(false);
  });

  it('closes a demoted committee phone at once and refuses it the chapter document when it reconnects', async () => {
    const { door: fay, phone, desk, before } = await doorAndDesk('fay@example.org', 'walk-in');

    const response = await fetch(`http://127.0.0.1:${server.port}/api/people/${fay.person.id}/roles`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roles: ['member'] }),
    });
    expect(response.status).toBe(200);
    await until(() => phone.closes.length > 0, 'the demoted phone to be disconnected', 1000);
    expect(phone.closes[0]).toEqual({ code: 4409, reason: 'roles-changed' });
    const after = event('check-in', 'technology', 'walk-in-2', { hours: 3, device: 'door' });
    addEvents(phone.doc, [after]);
    await until(() => phone.refusals.length > 0, 'the phone to be refused the chapter document');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events(desk.doc).has(before.id)).toBe(true);
    expect(events(desk.doc).has(after.id)).toBe(false);
  });

  it("refuses a committee device that revokes someone else's device", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/devices/${dee.device.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${cy.token}` },
    });
    expect(response.status).toBe(404);
    expect(server.store.device(dee.device.id)?.revokedAt).toBeNull();
  });
});
